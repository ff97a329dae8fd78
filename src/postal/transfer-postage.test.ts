// Transfer postage (DOMAIN §5.2 step 13, §5.4): the courier weighs a transfer's parcel when
// collecting it at the sending agency; the leg keeps the postage of the tariff's weight class —
// billed to the sending agency, never to a citizen — and the post lists an agency's transfer
// postage of a month. The sending agency (xã Một) and the receiving one (the provincial centre) are
// two units of one province: zone inProvince, tariff bcci-2025-07 (1 000 g 29 000 đ, 2 000 g
// 38 000 đ, each started 500 g above 4 500 đ).
import { describe, expect, it } from 'vitest';
import { performAction, receivePostalDossier } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { useTempFiles } from './files.test-helper';
import { assignCourier, getShipment, postalResultHook } from './service';
import { transferStatement } from './transfer-statement';
import { collectTransfer, requestTransfer, transferQuote } from './transfers';

const { w } = useWorld('2026-05-04T08:00:00+07:00');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sig = (name: string) => ({ name, image: PNG });
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [postalResultHook], files });
const at = (iso: string) => w.clock.set(new Date(iso));
const signatures = { senderSignature: sig('Nguyễn Minh Khoa'), courierSignature: sig('Người courier') };

let dossierCode: string | null = null;
async function dossier(): Promise<string> {
  if (dossierCode) return dossierCode;
  const { code } = await receivePostalDossier(ctx(w.actors.courier), w.intake({ personalId: '087090006666', phone: '0912000666' }), new Date('2026-05-04T07:45:00+07:00'));
  await performAction(ctx(w.actors.clerk), code, 'forward');
  await performAction(ctx(w.actors.approver), code, 'assign', { officerId: w.actors.officer.userId });
  dossierCode = code;
  return code;
}

/** A transfer asked for by the officer at `iso` and taken by the courier: its tracking number and shipment. */
async function assignedTransfer(iso: string): Promise<{ n: string; shipmentId: number }> {
  at(iso);
  const s = await requestTransfer(ctx(w.actors.officer), { dossierCodes: [await dossier()], toAgencyId: w.centre.id, contents: 'Tờ trình, biên bản thẩm định' });
  const n = s.legs[0]?.trackingNumber ?? '';
  await assignCourier(ctx(w.actors.courier), n);
  return { n, shipmentId: s.id };
}

describe('a transfer weighed at its collection', () => {
  it('refuses a collection without a weight or with one the tariff does not price, and changes nothing', async () => {
    const { n, shipmentId } = await assignedTransfer('2026-05-04T09:00:00+07:00');
    await expect(collectTransfer(ctx(w.actors.courier), n, signatures))
      .rejects.toMatchObject({ kind: 'ValidationFailed', code: 'WEIGHT_MISSING', message: 'Chưa cân bưu gửi: nhập khối lượng (gam).' });
    for (const weightGrams of [0, 12.5, 30_001]) {
      await expect(collectTransfer(ctx(w.actors.courier), n, { ...signatures, weightGrams }))
        .rejects.toMatchObject({ kind: 'ValidationFailed', code: 'WEIGHT_OUT_OF_RANGE', message: 'Khối lượng bưu gửi phải là số gam nguyên, từ 1 đến 30.000 gam.' });
    }
    const leg = (await getShipment(ctx(w.actors.courier), shipmentId)).legs[0];
    expect(leg).toMatchObject({ status: 'assigned', postage: null });
  });

  it('prices 1 000 g and 1 001 g at two classes of the tariff, keeps it on the leg and notes it in the trail', async () => {
    const light = await assignedTransfer('2026-05-05T08:00:00+07:00');
    at('2026-05-05T09:30:00+07:00');
    const a = await collectTransfer(ctx(w.actors.courier), light.n, { ...signatures, weightGrams: 1_000 });
    expect(a.legs[0]).toMatchObject({
      status: 'collected',
      postage: { weightGrams: 1_000, amountVnd: 29_000, zone: 'inProvince', tariffId: 'bcci-2025-07', at: new Date('2026-05-05T09:30:00+07:00').toISOString() },
    });
    expect(a.legs[0]?.trail.at(-1)?.note).toBe('Khối lượng 1.000 g, cước 29.000 đồng (cơ quan gửi trả)');
    // the citizen pays nothing for it: the shipment's own postage (the applicant's) stays 0
    expect(a.postageVnd).toBe(0);

    const heavier = await assignedTransfer('2026-05-05T08:10:00+07:00');
    // the courier's screen shows the amount before both sign
    expect(await transferQuote(ctx(w.actors.courier), heavier.n, 1_001)).toEqual({ amountVnd: 38_000, zone: 'inProvince', weightGrams: 1_001, tariffId: 'bcci-2025-07', payer: 'sendingAgency' });
    expect(await transferQuote(ctx(w.actors.courier), heavier.n, 1_000)).toMatchObject({ amountVnd: 29_000 });
    await expect(transferQuote(ctx(w.actors.courier), heavier.n, undefined)).rejects.toMatchObject({ code: 'WEIGHT_MISSING' });
    await expect(transferQuote(ctx(w.actors.officer), heavier.n, 1_001)).rejects.toMatchObject({ kind: 'Forbidden' });
    at('2026-05-05T09:30:00+07:00');
    const b = await collectTransfer(ctx(w.actors.courier), heavier.n, { ...signatures, weightGrams: 1_001 });
    expect(b.legs[0]?.postage).toMatchObject({ weightGrams: 1_001, amountVnd: 38_000 });
  });
});

