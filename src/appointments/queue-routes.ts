// HTTP for the counter queue (issue 14 §4): the kiosk (no sign-in, a staff-opened kiosk token in
// the x-kiosk-token header), the counter's calls (clerks), the public display with its live
// server-sent events, and the queue's figures for the reports.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import type { ChangeFeed } from '../platform/db/listen';
import { ErrorShape, literals, Nullable } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import { displayBoard, queueReport } from './queue-display';
import { checkInBooking, closeKiosks, kioskInfo, openKiosk, takeWalkInTicket, type BookingLookup } from './queue-kiosk';
import { ticketKinds, ticketStatuses, type QueuePolicy } from './queue-model';
import { actOnTicket, callNextTicket, counterQueue } from './queue-service';
import { QueueFiguresSchema } from './schemas';
import { streamDisplay } from './queue-stream';

export interface QueueRouteDeps extends RouteDeps {
  readonly policy: QueuePolicy;
  readonly lookupBooking: BookingLookup;
  /** Tickets a kiosk may issue a minute. */
  readonly kioskTicketsPerMinute: number;
  /** Requests a minute per client address on the public display and kiosk routes. */
  readonly publicRateLimit: number;
  /** Notices of queue changes from every instance (LISTEN/NOTIFY); none: the display refreshes on its timer only. */
  readonly changes?: ChangeFeed;
}

const strict = { additionalProperties: false } as const;
const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const KioskHeaders = Type.Object({ 'x-kiosk-token': Type.Optional(Type.String({ maxLength: 200 })) });
const PointCode = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, strict);

const IssuedTicket = Type.Object({
  id: Type.Integer(), label: Type.String(), number: Type.Integer(), kind: literals(ticketKinds), priority: Type.Boolean(),
  day: Type.String(), issuedAt: Type.String(), servicePointName: Type.String(), waitingAhead: Type.Integer(),
  bookedAt: Nullable(Type.String()), procedureName: Nullable(Type.String()),
});
export type IssuedTicketResponse = Static<typeof IssuedTicket>;

const QueueTicket = Type.Object({
  id: Type.Integer(), label: Type.String(), number: Type.Integer(), kind: literals(ticketKinds), priority: Type.Boolean(),
  status: literals(ticketStatuses), issuedAt: Type.String(), bookedAt: Nullable(Type.String()), due: Type.Boolean(),
  calledAt: Nullable(Type.String()), callCount: Type.Integer(), counterCode: Nullable(Type.String()), counterName: Nullable(Type.String()),
  booking: Nullable(Type.Object({
    code: Type.String(), procedureCode: Nullable(Type.String()), procedureName: Nullable(Type.String()),
    applicantName: Nullable(Type.String()), applicantPersonalId: Nullable(Type.String()), applicantPhone: Nullable(Type.String()),
    resultDossierCode: Nullable(Type.String()),
  })),
});
export type QueueTicketResponse = Static<typeof QueueTicket>;

const Figures = QueueFiguresSchema;

const CounterQueue = Type.Object({
  day: Type.String(),
  counters: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  current: Nullable(QueueTicket),
  waiting: Type.Array(QueueTicket),
  figures: Figures,
});
export type CounterQueueResponse = Static<typeof CounterQueue>;

export const DisplayBoardSchema = Type.Object({
  servicePointCode: Type.String(), servicePointName: Type.String(), day: Type.String(), waiting: Type.Integer(),
  calls: Type.Array(Type.Object({
    id: Type.Integer(), label: Type.String(), counterName: Type.String(), calledAt: Type.String(), callCount: Type.Integer(), announcement: Type.String(),
  })),
});
export type DisplayBoardResponse = Static<typeof DisplayBoardSchema>;

const QueueReport = Type.Object({
  from: Type.String(), to: Type.String(), total: Figures,
  servicePoints: Type.Array(Type.Intersect([Figures, Type.Object({ servicePointCode: Type.String() })])),
});
export type QueueReportResponse = Static<typeof QueueReport>;

const OpenedKiosk = Type.Object({ token: Type.String(), servicePointCode: Type.String(), servicePointName: Type.String(), expiresAt: Type.String() });
export type OpenedKioskResponse = Static<typeof OpenedKiosk>;
const KioskInfo = Type.Object({ servicePointCode: Type.String(), servicePointName: Type.String() });
export type KioskInfoResponse = Static<typeof KioskInfo>;

const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape, 409: ErrorShape, 429: ErrorShape };

