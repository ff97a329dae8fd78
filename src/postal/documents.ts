// The postal documents as PDFs (src/forms): a leg's consignment note (phiếu gửi, TT 17/2017/
// TT-BTTTT art. 9) and a hand-over record (biên bản giao nhận, QĐ 45/2016/QĐ-TTg art. 7), printed
// from what was recorded.
import { addressLine } from '../shared/address-line';
import { procedureForIntake } from '../catalog/references';
import { agencyById, servicePointPlace } from '../directory/references';
import { resultPickupFacts } from '../dossiers/service';
import type { ApplicantInput, PaperInput } from '../dossiers/model';
import { renderConsignmentNote, renderHandoverRecord } from '../forms';
import { receiptById } from '../payments/receipts';
import type { ServiceContext } from '../platform/context';
import { vnDateOfInstant } from '../shared/civil-date';
import { loadWorkCalendar } from '../calendar/store';
import { handoverRecordView } from './handover';
import { legTarget, SHIPPED_SERVICE_TIME_TABLES, type Place, type Relation } from './service-times';
import { agencyNoteFacts } from './agency-note';
import { getShipmentByTracking } from './queries';
import { parseTrackingNumber } from './tracking-number';
import { signatureImage, type SignaturesContext } from './signatures';
import { legTrailEvents } from './trail-store';
import type { LegView, ShipmentView } from './views';
import labels from './labels.vi.json';

/** The BCCI provider (QĐ 45 art. 3: Tổng công ty Bưu điện Việt Nam). */
export const BCCI_PROVIDER = 'Tổng công ty Bưu điện Việt Nam';
const METHODS = { cash: 'Tiền mặt', transfer: 'Chuyển khoản', card: 'Thẻ', qr: 'Mã QR' } as const;
const RELATION_LABELS = labels.relation satisfies Record<Relation, string>;

/** A unit path '/87/29239/' as a place of the J+n table (communes only since 2025-07-01). */
const placeOfPath = (unitPath: string): Place => {
  const parts = unitPath.split('/').filter((x) => x !== '');
  return { communeCode: parts[parts.length - 1] ?? '', districtCode: null, provinceCode: parts[0] ?? '' };
};

/** "J+2 (trong tỉnh; đến hết 30/04/2026)" from the J+n table in force on J (TT 17 art. 7), on the working calendar. */
async function serviceQualityOf(ctx: ServiceContext, j: Date, from: Place, to: Place): Promise<string> {
  const year = Number(vnDateOfInstant(j.getTime()).slice(0, 4));
  const cal = await loadWorkCalendar(ctx.db, { fromYear: year - 1, toYear: year + 1 });
  const target = legTarget(SHIPPED_SERVICE_TIME_TABLES, cal.calendar, { j: vnDateOfInstant(j.getTime()), from, to, withAppointmentSlip: false });
  if (!target) return 'theo chỉ tiêu J+n doanh nghiệp bưu chính công bố';
  const [y, m, d] = target.dueDate.split('-');
  return `J+${target.workingDays} (${RELATION_LABELS[target.relation]}; đến hết ngày ${d}/${m}/${y})`;
}

type Signer = 'applicant' | 'agency' | 'sender' | 'courier';

/** The signature ids of a leg's `collected` event (pickup: applicant + courier; result: agency + courier; transfer: sender + courier). */
async function collectedSignatures(ctx: ServiceContext, legId: number, eventId: string): Promise<Partial<Record<Signer, number>>> {
  const event = (await legTrailEvents(ctx.db, legId)).find((e) => e.eventId === eventId);
  const signatures = (event?.payload.signatures ?? {}) as Record<string, { id?: unknown } | undefined>;
  const ids: Partial<Record<Signer, number>> = {};
  for (const key of ['applicant', 'agency', 'sender', 'courier'] as const) {
    const id = signatures[key]?.id;
    if (typeof id === 'number') ids[key] = id;
  }
  return ids;
}

