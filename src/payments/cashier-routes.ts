// HTTP of the cashier: payments at the counter, the cash drawer per shift, refunds, and the
// electronic receipts (search in scope, PDF).
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { fileAnswer, literals, Nullable, PDF } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { closeShift, currentShift, openShift, refundMethods, refundReceipt, takeCounterPayment } from './cashier';
import { gatewayRefundsOf } from './gateway-refund';
import { listShifts, receiptPdf, searchReceipts } from './receipt-search';
import { paymentMethods, receiptItemKinds } from './receipts';
import type { PaymentRouteDeps } from './routes';

const strict = { additionalProperties: false } as const;
const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const Money = Type.Integer({ minimum: 0, maximum: 10_000_000_000 });
const Item = Type.Object({ kind: literals(receiptItemKinds), label: Type.String({ minLength: 1, maxLength: 200 }), amountVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) }, strict);
const Payer = Type.Object({ name: Type.String(), personalId: Type.Optional(Type.String()), phone: Type.Optional(Type.String()), address: Type.Optional(Type.String()) });
const Receipt = Type.Object({
  id: Type.Integer(), number: Type.String(), amountVnd: Type.Integer(), refundedVnd: Type.Integer(), payer: Payer, items: Type.Array(Type.Object({ kind: Type.String(), label: Type.String(), amountVnd: Type.Integer() })),
  paymentMethod: literals(paymentMethods), place: literals(['counter', 'courier', 'online'] as const), collectedByName: Type.String(), dossierCode: Nullable(Type.String()), issuedAt: Type.String(),
});
export type ReceiptResponse = Static<typeof Receipt>;
const Shift = Type.Object({
  id: Type.Integer(), clerkName: Type.String(), openedAt: Type.String(), openingCashVnd: Type.Integer(), cashInVnd: Type.Integer(), cashOutVnd: Type.Integer(),
  expectedCashVnd: Type.Integer(), closedAt: Nullable(Type.String()), countedCashVnd: Nullable(Type.Integer()), differenceVnd: Nullable(Type.Integer()), note: Nullable(Type.String()),
});
export type ShiftResponse = Static<typeof Shift>;
const Refund = Type.Object({ id: Type.Integer(), receiptNumber: Type.String(), amountVnd: Type.Integer(), reason: Type.String(), method: literals(refundMethods), refundedByName: Type.String(), at: Type.String() });
const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, strict);

export function registerCashierRoutes(app: HttpApp, deps: PaymentRouteDeps): void {
  const refunds = gatewayRefundsOf(deps.db, deps.payments.settings);
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request), payments: deps.payments, refunds });

  app.post('/api/v1/payments/counter', {
    schema: {
      tags: ['payments'], summary: 'Thu phí, lệ phí của một hồ sơ tại quầy (tiền mặt hoặc thẻ), cấp biên lai có số',
      body: Type.Object({ dossierCode: Type.String({ minLength: 1, maxLength: 60 }), paymentMethod: literals(['cash', 'card'] as const), items: Type.Optional(Type.Array(Item, { maxItems: 20 })) }, strict),
      response: { 201: Type.Object({ id: Type.Integer(), number: Type.String(), amountVnd: Type.Integer() }) },
    },
  }, async (request, reply) => {
    const r = await takeCounterPayment(ctx(request), request.body);
    return reply.status(201).send({ id: r.id, number: r.number, amountVnd: r.amountVnd });
  });

  app.get('/api/v1/payments/receipts', {
    schema: {
      tags: ['payments'], summary: 'Tìm biên lai điện tử (số, người nộp, mã hồ sơ, khoảng ngày) trong phạm vi của người dùng',
      querystring: Type.Object({
        number: Type.Optional(Type.String({ maxLength: 30 })), payer: Type.Optional(Type.String({ maxLength: 100 })), dossierCode: Type.Optional(Type.String({ maxLength: 60 })),
        from: Type.Optional(CivilDate), to: Type.Optional(CivilDate), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
      }, strict),
      response: { 200: Type.Object({ items: Type.Array(Receipt) }) },
    },
  }, async (request) => searchReceipts(ctx(request), request.query));

  app.get('/api/v1/payments/receipts/:id/receipt.pdf', {
    schema: { tags: ['payments'], summary: 'Biên lai điện tử (PDF)', params: Id, response: { 200: fileAnswer('Biên lai PDF', PDF) } },
  }, async (request, reply) => {
    const { pdf, fileName } = await receiptPdf(ctx(request), request.params.id);
    return reply.type(PDF).header('content-disposition', `inline; filename="${fileName}"`).send(Buffer.from(pdf));
  });

  app.post('/api/v1/payments/receipts/:id/refunds', {
    schema: {
      tags: ['payments'], summary: 'Hoàn tiền một biên lai (tiền mặt từ két của ca, hoặc qua cổng thanh toán), có lý do',
      params: Id, body: Type.Object({ amountVnd: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })), reason: Type.String({ minLength: 1, maxLength: 500 }) }, strict),
      response: { 201: Refund },
    },
  }, async (request, reply) => reply.status(201).send(await refundReceipt(ctx(request), request.params.id, request.body)));

  app.get('/api/v1/payments/shifts/current', {
    schema: { tags: ['payments'], summary: 'Ca thu tiền đang mở của nhân viên (null: chưa mở)', response: { 200: Type.Object({ shift: Nullable(Shift) }) } },
  }, async (request) => ({ shift: await currentShift(ctx(request)) }));

  app.post('/api/v1/payments/shifts', {
    schema: { tags: ['payments'], summary: 'Mở ca thu tiền với số tiền đầu ca', body: Type.Object({ openingCashVnd: Money }, strict), response: { 201: Shift } },
  }, async (request, reply) => reply.status(201).send(await openShift(ctx(request), request.body)));

  app.post('/api/v1/payments/shifts/current/close', {
    schema: {
      tags: ['payments'], summary: 'Đóng ca: tiền đếm được, chênh lệch so với sổ và lý do',
      body: Type.Object({ countedCashVnd: Money, note: Type.Optional(Type.String({ maxLength: 1000 })) }, strict), response: { 200: Shift },
    },
  }, async (request) => closeShift(ctx(request), request.body));

  app.get('/api/v1/payments/shifts', {
    schema: {
      tags: ['payments'], summary: 'Các ca thu tiền trong kỳ (điểm phục vụ của nhân viên; đơn vị của người giám sát)',
      querystring: Type.Object({ from: CivilDate, to: CivilDate }, strict),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...Shift.properties, servicePointId: Type.Integer() })) }) },
    },
  }, async (request) => listShifts(ctx(request), request.query));
}
