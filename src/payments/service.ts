// Payments' public use cases (the contract other capabilities build on, issue 15 §4): the fees due
// for a procedure case, a payment order that sends the payer to the gateway, what a subject has
// paid against what it owes, and a draft's payment following it to its dossier at submit.
import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { can } from '../accounts/policy';
import { procedureForIntake } from '../catalog/references';
import { quoteFees, type FeeChannel } from '../catalog/fees';
import { auditProvince, recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { forbidden, notFound, unauthenticated, validationFailed, conflict } from '../platform/errors';
import { vnDateOfInstant } from '../shared/civil-date';
import type { PaymentSettings } from '../platform/config';
import { payRequestParams, toQuery } from './gateway-signing';
import { orderInfoOf, paymentState, returnUrlProblem, subjectProblems, type PaymentState, type Subject, type SubjectInfo, type SubjectKind } from './model';
import { formatReceiptNumber, receiptProblems, receiptTotal, type ReceiptItem } from './receipts';

export { feeItems, type PaymentState, type Subject, type SubjectInfo, type SubjectKind } from './model';

/** Finds what a subject is (payer, procedure, scope) for the actor; null: none in the actor's reach. Wired in src/app.ts. */
export type SubjectResolver = (ctx: ServiceContext, id: string) => Promise<SubjectInfo | null>;

/** The gateway settings, where this app is reached, and how subjects are found (src/app.ts). */
export interface PaymentsDeps {
  readonly settings: PaymentSettings;
  readonly publicUrl: string;
  readonly subjects: Partial<Record<SubjectKind, SubjectResolver>>;
  /** what a payment for a dossier does to it, in the receipt's transaction (src/app.ts: the dossier's `paymentReceived`) */
  readonly onDossierPaid?: DossierPaid;
}

/**
 * A receipt issued for a dossier: the dossier awaiting its fee moves on (src/dossiers'
 * `recordPaymentReceived`, wired in src/app.ts), in the receipt's transaction. `actor` null: the
 * payment gateway (the system).
 */
export type DossierPaid = (trx: Transaction<DB>, paid: { dossierCode: string; actor: Actor | null; online: boolean; now: Date }) => Promise<void>;

export type PaymentsContext = ServiceContext & { readonly payments: PaymentsDeps };

export interface FeesDue {
  readonly items: { label: string; amountVnd: number }[];
  readonly totalVnd: number;
  /** items whose amount only words describe (the clerk reads them; not payable online) */
  readonly described: { label: string; note: string | null }[];
}

/** The fees of a procedure case for a channel (online by default), from the catalogue's fee items in force today. */
export async function feesDue(ctx: ServiceContext, q: { procedureCode: string; caseKey?: string | null; channel?: FeeChannel }): Promise<FeesDue> {
  const procedure = await procedureForIntake(ctx.db, q.procedureCode, vnDateOfInstant(ctx.clock.now().getTime()));
  const quote = quoteFees(procedure.fees ?? [], { channel: q.channel ?? 'online', caseKey: q.caseKey ?? null });
  return {
    items: quote.lines.filter((l) => l.amountVnd > 0).map((l) => ({ label: l.name, amountVnd: l.amountVnd })),
    totalVnd: quote.totalVnd,
    described: quote.described.map((d) => ({ label: d.name, note: d.note })),
  };
}

/** The path of the gateway's return to this app; the IPN's. */
export const RETURN_PATH = '/api/v1/public/payments/return';
export const IPN_PATH = '/api/v1/public/payments/ipn';
export const SIMULATOR_PATH = '/api/v1/public/payments/simulator';
/** Minutes a payer has at the gateway. */
export const PAY_WITHIN_MINUTES = 15;

function payerActor(ctx: ServiceContext) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'portal.self') && !can(actor, 'payments.collect')) throw forbidden('FORBIDDEN', 'Bạn không có quyền tạo lệnh thanh toán.');
  return actor;
}

async function resolveSubject(ctx: PaymentsContext, subject: Subject): Promise<SubjectInfo | null> {
  const problems = subjectProblems(subject);
  if (problems.length > 0) throw validationFailed('PAYMENT_SUBJECT_INVALID', problems[0]?.message ?? 'Đối tượng thanh toán không hợp lệ.', problems);
  const resolver = ctx.payments.subjects[subject.kind];
  if (!resolver) return null;
  const info = await resolver(ctx, subject.id);
  if (!info) throw notFound('PAYMENT_SUBJECT_NOT_FOUND', 'Không tìm thấy hồ sơ cần thanh toán.');
  return info;
}

