// Transfer legs (issue 13 §1–2; DOMAIN §5.2 step 13): an agency's officer asks the post to carry a
// dossier's papers to another agency; the courier collects them (both sign) and hands them over at
// the receiving agency (the receiver signs); the dossier's page reads the leg and its trail.
import { describe, expect, it } from 'vitest';
import { performAction, receivePostalDossier } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { assignCourier, postalResultHook } from './service';
import { useTempFiles } from './files.test-helper';
import { collectTransfer, dossierTransfers, handOverTransfer, requestTransfer, transferAgencies } from './transfers';

const { w } = useWorld('2026-05-04T08:00:00+07:00');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sig = (name: string, personalId?: string) => ({ name, image: PNG, ...(personalId ? { personalId } : {}) });
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [postalResultHook], files });
const at = (iso: string) => w.clock.set(new Date(iso));

async function dossierInProcessing(): Promise<string> {
  const { code } = await receivePostalDossier(ctx(w.actors.courier), w.intake({ personalId: '087090005555', phone: '0912000555' }), new Date('2026-05-04T07:45:00+07:00'));
  await performAction(ctx(w.actors.clerk), code, 'forward');
  await performAction(ctx(w.actors.approver), code, 'assign', { officerId: w.actors.officer.userId });
  return code;
}

describe('a transfer leg between agencies', () => {
  it('is asked for by the officer, collected and handed over with signatures, and shown on the dossier', async () => {
    const code = await dossierInProcessing();
    // only an agency's officer asks, only for an agency of the province other than their own
    await expect(requestTransfer(ctx(w.actors.courier), { dossierCodes: [code], toAgencyId: w.centre.id, contents: 'Tờ trình' })).rejects.toMatchObject({ kind: 'Forbidden' });
    await expect(requestTransfer(ctx(w.actors.officer), { dossierCodes: [code], toAgencyId: w.otherAgency.id, contents: 'Tờ trình' })).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    await expect(requestTransfer(ctx(w.actors.officer), { dossierCodes: [code], toAgencyId: w.communeAgency.id, contents: 'Tờ trình' })).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    await expect(requestTransfer(ctx(w.actors.officer), { dossierCodes: [code], toAgencyId: w.centre.id, contents: ' ' })).rejects.toMatchObject({ code: 'TRANSFER_INVALID' });
    await expect(requestTransfer(ctx(w.actors.otherOfficer), { dossierCodes: [code], toAgencyId: w.centre.id, contents: 'Tờ trình' })).rejects.toMatchObject({ kind: 'NotFound' });

    // the choices: the other agencies of the province in force, not one's own nor another province's
    const choices = (await transferAgencies(ctx(w.actors.officer))).items.map((a) => a.id);
    expect(choices).toContain(w.centre.id);
    expect(choices).not.toContain(w.communeAgency.id);
    expect(choices).not.toContain(w.otherAgency.id);

    at('2026-05-04T09:00:00+07:00');
    const s = await requestTransfer(ctx(w.actors.officer), { dossierCodes: [code, code], toAgencyId: w.centre.id, contents: 'Tờ trình, biên bản thẩm định', note: 'Chuyển trong ngày' });
    const leg = s.legs[0];
    expect(s).toMatchObject({ origin: 'transfer', servicePointId: w.servicePoint.id, dossierCode: code });
    expect(leg).toMatchObject({ kind: 'transfer', status: 'requested', agencyId: w.centre.id, statusLabel: 'Cơ quan đã yêu cầu chuyển' });
    const n = leg?.trackingNumber ?? '';

    await expect(collectTransfer(ctx(w.actors.courier), n, { weightGrams: 640, senderSignature: sig('Nguyễn Minh Khoa'), courierSignature: sig('Người courier') })).rejects.toMatchObject({ code: 'NOT_YOUR_TRANSFER' });
    await assignCourier(ctx(w.actors.courier), n);
    at('2026-05-04T10:00:00+07:00');
    const collected = await collectTransfer(ctx(w.actors.courier), n, { weightGrams: 640, senderSignature: sig('Nguyễn Minh Khoa'), courierSignature: sig('Người courier'), position: { lat: 10.45, lon: 105.63 } });
    expect(collected.legs[0]).toMatchObject({ status: 'collected', statusLabel: 'Đã nhận hồ sơ tại cơ quan gửi' });
    await expect(collectTransfer(ctx(w.actors.courier), n, { weightGrams: 640, senderSignature: sig('Nguyễn Minh Khoa'), courierSignature: sig('Người courier') })).rejects.toMatchObject({ code: 'LEG_NOT_ASSIGNED' });

    at('2026-05-04T11:15:00+07:00');
    // the receiver signs with the name they give; another name on the signature is refused
    await expect(handOverTransfer(ctx(w.actors.courier), n, { receiver: { name: 'Võ Thị Nhận' }, receiverSignature: sig('Người Khác'), courierSignature: sig('Người courier') }))
      .rejects.toMatchObject({ code: 'SIGNER_MISMATCH' });
    const handed = await handOverTransfer(ctx(w.actors.courier), n, { receiver: { name: 'Võ Thị Nhận', personalId: '087090007777' }, receiverSignature: sig('Võ Thị Nhận', '087090007777'), courierSignature: sig('Người courier') });
    expect(handed.legs[0]).toMatchObject({ status: 'handedOver', statusLabel: 'Đã bàn giao cho cơ quan nhận' });
    await expect(handOverTransfer(ctx(w.actors.courier), n, { receiver: { name: 'Võ Thị Nhận' }, receiverSignature: sig('Võ Thị Nhận'), courierSignature: sig('Người courier') }))
      .rejects.toMatchObject({ code: 'LEG_NOT_COLLECTED' });

    // the dossier's page: the leg, what it carries, and its trail with the times
    const { items } = await dossierTransfers(ctx(w.actors.officer), code);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ trackingNumber: n, fromAgencyId: w.communeAgency.id, agencyId: w.centre.id, contents: 'Tờ trình, biên bản thẩm định', dossierCodes: [code] });
    expect(items[0]?.trail.map((e) => [e.kind, e.at])).toEqual([
      ['requested', new Date('2026-05-04T09:00:00+07:00').toISOString()], ['assigned', new Date('2026-05-04T09:00:00+07:00').toISOString()],
      ['collected', new Date('2026-05-04T10:00:00+07:00').toISOString()], ['handedOver', new Date('2026-05-04T11:15:00+07:00').toISOString()],
    ]);
    expect(items[0]?.trail.at(-1)?.note).toBe('Người nhận: Võ Thị Nhận');
    // someone who does not read the dossier does not read its transfers
    await expect(dossierTransfers(ctx(w.actors.otherOfficer), code)).rejects.toMatchObject({ kind: 'NotFound' });
  });
});
