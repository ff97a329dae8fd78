// Configuration of appointments (issue 14 §1): per service point its booking rules, which
// procedures each counter serves and the exceptions to its opening hours (its administrators);
// per procedure how long a service takes (shared reference data: system administrators).
import { assertCan, assertSystemAdmin, isWithinScope } from '../accounts/policy';
import { procedureForIntake } from '../catalog/references';
import { bookablePoint, type BookablePoint } from '../directory/references';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { notFound, validationFailed, type ErrorDetail } from '../platform/errors';
import { parseIsoDate, vnDateOfInstant } from '../shared/civil-date';
import { bookingRulesOf } from './availability';
import type { Purpose } from './model';
import { parsePeriod } from './slots';

export interface AppointmentSettings {
  readonly servicePointCode: string;
  readonly rules: { minNoticeMinutes: number; horizonDays: number; homeCouriers: number; homeTravelMinutes: number };
  readonly counterProcedures: Record<string, string[]>;
  readonly exceptions: { date: string; periods: string[]; reason: string }[];
}

/** The point the administrator configures, in their scope (else 404). */
export async function pointInScope(ctx: ServiceContext, code: string): Promise<BookablePoint> {
  assertCan(ctx.actor, 'appointments.configure');
  const point = await bookablePoint(ctx.db, { code }, vnDateOfInstant(ctx.clock.now().getTime()));
  if (!point || !isWithinScope(ctx.actor, { unitPaths: [point.unitPath], servicePointIds: [point.id] })) {
    throw notFound('SERVICE_POINT_NOT_FOUND', `Không tìm thấy điểm phục vụ mã ${code}.`);
  }
  return point;
}

export async function getSettings(ctx: ServiceContext, code: string): Promise<AppointmentSettings> {
  const point = await pointInScope(ctx, code);
  const [rules, served, exceptions] = await Promise.all([
    bookingRulesOf(ctx.db, point.id),
    ctx.db.selectFrom('appointment_counter_procedures').select(['counter_code', 'procedure_code']).where('service_point_id', '=', point.id).orderBy('counter_code').orderBy('procedure_code').execute(),
    ctx.db.selectFrom('opening_exceptions').select(['day', 'periods', 'reason']).where('service_point_id', '=', point.id).orderBy('day').execute(),
  ]);
  const counterProcedures: Record<string, string[]> = {};
  for (const r of served) (counterProcedures[r.counter_code] ??= []).push(r.procedure_code);
  return { servicePointCode: point.code, rules: { ...rules }, counterProcedures, exceptions: exceptions.map((e) => ({ date: e.day, periods: e.periods, reason: e.reason })) };
}

async function settingsProblems(ctx: ServiceContext, point: BookablePoint, input: AppointmentSettings): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const today = vnDateOfInstant(ctx.clock.now().getTime());
  for (const [counter, codes] of Object.entries(input.counterProcedures)) {
    if (!point.counters.includes(counter)) problems.push({ path: `counterProcedures.${counter}`, message: `quầy ${counter} không có (hoặc đã ngừng) tại điểm này` });
    for (const code of new Set(codes)) {
      await procedureForIntake(ctx.db, code, today).catch(() => problems.push({ path: `counterProcedures.${counter}`, message: `thủ tục ${code} không tồn tại hoặc không còn hiệu lực` }));
    }
  }
  const seen = new Set<string>();
  input.exceptions.forEach((e, i) => {
    if (!parseIsoDate(e.date)) problems.push({ path: `exceptions[${i}].date`, message: 'ngày không hợp lệ' });
    if (seen.has(e.date)) problems.push({ path: `exceptions[${i}].date`, message: 'ngày bị trùng' });
    seen.add(e.date);
    e.periods.forEach((p, j) => { if (!parsePeriod(p)) problems.push({ path: `exceptions[${i}].periods[${j}]`, message: 'khung giờ phải là HH:MM-HH:MM, kết thúc sau bắt đầu' }); });
  });
  return problems;
}