export function registerQueueRoutes(app: HttpApp, deps: QueueRouteDeps): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request), policy: deps.policy });
  const kiosk = { db: deps.db, clock: deps.clock, lookupBooking: deps.lookupBooking, ticketsPerMinute: deps.kioskTicketsPerMinute };
  const limited = publicRateLimit(deps.publicRateLimit);
  const open = new Set<() => void>();
  app.addHook('onClose', async () => { for (const end of [...open]) end(); });

  app.post('/api/v1/counter-queue/kiosks', {
    schema: { tags: ['queue'], summary: 'Mở máy lấy số tại điểm phục vụ của nhân viên (mã máy chỉ hiện một lần, hết hạn cuối ngày)', response: { 201: OpenedKiosk, ...errors } },
  }, async (request, reply) => reply.status(201).send(await openKiosk(ctx(request))));

  app.post('/api/v1/counter-queue/kiosks/close', {
    schema: { tags: ['queue'], summary: 'Đóng mọi máy lấy số đang mở tại điểm phục vụ của nhân viên', response: { 200: Type.Object({ closed: Type.Integer() }), ...errors } },
  }, async (request) => closeKiosks(ctx(request)));

  app.get('/api/v1/counter-queue/kiosk', {
    config: limited,
    schema: { tags: ['queue'], summary: 'Máy lấy số: điểm phục vụ của máy (không cần đăng nhập, mã máy trong x-kiosk-token)', headers: KioskHeaders, response: { 200: KioskInfo, ...errors } },
  }, async (request) => kioskInfo(kiosk, request.headers['x-kiosk-token']));

  app.post('/api/v1/counter-queue/kiosk/tickets', {
    config: limited,
    schema: {
      tags: ['queue'], summary: 'Máy lấy số: lấy số thứ tự (theo mã lịch hẹn, hoặc không hẹn trước)',
      headers: KioskHeaders,
      body: Type.Object({ bookingCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), priority: Type.Optional(Type.Boolean()) }, strict),
      response: { 201: IssuedTicket, ...errors },
    },
  }, async (request, reply) => {
    const token = request.headers['x-kiosk-token'];
    const { bookingCode, priority } = request.body;
    const ticket = bookingCode === undefined
      ? await takeWalkInTicket(kiosk, token, { priority: priority ?? false })
      : await checkInBooking(kiosk, token, { bookingCode, ...(priority === undefined ? {} : { priority }) });
    return reply.status(201).send(ticket);
  });

  app.get('/api/v1/counter-queue', {
    schema: {
      tags: ['queue'], summary: 'Hàng đợi tại quầy: số đang phục vụ tại quầy, người đang chờ theo thứ tự gọi, số liệu trong ngày',
      querystring: Type.Object({ counter: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })) }, strict),
      response: { 200: CounterQueue, ...errors },
    },
  }, async (request) => counterQueue(ctx(request), request.query.counter));

  app.post('/api/v1/counter-queue/calls', {
    schema: {
      tags: ['queue'], summary: 'Gọi số tiếp theo đến quầy (có hẹn đến giờ trước, rồi ưu tiên, rồi theo thứ tự)',
      body: Type.Object({ counterCode: Type.String({ minLength: 1, maxLength: 20 }) }, strict),
      response: { 201: QueueTicket, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await callNextTicket(ctx(request), request.body)));

  app.post('/api/v1/counter-queue/tickets/:id/:action', {
    schema: {
      tags: ['queue'], summary: 'Gọi lại, đã phục vụ xong, hoặc vắng mặt',
      params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), action: literals(['recall', 'served', 'noShow'] as const) }, strict),
      response: { 200: QueueTicket, ...errors },
    },
  }, async (request) => actOnTicket(ctx(request), request.params.id, request.params.action));

  app.get('/api/v1/counter-queue/display/:code', {
    config: limited,
    schema: { tags: ['queue'], summary: 'Màn hình gọi số (công khai): các số vừa gọi và quầy', params: PointCode, response: { 200: DisplayBoardSchema, 404: ErrorShape, 429: ErrorShape } },
  }, async (request) => displayBoard(deps, request.params.code));

  app.get('/api/v1/counter-queue/display/:code/events', {
    config: limited,
    schema: {
      tags: ['queue'], summary: 'Màn hình gọi số: luồng sự kiện (text/event-stream), một sự kiện "board" mỗi khi hàng đợi thay đổi',
      params: PointCode,
      response: { 200: { description: 'server-sent events: event board, data DisplayBoard', content: { 'text/event-stream': { schema: Type.String() } } }, 404: ErrorShape, 429: ErrorShape },
    },
  }, async (request, reply) => {
    const first = await displayBoard(deps, request.params.code); // 404 before the stream starts
    return streamDisplay(request, reply, { db: deps.db, clock: deps.clock, ...(deps.changes ? { changes: deps.changes } : {}), first, code: request.params.code, open });
  });

  app.get('/api/v1/counter-queue/figures', {
    schema: {
      tags: ['queue'], summary: 'Thời gian chờ và phục vụ theo điểm phục vụ: chờ trung bình, tỷ lệ được gọi trong 15 phút',
      querystring: Type.Object({ from: CivilDate, to: CivilDate }, strict),
      response: { 200: QueueReport, ...errors },
    },
  }, async (request) => queueReport(ctx(request), request.query));
}