const signatureImageOf = (ctx: SignaturesContext, id: number | undefined) => (id === undefined ? Promise.resolve(null) : signatureImage(ctx, id));

export async function consignmentNotePdf(ctx: SignaturesContext, trackingNumber: string, publicUrl: string): Promise<{ pdf: Uint8Array; fileName: string }> {
  const s = await getShipmentByTracking(ctx, trackingNumber);
  const n = parseTrackingNumber(trackingNumber) ?? trackingNumber;
  const leg = s.legs.find((l) => l.trackingNumber === n);
  const [place, between] = await Promise.all([servicePointPlace(ctx.db, s.servicePointId), leg ? agencyNoteFacts(ctx, s, leg) : null]);
  const receipt = s.receiptId ? await receiptById(ctx.db, s.receiptId) : null;
  // a transfer's postage is billed to the sending agency (DOMAIN §5.4), not collected with a receipt
  const billed = leg?.kind === 'transfer' ? leg.postage : null;
  const collected = leg?.trail.find((e) => e.kind === 'collected' && e.applied);
  const signed = leg && collected ? await collectedSignatures(ctx, leg.id, collected.eventId) : {};
  const acceptedAt = new Date(collected?.at ?? s.sealedAt ?? s.createdAt);
  const facts = between
    ? { ...between, serviceQuality: await serviceQualityOf(ctx, acceptedAt, placeOfPath(between.senderUnitPath), placeOfPath(between.recipientUnitPath)) }
    : await applicantNoteFacts(ctx, s, leg, acceptedAt, place?.provinceCode ?? '', place?.unitPath ?? '');
  const pdf = await renderConsignmentNote({
    trackingNumber: n, kind: facts.kind, providerName: BCCI_PROVIDER, servicePointName: place?.name ?? '',
    sender: facts.sender, recipient: facts.recipient, acceptedAt, place: facts.place, method: facts.method,
    procedureName: facts.procedureName, documents: facts.documents, ...(facts.dossiers ? { dossiers: facts.dossiers } : {}),
    postageVnd: billed?.amountVnd ?? s.postageVnd, feeVnd: s.feeVnd,
    paymentMethod: billed ? `Cơ quan gửi trả theo bảng kê cước tháng (${String(billed.weightGrams).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} g)` : receipt ? METHODS[receipt.paymentMethod] : 'Không thu',
    receiptNumber: receipt?.number ?? null, serviceQuality: facts.serviceQuality, courierName: leg?.courierName ?? '',
    trackingUrl: `${publicUrl.replace(/\/+$/, '')}/api/v1/public/postal/${n}`,
    signatureImages: { sender: await signatureImageOf(ctx, signed.applicant ?? signed.agency ?? signed.sender), courier: await signatureImageOf(ctx, signed.courier) },
  });
  return { pdf, fileName: `phieu-gui-${n}.pdf` };
}