// after the collections above (05/05/2026: 1 000 g and 1 001 g)
describe('the month statement of an agency\'s transfer postage', () => {
  it('lists the month\'s priced legs in Vietnam time with their total, to the post and to the agency, not to others', async () => {
    // 31/05/2026 23:30 is May in Vietnam (16:30 UTC); 01/06/2026 00:10 is June (31/05 17:10 UTC)
    const lastOfMay = await assignedTransfer('2026-05-31T22:00:00+07:00');
    at('2026-05-31T23:30:00+07:00');
    await collectTransfer(ctx(w.actors.courier), lastOfMay.n, { ...signatures, weightGrams: 2_001 });
    const firstOfJune = await assignedTransfer('2026-05-31T23:50:00+07:00');
    at('2026-06-01T00:10:00+07:00');
    await collectTransfer(ctx(w.actors.courier), firstOfJune.n, { ...signatures, weightGrams: 250 });
    // asked for and not yet collected: no weight, no postage, not billed
    await assignedTransfer('2026-05-20T08:00:00+07:00');

    const may = await transferStatement(ctx(w.actors.officer), { month: '2026-05' });
    expect(may).toMatchObject({ month: '2026-05', from: '2026-05-01', to: '2026-05-31' });
    expect(may.agencies).toHaveLength(1);
    const own = may.agencies[0];
    expect(own?.agencyId).toBe(w.communeAgency.id);
    // 05/05 1 000 g 29 000 đ, 05/05 1 001 g 38 000 đ, 31/05 2 001 g 38 000 + 4 500 đ
    expect(own?.legs.map((l) => [l.collectedAt, l.weightGrams, l.amountVnd, l.toAgencyName])).toEqual([
      [new Date('2026-05-05T09:30:00+07:00').toISOString(), 1_000, 29_000, 'Trung tâm Phục vụ hành chính công tỉnh'],
      [new Date('2026-05-05T09:30:00+07:00').toISOString(), 1_001, 38_000, 'Trung tâm Phục vụ hành chính công tỉnh'],
      [new Date('2026-05-31T23:30:00+07:00').toISOString(), 2_001, 42_500, 'Trung tâm Phục vụ hành chính công tỉnh'],
    ]);
    expect(own?.totalVnd).toBe(109_500);
    expect(may.totalVnd).toBe(109_500);

    const june = await transferStatement(ctx(w.actors.officer), { month: '2026-06' });
    expect(june.agencies[0]?.legs.map((l) => [l.weightGrams, l.amountVnd])).toEqual([[250, 19_000]]);
    expect(june.totalVnd).toBe(19_000);

    // the post office's dispatcher (its clerk, postal.dispatch) and the province's supervisor read the same
    const byDispatcher = await transferStatement(ctx(w.actors.clerk), { month: '2026-05', agencyId: w.communeAgency.id });
    expect(byDispatcher.agencies).toEqual(may.agencies);
    const bySupervisor = await transferStatement(ctx(w.actors.supervisor), { month: '2026-05', agencyId: w.communeAgency.id });
    expect(bySupervisor.totalVnd).toBe(109_500);

    // another post office's dispatcher and another province's supervisor see none of it
    expect((await transferStatement(ctx(w.actors.otherClerk), { month: '2026-05' })).agencies).toEqual([]);
    await expect(transferStatement(ctx(w.actors.otherSupervisor), { month: '2026-05', agencyId: w.communeAgency.id })).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    // an agency's officer reads their own agency's only
    await expect(transferStatement(ctx(w.actors.otherOfficer), { month: '2026-05', agencyId: w.communeAgency.id })).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect((await transferStatement(ctx(w.actors.otherOfficer), { month: '2026-05' })).agencies).toEqual([]);
    // a courier and a citizen do not read statements
    await expect(transferStatement(ctx(w.actors.courier), { month: '2026-05' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(transferStatement(ctx(w.actors.citizen), { month: '2026-05' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // a month that is not one
    for (const month of ['2026-13', '2026-5', 'tháng 5']) {
      await expect(transferStatement(ctx(w.actors.officer), { month })).rejects.toMatchObject({ kind: 'ValidationFailed', code: 'MONTH_INVALID' });
    }
  });
});
