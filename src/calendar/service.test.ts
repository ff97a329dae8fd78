import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Actor, Role } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { ServiceContext } from '../platform/context';
import { DomainError } from '../platform/errors';
import { computeDue, getYear, importSchedules, listVersions, saveSchedule, validateSchedule } from './service';
import { calendarVersionTag, loadWorkCalendar, schedulesInForce } from './store';

let t: TestDatabase;
const clock = new FixedClock(new Date('2025-10-01T02:00:00Z'));
const actorOf = (role: Role, userId = 7, unitPath = '/'): Actor => ({
  userId, username: `${role}${userId}`, fullName: role, role, scope: { kind: 'unit', unitId: 1, unitPath },
});
const ctxOf = (actor: Actor | null): ServiceContext => ({ db: t.db, clock, actor });
const admin = () => ctxOf(actorOf('admin'));
const clerk = () => ctxOf(actorOf('clerk', 8));

const schedule2027 = {
  source: 'Thông báo số 1/TB-BNV (thử nghiệm)',
  daysOff: [
    { date: '2027-01-01', reason: 'Tết Dương lịch' },
    { date: '2027-02-16', reason: 'Tết Nguyên đán' },
    { date: '2027-02-17', reason: 'Tết Nguyên đán' },
  ],
  makeUpDays: [{ date: '2027-02-28', reason: 'Làm bù' }],
  note: 'bản nháp',
};

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe('calendarVersionTag', () => {
  it('lists the years in order with their versions', () => {
    expect(calendarVersionTag({ 2026: 'statutory', 2025: 2, 2024: 'official' })).toBe('2024:official,2025:v2,2026:statutory');
  });
});

describe('reading a year', () => {
  it('shows 2025 from the shipped official schedule with Tết and lunar dates', async () => {
    const view = await getYear(clerk(), 2025);
    expect(view).toMatchObject({ year: 2025, provisional: false, version: 'official', versionTag: '2025:official' });
    expect(view.days).toHaveLength(365);
    const tet = view.days.find((d) => d.date === '2025-01-29');
    expect(tet).toMatchObject({ isWorkingDay: false, kind: 'dayOff', reason: 'Tết Nguyên đán', lunar: { day: 1, month: 1, year: 2025, leap: false } });
    expect(view.days.find((d) => d.date === '2025-04-26')).toMatchObject({ isWorkingDay: true, kind: 'makeUp', weekday: 6 });
    expect(view.days.find((d) => d.date === '2025-07-25')?.lunar).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(view.days.find((d) => d.date === '2025-03-08')).toMatchObject({ kind: 'weekend', isWorkingDay: false, reason: null });
  });

  it('marks a year without a schedule as provisional (statutory rule)', async () => {
    const view = await getYear(clerk(), 2027);
    expect(view).toMatchObject({ provisional: true, version: 'statutory', versionTag: '2027:statutory' });
  });

  it('refuses an anonymous reader and a year outside the lunar range', async () => {
    expect((await rejection(getYear(ctxOf(null), 2025))).kind).toBe('Unauthenticated');
    expect((await rejection(getYear(clerk(), 2101))).code).toBe('INVALID_YEAR');
  });
});

