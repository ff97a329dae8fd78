// The one receipt model of the system (biên lai): fees, charges and postage collected from an
// applicant, at a counter or by a courier at the applicant's address (QĐ 45/2016/QĐ-TTg art. 6.2,
// DOMAIN §5.2 step 5: "if there is a fee, the worker collects it and issues a receipt"). Numbered
// per service point, series and year from 1 with no gap — the number is taken from the service
// point's register (src/platform/registers.ts) in the transaction that writes the receipt, so a
// rollback gives it back. Amounts are whole VND. The payments issue (15) extends this model.
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import type { ErrorDetail } from '../platform/errors';
import { nextRegisterNumberSql } from '../platform/registers';
import { vnDateOfInstant } from '../shared/civil-date';
import { servicePointPlace } from '../directory/references';

export const receiptItemKinds = ['fee', 'charge', 'postage'] as const;
export type ReceiptItemKind = (typeof receiptItemKinds)[number];
export const paymentMethods = ['cash', 'transfer', 'card', 'qr'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** The default series of receipts [U: ours; a province may print its own series letters]. */
export const DEFAULT_RECEIPT_SERIES = 'BL';
/** The series of electronic receipts of online payments, numbered for the whole deployment [U: ours]. */
export const ONLINE_RECEIPT_SERIES = 'BLDT';
export type ReceiptPlace = 'counter' | 'courier' | 'online';

/**
 * The series a receipt is numbered in: what staff collect — at the counter or at the door by the
 * point's courier, whose cash comes back to the point — is one series of the service point ('BL');
 * online payments through the gateway have their own electronic series ('BLDT'). Pure.
 */
export const seriesFor = (place: ReceiptPlace): string => (place === 'online' ? ONLINE_RECEIPT_SERIES : DEFAULT_RECEIPT_SERIES);
/** The largest amount one receipt may carry (a typo guard): 1 billion VND. */
export const MAX_RECEIPT_VND = 1_000_000_000;

export interface ReceiptItem {
  readonly kind: ReceiptItemKind;
  readonly label: string;
  readonly amountVnd: number;
}

export interface Payer {
  readonly name: string;
  readonly personalId?: string;
  readonly phone?: string;
  readonly address?: string;
}

export interface ReceiptInput {
  readonly series?: string;
  /** null: an online receipt (the series' register of the deployment) */
  readonly servicePointId: number | null;
  readonly payer: Payer;
  readonly items: readonly ReceiptItem[];
  readonly paymentMethod: PaymentMethod;
  readonly place: ReceiptPlace;
  readonly dossierCode?: string | null;
  readonly shipmentId?: number | null;
  readonly paymentOrderId?: number | null;
  readonly shiftId?: number | null;
  /** the unit path the receipt is searched under (the service point's when absent) */
  readonly unitPath?: string | null;
  /** the sharding key: required without a service point (an online order gives its own); else the point's province */
  readonly provinceCode?: string;
}

/** Who collected an online payment. */
export const GATEWAY_COLLECTOR = 'Cổng thanh toán trực tuyến';

export interface Receipt {
  readonly id: number;
  /** "BL-2026-000125" */
  readonly number: string;
  readonly series: string;
  readonly year: number;
  readonly serial: number;
  readonly amountVnd: number;
  readonly payer: Payer;
  readonly items: readonly ReceiptItem[];
  readonly paymentMethod: PaymentMethod;
  readonly collectedByName: string;
  readonly place: ReceiptPlace;
  readonly issuedAt: string;
}

/** The register of a series among the service point's registers. */
export const receiptRegister = (series: string): string => `receipt-${series}`;

export const formatReceiptNumber = (series: string, year: number, serial: number): string =>
  `${series}-${year}-${String(serial).padStart(6, '0')}`;

/** The total of the items, in VND. */
export const receiptTotal = (items: readonly ReceiptItem[]): number => items.reduce((s, i) => s + i.amountVnd, 0);

/** What is wrong with the items (whole VND, not negative, labelled, a positive total within the cap). Pure. */
export function receiptProblems(items: readonly ReceiptItem[], path = 'items'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const [i, item] of items.entries()) {
    if (!Number.isSafeInteger(item.amountVnd) || item.amountVnd < 0) problems.push({ path: `${path}/${i}/amountVnd`, message: 'Số tiền phải là số nguyên đồng, không âm.' });
    if (item.label.trim() === '') problems.push({ path: `${path}/${i}/label`, message: 'Cần ghi nội dung khoản thu.' });
    if (!(receiptItemKinds as readonly string[]).includes(item.kind)) problems.push({ path: `${path}/${i}/kind`, message: 'Loại khoản thu không hợp lệ.' });
  }
  const total = receiptTotal(items);
  if (problems.length === 0 && (total <= 0 || total > MAX_RECEIPT_VND)) problems.push({ path, message: 'Tổng số tiền của biên lai phải lớn hơn 0 và không quá 1 tỷ đồng.' });
  return problems;
}

