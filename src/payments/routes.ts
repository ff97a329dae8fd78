// HTTP of online payment: fees due, payment orders, a subject's payment state (signed in), and the
// gateway's side (public): the payer's return, the IPN, an order's outcome, and the local gateway
// simulator's page when no real gateway is configured.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { fileAnswer, literals, Nullable } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { notFound } from '../platform/errors';
import { handleIpn, handleReturn } from './gateway-callbacks';
import { completeSimulatedPayment, settlementCsv, simulatorChoices, simulatorPage } from './gateway-simulator';
import { orderStatuses, orderStatusLabels, subjectKinds } from './model';
import { formatReceiptNumber } from './receipts';
import { createPaymentOrder, feesDue, IPN_PATH, paymentStateOf, SIMULATOR_PATH, type PaymentsDeps } from './service';

const strict = { additionalProperties: false } as const;
const Subject = Type.Object({ kind: literals(subjectKinds), id: Type.String({ minLength: 1, maxLength: 80 }) }, strict);
const FeeLine = Type.Object({ label: Type.String(), amountVnd: Type.Integer() });
const Fees = Type.Object({ items: Type.Array(FeeLine), totalVnd: Type.Integer(), described: Type.Array(Type.Object({ label: Type.String(), note: Nullable(Type.String()) })) });
export type FeesDueResponse = Static<typeof Fees>;
const State = Type.Object({
  paidVnd: Type.Integer(), dueVnd: Type.Integer(), paid: Type.Boolean(), receiptNumbers: Type.Array(Type.String()),
  /** what is due, item by item (the online fees of the subject's procedure case) */
  items: Type.Array(FeeLine),
});
export type PaymentStateResponse = Static<typeof State>;
const Order = Type.Object({ orderId: Type.String(), redirectUrl: Type.String(), amountVnd: Type.Integer() });
export type PaymentOrderResponse = Static<typeof Order>;
const OrderOutcome = Type.Object({
  orderId: Type.String(), status: literals(orderStatuses), statusLabel: Type.String(), amountVnd: Type.Integer(),
  receiptNumber: Nullable(Type.String()), paidAt: Nullable(Type.String()), subjectKind: literals(subjectKinds), dossierCode: Nullable(Type.String()),
  /** the receipt's PDF is `/api/v1/payments/receipts/{receiptId}/receipt.pdf` (signed in, the payer's own) */
  receiptId: Nullable(Type.Integer()),
  /** a draft paid for: where its submission continues (`/nop-truc-tuyen/{procedureCode}?ban-nhap={draftId}`) */
  draftId: Nullable(Type.Integer()), procedureCode: Nullable(Type.String()),
});
export type PaymentOutcomeResponse = Static<typeof OrderOutcome>;
/** The gateway's parameters: `vnp_*` strings (any others are ignored by the signature). */
const gatewayFields = [
  'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CurrCode', 'vnp_TxnRef', 'vnp_OrderInfo', 'vnp_OrderType', 'vnp_Locale', 'vnp_ReturnUrl',
  'vnp_IpAddr', 'vnp_CreateDate', 'vnp_ExpireDate', 'vnp_BankCode', 'vnp_BankTranNo', 'vnp_CardType', 'vnp_PayDate', 'vnp_ResponseCode',
  'vnp_TransactionNo', 'vnp_TransactionStatus', 'vnp_SecureHash', 'vnp_SecureHashType',
] as const;
const GatewayQuery = Type.Object(Object.fromEntries(gatewayFields.map((f) => [f, Type.Optional(Type.String({ maxLength: 1000 }))])) as Record<(typeof gatewayFields)[number], ReturnType<typeof Type.Optional<ReturnType<typeof Type.String>>>>);
/** The parameters given (the optional ones absent). */
const defined = (q: Partial<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));
const Html = fileAnswer('Trang HTML', 'text/html');

export interface PaymentRouteDeps extends RouteDeps {
  readonly payments: PaymentsDeps;
}

