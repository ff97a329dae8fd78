// The postal figures of the dashboard on the real database (issue 13 §5): volume by leg kind, legs
// ended on time against J+n (across the 30/4–1/5 holidays) or late, failed attempts, money
// collected, incidents and compensation — per post office, in the caller's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/http';
import type { HttpApp } from '../platform/http/server';
import { useWorld, type World } from '../dossiers/world.test-helper';
import type { DossierContext } from '../dossiers/events';
import type { Actor } from '../platform/actor';
import { recordIncident, resolveIncident } from './incidents';
import { registerPostalReportRoutes } from './report-routes';
import { assignCourier, collectPickup, ingestCarrierEvents, postalResultHook, requestPickup, saveDraft, signHandoverRecord } from './service';
import { postalStats } from './stats';
import { useTempFiles } from './files.test-helper';

const { t, w } = useWorld('2026-04-29T07:00:00+07:00');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sig = (name: string, personalId?: string) => ({ name, image: PNG, ...(personalId ? { personalId } : {}) });
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [postalResultHook], files });
const at = (iso: string) => w.clock.set(new Date(iso));
let app: HttpApp;
beforeAll(async () => {
  app = await createTestApp((who) => (who in w.actors ? w.actors[who as keyof World['actors']] : null), (a) => registerPostalReportRoutes(a, { db: t.db, clock: w.clock }));
});
afterAll(() => app?.close());

/** A pickup collected at 09:10 on 29/04/2026 with 8,000 VND fee and 17,000 VND postage (300 g in the same commune). */
async function collected(personalId: string, phone: string): Promise<string> {
  at('2026-04-29T07:00:00+07:00');
  const s = await requestPickup(ctx(w.actors.clerk), {
    procedureCode: w.procedureCode, origin: 'phone', applicant: { name: 'Nguyễn Văn An', phone }, address: 'Số 12 đường Lê Lợi, ấp 3',
    communeCode: w.commune.code, windowFrom: '2026-04-29T08:00:00+07:00', windowTo: '2026-04-29T10:00:00+07:00',
  });
  const n = s.legs[0]?.trackingNumber ?? '';
  await assignCourier(ctx(w.actors.courier), n);
  await saveDraft(ctx(w.actors.courier), s.id, {
    idCardQr: `${personalId}||NGUYỄN VĂN AN|15061990|Nam|Ấp 3, Xã Cũ, Huyện Cũ|01022022`, applicant: { phone },
    formData: { fullName: 'Nguyễn Văn An', personalId, gender: 'Nam' }, papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned' }], weightGrams: 300,
  });
  at('2026-04-29T09:10:00+07:00');
  await collectPickup(ctx(w.actors.courier), s.id, {
    items: [{ kind: 'fee', label: 'Lệ phí', amountVnd: 8_000 }, { kind: 'postage', label: 'Cước BCCI', amountVnd: 17_000 }], paymentMethod: 'cash',
    applicantSignature: sig('Nguyễn Văn An', personalId), courierSignature: sig('Người courier'),
  });
  return n;
}

const handOver = (n: string, iso: string) => {
  at(iso);
  return signHandoverRecord(ctx(w.actors.courier), { agencyId: w.communeAgency.id, trackingNumbers: [n], receiver: { name: 'Trần Thị Nhận' }, courierSignature: sig('Người courier'), receiverSignature: sig('Trần Thị Nhận') });
};

describe('postal figures', () => {
  it('counts volume, on-time and late legs, failed attempts, money and incidents per post office', async () => {
    const onTime = await collected('087090005001', '0912005001');
    const late = await collected('087090005002', '0912005002');
    const failing = await collected('087090005003', '0912005003');
    // J = 29/04, same commune: J+1 is Monday 4/5 (30/4 and 1/5 are holidays)
    await handOver(onTime, '2026-05-04T16:00:00+07:00');
    await handOver(late, '2026-05-05T08:30:00+07:00');
    await ingestCarrierEvents(w.db, w.clock, [{ eventId: 'st-f1', trackingNumber: failing, kind: 'failedAttempt', at: '2026-05-05T10:00:00+07:00', note: 'Không có người nhận' }]);
    at('2026-05-05T11:00:00+07:00');
    const lost = await recordIncident(ctx(w.actors.clerk), failing, { kind: 'lost', description: 'Bưu gửi không đến bưu cục trung chuyển', reportedBy: 'Nguyễn Văn An' });
    at('2026-05-06T11:00:00+07:00');
    await resolveIncident(ctx(w.actors.clerk), lost.id, { resolution: 'Bồi thường và hướng dẫn nộp lại hồ sơ', compensation: { amountVnd: 50_000, recipientName: 'Nguyễn Văn An', paymentMethod: 'cash' } });

    const stats = await postalStats(ctx(w.actors.supervisor), { from: '2026-04-01', to: '2026-05-31' });
    expect(stats.postOffices.map((p) => p.servicePointId)).toEqual([w.servicePoint.id]);
    expect(stats.total).toMatchObject({
      legs: 6, legsByKind: { pickup: 3, toAgency: 3, result: 0, transfer: 0 }, ended: 2, onTime: 1, late: 1, failedAttempts: 1,
      postageVnd: 51_000, feesVnd: 24_000, incidents: 1, incidentsByKind: { lost: 1, damaged: 0, late: 0, complaint: 0 }, compensationVnd: 50_000,
    });
    // a period that ends before the hand-overs sees the collections, not the ends
    expect((await postalStats(ctx(w.actors.supervisor), { from: '2026-04-01', to: '2026-04-30' })).total).toMatchObject({ legs: 6, ended: 0, onTime: 0, failedAttempts: 0, compensationVnd: 0 });
    // the dispatcher of another post office sees none of it; an officer may not read the figures
    expect((await postalStats(ctx(w.actors.otherClerk), { from: '2026-04-01', to: '2026-05-31' })).postOffices).toEqual([]);
    await expect(postalStats(ctx(w.actors.officer), { from: '2026-04-01', to: '2026-05-31' })).rejects.toMatchObject({ kind: 'Forbidden' });
  });

  it('answers over HTTP with the schema, and 400 for a period turned around', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/v1/postal/stats?from=2026-04-01&to=2026-05-31', headers: { 'x-test-actor': 'supervisor' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/postal/stats?from=2026-05-31&to=2026-04-01', headers: { 'x-test-actor': 'supervisor' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('PERIOD_INVALID');
  });
});
