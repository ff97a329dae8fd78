// Opening hours per counter (issue 14 §1): a counter may keep other hours than its service point —
// open only mornings, or serving Saturday intake — and its own exceptions (a clerk on leave).
// A counter left out keeps the point's hours. Edited by the point's administrators
// (`appointments.configure`, in scope), replaced whole in one transaction with its audit row.
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { validationFailed, type ErrorDetail } from '../platform/errors';
import { parseIsoDate } from '../shared/civil-date';
import { pointInScope } from './settings';
import { parsePeriod } from './slots';

export interface CounterHoursEntry {
  readonly counterCode: string;
  /** ISO weekday '1' (Monday) … '7' (Sunday) → periods 'HH:MM-HH:MM'; a day left out is closed */
  readonly weekly: Record<string, string[]>;
  readonly exceptions: { date: string; periods: string[]; reason: string }[];
}

export interface CounterHours {
  readonly servicePointCode: string;
  /** the point's own weekly hours, which counters left out keep */
  readonly pointWeekly: Record<string, string[]>;
  /** the point's counters (codes), in order */
  readonly counters: string[];
  readonly items: CounterHoursEntry[];
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

export async function getCounterHours(ctx: ServiceContext, code: string): Promise<CounterHours> {
  const point = await pointInScope(ctx, code);
  const [weekly, exceptions] = await Promise.all([
    ctx.db.selectFrom('counter_opening_hours').select(['counter_code', 'weekly']).where('service_point_id', '=', point.id).orderBy('counter_code').execute(),
    ctx.db.selectFrom('counter_opening_exceptions').select(['counter_code', 'day', 'periods', 'reason']).where('service_point_id', '=', point.id).orderBy('day').execute(),
  ]);
  return {
    servicePointCode: point.code, pointWeekly: point.openingHours.weekly, counters: [...point.counters],
    items: weekly.map((w) => ({
      counterCode: w.counter_code, weekly: w.weekly,
      exceptions: exceptions.filter((e) => e.counter_code === w.counter_code).map((e) => ({ date: e.day, periods: e.periods, reason: e.reason })),
    })),
  };
}

/** What is wrong with the hours given (paths name the item and field), in Vietnamese. */
export function counterHoursProblems(counters: readonly string[], items: readonly CounterHoursEntry[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const period = (path: string, p: string) => { if (!parsePeriod(p)) problems.push({ path, message: 'khung giờ phải là HH:MM-HH:MM, kết thúc sau bắt đầu' }); };
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!counters.includes(item.counterCode)) problems.push({ path: `items[${i}].counterCode`, message: `quầy ${item.counterCode} không có (hoặc đã ngừng) tại điểm này` });
    if (seen.has(item.counterCode)) problems.push({ path: `items[${i}].counterCode`, message: `quầy ${item.counterCode} bị nhập hai lần` });
    seen.add(item.counterCode);
    for (const [day, periods] of Object.entries(item.weekly)) {
      if (!WEEKDAYS.includes(day)) problems.push({ path: `items[${i}].weekly.${day}`, message: 'thứ trong tuần phải từ 1 (thứ Hai) đến 7 (Chủ nhật)' });
      periods.forEach((p, j) => period(`items[${i}].weekly.${day}[${j}]`, p));
    }
    const dates = new Set<string>();
    item.exceptions.forEach((e, k) => {
      if (!parseIsoDate(e.date)) problems.push({ path: `items[${i}].exceptions[${k}].date`, message: 'ngày không hợp lệ' });
      if (dates.has(e.date)) problems.push({ path: `items[${i}].exceptions[${k}].date`, message: 'ngày bị trùng' });
      dates.add(e.date);
      e.periods.forEach((p, j) => period(`items[${i}].exceptions[${k}].periods[${j}]`, p));
    });
  });
  return problems;
}

/** Replaces the counters' own hours of the point in one transaction with its audit row (before and after). */
export async function saveCounterHours(ctx: ServiceContext, code: string, input: { items: readonly CounterHoursEntry[] }): Promise<CounterHours> {
  const point = await pointInScope(ctx, code);
  const problems = counterHoursProblems(point.counters, input.items);
  if (problems.length > 0) throw validationFailed('COUNTER_HOURS_INVALID', `Giờ làm việc của quầy chưa hợp lệ: ${problems[0]?.message ?? ''}.`, problems);
  const before = await getCounterHours(ctx, code);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('counter_opening_exceptions').where('service_point_id', '=', point.id).execute();
    await trx.deleteFrom('counter_opening_hours').where('service_point_id', '=', point.id).execute();
    if (input.items.length > 0) {
      await trx.insertInto('counter_opening_hours').values(input.items.map((c) => ({ service_point_id: point.id, counter_code: c.counterCode, weekly: JSON.stringify(c.weekly) }))).execute();
    }
    const exceptions = input.items.flatMap((c) => c.exceptions.map((e) => ({ service_point_id: point.id, counter_code: c.counterCode, day: e.date, periods: JSON.stringify(e.periods), reason: e.reason.trim() })));
    if (exceptions.length > 0) await trx.insertInto('counter_opening_exceptions').values(exceptions).execute();
    await recordAudit(trx, ctx.actor, { action: 'appointment.counterHours', entity: 'service_point', entityKey: point.code, at: now, payload: { before: before.items, after: input.items } });
  });
  return getCounterHours(ctx, code);
}
