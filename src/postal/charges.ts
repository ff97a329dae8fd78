// What the courier needs at the door and at the agency's desk that the shipment itself does not
// say (issue 13 §2, §3, §5): the fees of the procedure for the postal channel and the postage from
// the tariff for a weighed parcel, the receipt once collected; and, for the hand-over, the agency
// competent for each sealed parcel. Reads only; staff of the shipment's post office.
import { procedureForIntake } from '../catalog/references';
import { agencyById, communeByCode, servicePointPlace } from '../directory/references';
import { receiptById } from '../payments/receipts';
import type { ServiceContext } from '../platform/context';
import { validationFailed } from '../platform/errors';
import { vnDateOfInstant, type IsoDate } from '../shared/civil-date';
import { feeTermLines, vndText } from '../shared/fee-terms';
import type { ReceiptItem } from '../payments/receipts';
import { getShipment, listShipments } from './queries';
import type { ShipmentView } from './views';
import { postalStaff } from './scope';
import { competentAgencyOfShipment } from './to-agency';
import { WEIGHT_MISSING_MESSAGE } from './parcel-weight';
import { isPostageProblem, quotePostage, SHIPPED_TARIFFS, zoneBetween, type Zone } from './tariff';

export interface ShipmentCharges {
  /** the procedure's fees for the postal channel and the draft's case; amountVnd null: a formula to apply */
  readonly fees: { label: string; amountVnd: number | null; formula: string | null }[];
  readonly postage: { amountVnd: number; zone: Zone; weightGrams: number; tariffId: string };
  /** once collected: the numbered receipt */
  readonly receipt: { number: string; amountVnd: number; paymentMethod: string } | null;
}

export type ShipmentPostage = ShipmentCharges['postage'];

/**
 * The postage of the shipment's parcel at `weightGrams` (QĐ 45 art. 12.3: the applicant pays it):
 * the tariff in force on `day`, the zone between the shipment's post office and the applicant's
 * commune. 400 `POSTAGE_TOO_HEAVY` past the tariff's heaviest class.
 */
export async function shipmentPostage(ctx: ServiceContext, s: ShipmentView, weightGrams: number, day: IsoDate): Promise<ShipmentPostage> {
  const [place, commune] = await Promise.all([servicePointPlace(ctx.db, s.servicePointId), communeByCode(ctx.db, s.commune.code, day, 'communeCode')]);
  // the units compared by their paths: the service point's unit and the applicant's commune
  const zone = zoneBetween({ communeCode: commune.path, provinceCode: commune.provinceCode }, { communeCode: place?.unitPath ?? '', provinceCode: place?.provinceCode ?? commune.provinceCode });
  const quote = quotePostage(SHIPPED_TARIFFS, { date: day, weightGrams, zone });
  if (isPostageProblem(quote)) throw validationFailed(quote.code, quote.message, [{ path: 'weightGrams', message: quote.message }]);
  return { amountVnd: quote.amountVnd, zone, weightGrams, tariffId: quote.tariffId };
}

/** Who pays a leg's postage (DOMAIN §5.4): the applicant their own legs (QĐ 45 art. 12.3); the sending agency a transfer between agencies (art. 16.2). */
export type PostagePayer = 'applicant' | 'sendingAgency';

export interface TransferPostage extends ShipmentPostage {
  readonly payer: 'sendingAgency';
}

/**
 * The postage of a transfer's parcel at `weightGrams` (DOMAIN §5.2 step 13): the same tariff by
 * weight as a pickup, in force on `day`; the zone between the two agencies' units (compared by their
 * paths, as a pickup's commune with its post office). Billed to the sending agency, never collected
 * from a citizen. 400 `POSTAGE_TOO_HEAVY` past the tariff's heaviest class.
 */
export async function transferPostage(ctx: Pick<ServiceContext, 'db'>, agencies: { fromAgencyId: number | null; toAgencyId: number | null }, weightGrams: number, day: IsoDate): Promise<TransferPostage> {
  const [from, to] = await Promise.all([
    agencies.fromAgencyId === null ? null : agencyById(ctx.db, agencies.fromAgencyId),
    agencies.toAgencyId === null ? null : agencyById(ctx.db, agencies.toAgencyId),
  ]);
  // requestTransfer names both; a directory that lost one prices the leg within the province
  const zone = from && to
    ? zoneBetween({ communeCode: from.unitPath, provinceCode: from.provinceCode }, { communeCode: to.unitPath, provinceCode: to.provinceCode })
    : 'inProvince';
  const quote = quotePostage(SHIPPED_TARIFFS, { date: day, weightGrams, zone });
  if (isPostageProblem(quote)) throw validationFailed(quote.code, quote.message, [{ path: 'weightGrams', message: quote.message }]);
  return { amountVnd: quote.amountVnd, zone, weightGrams, tariffId: quote.tariffId, payer: 'sendingAgency' };
}

