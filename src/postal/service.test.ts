// A full postal dossier on the real database (issue 13, acceptance 1): pickup request → collected
// (QR prefill, scans, fee with a numbered receipt) → hand-over record → received with the legal
// receipt time = the record's signature (across the 15:00 cut-off and the 30/4–1/5 holidays) →
// processed → result collected → delivered with the ID check; and the failed-attempts path that
// takes the result back to the agency. Carrier events late, twice and out of order.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { getDossier, performAction, receivePostalDossier } from '../dossiers/service';
import type { DossierContext } from '../dossiers/events';
import type { Action } from '../dossiers/lifecycle';
import type { ActionInput } from '../dossiers/model';
import { useWorld } from '../dossiers/world.test-helper';
import { CarrierSimulator } from './carrier-simulator';
import {
  assignCourier, collectPickup, collectResult, consignmentNotePdf, departWithParcel, handoverRecordPdf, getShipment, ingestCarrierEvents, pollCarrier, postalResultHook, recordDeliveryAttempt, requestPickup,
  returnResultToAgency, saveDraft, signHandoverRecord, trackLeg,
} from './service';
import type { Actor } from '../platform/actor';
import { useTempFiles } from './files.test-helper';

const { w } = useWorld('2026-04-29T07:00:00+07:00');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sig = (name: string, personalId?: string) => ({ name, image: PNG, ...(personalId ? { personalId } : {}) });
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [postalResultHook], files });
/** Drawn images in a PDF: image XObjects with a transparency mask (the signatures drawn on a screen are PNGs with alpha). */
const imagesIn = (doc: PDFDocument) => doc.context.enumerateIndirectObjects()
  .filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') && o.dict.has(PDFName.of('SMask'))).length;
const at = (iso: string) => w.clock.set(new Date(iso));
const act = (who: keyof typeof w.actors, code: string, action: Action, input: ActionInput = {}) => performAction(ctx(w.actors[who]), code, action, input);

async function pickup(personalId: string, phone: string, day = '2026-04-29') {
  const s = await requestPickup(ctx(w.actors.clerk), {
    procedureCode: w.procedureCode, origin: 'phone', applicant: { name: 'Nguyễn Văn An', phone }, address: 'Số 12 đường Lê Lợi, ấp 3',
    communeCode: w.commune.code, windowFrom: `${day}T08:00:00+07:00`, windowTo: `${day}T10:00:00+07:00`,
  });
  const pickupLeg = s.legs[0];
  if (!pickupLeg) throw new Error('no pickup leg');
  await assignCourier(ctx(w.actors.courier), pickupLeg.trackingNumber);
  const qr = `${personalId}||NGUYỄN VĂN AN|15061990|Nam|Ấp 3, Xã Cũ, Huyện Cũ|01022022`;
  const draft = await saveDraft(ctx(w.actors.courier), s.id, {
    idCardQr: qr, applicant: { phone },
    formData: { fullName: 'Nguyễn Văn An', personalId, gender: 'Nam' },
    papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned' }],
    delivery: { method: 'post', address: 'Số 12 đường Lê Lợi, ấp 3' }, weightGrams: 300,
  });
  return { s, trackingNumber: pickupLeg.trackingNumber, draft };
}