describe('validating a schedule', () => {
  const base = { year: 2027, source: 'TB', daysOff: [], makeUpDays: [] };
  const problems = (input: unknown) => {
    const r = validateSchedule(input);
    return r.ok ? [] : r.problems;
  };
  it.each([
    ['a date outside the year', { ...base, daysOff: [{ date: '2025-12-31', reason: 'x' }] }, 'daysOff[0].date', 'không thuộc năm 2027'],
    ['an impossible date', { ...base, daysOff: [{ date: '2027-02-30', reason: 'x' }] }, 'daysOff[0].date', 'ngày không hợp lệ'],
    ['a date twice', { ...base, daysOff: [{ date: '2027-01-01', reason: 'x' }, { date: '2027-01-01', reason: 'y' }] }, 'daysOff[1].date', 'bị lặp lại'],
    ['a make-up day on a weekday', { ...base, makeUpDays: [{ date: '2027-03-04', reason: 'x' }] }, 'makeUpDays[0].date', 'thứ Bảy hoặc Chủ nhật'],
    ['a day both off and worked', { ...base, daysOff: [{ date: '2027-02-28', reason: 'x' }], makeUpDays: [{ date: '2027-02-28', reason: 'y' }] }, 'makeUpDays[0].date', 'vừa là ngày nghỉ'],
    ['a missing reason', { ...base, daysOff: [{ date: '2027-01-01', reason: ' ' }] }, 'daysOff[0].reason', 'thiếu lý do'],
    ['a missing source', { ...base, source: '' }, 'source', 'thiếu văn bản nguồn'],
    ['an unknown field', { ...base, extra: 1 }, 'extra', 'không được phép'],
  ])('refuses %s', (_name, input, path, message) => {
    const found = problems(input);
    expect(found.map((p) => p.path)).toContain(path);
    expect(found.find((p) => p.path === path)?.message).toContain(message);
  });

  it('accepts the shipped 2025 schedule, whose Tết break includes a weekend', () => {
    const r = validateSchedule({ year: 2025, source: 'x', daysOff: [{ date: '2025-01-25', reason: 'Tết Nguyên đán' }], makeUpDays: [{ date: '2025-04-26', reason: 'Làm bù' }] });
    expect(r.ok).toBe(true);
  });
});

describe('saving a schedule', () => {
  it('refuses anyone but an administrator', async () => {
    const error = await rejection(saveSchedule(clerk(), 2027, schedule2027));
    expect(error.kind).toBe('Forbidden');
  });

  it('refuses a province administrator: the holiday calendar is shared by every province', async () => {
    const error = await rejection(saveSchedule(ctxOf(actorOf('admin', 9, '/82/')), 2027, schedule2027));
    expect(error.code).toBe('SYSTEM_ADMIN_ONLY');
  });

  it('writes version 1 of a year without a shipped schedule, then version 2, with audit entries', async () => {
    const first = await saveSchedule(admin(), 2027, schedule2027);
    expect(first).toMatchObject({ year: 2027, version: 1, origin: 'stored', inForce: true, note: 'bản nháp', createdByName: 'admin7' });
    const second = await saveSchedule(admin(), 2027, { ...schedule2027, makeUpDays: [], note: null });
    expect(second.version).toBe(2);
    const view = await getYear(clerk(), 2027);
    expect(view).toMatchObject({ provisional: false, version: 2, source: schedule2027.source });
    expect(view.days.find((d) => d.date === '2027-02-28')?.kind).toBe('weekend');
    const audits = await t.db.selectFrom('audit_log').select(['action', 'entity_key', 'actor_name']).where('entity', '=', 'calendar_schedule').orderBy('id').execute();
    expect(audits).toEqual([
      { action: 'calendar.schedule.save', entity_key: '2027:v1', actor_name: 'admin7' },
      { action: 'calendar.schedule.save', entity_key: '2027:v2', actor_name: 'admin7' },
    ]);
    const versions = await listVersions(clerk(), 2027);
    expect(versions.map((v) => [v.version, v.inForce])).toEqual([[2, true], [1, false]]);
  });

  it('counts the shipped schedule as version 1: the first save of 2025 is version 2', async () => {
    const before = await listVersions(clerk(), 2025);
    expect(before.map((v) => [v.version, v.origin, v.inForce])).toEqual([[1, 'official', true]]);
    const current = await getYear(clerk(), 2025);
    const saved = await saveSchedule(admin(), 2025, {
      source: current.source, daysOff: [...current.daysOff, { date: '2025-12-31', reason: 'Nghỉ thử nghiệm' }], makeUpDays: current.makeUpDays,
    });
    expect(saved.version).toBe(2);
    const after = await getYear(clerk(), 2025);
    expect(after).toMatchObject({ version: 2, versionTag: '2025:v2' });
    expect(after.days.find((d) => d.date === '2025-12-31')).toMatchObject({ kind: 'dayOff', isWorkingDay: false });
    expect((await listVersions(clerk(), 2025)).map((v) => [v.version, v.origin, v.inForce])).toEqual([[2, 'stored', true], [1, 'official', false]]);
  });

  it('gives distinct versions to concurrent saves', async () => {
    const saved = await Promise.all([1, 2, 3, 4].map((n) => saveSchedule(admin(), 2031, { ...schedule2027, source: `TB ${n}`, daysOff: [], makeUpDays: [] })));
    expect(saved.map((s) => s.version).sort()).toEqual([1, 2, 3, 4]);
  });

  it('refuses invalid data with the field in the details and writes nothing', async () => {
    const error = await rejection(saveSchedule(admin(), 2032, { ...schedule2027, daysOff: [{ date: '2027-01-01', reason: 'x' }] }));
    expect(error.code).toBe('INVALID_SCHEDULE');
    expect(error.details?.[0]).toEqual({ path: 'daysOff[0].date', message: 'ngày 2027-01-01 không thuộc năm 2032' });
    expect(await listVersions(clerk(), 2032)).toEqual([]);
  });
});

