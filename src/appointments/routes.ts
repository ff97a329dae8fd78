// HTTP for appointments (issue 14 §1–3, §6): thin routes with request and response schemas. The
// route list with who may call each is in README.md (h-kiosk builds the screens on it).
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { ErrorShape, fileAnswer, literals } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import type { SmsSender } from '../notifications/sms';
import { manageLinkPath } from './booking-view';
import { cancelBooking, createBooking, rescheduleBooking } from './bookings';
import { bookingCalendar } from './ics';
import { channels, purposes } from './model';
import { sendOneTimeCode, verifyOneTimeCode } from './one-time-codes';
import { bookingByLink, listDayBookings, listHomeVisits, listSlots } from './reads';
import {
  AppointmentStatsSchema, BookingSchema, BookingWithLinkSchema, CodeSentSchema, CounterHoursInputSchema, CounterHoursSchema, DurationsSchema, PhoneVerificationSchema, PickupSchema, SettingsSchema, SlotListSchema,
} from './schemas';
import { getCounterHours, saveCounterHours } from './counter-hours';
import { registerHomeRoutes } from './home-routes';
import { pickupForCaller } from './pickup';
import { getSettings, listDurations, saveDurations, saveSettings } from './settings';
import { appointmentStats } from './stats';
import { recordArrival, recordNoShow } from './staff';

export interface AppointmentRouteDeps extends RouteDeps {
  /** the SMS adapter: one-time codes leave at once, not on the outbox's poll */
  readonly sms: SmsSender;
  readonly publicUrl: string;
  /** requests a minute per client address on the public routes */
  readonly rateLimit: number;
}

const strict = { additionalProperties: false } as const;
const CivilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Phone = Type.String({ minLength: 9, maxLength: 20 });
const BookingCode = Type.Object({ bookingCode: Type.String({ minLength: 1, maxLength: 20 }) }, strict);
const Token = Type.String({ minLength: 1, maxLength: 200 });
const PointDay = Type.Object({ servicePointCode: Type.String({ minLength: 1, maxLength: 60 }), date: CivilDate }, strict);
const tags = ['appointments'];

