// HTTP routes of the working calendar: read a year and its versions (signed-in users), save and
// import schedules (administrators), compute a due time (public).
import type { FastifyRequest } from 'fastify';
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { ErrorShape } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import { computeDue, getYear, importSchedules, listVersions, saveSchedule, MAX_YEAR, MIN_YEAR } from './service';

const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape };

const IsoDateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const DatedReason = Type.Object({ date: IsoDateText, reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const DayList = Type.Array(DatedReason, { maxItems: 366 });
const Version = Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('official'), Type.Literal('statutory')]);
// A string of four digits (the integer coercion of path parameters would accept "2025.5").
const YearParams = Type.Object({ year: Type.String({ pattern: '^[0-9]{4}$', description: `năm ${MIN_YEAR}–${MAX_YEAR}` }) }, { additionalProperties: false });

/** A year's schedule as an administrator writes it: its source, days off and make-up days. */
const scheduleFields = {
  source: Type.String({ minLength: 1, maxLength: 500 }),
  daysOff: DayList,
  makeUpDays: DayList,
  note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
};
const ScheduleBody = Type.Object(scheduleFields, { additionalProperties: false });
const ImportItem = Type.Object({ year: Type.Integer({ minimum: MIN_YEAR, maximum: MAX_YEAR }), ...scheduleFields }, { additionalProperties: false });

const VersionView = Type.Object({
  year: Type.Integer(),
  version: Type.Integer(),
  origin: Type.Union([Type.Literal('stored'), Type.Literal('official')]),
  inForce: Type.Boolean(),
  source: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  daysOff: DayList,
  makeUpDays: DayList,
  createdAt: Type.Union([Type.String(), Type.Null()]),
  createdByName: Type.Union([Type.String(), Type.Null()]),
});

const LunarView = Type.Object({ day: Type.Integer(), month: Type.Integer(), year: Type.Integer(), leap: Type.Boolean() });
const DayView = Type.Object({
  date: Type.String(),
  weekday: Type.Integer({ minimum: 0, maximum: 6 }),
  isWorkingDay: Type.Boolean(),
  kind: Type.Union([Type.Literal('workday'), Type.Literal('weekend'), Type.Literal('dayOff'), Type.Literal('makeUp')]),
  reason: Type.Union([Type.String(), Type.Null()]),
  lunar: LunarView,
});
const YearView = Type.Object({
  year: Type.Integer(),
  provisional: Type.Boolean(),
  source: Type.String(),
  version: Version,
  versionTag: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  daysOff: DayList,
  makeUpDays: DayList,
  days: Type.Array(DayView),
});

const Unit = Type.Union([Type.Literal('working_days'), Type.Literal('working_hours'), Type.Literal('calendar_days')]);
const DueQuery = Type.Object({
  received: Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601; không ghi múi giờ = giờ Việt Nam' }),
  duration: Type.Number({ exclusiveMinimum: 0, maximum: 2920 }),
  unit: Unit,
  cutoff: Type.Optional(Type.String({ pattern: '^(none|\\d{2}:\\d{2})$' })),
}, { additionalProperties: false });
const DueView = Type.Object({
  receivedAt: Type.String(),
  dueAt: Type.String(),
  duration: Type.Object({ value: Type.Number(), unit: Unit }),
  provisional: Type.Boolean(),
  versionTag: Type.String(),
});

export interface CalendarRouteOptions {
  /** Requests a minute per client on the public due-date endpoint. */
  readonly dueRateLimit?: number;
}

export function registerCalendarRoutes(app: HttpApp, deps: RouteDeps, options: CalendarRouteOptions = {}): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: request.actor });

  app.get('/api/v1/calendar/due', {
    config: publicRateLimit(options.dueRateLimit ?? 120),
    schema: {
      tags: ['calendar'],
      summary: 'Tính ngày hẹn trả kết quả theo lịch làm việc hiện hành',
      querystring: DueQuery,
      response: { 200: DueView, 400: ErrorShape },
    },
  }, async (request) => computeDue(ctx(request), request.query));

  app.get('/api/v1/calendar/:year', {
    schema: {
      tags: ['calendar'],
      summary: 'Lịch làm việc của một năm (ngày nghỉ, ngày làm bù, âm lịch)',
      params: YearParams,
      response: { 200: YearView, ...errors },
    },
  }, async (request) => {
    requireActor(request);
    return getYear(ctx(request), Number(request.params.year));
  });

  app.get('/api/v1/calendar/:year/versions', {
    schema: {
      tags: ['calendar'],
      summary: 'Các phiên bản lịch nghỉ của một năm (mới nhất trước)',
      params: YearParams,
      response: { 200: Type.Object({ items: Type.Array(VersionView) }), ...errors },
    },
  }, async (request) => {
    requireActor(request);
    return { items: await listVersions(ctx(request), Number(request.params.year)) };
  });

  app.put('/api/v1/admin/calendar/:year', {
    schema: {
      tags: ['calendar'],
      summary: 'Lưu phiên bản mới của lịch nghỉ một năm (quản trị)',
      params: YearParams,
      body: ScheduleBody,
      response: { 200: VersionView, ...errors },
    },
  }, async (request) => {
    requireActor(request);
    return saveSchedule(ctx(request), Number(request.params.year), request.body);
  });

  app.post('/api/v1/admin/calendar/import', {
    schema: {
      tags: ['calendar'],
      summary: 'Nhập lịch nghỉ nhiều năm từ JSON (quản trị; tất cả hoặc không)',
      body: Type.Array(ImportItem, { minItems: 1, maxItems: 50 }),
      response: { 200: Type.Object({ items: Type.Array(VersionView) }), ...errors },
    },
  }, async (request) => {
    requireActor(request);
    return { items: await importSchedules(ctx(request), request.body) };
  });
}