/**
 * Issues a receipt inside the caller's transaction (the one that writes what was paid for): the
 * next number of the series at the service point (online: of the deployment) for the year (Vietnam
 * time), then the row. The items must have passed `receiptProblems`. `actor` null: the gateway.
 */
export async function issueReceipt(trx: Transaction<DB>, actor: Actor | null, input: ReceiptInput, at: Date): Promise<Receipt> {
  const series = input.series ?? seriesFor(input.place);
  const year = Number(vnDateOfInstant(at.getTime()).slice(0, 4));
  const place = input.servicePointId === null ? null : await servicePointPlace(trx, input.servicePointId);
  // the sharding key: the point's province, else (online) the caller's — the unit, dossier or order paid for
  const provinceCode = input.provinceCode ?? place?.provinceCode;
  if (provinceCode === undefined) throw new Error('receipt: no province (an online receipt names the one of what it pays for)');
  const serial = input.servicePointId === null
    ? (await trx.insertInto('receipt_series_serials').values({ series, year, last_number: 1 })
      .onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet((eb) => ({ last_number: eb('receipt_series_serials.last_number', '+', 1) })))
      .returning('last_number').executeTakeFirstOrThrow()).last_number
    : (await nextRegisterNumberSql({ servicePointId: input.servicePointId, year, register: receiptRegister(series), provinceCode }).execute(trx)).rows[0]?.last_number;
  if (serial === undefined) throw new Error('receipt register: no number taken');
  const unitPath = input.unitPath ?? place?.unitPath ?? null;
  const amount = receiptTotal(input.items);
  const collectedByName = actor?.fullName ?? GATEWAY_COLLECTOR;
  const row = await trx.insertInto('receipts').values({
    series, service_point_id: input.servicePointId, year, number: serial, amount_vnd: amount,
    payer: JSON.stringify(input.payer), items: JSON.stringify(input.items), payment_method: input.paymentMethod,
    collected_by: actor?.userId ?? null, collected_by_name: collectedByName, place: input.place,
    dossier_code: input.dossierCode ?? null, shipment_id: input.shipmentId ?? null, issued_at: at,
    payment_order_id: input.paymentOrderId ?? null, shift_id: input.shiftId ?? null, unit_path: unitPath,
    province_code: provinceCode,
  }).returning(['id']).executeTakeFirstOrThrow();
  return {
    id: row.id, number: formatReceiptNumber(series, year, serial), series, year, serial, amountVnd: amount, payer: input.payer,
    items: input.items, paymentMethod: input.paymentMethod, collectedByName, place: input.place, issuedAt: at.toISOString(),
  };
}

/**
 * Serialises the payments of one subject until the caller's transaction ends: of concurrent
 * payments (two gateway orders, the gateway and the counter) the second sees the first.
 */
export async function lockPaymentSubject(trx: Transaction<DB>, kind: string, id: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`payment-subject:${kind}:${id}`}))`.execute(trx);
}

/** Whether a dossier already holds a receipt not wholly refunded (paid at a counter, at the door or online). */
export async function dossierHoldsReceipt(trx: Transaction<DB>, dossierCode: string): Promise<boolean> {
  const row = await trx.selectFrom('receipts as r').select('r.id').where('r.dossier_code', '=', dossierCode)
    .where(sql<boolean>`r.amount_vnd > coalesce((select sum(f.amount_vnd) from receipt_refunds f where f.receipt_id = r.id), 0)`).executeTakeFirst();
  return row !== undefined;
}

/** Links receipts issued before a dossier existed (collected at the door) to the dossier received from them. */
export async function linkReceiptsToDossier(trx: Transaction<DB>, shipmentId: number, dossierCode: string): Promise<void> {
  await trx.updateTable('receipts').set({ dossier_code: dossierCode }).where('shipment_id', '=', shipmentId).where('dossier_code', 'is', null).execute();
}

/** A receipt by id (as issued). */
export async function receiptById(db: Pick<Transaction<DB>, 'selectFrom'>, id: number): Promise<Receipt | null> {
  const r = await db.selectFrom('receipts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id, number: formatReceiptNumber(r.series, r.year, r.number), series: r.series, year: r.year, serial: r.number, amountVnd: r.amount_vnd,
    payer: r.payer as unknown as Payer, items: r.items as unknown as ReceiptItem[], paymentMethod: r.payment_method, collectedByName: r.collected_by_name,
    place: r.place, issuedAt: r.issued_at.toISOString(),
  };
}