export interface CreateOrderInput {
  readonly subject: Subject;
  /** the items to pay; absent: the fees due for the subject's procedure case (online) */
  readonly items?: readonly ReceiptItem[] | readonly { label: string; amountVnd: number }[];
  /** a path of this site the payer comes back to (`?order=<txnRef>&status=…` is added) */
  readonly returnUrl: string;
  /** the payer's address as the server saw it (vnp_IpAddr) */
  readonly ipAddress?: string;
  /** the origin the browser used (`http://127.0.0.1:4714`): the simulator's return goes there when no public URL is configured */
  readonly requestOrigin?: string;
}

/** Where the gateway sends the payer back: the configured public URL, or (simulator without one) the origin the browser used. */
export function returnBaseOf(payments: PaymentsDeps, requestOrigin: string | undefined): string {
  const g = payments.settings.gateway;
  const follow = g.kind === 'simulator' && g.returnTo === 'requestHost' && requestOrigin !== undefined && /^https?:\/\/[A-Za-z0-9.\-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(requestOrigin);
  return follow ? requestOrigin : payments.publicUrl;
}

const asItems = (items: CreateOrderInput['items']): ReceiptItem[] =>
  (items ?? []).map((i) => ('kind' in i ? i : { kind: 'fee' as const, label: i.label, amountVnd: i.amountVnd }));

/** A new transaction reference: 'MC' + 14 hex digits of chance (never reused: the column is unique). */
const newTxnRef = () => `MC${randomBytes(7).toString('hex').toUpperCase()}`;

/**
 * A payment order for a subject and the redirect that takes the payer to the gateway (the local
 * simulator page by default). A subject already paid is refused (409 ALREADY_PAID): it is never
 * charged twice.
 */
export async function createPaymentOrder(ctx: PaymentsContext, input: CreateOrderInput): Promise<{ orderId: string; redirectUrl: string; amountVnd: number }> {
  const actor = payerActor(ctx);
  const urlProblem = returnUrlProblem(input.returnUrl);
  if (urlProblem) throw validationFailed('RETURN_URL_INVALID', urlProblem, [{ path: 'returnUrl', message: urlProblem }]);
  const info = await resolveSubject(ctx, input.subject);
  let items = asItems(input.items);
  if (items.length === 0 && info?.procedureCode) items = (await feesDue(ctx, { procedureCode: info.procedureCode, caseKey: info.caseKey })).items.map((i) => ({ kind: 'fee', label: i.label, amountVnd: i.amountVnd }));
  if (items.length === 0) throw conflict('NOTHING_TO_PAY', 'Hồ sơ này không có khoản phí, lệ phí nào phải nộp trực tuyến.');
  const problems = receiptProblems(items);
  if (problems.length > 0) throw validationFailed('PAYMENT_ITEMS_INVALID', problems[0]?.message ?? 'Khoản thu không hợp lệ.', problems);
  const state = await paymentStateOf(ctx, input.subject);
  if (state.paidVnd > 0 && state.paid) throw conflict('ALREADY_PAID', 'Hồ sơ này đã được thanh toán; không thu lần thứ hai.');
  const now = ctx.clock.now();
  const txnRef = newTxnRef();
  const amount = receiptTotal(items);
  // the sharding key: the subject's province, else (a subject no owner resolves) the actor's scope's
  const provinceCode = info?.provinceCode ?? await auditProvince(ctx.db, actor);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('payment_orders').values({
      txn_ref: txnRef, province_code: provinceCode, subject_kind: input.subject.kind, subject_id: input.subject.id, items: JSON.stringify(items), amount_vnd: amount,
      status: 'pending', payer: JSON.stringify(info?.payer ?? { name: actor.fullName }), procedure_code: info?.procedureCode ?? null,
      unit_path: info?.unitPath ?? null, return_url: input.returnUrl, created_by: actor.userId, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'payments.order', entity: 'payment_order', entityKey: row.id, at: now, payload: { txnRef, subject: input.subject, amountVnd: amount } });
  });
  const s = ctx.payments.settings;
  const params = payRequestParams({
    merchantCode: s.merchantCode, txnRef, amountVnd: amount, orderInfo: orderInfoOf(txnRef, input.subject),
    returnUrl: `${returnBaseOf(ctx.payments, input.requestOrigin)}${RETURN_PATH}`, ipAddress: input.ipAddress ?? '127.0.0.1', at: now, expiresInMinutes: PAY_WITHIN_MINUTES,
  }, s.secret);
  const base = s.gateway.kind === 'simulator' ? `${SIMULATOR_PATH}/pay` : s.gateway.payUrl;
  return { orderId: txnRef, redirectUrl: `${base}?${toQuery(params)}`, amountVnd: amount };
}

