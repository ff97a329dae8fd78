import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Role } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { createTestApp, countryActor, closeAll } from '../../test/http';
import { registerCalendarRoutes } from './routes';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2025-10-01T02:00:00Z'));

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp((role) => countryActor(role as Role), (a) => registerCalendarRoutes(a, { db: t.db, clock }));
});
afterAll(() => closeAll(app, t));

const headersOf = (role: Role | null) => (role ? { 'x-test-role': role } : {});
const get = (url: string, role: Role | null = 'clerk') => app.inject({ method: 'GET', url, headers: headersOf(role) });
const put = (year: number | string, body: unknown, role: Role | null = 'admin') =>
  app.inject({ method: 'PUT', url: `/api/v1/admin/calendar/${year}`, headers: headersOf(role), payload: body as object });
const importAs = (body: unknown, role: Role | null = 'admin') =>
  app.inject({ method: 'POST', url: '/api/v1/admin/calendar/import', headers: headersOf(role), payload: body as object });

const schedule = {
  source: 'Thông báo thử nghiệm',
  daysOff: [{ date: '2028-02-16', reason: 'Tết Nguyên đán' }],
  makeUpDays: [{ date: '2028-02-26', reason: 'Làm bù' }],
};

describe('GET /api/v1/calendar/{year}', () => {
  it('answers 401 without a signed-in user', async () => {
    const res = await get('/api/v1/calendar/2025', null);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('shows every day of 2025 with Tết on 29 January and its lunar date', async () => {
    const res = await get('/api/v1/calendar/2025');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2025, provisional: false, version: 'official' });
    expect(body.days).toHaveLength(365);
    expect(body.days[28]).toEqual({
      date: '2025-01-29', weekday: 3, isWorkingDay: false, kind: 'dayOff', reason: 'Tết Nguyên đán', lunar: { day: 1, month: 1, year: 2025, leap: false },
    });
  });

  it('refuses a year that is not a number or is out of range with 400', async () => {
    for (const year of ['abc', '1899', '2101', '2025.5']) {
      const res = await get(`/api/v1/calendar/${year}`);
      expect(res.statusCode, year).toBe(400);
      expect(res.json().error.code).toMatch(/^(VALIDATION_FAILED|INVALID_YEAR)$/);
    }
  });
});

describe('PUT /api/v1/admin/calendar/{year}', () => {
  it('answers 401 anonymously and 403 to a non-administrator', async () => {
    expect((await put(2028, schedule, null)).statusCode).toBe(401);
    const res = await put(2028, schedule, 'supervisor');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('saves a new version that the year view then uses', async () => {
    const res = await put(2028, { ...schedule, note: 'theo công văn' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2028, version: 1, inForce: true, origin: 'stored', note: 'theo công văn' });
    const view = (await get('/api/v1/calendar/2028')).json();
    expect(view).toMatchObject({ provisional: false, version: 1, versionTag: '2028:v1' });
    expect(view.days.find((d: { date: string }) => d.date === '2028-02-26')).toMatchObject({ kind: 'makeUp', isWorkingDay: true });
    const versions = (await get('/api/v1/calendar/2028/versions')).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('refuses unknown fields, malformed dates and semantic errors with the error shape', async () => {
    const extra = await put(2028, { ...schedule, extra: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('VALIDATION_FAILED');
    const malformed = await put(2028, { ...schedule, daysOff: [{ date: '16/02/2028', reason: 'Tết' }] });
    expect(malformed.statusCode).toBe(400);
    const weekday = await put(2028, { ...schedule, makeUpDays: [{ date: '2028-03-01', reason: 'x' }] });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().error).toMatchObject({ code: 'INVALID_SCHEDULE', details: [{ path: 'makeUpDays[0].date' }] });
    const otherYear = await put(2029, schedule);
    expect(otherYear.statusCode).toBe(400);
    expect(otherYear.json().error.details[0].message).toBe('ngày 2028-02-16 không thuộc năm 2029');
  });
});

describe('POST /api/v1/admin/calendar/import', () => {
  const item = (year: number) => ({ year, source: `TB ${year}`, daysOff: [{ date: `${year}-01-01`, reason: 'Tết Dương lịch' }], makeUpDays: [] });

  it('imports several years for an administrator only', async () => {
    expect((await importAs([item(2030)], 'clerk')).statusCode).toBe(403);
    const res = await importAs([item(2030), item(2031)]);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((v: { year: number; version: number }) => [v.year, v.version])).toEqual([[2030, 1], [2031, 1]]);
  });

  it('names the item of a bad import and keeps nothing', async () => {
    const res = await importAs([item(2032), { ...item(2033), daysOff: [{ date: '2033-01-01', reason: 'a' }, { date: '2033-01-01', reason: 'b' }] }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ path: '[1].daysOff[1].date', message: 'ngày 2033-01-01 bị lặp lại' });
    expect((await get('/api/v1/calendar/2032/versions')).json().items).toEqual([]);
    expect((await importAs({ year: 2034 })).statusCode).toBe(400);
    expect((await importAs([])).statusCode).toBe(400);
  });
});

describe('GET /api/v1/calendar/due', () => {
  it('is public and computes with the stored calendar', async () => {
    const res = await get('/api/v1/calendar/due?received=2025-01-24T10:00%2B07:00&duration=5&unit=working_days', null);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      receivedAt: '2025-01-24T10:00:00+07:00', dueAt: '2025-02-07T10:00:00+07:00',
      duration: { value: 5, unit: 'working_days' }, provisional: false, versionTag: '2025:official',
    });
  });

  it('applies a cut-off and reports a provisional year', async () => {
    const res = await get('/api/v1/calendar/due?received=2027-03-03T16:00&duration=8&unit=working_hours&cutoff=15:00', null);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dueAt: '2027-03-04T17:00:00+07:00', provisional: true, versionTag: '2027:statutory' });
  });

  it('refuses bad input with 400', async () => {
    for (const query of [
      'received=yesterday&duration=5&unit=working_days',
      'received=2025-01-24T10:00&duration=-1&unit=working_days',
      'received=2025-01-24T10:00&duration=5&unit=weeks',
      'received=2025-01-24T10:00&duration=5&unit=working_days&cutoff=25:00',
      'received=2025-01-24T10:00&duration=5&unit=working_days&extra=1',
      'duration=5&unit=working_days',
    ]) {
      const res = await get(`/api/v1/calendar/due?${query}`, null);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toMatch(/VALIDATION_FAILED|INVALID_DUE_REQUEST/);
    }
  });
});