export function registerPaymentRoutes(app: HttpApp, deps: PaymentRouteDeps): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request), payments: deps.payments });
  const callbacks = { db: deps.db, clock: deps.clock, settings: deps.payments.settings, ...(deps.payments.onDossierPaid ? { onDossierPaid: deps.payments.onDossierPaid } : {}) };

  app.get('/api/v1/payments/fees', {
    schema: {
      tags: ['payments'], summary: 'Phí, lệ phí phải nộp của một thủ tục (trường hợp), theo kênh nộp',
      querystring: Type.Object({ procedureCode: Type.String({ minLength: 1, maxLength: 60 }), caseKey: Type.Optional(Type.String({ maxLength: 60 })), channel: Type.Optional(literals(['counter', 'online', 'postal'] as const)) }, strict),
      response: { 200: Fees },
    },
  }, async (request) => {
    requireActor(request);
    return feesDue(ctx(request), request.query);
  });

  app.post('/api/v1/payments/orders', {
    schema: {
      tags: ['payments'], summary: 'Tạo lệnh thanh toán trực tuyến và địa chỉ chuyển sang cổng thanh toán',
      body: Type.Object({ subject: Subject, returnUrl: Type.String({ minLength: 1, maxLength: 500 }) }, strict),
      response: { 201: Order },
    },
  }, async (request, reply) => reply.status(201).send(await createPaymentOrder(ctx(request), { ...request.body, ipAddress: request.ip, requestOrigin: `${request.protocol}://${request.host}` })));

  app.get('/api/v1/payments/state', {
    schema: {
      tags: ['payments'], summary: 'Số đã nộp, số phải nộp và biên lai của một hồ sơ (hoặc bưu gửi, hồ sơ trực tuyến đang soạn)',
      querystring: Type.Object({ kind: literals(subjectKinds), id: Type.String({ minLength: 1, maxLength: 80 }) }, strict),
      response: { 200: State },
    },
  }, async (request) => {
    const c = ctx(request);
    const resolver = deps.payments.subjects[request.query.kind];
    if (!resolver) throw notFound('PAYMENT_SUBJECT_NOT_FOUND', 'Không tìm thấy hồ sơ cần thanh toán.');
    const info = await resolver(c, request.query.id);
    // over HTTP a subject must be one the actor may see
    if (!info) throw notFound('PAYMENT_SUBJECT_NOT_FOUND', 'Không tìm thấy hồ sơ cần thanh toán.');
    const state = await paymentStateOf(c, request.query);
    const items = info.procedureCode ? (await feesDue(c, { procedureCode: info.procedureCode, caseKey: info.caseKey })).items : [];
    return { ...state, receiptNumbers: [...state.receiptNumbers], items };
  });

  app.get('/api/v1/public/payments/orders/:orderId', {
    schema: {
      tags: ['payments'], summary: 'Kết quả của một lệnh thanh toán (trang kết quả sau cổng thanh toán)',
      params: Type.Object({ orderId: Type.String({ pattern: '^MC[0-9A-F]{14}$' }) }, strict), response: { 200: OrderOutcome },
    },
  }, async (request) => {
    const o = await deps.db.selectFrom('payment_orders as o').leftJoin('receipts as r', 'r.id', 'o.receipt_id')
      .select(['o.txn_ref', 'o.status', 'o.amount_vnd', 'o.paid_at', 'o.subject_kind', 'o.subject_id', 'o.procedure_code', 'o.receipt_id', 'r.series', 'r.year', 'r.number'])
      .where('o.txn_ref', '=', request.params.orderId).executeTakeFirst();
    if (!o) throw notFound('PAYMENT_ORDER_NOT_FOUND', 'Không tìm thấy lệnh thanh toán.');
    return {
      orderId: o.txn_ref, status: o.status, statusLabel: orderStatusLabels[o.status], amountVnd: o.amount_vnd,
      receiptNumber: o.series && o.year && o.number ? formatReceiptNumber(o.series, o.year, o.number) : null,
      paidAt: o.paid_at?.toISOString() ?? null, subjectKind: o.subject_kind, dossierCode: o.subject_kind === 'dossier' ? o.subject_id : null,
      receiptId: o.receipt_id === null ? null : Number(o.receipt_id), draftId: o.subject_kind === 'draft' ? Number(o.subject_id) : null, procedureCode: o.procedure_code,
    };
  });

  app.get('/api/v1/public/payments/return', {
    schema: { tags: ['payments'], summary: 'Cổng thanh toán đưa người nộp trở lại (có chữ ký); chuyển đến trang kết quả', querystring: GatewayQuery, response: { 200: Html } },
  }, async (request, reply) => reply.redirect(await handleReturn(callbacks, defined(request.query)), 303));

  app.get(IPN_PATH, {
    schema: {
      tags: ['payments'], summary: 'Thông báo kết quả thanh toán từ máy chủ cổng thanh toán (IPN, có chữ ký HMAC-SHA512)', querystring: GatewayQuery,
      response: { 200: Type.Object({ RspCode: Type.String(), Message: Type.String() }) },
    },
  }, async (request) => handleIpn(callbacks, defined(request.query)));

  if (deps.payments.settings.gateway.kind === 'simulator') registerSimulatorRoutes(app, deps);
}

function registerSimulatorRoutes(app: HttpApp, deps: PaymentRouteDeps): void {
  const simulator = {
    db: deps.db, clock: deps.clock, settings: deps.payments.settings,
    // the gateway calls the merchant's IPN URL server to server: here through the same HTTP routes
    deliverIpn: async (query: string) => {
      const res = await app.inject({ method: 'GET', url: `${IPN_PATH}?${query}` });
      return (res.json() as { RspCode?: string }).RspCode ?? '99';
    },
  };
  app.get(`${SIMULATOR_PATH}/pay`, {
    schema: { tags: ['payments'], summary: 'Cổng thanh toán mô phỏng: trang thanh toán của một yêu cầu có chữ ký', querystring: GatewayQuery, response: { 200: Html } },
  }, async (request, reply) => {
    const page = simulatorPage(deps.payments.settings, defined(request.query));
    return reply.code(page.status as 200).type('text/html; charset=utf-8').send(Buffer.from(page.html));
  });
  app.get(`${SIMULATOR_PATH}/complete`, {
    schema: {
      tags: ['payments'], summary: 'Cổng thanh toán mô phỏng: thanh toán, hủy hoặc giả lập lỗi; gửi IPN rồi chuyển về địa chỉ trả về',
      querystring: Type.Object({ q: Type.String({ maxLength: 4000 }), choice: literals(simulatorChoices) }, strict), response: { 200: Html },
    },
  }, async (request, reply) => {
    const target = await completeSimulatedPayment(simulator, request.query.q, request.query.choice);
    if (!target) return reply.code(400 as 200).type('text/html; charset=utf-8').send(Buffer.from(simulatorPage(deps.payments.settings, {}).html));
    return reply.redirect(target, 303);
  });
  app.get(`${SIMULATOR_PATH}/settlements/:day`, {
    schema: {
      tags: ['payments'], summary: 'Cổng thanh toán mô phỏng: tệp đối soát (CSV) của một ngày',
      params: Type.Object({ day: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }) }, strict), response: { 200: fileAnswer('Tệp CSV', 'text/csv') },
    },
  }, async (request, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="doi-soat-${request.params.day}.csv"`)
    .send(Buffer.from(await settlementCsv(deps.db, request.params.day))));
}
