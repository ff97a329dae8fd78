// What the courier collects at the door (fees for the postal channel, postage from the tariff for
// the weighed parcel, the receipt once issued) and the agency each sealed parcel is handed to.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { handoverAgencies, shipmentCharges } from './charges';
import { assignCourier, collectPickup, requestPickup, saveDraft } from './service';
import { useTempFiles } from './files.test-helper';

const { w } = useWorld('2026-04-29T07:00:00+07:00');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [], files });

async function assignedPickup(personalId: string) {
  const s = await requestPickup(ctx(w.actors.clerk), {
    procedureCode: w.procedureCode, origin: 'phone', applicant: { name: 'Nguyễn Văn An', phone: '0912345678' }, address: 'Số 12 đường Lê Lợi, ấp 3',
    communeCode: w.commune.code, windowFrom: '2026-04-29T08:00:00+07:00', windowTo: '2026-04-29T10:00:00+07:00',
  });
  const n = s.legs[0]?.trackingNumber ?? '';
  await assignCourier(ctx(w.actors.courier), n);
  await saveDraft(ctx(w.actors.courier), s.id, {
    idCardQr: `${personalId}||NGUYỄN VĂN AN|15061990|Nam|Ấp 3, Xã Cũ, Huyện Cũ|01022022`,
    formData: { fullName: 'Nguyễn Văn An', personalId, gender: 'Nam' },
    papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned' }], weightGrams: 200,
  });
  return { id: s.id, trackingNumber: n };
}

