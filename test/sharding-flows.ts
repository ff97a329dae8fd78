// The main request flows the sharding guards run through the app's services with the app's own
// dossier hooks (dossierHooksOf, as buildApp wires them): intake at the counter, processing to the
// return, a postal pickup collected and handed over, search by each role's scope, the dashboard
// reads, public tracking and the citizen's own list. test/sharding-queries.test.ts records their
// SQL; test/sharding-jobs.test.ts runs them first (unrecorded) so that every job has work.
import { dossierHooksOf } from '../src/app';
import type { FilesDeps } from '../src/documents/service';
import type { World } from '../src/dossiers/world.test-helper';
import type { Actor } from '../src/platform/actor';
import { performAction, receiveDossier, searchDossiers } from '../src/dossiers/service';
import { assignCourier, collectPickup, requestPickup, saveDraft, signHandoverRecord } from '../src/postal/service';
import { reportBreakdown, reportDossiers, reportSummary } from '../src/reports/service';
import { trackDossier } from '../src/tracking/service';
import { trackingPinFor } from '../src/tracking/references';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sig = (name: string, personalId?: string) => ({ name, image: PNG, ...(personalId ? { personalId } : {}) });

export interface FlowsDone {
  /** the dossier received at the counter and returned there */
  readonly returnedCode: string;
  /** the pickup's parcel, handed over to the agency (its dossier received at the signature) */
  readonly trackingNumber: string;
}

export async function mainFlows(w: World, files: FilesDeps): Promise<FlowsDone> {
  const hooks = dossierHooksOf([]);
  const ctx = (a: Actor) => ({ ...w.ctx(a), hooks, files });
  const at = (iso: string) => w.clock.set(new Date(iso));

  // intake at the counter, then processing to the return at the counter
  at('2026-04-29T08:00:00+07:00');
  const { code } = await receiveDossier(ctx(w.actors.clerk), w.intake({ personalId: '087090001234' }));
  await performAction(ctx(w.actors.clerk), code, 'forward');
  await performAction(ctx(w.actors.approver), code, 'assign', { officerId: w.actors.officer.userId });
  await performAction(ctx(w.actors.approver), code, 'approve');
  await performAction(ctx(w.actors.officer), code, 'markResultReady');
  await performAction(ctx(w.actors.clerk), code, 'return', { channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: '2026-04-29T08:00:00+07:00' } });

  // a pickup asked by phone, collected at the door, handed over to the agency (the dossier is received at the signature)
  const s = await requestPickup(ctx(w.actors.clerk), {
    procedureCode: w.procedureCode, origin: 'phone', applicant: { name: 'Trần Thị Bình', phone: '0912345679' }, address: 'Số 12 đường Lê Lợi, ấp 3',
    communeCode: w.commune.code, windowFrom: '2026-04-29T13:00:00+07:00', windowTo: '2026-04-29T15:00:00+07:00',
  });
  const trackingNumber = s.legs[0]?.trackingNumber ?? '';
  await assignCourier(ctx(w.actors.courier), trackingNumber);
  await saveDraft(ctx(w.actors.courier), s.id, {
    idCardQr: '087190005678||TRẦN THỊ BÌNH|15061990|Nữ|Ấp 3, Xã Cũ, Huyện Cũ|01022022', applicant: { phone: '0912345679' },
    formData: { fullName: 'Trần Thị Bình', personalId: '087190005678', gender: 'Nữ' },
    papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned' }], weightGrams: 300,
  });
  at('2026-04-29T13:30:00+07:00');
  await collectPickup(ctx(w.actors.courier), s.id, {
    items: [{ kind: 'postage', label: 'Cước BCCI', amountVnd: 17_000 }], paymentMethod: 'cash',
    applicantSignature: sig('Trần Thị Bình', '087190005678'), courierSignature: sig('Người courier'),
  });
  at('2026-04-29T14:30:00+07:00');
  await signHandoverRecord(ctx(w.actors.courier), {
    agencyId: w.communeAgency.id, trackingNumbers: [trackingNumber], receiver: { name: 'Trần Thị Nhận' },
    courierSignature: sig('Người courier'), receiverSignature: sig('Trần Thị Nhận'),
  });

  // search by each role's scope, the dashboard reads, public tracking, the citizen's own dossiers
  await searchDossiers(ctx(w.actors.clerk), { name: 'nguyen van' });
  await searchDossiers(ctx(w.actors.officer), {});
  await searchDossiers(ctx(w.actors.supervisor), { code: code.slice(-11) });
  const period = { from: '2026-04-01', to: '2026-04-30' };
  await reportSummary(ctx(w.actors.supervisor), period);
  await reportBreakdown(ctx(w.actors.supervisor), { ...period, by: 'procedure' });
  await reportDossiers(ctx(w.actors.supervisor), { ...period } as Parameters<typeof reportDossiers>[1]);
  await trackDossier({ db: w.db, clock: w.clock }, code, await trackingPinFor(w.db, code));
  await searchDossiers(ctx(w.actors.citizen), {});
  return { returnedCode: code, trackingNumber };
}