describe('importing schedules', () => {
  const item = (year: number, extra: Record<string, unknown> = {}) => ({
    year, source: `TB ${year}`, daysOff: [{ date: `${year}-01-01`, reason: 'Tết Dương lịch' }], makeUpDays: [], ...extra,
  });

  it('imports several years in one go', async () => {
    const saved = await importSchedules(admin(), [item(2040), item(2041)]);
    expect(saved.map((s) => [s.year, s.version])).toEqual([[2040, 1], [2041, 1]]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_key', '=', '2041:v1').executeTakeFirst();
    expect(audit?.action).toBe('calendar.schedule.import');
  });

  it('is all or nothing, and names the item and field at fault', async () => {
    const error = await rejection(importSchedules(admin(), [item(2042), item(2043, { makeUpDays: [{ date: '2043-01-05', reason: 'x' }] })]));
    expect(error.code).toBe('INVALID_SCHEDULE');
    expect(error.details).toEqual([{ path: '[1].makeUpDays[0].date', message: 'ngày làm bù 2043-01-05 phải là thứ Bảy hoặc Chủ nhật' }]);
    expect(error.message).toContain('[1].makeUpDays[0].date');
    expect(await listVersions(clerk(), 2042)).toEqual([]);
  });

  it('refuses the same year twice and a non-array', async () => {
    expect((await rejection(importSchedules(admin(), [item(2044), item(2044)]))).details?.[0]?.path).toBe('[1].year');
    expect((await rejection(importSchedules(admin(), { year: 2044 }))).code).toBe('INVALID_SCHEDULE');
    expect((await rejection(importSchedules(clerk(), [item(2044)]))).kind).toBe('Forbidden');
  });
});

describe('the working calendar from storage', () => {
  it('keeps the built calendar until a year of its range gets a new version', async () => {
    const first = await loadWorkCalendar(t.db, { fromYear: 2050, toYear: 2051 });
    const again = await loadWorkCalendar(t.db, { fromYear: 2050, toYear: 2051 });
    expect(again).toBe(first);
    expect(first.versions).toEqual({ 2050: 'statutory', 2051: 'statutory' });
    await saveSchedule(admin(), 2051, { source: 'TB 2051', daysOff: [{ date: '2051-03-01', reason: 'Nghỉ' }], makeUpDays: [] });
    const rebuilt = await loadWorkCalendar(t.db, { fromYear: 2050, toYear: 2051 });
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.versions).toEqual({ 2050: 'statutory', 2051: 1 });
    expect(rebuilt.calendar.isWorkingDay('2051-03-01' as never)).toBe(false);
    expect(first.calendar.isWorkingDay('2051-03-01' as never)).toBe(true);
  });

  it('merges stored versions with the shipped schedules', async () => {
    const schedules = await schedulesInForce(t.db, { fromYear: 2024, toYear: 2026 });
    expect(schedules.map((s) => s.year)).toEqual([2024, 2025, 2026]);
    expect(schedules[0]?.source).toContain('2450');
  });
});

describe('computing a due time', () => {
  it('uses the schedules in force and reports their versions', async () => {
    const due = await computeDue(ctxOf(null), { received: '2025-01-24T10:00+07:00', duration: 5, unit: 'working_days' });
    expect(due).toMatchObject({ dueAt: '2025-02-07T10:00:00+07:00', provisional: false, versionTag: '2025:v2' });
  });

  it('refuses an unreadable receipt time', async () => {
    const error = await rejection(computeDue(ctxOf(null), { received: 'hôm qua', duration: 5, unit: 'working_days' }));
    expect(error.code).toBe('INVALID_DUE_REQUEST');
    expect(error.details?.[0]?.path).toBe('received');
  });
});