/** The note of an applicant's parcel: a pickup (applicant → agency) or a result (agency → applicant). */
async function applicantNoteFacts(ctx: ServiceContext, s: ShipmentView, leg: LegView | undefined, acceptedAt: Date, provinceCode: string, pointPath: string) {
  const draft = s.draft as { applicant?: Partial<ApplicantInput>; papers?: PaperInput[] };
  const procedure = await procedureForIntake(ctx.db, s.procedureCode, vnDateOfInstant(ctx.clock.now().getTime()));
  const agency = leg?.agencyId ? await agencyById(ctx.db, leg.agencyId) : null;
  const applicant = { name: draft.applicant?.name ?? s.applicant.name, address: addressLine(draft.applicant?.address ?? s.address, s.commune.name), phone: draft.applicant?.phone ?? s.applicant.phone, email: draft.applicant?.email ?? null };
  const agencyParty = { name: agency?.name ?? procedure.competentAgency, address: `${s.commune.name}`, phone: '', email: null };
  const documents = (draft.papers ?? []).map((p) => {
    const listed = procedure.requiredPapers.find((r) => r.key === p.key);
    return `${listed?.name ?? p.key} — ${p.originals ?? listed?.originals ?? 0} bản chính, ${p.copies ?? listed?.copies ?? 0} bản sao`;
  });
  const applicantPlace: Place = { communeCode: s.commune.code, districtCode: null, provinceCode };
  const agencyPlace = placeOfPath(agency?.unitPath ?? pointPath);
  const result = leg?.kind === 'result';
  // a bundle's results delivered together (issue 17 §4): one line per member dossier, its result
  const together = result && leg.dossierCodes.length > 0 ? await resultsOf(ctx, leg.dossierCodes) : null;
  return {
    kind: result ? 'result' as const : 'pickup' as const, sender: result ? agencyParty : applicant, recipient: result ? applicant : agencyParty,
    place: result ? agencyParty.name : addressLine(s.address, s.commune.name), method: result ? 'Phát tận địa chỉ người nhận' : 'Nhận tại địa chỉ người gửi',
    procedureName: s.procedureName, documents: together?.documents ?? (result ? [procedure.resultDescription ?? 'Kết quả giải quyết thủ tục hành chính'] : documents),
    serviceQuality: await serviceQualityOf(ctx, acceptedAt, result ? agencyPlace : applicantPlace, result ? applicantPlace : agencyPlace),
    dossiers: together?.dossiers ?? null,
  };
}

/** "code — procedure" and the result each dossier of a leg carries. */
async function resultsOf(ctx: ServiceContext, codes: readonly string[]): Promise<{ dossiers: string[]; documents: string[] }> {
  const day = vnDateOfInstant(ctx.clock.now().getTime());
  const dossiers: string[] = [];
  const documents: string[] = [];
  for (const code of codes) {
    const facts = await resultPickupFacts(ctx.db, code);
    const procedure = facts ? await procedureForIntake(ctx.db, facts.procedure_code, day).catch(() => null) : null;
    dossiers.push(facts ? `${code} — ${facts.procedure_name}` : code);
    documents.push(`${code}: ${procedure?.resultDescription ?? 'Kết quả giải quyết thủ tục hành chính'}`);
  }
  return { dossiers, documents };
}

export async function handoverRecordPdf(ctx: SignaturesContext, id: number): Promise<{ pdf: Uint8Array; fileName: string }> {
  const r = await handoverRecordView(ctx, id);
  const shipments = await ctx.db.selectFrom('postal_shipments').select(['id', 'procedure_name', 'applicant']).where('id', 'in', r.items.map((i) => i.shipmentId)).execute();
  const byId = new Map(shipments.map((s) => [s.id, s]));
  const sigs = await ctx.db.selectFrom('postal_handover_records').select(['courier_signature_id', 'receiver_signature_id']).where('id', '=', r.id).executeTakeFirstOrThrow();
  const signatureImages = { courier: await signatureImage(ctx, sigs.courier_signature_id), receiver: await signatureImage(ctx, sigs.receiver_signature_id) };
  const staff = ctx.actor?.scope.kind === 'servicePoint' ? await servicePointPlace(ctx.db, ctx.actor.scope.servicePointId) : null;
  const pdf = await renderHandoverRecord({
    number: r.number, providerName: BCCI_PROVIDER, servicePointName: staff?.name ?? '', agencyName: r.agencyName, courierName: r.courierName,
    receiverName: r.receiverName, signedAt: new Date(r.signedAt), statement: r.statement,
    items: r.items.map((i) => ({
      trackingNumber: i.trackingNumber, dossierCode: i.dossierCode, procedureName: byId.get(i.shipmentId)?.procedure_name ?? '',
      applicantName: String(byId.get(i.shipmentId)?.applicant.name ?? ''), dueAt: i.dueAt ? new Date(i.dueAt) : null, feeVnd: i.feeVnd,
    })),
    collectedVnd: r.remittance.collectedVnd, remittedVnd: r.remittance.remittedVnd, signatureImages,
  });
  return { pdf, fileName: `bien-ban-giao-nhan-${r.number.replace('/', '-')}.pdf` };
}