describe('a postal dossier end to end', () => {
  it('pickup → collected with receipt → hand-over record → received at the signature → processed → delivered with the ID check', async () => {
    await sql`UPDATE procedures SET cutoff = '15:00' WHERE code = ${w.procedureCode}`.execute(w.db);
    at('2026-04-29T07:00:00+07:00');
    const { s, trackingNumber, draft } = await pickup('087090001234', '0912345678');
    expect(trackingNumber).toMatch(/^EB[0-9]{9}VN$/);
    // the ID card's QR filled the applicant (name from capitals to title case); nothing is missing
    expect(draft.shipment.draft.applicant).toMatchObject({ personalId: '087090001234', name: 'Nguyễn Văn An', birthDate: '1990-06-15' });
    expect(draft.problems).toEqual([]);
    // until the hand-over there is no dossier
    expect(draft.shipment.dossierCode).toBeNull();

    at('2026-04-29T09:10:00+07:00');
    await expect(collectPickup(ctx(w.actors.courier), s.id, {
      items: [{ kind: 'fee', label: 'Lệ phí', amountVnd: 8_000 }, { kind: 'postage', label: 'Cước BCCI', amountVnd: 17_000 }], paymentMethod: 'cash',
      applicantSignature: sig('Trần Văn Khác', '087090001234'), courierSignature: sig('Người courier'),
    })).rejects.toMatchObject({ code: 'SIGNER_MISMATCH' });
    const collected = await collectPickup(ctx(w.actors.courier), s.id, {
      items: [{ kind: 'fee', label: 'Lệ phí', amountVnd: 8_000 }, { kind: 'postage', label: 'Cước BCCI', amountVnd: 17_000 }], paymentMethod: 'cash',
      applicantSignature: sig('nguyễn văn an', '087090001234'), courierSignature: sig('Người courier'), position: { lat: 10.45, lon: 105.63 },
    });
    expect(collected).toMatchObject({ feeVnd: 8_000, postageVnd: 17_000 });
    expect(collected.sealedAt).not.toBeNull();
    expect(collected.legs[0]?.status).toBe('collected');
    // the sealed parcel goes on to the competent agency: its toAgency leg, carried by the same courier
    const toAgency = collected.legs.find((l) => l.kind === 'toAgency');
    expect(toAgency).toMatchObject({ status: 'assigned', courierId: w.actors.courier.userId, agencyId: w.communeAgency.id, statusLabel: 'Đã giao bưu tá' });
    expect(toAgency?.trackingNumber).toMatch(/^EB[0-9]{9}VN$/);
    expect(toAgency?.trackingNumber).not.toBe(trackingNumber);
    const receipt = await w.db.selectFrom('receipts').selectAll().where('id', '=', collected.receiptId ?? 0).executeTakeFirstOrThrow();
    expect(receipt).toMatchObject({ series: 'BL', year: 2026, number: 1, amount_vnd: 25_000, place: 'courier', shipment_id: s.id, dossier_code: null });

    // the public sees the steps, never the applicant
    const publicView = await trackLeg(w.db, trackingNumber.toLowerCase());
    expect(publicView.steps.map((x) => x.label)).toEqual(['Đã yêu cầu', 'Đã giao bưu tá', 'Đã nhận, niêm phong']);
    expect(JSON.stringify(publicView)).not.toMatch(/Nguyễn|0912345678|087090001234|Lê Lợi/);

    // Wednesday 29/04/2026 15:20, after the 15:00 cut-off; 30/4 and 1/5 are holidays
    at('2026-04-29T15:20:00+07:00');
    const record = await signHandoverRecord(ctx(w.actors.courier), {
      agencyId: w.communeAgency.id, trackingNumbers: [trackingNumber], receiver: { name: 'Trần Thị Nhận' },
      courierSignature: sig('Người courier'), receiverSignature: sig('Trần Thị Nhận'),
    });
    expect(record.number).toBe('0001/BBGN-2026');
    // the pickup ended at the post office, the toAgency leg at the agency's desk (the record names it)
    const handed = await getShipment(ctx(w.actors.courier), s.id);
    expect(handed.legs[0]).toMatchObject({ kind: 'pickup', status: 'handedOver', statusLabel: 'Đã về bưu cục, chuyển tiếp đến cơ quan' });
    expect(handed.legs[1]).toMatchObject({ kind: 'toAgency', status: 'handedOver', agencyId: w.communeAgency.id, statusLabel: 'Đã bàn giao cho cơ quan' });
    expect(handed.legs[1]?.trail.map((e) => [e.kind, e.applied])).toEqual([['requested', true], ['assigned', true], ['collected', true], ['handedOver', true]]);
    expect(record.items[0]?.trackingNumber).toBe(toAgency?.trackingNumber);
    // the applicant, who knows the pickup's number, follows the parcel to the agency
    expect((await trackLeg(w.db, trackingNumber)).steps.map((x) => x.label)).toEqual([
      'Đã yêu cầu', 'Đã giao bưu tá', 'Đã nhận, niêm phong', 'Đã về bưu cục, chuyển tiếp đến cơ quan', 'Đang chuyển đến cơ quan', 'Đã bàn giao cho cơ quan',
    ]);
    expect(record.remittance).toEqual({ collectedVnd: 8_000, remittedVnd: 8_000, reconciled: true });
    const code = record.items[0]?.dossierCode ?? '';
    const d = await getDossier(w.ctx(w.actors.supervisor), code);
    expect(d.channel).toBe('postal');
    // legal receipt time = the signature; the clock starts on Monday 4/5 and runs 5 working days
    expect(d.receivedAt).toBe(new Date('2026-04-29T15:20:00+07:00').toISOString());
    expect(d.dueAt).toBe(new Date('2026-05-08T17:00:00+07:00').toISOString());
    expect(record.items[0]?.dueAt).toBe(d.dueAt);
    expect((await w.db.selectFrom('receipts').select('dossier_code').where('id', '=', receipt.id).executeTakeFirstOrThrow()).dossier_code).toBe(code);
    const sms = await w.db.selectFrom('outbox').select(['kind', 'payload']).where('kind', 'like', 'postal.%').orderBy('id').execute();
    expect(sms.map((r) => r.kind)).toEqual(['postal.pickupRequested', 'postal.pickupAssigned', 'postal.collected', 'postal.handedOver']);
    // a second record with the same parcel is refused
    await expect(signHandoverRecord(ctx(w.actors.courier), {
      agencyId: w.communeAgency.id, trackingNumbers: [trackingNumber], receiver: { name: 'Trần Thị Nhận' }, courierSignature: sig('Người courier'), receiverSignature: sig('Trần Thị Nhận'),
    })).rejects.toMatchObject({ code: 'PARCEL_NOT_COLLECTED' });
    await expect(signHandoverRecord(ctx(w.actors.courier), {
      agencyId: w.communeAgency.id, trackingNumbers: [toAgency?.trackingNumber ?? ''], receiver: { name: 'Trần Thị Nhận' }, courierSignature: sig('Người courier'), receiverSignature: sig('Trần Thị Nhận'),
    })).rejects.toMatchObject({ code: 'PARCEL_NOT_COLLECTED' });

    at('2026-05-04T09:00:00+07:00');
    await act('clerk', code, 'forward');
    await act('approver', code, 'assign', { officerId: w.actors.officer.userId });
    await act('approver', code, 'approve');
    await act('officer', code, 'markResultReady');
    // delivery by post was chosen at the door: the result leg exists now
    const withResult = await getShipment(ctx(w.actors.courier), (await w.db.selectFrom('postal_shipments').select('id').where('dossier_code', '=', code).where('origin', '=', 'dossier').executeTakeFirstOrThrow()).id);
    const resultLeg = withResult.legs[0];
    expect(resultLeg).toMatchObject({ kind: 'result', status: 'requested', recipient: { name: 'Nguyễn Văn An', personalId: '087090001234' } });
    const rn = resultLeg?.trackingNumber ?? '';
    await assignCourier(ctx(w.actors.courier), rn);
    at('2026-05-04T10:00:00+07:00');
    const out = await collectResult(ctx(w.actors.courier), rn, { agencySignature: sig('Trần Thị Nhận'), courierSignature: sig('Người courier') });
    // a result is collected from the agency, not sealed at a door
    expect(out.legs[0]?.statusLabel).toBe('Đã nhận kết quả từ cơ quan');
    expect(out.legs[0]?.trail.at(-1)?.label).toBe('Đã nhận kết quả từ cơ quan');
    at('2026-05-04T14:00:00+07:00');
    // a stranger without an authorisation is refused; the applicant with the wrong ID too
    await expect(recordDeliveryAttempt(ctx(w.actors.courier), rn, { outcome: 'delivered', recipient: { name: 'Lê Thị Hàng Xóm', personalId: '087090009999' }, signature: sig('Lê Thị Hàng Xóm', '087090009999') }))
      .rejects.toMatchObject({ code: 'RECIPIENT_MISMATCH' });
    await expect(recordDeliveryAttempt(ctx(w.actors.courier), rn, { outcome: 'delivered', recipient: { name: 'Nguyễn Văn An', personalId: '087090001235' }, signature: sig('Nguyễn Văn An', '087090001235') }))
      .rejects.toMatchObject({ code: 'RECIPIENT_MISMATCH' });
    const delivered = await recordDeliveryAttempt(ctx(w.actors.courier), rn, { outcome: 'delivered', recipient: { name: 'Nguyễn Văn An', personalId: '087090001234' }, signature: sig('Nguyễn Văn An', '087090001234') });
    expect(delivered.legs[0]?.status).toBe('delivered');
    const returned = await getDossier(w.ctx(w.actors.supervisor), code);
    expect(returned.status).toBe('returned');
  });

  it('starts the clock at the signature of a record signed before the cut-off, and prints the note and the record', async () => {
    at('2026-04-28T07:00:00+07:00');
    const { s, trackingNumber } = await pickup('087090004444', '0912000444', '2026-04-28');
    at('2026-04-28T09:00:00+07:00');
    await collectPickup(ctx(w.actors.courier), s.id, {
      items: [{ kind: 'postage', label: 'Cước BCCI', amountVnd: 17_000 }], paymentMethod: 'qr',
      applicantSignature: sig('Nguyễn Văn An', '087090004444'), courierSignature: sig('Người courier'),
    });
    // back at the post office at 13:30, the courier leaves with the parcel for the agency: the pickup ends there
    at('2026-04-28T13:30:00+07:00');
    const departed = await departWithParcel(ctx(w.actors.courier), trackingNumber);
    const toAgencyNumber = departed.legs.find((l) => l.kind === 'toAgency')?.trackingNumber ?? '';
    expect(departed.legs.map((l) => [l.kind, l.status])).toEqual([['pickup', 'handedOver'], ['toAgency', 'collected']]);
    expect(departed.legs[0]?.trail.at(-1)?.at).toBe(new Date('2026-04-28T13:30:00+07:00').toISOString());
    expect(departed.legs[1]?.statusLabel).toBe('Đang chuyển đến cơ quan');
    // the same step again changes nothing
    expect((await departWithParcel(ctx(w.actors.courier), toAgencyNumber)).legs[1]?.trail).toHaveLength(3);
    // Tuesday 28/04/2026 14:50, before 15:00: 2 h 10 that day, Wednesday, (30/4, 1/5 off), Mon–Wed, Thursday 7/5 until 14:50
    at('2026-04-28T14:50:00+07:00');
    const record = await signHandoverRecord(ctx(w.actors.courier), {
      agencyId: w.communeAgency.id, trackingNumbers: [toAgencyNumber], receiver: { name: 'Trần Thị Nhận' },
      courierSignature: sig('Người courier'), receiverSignature: sig('Trần Thị Nhận'), remittedVnd: 0,
    });
    expect(record.items[0]?.dueAt).toBe(new Date('2026-05-07T14:50:00+07:00').toISOString());
    expect(record.items[0]?.trackingNumber).toBe(toAgencyNumber);
    expect(record.remittance).toEqual({ collectedVnd: 0, remittedVnd: 0, reconciled: true });
    const note = await consignmentNotePdf(ctx(w.actors.courier), trackingNumber, 'https://motcua.example');
    const printed = await handoverRecordPdf(ctx(w.actors.courier), record.id);
    const noteDoc = await PDFDocument.load(note.pdf);
    const recordDoc = await PDFDocument.load(printed.pdf);
    expect(noteDoc.getTitle()).toBe(`Phiếu gửi hồ sơ – ${trackingNumber}`);
    expect(recordDoc.getTitle()).toBe(`Biên bản giao nhận hồ sơ – ${record.number}`);
    expect(recordDoc.getPage(0).getSize().width).toBeGreaterThan(recordDoc.getPage(0).getSize().height); // A4 landscape
    expect(note.fileName).toBe(`phieu-gui-${trackingNumber}.pdf`);
    // the signatures are files of the one file store, drawn on both papers
    const signatures = await w.db.selectFrom('postal_signatures').select(['file_id']).execute();
    expect(signatures.length).toBeGreaterThanOrEqual(4);
    expect(signatures.every((r) => r.file_id !== null)).toBe(true);
    expect(imagesIn(recordDoc)).toBe(2);
    expect(imagesIn(noteDoc)).toBeGreaterThanOrEqual(2);
    // another post office's courier finds neither
    const otherCourier = { ...w.actors.courier, userId: 9099, scope: { ...w.actors.courier.scope, servicePointId: w.otherServicePoint.id } };
    await expect(consignmentNotePdf(ctx(otherCourier), trackingNumber, 'https://x')).rejects.toMatchObject({ kind: 'NotFound' });
    await expect(handoverRecordPdf(ctx(otherCourier), record.id)).rejects.toMatchObject({ kind: 'NotFound' });
  });

  it('two failed attempts at least two working days apart take the result back to the agency', async () => {
    at('2026-05-04T08:00:00+07:00');
    const { code } = await receivePostalDossier(ctx(w.actors.courier), { ...w.intake({ personalId: '087090002222', phone: '0912000222' }), delivery: { method: 'post', address: 'Số 5 ấp 1' } }, new Date('2026-05-04T07:45:00+07:00'));
    await act('clerk', code, 'forward');
    await act('approver', code, 'assign', { officerId: w.actors.officer.userId });
    await act('approver', code, 'approve');
    await act('officer', code, 'markResultReady');
    const s = await w.db.selectFrom('postal_shipments').select('id').where('dossier_code', '=', code).where('origin', '=', 'dossier').executeTakeFirstOrThrow();
    const rn = (await getShipment(ctx(w.actors.courier), s.id)).legs[0]?.trackingNumber ?? '';
    await assignCourier(ctx(w.actors.courier), rn);
    await collectResult(ctx(w.actors.courier), rn, { agencySignature: sig('Trần Thị Nhận'), courierSignature: sig('Người courier') });
    await expect(recordDeliveryAttempt(ctx(w.actors.courier), rn, { outcome: 'failed' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    at('2026-05-04T15:00:00+07:00'); // Monday
    await recordDeliveryAttempt(ctx(w.actors.courier), rn, { outcome: 'failed', reason: 'Không có người ở nhà' });
    at('2026-05-05T15:00:00+07:00'); // Tuesday: one working day later
    await recordDeliveryAttempt(ctx(w.actors.courier), rn, { outcome: 'failed', reason: 'Không có người ở nhà' });
    await expect(returnResultToAgency(ctx(w.actors.courier), rn, { agencySignature: sig('Trần Thị Nhận') })).rejects.toMatchObject({ code: 'RETURN_TOO_EARLY' });
    at('2026-05-06T15:00:00+07:00'); // Wednesday: two working days after Monday's attempt
    await recordDeliveryAttempt(ctx(w.actors.courier), rn, { outcome: 'failed', reason: 'Sai địa chỉ, không liên lạc được' });
    const back = await returnResultToAgency(ctx(w.actors.courier), rn, { agencySignature: sig('Trần Thị Nhận') });
    expect(back.legs[0]).toMatchObject({ status: 'returnedToAgency', failedAttempts: 3 });
    // the result waits at the agency; the dossier is not returned
    expect((await getDossier(w.ctx(w.actors.supervisor), code)).status).toBe('resultReady');
    const sms = await w.db.selectFrom('outbox').select('kind').where('kind', 'in', ['postal.failedAttempt', 'postal.returnedToAgency']).execute();
    expect(sms.length).toBe(4);
  });

  it('takes carrier events late, twice and out of order into one consistent trail', async () => {
    at('2026-05-06T08:00:00+07:00');
    const { s, trackingNumber } = await pickup('087090003333', '0912000333', '2026-05-06');
    const carrier = new CarrierSimulator();
    const e = (id: string, kind: 'collected' | 'inTransit' | 'handedOver', atIso: string) => ({ eventId: id, trackingNumber, kind, at: atIso });
    // the in-transit scan arrives before the collection it follows, and twice
    carrier.emit(e('c-2', 'inTransit', '2026-05-06T10:00:00+07:00'), e('c-1', 'collected', '2026-05-06T09:00:00+07:00'), e('c-2', 'inTransit', '2026-05-06T10:00:00+07:00'));
    expect(await pollCarrier(w.db, w.clock, carrier)).toEqual({ received: 3, inserted: 2, duplicates: 1, unknown: 0 });
    // the same feed again from the stored cursor gives nothing new; a direct replay is all duplicates
    expect(await pollCarrier(w.db, w.clock, carrier)).toEqual({ received: 0, inserted: 0, duplicates: 0, unknown: 0 });
    expect(await ingestCarrierEvents(w.db, w.clock, [e('c-1', 'collected', '2026-05-06T09:00:00+07:00'), { ...e('zz', 'collected', '2026-05-06T09:00:00+07:00'), trackingNumber: 'EB000000000VN' }]))
      .toEqual({ received: 2, inserted: 0, duplicates: 1, unknown: 1 });
    const view = await getShipment(ctx(w.actors.courier), s.id);
    const leg = view.legs[0];
    expect(leg?.status).toBe('collected');
    expect(leg?.trail.map((t) => [t.kind, t.applied])).toEqual([['requested', true], ['assigned', true], ['collected', true], ['inTransit', true]]);
  });

  it('refuses a pickup for a procedure that must be filed in person, a bad phone and a past window, writing nothing', async () => {
    at('2026-05-06T08:00:00+07:00');
    const before = await w.db.selectFrom('postal_shipments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(requestPickup(ctx(w.actors.clerk), {
      procedureCode: w.procedureCode, applicant: { name: 'Nguyễn Văn An', phone: '12345' }, address: 'Số 12 đường Lê Lợi', communeCode: w.commune.code,
      windowFrom: '2026-05-05T08:00:00+07:00', windowTo: '2026-05-05T10:00:00+07:00',
    })).rejects.toMatchObject({ code: 'PICKUP_INVALID', details: expect.arrayContaining([expect.objectContaining({ path: 'applicant.phone' }), expect.objectContaining({ path: 'windowTo' })]) });
    await expect(requestPickup(ctx(w.actors.officer), {
      procedureCode: w.procedureCode, applicant: { name: 'Nguyễn Văn An', phone: '0912345678' }, address: 'Số 12 đường Lê Lợi', communeCode: w.commune.code,
      windowFrom: '2026-05-06T08:00:00+07:00', windowTo: '2026-05-06T10:00:00+07:00',
    })).rejects.toMatchObject({ kind: 'Forbidden' });
    const after = await w.db.selectFrom('postal_shipments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
