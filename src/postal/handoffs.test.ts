// The post's legs on the dossier (issue 13): a transfer of a bundle between agencies and a counter's
// dossier forwarded by post appear on each dossier's control slip (form 05/06, PDF read back) with
// who signed; their consignment notes name the agencies and the dossiers carried; the courier's day
// plans one stop per agency; the hand-over record closes the forwarded leg, keeps the counter's
// receipt time and hands the dossier over to its agency (its `forward`: off the clerk's list).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text';
import { getDossier, performAction, receiveDossier, receivePostalDossier, workQueue } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import { renderDossierSlip } from '../forms/service';
import type { Actor } from '../platform/actor';
import { courierDayPlan } from './day-plan';
import { useTempFiles } from './files.test-helper';
import { forwardByPost, forwardByPostView } from './forward-by-post';
import { assignCourier, consignmentNotePdf, departWithParcel, postalHandoffs, postalResultHook, signHandoverRecord } from './service';
import { collectTransfer, handOverTransfer, requestTransfer } from './transfers';

const { w } = useWorld('2026-05-04T08:00:00+07:00');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sig = (name: string, personalId?: string) => ({ name, image: PNG, ...(personalId ? { personalId } : {}) });
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [postalResultHook], files, handoffs: postalHandoffs, publicUrl: 'https://motcua.example' });
const at = (iso: string) => w.clock.set(new Date(iso));
const iso = (local: string) => new Date(local).toISOString();

async function placeTheWorld(): Promise<void> {
  await sql`UPDATE service_points SET latitude = 10.4597, longitude = 105.6326 WHERE id = ${w.servicePoint.id}`.execute(w.db);
  await sql`UPDATE admin_units SET centre_latitude = 10.50, centre_longitude = 105.70, centre_precision = 'districtSeat' WHERE id = ${w.commune.id}`.execute(w.db);
}

describe('a transfer of a bundle on the dossiers and on the note', () => {
  it('shows each step with the agencies, times and signers on both control slips, and the note lists both dossiers', { timeout: 120_000 }, async () => {
    const received = new Date('2026-05-04T07:45:00+07:00');
    const a = (await receivePostalDossier(ctx(w.actors.courier), w.intake({ personalId: '087090005551', phone: '0912000551' }), received)).code;
    const b = (await receivePostalDossier(ctx(w.actors.courier), w.intake({ personalId: '087090005552', phone: '0912000552' }), received)).code;
    for (const code of [a, b]) await performAction(ctx(w.actors.clerk), code, 'forward');

    at('2026-05-04T09:00:00+07:00');
    const s = await requestTransfer(ctx(w.actors.officer), { dossierCodes: [a, b], toAgencyId: w.centre.id, contents: 'Tờ trình, biên bản thẩm định' });
    const n = s.legs[0]?.trackingNumber ?? '';
    await assignCourier(ctx(w.actors.courier), n);
    // the courier's day: one stop at the sending agency, to collect
    await placeTheWorld();
    const collecting = await courierDayPlan(ctx(w.actors.courier));
    expect(collecting.stops.map((x) => [x.kind, x.agencyId, x.parcels.map((p) => [p.trackingNumber, p.action, p.dossierCodes])])).toEqual([
      ['agency', w.communeAgency.id, [[n, 'collect', [a, b]]]],
    ]);
    at('2026-05-04T10:00:00+07:00');
    await collectTransfer(ctx(w.actors.courier), n, { weightGrams: 800, senderSignature: sig('Nguyễn Minh Khoa'), courierSignature: sig('Người courier') });
    // collected: the stop is now the receiving agency, to hand over
    expect((await courierDayPlan(ctx(w.actors.courier))).stops.map((x) => [x.agencyId, x.parcels.map((p) => p.action)])).toEqual([[w.centre.id, ['handOver']]]);
    at('2026-05-04T11:15:00+07:00');
    await handOverTransfer(ctx(w.actors.courier), n, { receiver: { name: 'Võ Thị Nhận', personalId: '087090007777' }, receiverSignature: sig('Võ Thị Nhận', '087090007777'), courierSignature: sig('Người courier') });

    for (const code of [a, b]) {
      const d = await getDossier(ctx(w.actors.officer), code);
      const posted = d.controlSlip.filter((r) => r.trackingNumber === n);
      expect(posted.map((r) => [r.action, r.at, r.from, r.to, r.handedBy, r.receivedBy])).toEqual([
        ['postal.transfer.requested', iso('2026-05-04T09:00:00+07:00'), 'Ủy ban nhân dân xã Một', expect.any(String), null, null],
        ['postal.transfer.collected', iso('2026-05-04T10:00:00+07:00'), 'Ủy ban nhân dân xã Một', expect.stringContaining('Bưu tá Người courier'), 'Nguyễn Minh Khoa', 'Người courier'],
        ['postal.transfer.handedOver', iso('2026-05-04T11:15:00+07:00'), expect.stringContaining('Bưu tá Người courier'), 'Trung tâm Phục vụ hành chính công tỉnh', 'Người courier', 'Võ Thị Nhận'],
      ]);
      // in time order with the lifecycle's own hand-overs: the forward (07:45 receipt, forward at 08:00) comes first
      expect(d.controlSlip[0]?.action).toBe('forward');
    }
    const slip = await pdfText(await renderDossierSlip(ctx(w.actors.officer), a, 'control'));
    // the narrow note column may wrap the number
    expect(slip.replace(/ /g, '')).toContain(`Bưugửi${n}`);
    expect(slip).toContain('Người giao: Nguyễn Minh Khoa');
    expect(slip).toContain('Người nhận: Võ Thị Nhận');
    // a citizen never reads the agencies' slip
    expect((await getDossier(ctx({ ...w.actors.citizen, scope: { kind: 'self', personalId: '087090005551' } }), a)).controlSlip).toEqual([]);

    const note = await pdfText((await consignmentNotePdf(ctx(w.actors.courier), n, 'https://motcua.example')).pdf);
    expect(note).toContain('chuyển hồ sơ giữa các cơ quan');
    expect(note).toContain('Hồ sơ được chuyển (2)');
    expect(note).toContain(a);
    expect(note).toContain(b);
    expect(note).toContain('Tờ trình, biên bản thẩm định');
    // its postage (800 g within the province: 29 000 đ) is the sending agency's, billed by the month's statement
    expect(note).toContain('29.000');
    expect(note).toContain('Cơ quan gửi trả theo bảng kê cước tháng (800 g)');
    expect(note.indexOf('Người gửi')).toBeLessThan(note.indexOf('Ủy ban nhân dân xã Một'));
    expect(note.indexOf('Người nhận')).toBeLessThan(note.indexOf('Trung tâm Phục vụ hành chính công tỉnh'));
  });
});