/**
 * What a subject has paid (online orders paid, and receipts issued for it at a counter or at the
 * door, net of refunds) against what it owes (the fees of its procedure case, or the last order's
 * amount when no procedure is known).
 */
export async function paymentStateOf(ctx: ServiceContext & { readonly payments?: PaymentsDeps }, subject: Subject): Promise<PaymentState> {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const problems = subjectProblems(subject);
  if (problems.length > 0) throw validationFailed('PAYMENT_SUBJECT_INVALID', problems[0]?.message ?? 'Đối tượng thanh toán không hợp lệ.', problems);
  const orders = await ctx.db.selectFrom('payment_orders').select(['id', 'status', 'amount_vnd', 'receipt_id', 'procedure_code'])
    .where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id).orderBy('id', 'desc').execute();
  let receipts = ctx.db.selectFrom('receipts as r')
    .select(['r.id', 'r.series', 'r.year', 'r.number', 'r.amount_vnd',
      sql<number>`coalesce((select sum(f.amount_vnd) from receipt_refunds f where f.receipt_id = r.id), 0)`.as('refunded')]);
  const orderReceipts = orders.flatMap((o) => (o.receipt_id === null ? [] : [o.receipt_id]));
  receipts = receipts.where((eb) => eb.or([
    ...(orderReceipts.length > 0 ? [eb('r.id', 'in', orderReceipts)] : []),
    subject.kind === 'dossier' ? eb('r.dossier_code', '=', subject.id) : subject.kind === 'shipment' ? eb('r.shipment_id', '=', Number(subject.id)) : eb.val(false),
  ]));
  const rows = await receipts.orderBy('r.id').execute();
  const paidVnd = rows.reduce((s, r) => s + r.amount_vnd - Number(r.refunded), 0);
  const resolver = ctx.payments?.subjects[subject.kind];
  const info = resolver ? await resolver(ctx, subject.id).catch(() => null) : null;
  // unknown (null) until an order or the subject's procedure says what is due
  let dueVnd: number | null = orders[0]?.amount_vnd ?? null;
  if (info?.procedureCode) dueVnd = (await feesDue(ctx, { procedureCode: info.procedureCode, caseKey: info.caseKey }).catch(() => ({ totalVnd: dueVnd }))).totalVnd;
  if (dueVnd === null && rows.length > 0) dueVnd = paidVnd;
  return paymentState(dueVnd, paidVnd, rows.map((r) => formatReceiptNumber(r.series, r.year, r.number)));
}

/**
 * A draft's payment follows it to the dossier made from it (h-online's submit): its orders, and
 * the receipts of those orders, now name the dossier. Runs in the caller's transaction when
 * `ctx.db` is one.
 */
export async function moveSubject(ctx: ServiceContext, from: Subject, to: Subject): Promise<{ moved: number }> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  for (const s of [from, to]) {
    const problems = subjectProblems(s);
    if (problems.length > 0) throw validationFailed('PAYMENT_SUBJECT_INVALID', problems[0]?.message ?? 'Đối tượng thanh toán không hợp lệ.', problems);
  }
  const now = ctx.clock.now();
  const orders = await ctx.db.updateTable('payment_orders')
    .set({ subject_kind: to.kind, subject_id: to.id, moved_from: sql`moved_from || ${JSON.stringify([from])}::jsonb` })
    .where('subject_kind', '=', from.kind).where('subject_id', '=', from.id).returning(['id', 'receipt_id']).execute();
  const receiptIds = orders.flatMap((o) => (o.receipt_id === null ? [] : [o.receipt_id]));
  if (receiptIds.length > 0 && to.kind !== 'draft') {
    await ctx.db.updateTable('receipts').set({
      ...(to.kind === 'dossier' ? { dossier_code: to.id } : {}), ...(to.kind === 'shipment' ? { shipment_id: Number(to.id) } : {}),
    }).where('id', 'in', receiptIds).execute();
  }
  if (orders.length > 0) await recordAudit(ctx.db, actor, { action: 'payments.move', entity: 'payment_order', entityKey: orders.map((o) => o.id).join(','), at: now, payload: { from, to } });
  return { moved: orders.length };
}

/**
 * For the national sync and indicators 3.x (F766 `DuocThanhToanTrucTuyen`): which of these
 * dossiers were paid online through the province's gateway (2) — a paid order, not refunded.
 */
export async function paidOnlineDossiers(db: ServiceContext['db'], codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('payment_orders').select('subject_id').where('subject_kind', '=', 'dossier').where('status', '=', 'paid').where('subject_id', 'in', [...codes]).execute();
  return new Set(rows.map((r) => r.subject_id));
}