/** Replaces the point's settings in one transaction with its audit row (before and after). */
export async function saveSettings(ctx: ServiceContext, code: string, input: AppointmentSettings): Promise<AppointmentSettings> {
  const point = await pointInScope(ctx, code);
  const problems = await settingsProblems(ctx, point, input);
  if (problems.length > 0) throw validationFailed('APPOINTMENT_SETTINGS_INVALID', `Cấu hình chưa hợp lệ: ${problems[0]?.message ?? ''}.`, problems);
  const before = await getSettings(ctx, code);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = input.rules;
    await trx.insertInto('appointment_settings').values({ service_point_id: point.id, min_notice_minutes: r.minNoticeMinutes, horizon_days: r.horizonDays, home_couriers: r.homeCouriers, home_travel_minutes: r.homeTravelMinutes })
      .onConflict((oc) => oc.column('service_point_id').doUpdateSet({ min_notice_minutes: r.minNoticeMinutes, horizon_days: r.horizonDays, home_couriers: r.homeCouriers, home_travel_minutes: r.homeTravelMinutes })).execute();
    await trx.deleteFrom('appointment_counter_procedures').where('service_point_id', '=', point.id).execute();
    const served = Object.entries(input.counterProcedures).flatMap(([counter, codes]) => [...new Set(codes)].map((p) => ({ service_point_id: point.id, counter_code: counter, procedure_code: p })));
    if (served.length > 0) await trx.insertInto('appointment_counter_procedures').values(served).execute();
    await trx.deleteFrom('opening_exceptions').where('service_point_id', '=', point.id).execute();
    if (input.exceptions.length > 0) {
      await trx.insertInto('opening_exceptions').values(input.exceptions.map((e) => ({ service_point_id: point.id, day: e.date, periods: JSON.stringify(e.periods), reason: e.reason.trim() }))).execute();
    }
    await recordAudit(trx, ctx.actor, { action: 'appointment.settings', entity: 'service_point', entityKey: point.code, at: now, payload: { before, after: input } });
  });
  return getSettings(ctx, code);
}

export interface DurationItem {
  readonly procedureCode: string;
  readonly purpose: Purpose;
  readonly minutes: number;
}

export async function listDurations(ctx: ServiceContext): Promise<{ items: DurationItem[] }> {
  assertCan(ctx.actor, 'appointments.configure');
  const rows = await ctx.db.selectFrom('appointment_durations').selectAll().orderBy('procedure_code').orderBy('purpose').execute();
  return { items: rows.map((r) => ({ procedureCode: r.procedure_code, purpose: r.purpose, minutes: r.minutes })) };
}

/** Sets the durations given (others unchanged): shared by every province, so system administrators only. */
export async function saveDurations(ctx: ServiceContext, input: { items: readonly DurationItem[] }): Promise<{ items: DurationItem[] }> {
  assertSystemAdmin(ctx.actor, 'appointments.configure');
  const today = vnDateOfInstant(ctx.clock.now().getTime());
  const problems: ErrorDetail[] = [];
  for (const [i, item] of input.items.entries()) {
    await procedureForIntake(ctx.db, item.procedureCode, today).catch(() => problems.push({ path: `items[${i}].procedureCode`, message: `thủ tục ${item.procedureCode} không tồn tại hoặc không còn hiệu lực` }));
  }
  if (problems.length > 0) throw validationFailed('APPOINTMENT_DURATIONS_INVALID', `Thời lượng chưa hợp lệ: ${problems[0]?.message ?? ''}.`, problems);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    for (const item of input.items) {
      await trx.insertInto('appointment_durations').values({ procedure_code: item.procedureCode, purpose: item.purpose, minutes: item.minutes })
        .onConflict((oc) => oc.columns(['procedure_code', 'purpose']).doUpdateSet({ minutes: item.minutes })).execute();
    }
    await recordAudit(trx, ctx.actor, { action: 'appointment.durations', entity: 'appointment_durations', at: now, payload: { items: input.items } });
  });
  return listDurations(ctx);
}