describe('a counter\'s dossier carried to its agency by post', () => {
  it('opens a toAgency leg, is planned at the agency, and the hand-over keeps the counter\'s receipt time', { timeout: 120_000 }, async () => {
    at('2026-05-04T15:30:00+07:00');
    const intake = await receiveDossier(ctx(w.actors.clerk), w.intake({ personalId: '087090006661', phone: '0912000661' }));
    const before = await getDossier(ctx(w.actors.clerk), intake.code);
    expect((await forwardByPostView(ctx(w.actors.clerk), intake.code))).toMatchObject({ shipment: null, mayAsk: true });
    // another post office's clerk, and the courier, may not ask
    await expect(forwardByPost(ctx(w.actors.otherClerk), intake.code)).rejects.toMatchObject({ kind: 'NotFound' });
    await expect(forwardByPost(ctx(w.actors.courier), intake.code)).rejects.toMatchObject({ kind: 'Forbidden' });

    at('2026-05-04T16:00:00+07:00');
    const s = await forwardByPost(ctx(w.actors.clerk), intake.code, { note: 'Bản gốc kèm theo' });
    const leg = s.legs[0];
    expect(s).toMatchObject({ origin: 'forward', dossierCode: intake.code, sealedAt: iso('2026-05-04T16:00:00+07:00') });
    expect(leg).toMatchObject({ kind: 'toAgency', status: 'requested', agencyId: w.communeAgency.id });
    expect(leg?.trackingNumber).toMatch(/^[A-Z]{2}[0-9]{9}VN$/);
    await expect(forwardByPost(ctx(w.actors.clerk), intake.code)).rejects.toMatchObject({ code: 'ALREADY_FORWARDED_BY_POST' });
    expect(await forwardByPostView(ctx(w.actors.clerk), intake.code)).toMatchObject({ mayAsk: false, shipment: { id: s.id } });
    const n = leg?.trackingNumber ?? '';
    // asked, not yet carried: the clerk's list still shows it awaiting hand-over
    expect((await workQueue(ctx(w.actors.clerk), { filter: 'awaitingHandover' })).items.map((i) => i.code)).toContain(intake.code);

    // the courier takes it the next morning: one stop at the competent agency
    at('2026-05-05T07:40:00+07:00');
    await assignCourier(ctx(w.actors.courier), n);
    await placeTheWorld();
    // the directory's address and phone of the agency (migration 0241) on the stop: where to go, whom to call
    await sql`UPDATE agencies SET address = 'Số 2 đường 30/4, xã Một', phone = '0277 3851 234' WHERE id = ${w.communeAgency.id}`.execute(w.db);
    const plan = await courierDayPlan(ctx(w.actors.courier));
    expect(plan.stops).toEqual([expect.objectContaining({ kind: 'agency', agencyId: w.communeAgency.id, applicantName: 'Ủy ban nhân dân xã Một', address: 'Số 2 đường 30/4, xã Một', phone: '0277 3851 234', parcels: [expect.objectContaining({ trackingNumber: n, legKind: 'toAgency', action: 'handOver', dossierCodes: [intake.code] })] })]);
    expect(plan.lengthKm).toBeLessThanOrEqual(plan.unorderedLengthKm);

    const note = await pdfText((await consignmentNotePdf(ctx(w.actors.courier), n, 'https://motcua.example')).pdf);
    expect(note).toContain('chuyển hồ sơ đến cơ quan có thẩm quyền giải quyết');
    expect(note).toContain('Hồ sơ được chuyển (1)');
    expect(note).toContain(intake.code);

    at('2026-05-05T07:50:00+07:00');
    await departWithParcel(ctx(w.actors.courier), n);
    at('2026-05-05T09:10:00+07:00');
    const record = await signHandoverRecord(ctx(w.actors.courier), {
      agencyId: w.communeAgency.id, trackingNumbers: [n], receiver: { name: 'Võ Thị Nhận' }, courierSignature: sig('Người courier'), receiverSignature: sig('Võ Thị Nhận'),
    });
    // the dossier was received at the counter: no second intake, the receipt and due times stay the counter's
    expect(record.items).toEqual([expect.objectContaining({ trackingNumber: n, dossierCode: intake.code, receivedAt: before.receivedAt, dueAt: before.dueAt, feeVnd: 0 })]);
    const after = await getDossier(ctx(w.actors.clerk), intake.code);
    expect([after.receivedAt, after.dueAt, after.channel]).toEqual([before.receivedAt, before.dueAt, before.channel]);
    // handed over at the signature: the dossier's `forward` (ND 61 art. 18), by the system, naming the record
    expect([before.status, after.status]).toEqual(['received', 'processing']);
    const forward = after.timeline.filter((e) => e.action === 'forward');
    expect(forward).toEqual([expect.objectContaining({ at: iso('2026-05-05T09:10:00+07:00'), actorRole: null })]);
    expect(forward[0]?.payload).toMatchObject({ toAgencyId: w.communeAgency.id, byPost: { recordNumber: record.number, trackingNumber: n, receiverName: 'Võ Thị Nhận' } });
    // the clerk's list holds what still waits for the clerk: not this dossier any more
    for (const filter of ['all', 'awaitingHandover'] as const) {
      expect((await workQueue(ctx(w.actors.clerk), { filter })).items.map((i) => i.code)).not.toContain(intake.code);
    }
    expect((await courierDayPlan(ctx(w.actors.courier))).stops).toEqual([]);
    // the signature time on the dossier's trail (its control slip)
    expect(after.controlSlip.filter((r) => r.trackingNumber === n).map((r) => [r.action, r.at, r.handedBy, r.receivedBy])).toEqual([
      ['postal.toAgency.requested', iso('2026-05-04T16:00:00+07:00'), null, null],
      ['postal.toAgency.collected', iso('2026-05-05T07:50:00+07:00'), null, 'Người courier'],
      ['postal.toAgency.handedOver', iso('2026-05-05T09:10:00+07:00'), 'Người courier', 'Võ Thị Nhận'],
    ]);
    // the same parcel twice is refused: its leg has ended
    await expect(signHandoverRecord(ctx(w.actors.courier), {
      agencyId: w.communeAgency.id, trackingNumbers: [n], receiver: { name: 'Võ Thị Nhận' }, courierSignature: sig('Người courier'), receiverSignature: sig('Võ Thị Nhận'),
    })).rejects.toMatchObject({ code: 'PARCEL_NOT_COLLECTED' });
  });
});