/**
 * Fees and postage of one shipment for a parcel of `weightGrams` when given, else of the weight
 * saved on the draft (500 g until it is weighed).
 */
export async function shipmentCharges(ctx: ServiceContext, shipmentId: number, asked?: number): Promise<ShipmentCharges> {
  postalStaff(ctx.actor, 'postal.courier');
  const s = await getShipment(ctx, shipmentId);
  const weightGrams = asked ?? (typeof s.draft.weightGrams === 'number' ? s.draft.weightGrams : 500);
  const day = vnDateOfInstant(ctx.clock.now().getTime()) as IsoDate;
  const [procedure, postage] = await Promise.all([procedureForIntake(ctx.db, s.procedureCode, day), shipmentPostage(ctx, s, weightGrams, day)]);
  const caseKey = typeof s.draft.caseKey === 'string' ? s.draft.caseKey : null;
  const fees = feeTermLines(procedure.fees, 'postal', caseKey).map((l) => ({
    label: l.name, amountVnd: Number.isNaN(l.amountVnd) ? null : l.amountVnd, formula: l.formula ?? null,
  }));
  const receipt = s.receiptId ? await receiptById(ctx.db, s.receiptId) : null;
  return {
    fees, postage,
    receipt: receipt ? { number: receipt.number, amountVnd: receipt.amountVnd, paymentMethod: receipt.paymentMethod } : null,
  };
}

const grams = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} g`;

/**
 * At the seal (QĐ 45 art. 12.3): the postage collected must be the tariff's for the weight saved
 * on the draft — the amount the courier's screen showed; a client cannot set its own price.
 * 400 `POSTAGE_MISMATCH` naming the amount due.
 */
export async function checkCollectedPostage(ctx: ServiceContext, s: ShipmentView, items: readonly ReceiptItem[]): Promise<void> {
  const weightGrams = s.draft.weightGrams;
  // draftProblems refuses a draft with no weight before this is asked
  if (typeof weightGrams !== 'number') throw validationFailed('DRAFT_INCOMPLETE', WEIGHT_MISSING_MESSAGE, [{ path: 'weightGrams', message: 'chưa cân' }]);
  const due = await shipmentPostage(ctx, s, weightGrams, vnDateOfInstant(ctx.clock.now().getTime()) as IsoDate);
  const collected = items.filter((i) => i.kind === 'postage').reduce((a, i) => a + i.amountVnd, 0);
  if (collected === due.amountVnd) return;
  const message = `Cước bưu chính của bưu gửi ${grams(weightGrams)} là ${vndText(due.amountVnd)}; phiếu thu ghi ${vndText(collected)}.`;
  throw validationFailed('POSTAGE_MISMATCH', message, [{ path: 'items', message: `Thu đúng ${vndText(due.amountVnd)} tiền cước rồi niêm phong lại.` }]);
}

export interface HandoverAgency {
  readonly id: number;
  readonly name: string;
  /** the courier's sealed parcels this agency is competent for */
  readonly trackingNumbers: string[];
}

/** The courier's sealed parcels not yet handed over, grouped by the agency their toAgency leg goes to (else the competent one). */
export async function handoverAgencies(ctx: ServiceContext): Promise<{ items: HandoverAgency[] }> {
  postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now();
  const { items } = await listShipments(ctx, { courier: 'me', limit: 200 });
  const byAgency = new Map<number, HandoverAgency>();
  for (const s of items) {
    const pickup = s.legs.find((l) => l.kind === 'pickup');
    const toAgency = s.legs.find((l) => l.kind === 'toAgency');
    const open = toAgency ? toAgency.courierId === ctx.actor?.userId && (toAgency.status === 'assigned' || toAgency.status === 'collected') : pickup?.status === 'collected';
    if (!open || s.sealedAt === null) continue;
    // a parcel whose competent agency the directory cannot name is left out: the courier sees it on the pickups page
    const agency = toAgency?.agencyId ? await agencyById(ctx.db, toAgency.agencyId) : await competentAgencyOfShipment(ctx, s, now);
    if (!agency) continue;
    const entry = byAgency.get(agency.id) ?? { id: agency.id, name: agency.name, trackingNumbers: [] };
    entry.trackingNumbers.push((toAgency ?? pickup)?.trackingNumber ?? '');
    byAgency.set(agency.id, entry);
  }
  return { items: [...byAgency.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')) };
}