describe('the courier\'s charges and hand-over agencies', () => {
  it('quotes the postal fees and the postage by weight class, then shows the receipt once collected', async () => {
    await sql`UPDATE procedures SET fees = ${JSON.stringify([
      { name: 'Lệ phí cấp giấy', amountVnd: 8000, note: null },
      { name: 'Phí chỉ ở quầy', amountVnd: 5000, note: null, channels: ['counter'] },
      { name: 'Phí sao y', amountVnd: 2000, note: null, basis: 'per_copy' },
    ])}::jsonb WHERE code = ${w.procedureCode}`.execute(w.db);
    const { id } = await assignedPickup('087090001234');
    const light = await shipmentCharges(ctx(w.actors.courier), id, 200);
    expect(light.fees).toEqual([
      { label: 'Lệ phí cấp giấy', amountVnd: 8000, formula: null },
      { label: 'Phí sao y', amountVnd: null, formula: '2.000 đồng/bản' },
    ]);
    expect(light.receipt).toBeNull();
    const heavy = await shipmentCharges(ctx(w.actors.courier), id, 3000);
    expect(heavy.postage.amountVnd).toBeGreaterThan(light.postage.amountVnd);
    expect(heavy.postage).toMatchObject({ weightGrams: 3000, zone: light.postage.zone });
    await expect(shipmentCharges(ctx(w.actors.courier), id, 1_000_000)).rejects.toMatchObject({ code: 'POSTAGE_TOO_HEAVY' });
    await expect(shipmentCharges(ctx(w.actors.officer), id, 200)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    w.clock.set(new Date('2026-04-29T09:10:00+07:00'));
    await collectPickup(ctx(w.actors.courier), id, {
      items: [{ kind: 'fee', label: 'Lệ phí cấp giấy', amountVnd: 8000 }, { kind: 'postage', label: 'Cước', amountVnd: light.postage.amountVnd }], paymentMethod: 'cash',
      applicantSignature: { name: 'Nguyễn Văn An', personalId: '087090001234', image: PNG }, courierSignature: { name: w.actors.courier.fullName, image: PNG },
    });
    const after = await shipmentCharges(ctx(w.actors.courier), id, 200);
    expect(after.receipt).toMatchObject({ number: expect.stringMatching(/BL/), amountVnd: 8000 + light.postage.amountVnd, paymentMethod: 'cash' });
  });

  it('groups the courier\'s sealed parcels by their competent agency; parcels not yet sealed are not offered', async () => {
    w.clock.set(new Date('2026-04-29T07:00:00+07:00'));
    const sealed = await assignedPickup('087090005678');
    const open = await assignedPickup('087090009999');
    w.clock.set(new Date('2026-04-29T09:30:00+07:00'));
    const sealedShipment = await collectPickup(ctx(w.actors.courier), sealed.id, {
      // 200 g in the same commune: the 101–250 g class
      items: [{ kind: 'postage', label: 'Cước', amountVnd: 14_000 }], paymentMethod: 'cash',
      applicantSignature: { name: 'Nguyễn Văn An', personalId: '087090005678', image: PNG }, courierSignature: { name: w.actors.courier.fullName, image: PNG },
    });
    const { items } = await handoverAgencies(ctx(w.actors.courier));
    const all = items.flatMap((a) => a.trackingNumbers);
    // the sealed parcel is offered by its toAgency leg, the one the hand-over record closes
    const toAgencyNumber = sealedShipment.legs.find((l) => l.kind === 'toAgency')?.trackingNumber ?? 'none';
    expect(all).toContain(toAgencyNumber);
    expect(all).not.toContain(sealed.trackingNumber);
    expect(all).not.toContain(open.trackingNumber);
    expect(items.find((a) => a.trackingNumbers.includes(toAgencyNumber))?.id).toBe(w.communeAgency.id);
    await expect(handoverAgencies(ctx(w.actors.officer))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('saves the weighed parcel and the case on the draft: the charges use them; a bad weight or case is refused', async () => {
    await sql`UPDATE procedures SET cases = ${JSON.stringify([
      { key: 'moi', name: 'Cấp mới', durationValue: 5, durationUnit: 'working_days', cutoff: null },
      { key: 'lai', name: 'Cấp lại', durationValue: 3, durationUnit: 'working_days', cutoff: null },
    ])}::jsonb, fees = ${JSON.stringify([
      { name: 'Lệ phí cấp mới', amountVnd: 30000, note: null, caseKey: 'moi' },
      { name: 'Lệ phí cấp lại', amountVnd: 15000, note: null, caseKey: 'lai' },
    ])}::jsonb WHERE code = ${w.procedureCode}`.execute(w.db);
    const { id } = await assignedPickup('087090001235');
    // the next day: the procedure as just changed, not the one the earlier tests read (read-through cache of 10 s)
    w.clock.set(new Date('2026-04-30T07:30:00+07:00'));
    const asked = await saveDraft(ctx(w.actors.courier), id, {});
    expect(asked.problems.map((p) => p.path)).toContain('caseKey');
    await expect(saveDraft(ctx(w.actors.courier), id, { weightGrams: 0 })).rejects.toMatchObject({ code: 'WEIGHT_OUT_OF_RANGE' });
    await expect(saveDraft(ctx(w.actors.courier), id, { weightGrams: 30_001 })).rejects.toMatchObject({ code: 'WEIGHT_OUT_OF_RANGE' });
    await expect(saveDraft(ctx(w.actors.courier), id, { weightGrams: 12.5 })).rejects.toMatchObject({ code: 'WEIGHT_OUT_OF_RANGE' });
    await expect(saveDraft(ctx(w.actors.courier), id, { caseKey: 'khong-co' })).rejects.toMatchObject({ code: 'CASE_UNKNOWN' });
    const saved = await saveDraft(ctx(w.actors.courier), id, { weightGrams: 1500, caseKey: 'lai' });
    expect(saved.shipment.draft).toMatchObject({ weightGrams: 1500, caseKey: 'lai' });
    expect(saved.problems.map((p) => p.path)).not.toContain('caseKey');
    const charges = await shipmentCharges(ctx(w.actors.courier), id);
    // tariffs.json bcci-2025-07: 1 001–2 000 g
    const class2000 = { sameCommune: 27000, inProvince: 38000, interProvincial: 62000 };
    expect(charges.postage).toMatchObject({ weightGrams: 1500, amountVnd: class2000[charges.postage.zone], tariffId: 'bcci-2025-07' });
    expect(charges.fees).toEqual([{ label: 'Lệ phí cấp lại', amountVnd: 15000, formula: null }]);
  });

  it('seals only with the postage of the saved weight: 1 000 g and 1 001 g on either side of a class, none without a weight', async () => {
    w.clock.set(new Date('2026-04-29T07:00:00+07:00'));
    await sql`UPDATE procedures SET cases = '[]'::jsonb, fees = '[]'::jsonb WHERE code = ${w.procedureCode}`.execute(w.db);
    const { id } = await assignedPickup('087090007777');
    w.clock.set(new Date('2026-05-02T09:00:00+07:00'));
    const seal = (amountVnd: number) => collectPickup(ctx(w.actors.courier), id, {
      items: [{ kind: 'postage', label: 'Cước dịch vụ bưu chính công ích', amountVnd }], paymentMethod: 'cash',
      applicantSignature: { name: 'Nguyễn Văn An', personalId: '087090007777', image: PNG }, courierSignature: { name: w.actors.courier.fullName, image: PNG },
    });
    // no weight saved: refused whatever the amount
    await sql`UPDATE postal_shipments SET draft = draft - 'weightGrams' WHERE id = ${id}`.execute(w.db);
    await expect(seal(21_000)).rejects.toMatchObject({ code: 'DRAFT_INCOMPLETE', details: [{ path: 'weightGrams' }] });
    // 1 000 g, same commune: the 501–1 000 g class, 21 000 đồng (tariffs.json bcci-2025-07)
    await saveDraft(ctx(w.actors.courier), id, { weightGrams: 1_000 });
    expect((await shipmentCharges(ctx(w.actors.courier), id)).postage).toMatchObject({ zone: 'sameCommune', amountVnd: 21_000 });
    await expect(seal(17_000)).rejects.toMatchObject({ code: 'POSTAGE_MISMATCH', message: 'Cước bưu chính của bưu gửi 1.000 g là 21.000 đồng; phiếu thu ghi 17.000 đồng.' });
    // one gram more: the 1 001–2 000 g class, 27 000 đồng; the amount of 1 000 g is now refused
    await saveDraft(ctx(w.actors.courier), id, { weightGrams: 1_001 });
    const refused = await seal(21_000).then(() => null, (e: unknown) => e);
    expect(refused).toMatchObject({ code: 'POSTAGE_MISMATCH', message: 'Cước bưu chính của bưu gửi 1.001 g là 27.000 đồng; phiếu thu ghi 21.000 đồng.' });
    // nothing was written by the refusals
    expect((await shipmentCharges(ctx(w.actors.courier), id)).receipt).toBeNull();
    const sealedShipment = await seal(27_000);
    expect(sealedShipment).toMatchObject({ postageVnd: 27_000, feeVnd: 0 });
    expect(sealedShipment.sealedAt).not.toBeNull();
  });
});