export function registerAppointmentRoutes(app: HttpApp, deps: AppointmentRouteDeps): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: request.actor ?? null });
  const staff = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
  const limited = publicRateLimit(deps.rateLimit);
  registerHomeRoutes(app, deps);

  app.get('/api/v1/appointments/slots', {
    config: limited,
    schema: {
      tags, summary: 'Các khung giờ còn nhận đặt lịch của một điểm phục vụ cho một thủ tục (công khai)',
      querystring: Type.Object({
        servicePointCode: Type.String({ minLength: 1, maxLength: 60 }), procedureCode: Type.String({ minLength: 1, maxLength: 60 }),
        purpose: literals(purposes), from: Type.Optional(CivilDate), to: Type.Optional(CivilDate),
        communeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'tại nhà: xã, phường của địa chỉ' })),
      }, strict),
      response: { 200: SlotListSchema, 400: ErrorShape, 404: ErrorShape },
    },
  }, async (request) => listSlots(ctx(request), request.query));

  app.post('/api/v1/appointments/phone-codes', {
    config: limited,
    schema: {
      tags, summary: 'Gửi mã xác thực 6 chữ số qua SMS đến số điện thoại (gửi ngay)',
      body: Type.Object({ phone: Phone }, strict),
      response: { 202: CodeSentSchema, 400: ErrorShape, 409: ErrorShape, 429: ErrorShape },
    },
  }, async (request, reply) => reply.status(202).send(await sendOneTimeCode({ db: deps.db, clock: deps.clock, sms: deps.sms }, { phone: request.body.phone, purpose: 'booking', clientAddress: request.ip })));

  app.post('/api/v1/appointments/phone-codes/verify', {
    config: limited,
    schema: {
      tags, summary: 'Kiểm tra mã xác thực: đúng thì trả về giấy xác thực số điện thoại (30 phút) để đặt lịch',
      body: Type.Object({ phone: Phone, code: Type.String({ minLength: 1, maxLength: 10 }) }, strict),
      response: { 200: PhoneVerificationSchema, 400: ErrorShape, 429: ErrorShape },
    },
  }, async (request) => verifyOneTimeCode(deps, { ...request.body, purpose: 'booking' }));

  app.post('/api/v1/appointments/bookings', {
    config: limited,
    schema: {
      tags, summary: 'Đặt lịch hẹn (người dân trên cổng, nhân viên tại quầy hoặc qua điện thoại); số điện thoại đã xác thực bằng mã',
      body: Type.Object({
        servicePointCode: Type.String({ minLength: 1, maxLength: 60 }), procedureCode: Type.String({ minLength: 1, maxLength: 60 }),
        purpose: literals(purposes), startsAt: Type.String({ minLength: 1, maxLength: 40 }), name: Type.String({ minLength: 1, maxLength: 200 }),
        personalId: Type.Optional(Type.String({ maxLength: 12 })), phone: Phone, phoneVerification: Token,
        address: Type.Optional(Type.String({ maxLength: 300 })), communeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })), dossierCode: Type.Optional(Type.String({ maxLength: 60 })),
        channel: Type.Optional(literals(channels.filter((c) => c !== 'portal'))),
      }, strict),
      response: { 201: BookingWithLinkSchema, 400: ErrorShape, 403: ErrorShape, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request, reply) => reply.status(201).send(await createBooking({ ...ctx(request), publicUrl: deps.publicUrl }, request.body)));

  app.get('/api/v1/appointments/bookings/:bookingCode', {
    config: limited,
    schema: {
      tags, summary: 'Xem lịch hẹn qua đường dẫn đã ký (không cần đăng nhập)',
      params: BookingCode, querystring: Type.Object({ token: Token }, strict), response: { 200: BookingSchema, 404: ErrorShape },
    },
  }, async (request) => bookingByLink(ctx(request), request.params.bookingCode, request.query.token));

  app.post('/api/v1/appointments/bookings/:bookingCode/cancel', {
    config: limited,
    schema: {
      tags, summary: 'Hủy lịch hẹn qua đường dẫn đã ký; khung giờ được mở lại cho người khác',
      params: BookingCode, body: Type.Object({ token: Token }, strict), response: { 200: BookingWithLinkSchema, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request) => cancelBooking({ ...ctx(request), publicUrl: deps.publicUrl }, request.params.bookingCode, request.body.token));

  app.post('/api/v1/appointments/bookings/:bookingCode/reschedule', {
    config: limited,
    schema: {
      tags, summary: 'Đổi lịch hẹn sang khung giờ khác qua đường dẫn đã ký (đường dẫn cũ hết hiệu lực)',
      params: BookingCode, body: Type.Object({ token: Token, startsAt: Type.String({ minLength: 1, maxLength: 40 }) }, strict),
      response: { 200: BookingWithLinkSchema, 400: ErrorShape, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request) => rescheduleBooking({ ...ctx(request), publicUrl: deps.publicUrl }, request.params.bookingCode, request.body.token, request.body.startsAt));

  app.get('/api/v1/appointments/bookings/:bookingCode/calendar.ics', {
    config: limited,
    schema: {
      tags, summary: 'Tải lịch hẹn dạng iCalendar (.ics), giờ Việt Nam',
      params: BookingCode, querystring: Type.Object({ token: Token }, strict),
      response: { 200: fileAnswer('Tệp iCalendar', 'text/calendar'), 404: ErrorShape },
    },
  }, async (request, reply) => {
    const { bookingCode } = request.params;
    const booking = await bookingByLink(ctx(request), bookingCode, request.query.token);
    const sequence = Number(request.query.token.split('.')[0]) || 1;
    const ics = bookingCalendar(booking, { sequence, stamp: deps.clock.now(), manageUrl: `${deps.publicUrl.replace(/\/+$/, '')}${manageLinkPath(bookingCode, request.query.token)}` });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="lich-hen-${bookingCode}.ics"`).send(Buffer.from(ics, 'utf8'));
  });

  app.get('/api/v1/appointments/bookings', {
    schema: {
      tags, summary: 'Lịch hẹn trong ngày của một điểm phục vụ (nhân viên của điểm)',
      querystring: PointDay, response: { 200: Type.Object({ items: Type.Array(BookingSchema) }), 404: ErrorShape },
    },
  }, async (request) => listDayBookings(staff(request), request.query));

  app.get('/api/v1/appointments/home-visits', {
    schema: {
      tags, summary: 'Các lịch hẹn bưu tá đến tại nhà trong ngày của một điểm (cho kế hoạch ngày của bưu tá)',
      querystring: PointDay, response: { 200: Type.Object({ items: Type.Array(BookingSchema) }), 404: ErrorShape },
    },
  }, async (request) => listHomeVisits(staff(request), request.query));

  app.post('/api/v1/appointments/bookings/:bookingCode/arrival', {
    schema: { tags, summary: 'Ghi nhận người hẹn đã đến', params: BookingCode, response: { 200: BookingSchema, 404: ErrorShape, 409: ErrorShape } },
  }, async (request) => recordArrival(staff(request), request.params.bookingCode));

  app.post('/api/v1/appointments/bookings/:bookingCode/no-show', {
    schema: { tags, summary: 'Ghi nhận người hẹn không đến (sau giờ hẹn)', params: BookingCode, response: { 200: BookingSchema, 404: ErrorShape, 409: ErrorShape } },
  }, async (request) => recordNoShow(staff(request), request.params.bookingCode));

  app.get('/api/v1/appointments/service-points/:code/settings', {
    schema: {
      tags, summary: 'Cấu hình hẹn giờ của điểm phục vụ: quy tắc, thủ tục từng quầy phục vụ, ngày giờ mở cửa ngoại lệ',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, strict), response: { 200: SettingsSchema, 404: ErrorShape },
    },
  }, async (request) => getSettings(staff(request), request.params.code));

  app.put('/api/v1/appointments/service-points/:code/settings', {
    schema: {
      tags, summary: 'Lưu cấu hình hẹn giờ của điểm phục vụ',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, strict), body: SettingsSchema,
      response: { 200: SettingsSchema, 400: ErrorShape, 404: ErrorShape },
    },
  }, async (request) => saveSettings(staff(request), request.params.code, request.body));

  app.get('/api/v1/appointments/pickups/:code', {
    schema: {
      tags, summary: 'Nơi và ngày có thể hẹn nhận kết quả của một hồ sơ (người dân của hồ sơ, nhân viên trong phạm vi)',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, strict), response: { 200: PickupSchema, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request) => pickupForCaller(staff(request), request.params.code));

  const PointCode = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, strict);
  app.get('/api/v1/appointments/service-points/:code/counter-hours', {
    schema: { tags, summary: 'Giờ làm việc riêng của từng quầy (quầy không có giờ riêng theo giờ của điểm phục vụ)', params: PointCode, response: { 200: CounterHoursSchema, 404: ErrorShape } },
  }, async (request) => getCounterHours(staff(request), request.params.code));

  app.put('/api/v1/appointments/service-points/:code/counter-hours', {
    schema: {
      tags, summary: 'Lưu giờ làm việc riêng của các quầy: lịch tuần, nghỉ trưa, ngày ngoại lệ', params: PointCode, body: CounterHoursInputSchema,
      response: { 200: CounterHoursSchema, 400: ErrorShape, 404: ErrorShape },
    },
  }, async (request) => saveCounterHours(staff(request), request.params.code, request.body));

  app.get('/api/v1/appointments/durations', {
    schema: { tags, summary: 'Thời lượng phục vụ theo thủ tục (mặc định: nộp 20, nhận kết quả 10, tại nhà 30 phút)', response: { 200: DurationsSchema } },
  }, async (request) => listDurations(staff(request)));

  app.put('/api/v1/appointments/durations', {
    schema: { tags, summary: 'Đặt thời lượng phục vụ của các thủ tục (quản trị toàn hệ thống)', body: DurationsSchema, response: { 200: DurationsSchema, 400: ErrorShape } },
  }, async (request) => saveDurations(staff(request), request.body));

  app.get('/api/v1/appointments/stats', {
    schema: {
      tags, summary: 'Số liệu hẹn giờ và xếp hàng trong kỳ (trong phạm vi người xem): chờ trung bình, tỷ lệ được gọi trong 15 phút, vắng mặt, lịch hẹn theo kênh',
      querystring: Type.Object({ from: CivilDate, to: CivilDate }, strict),
      response: { 200: AppointmentStatsSchema, 400: ErrorShape },
    },
  }, async (request) => appointmentStats(staff(request), request.query));
}
