// The actions that set a due time: receive (an online dossier accepted: the clock starts),
// apologize (ND 61 art. 19.9: a new appointment, once) and recomputeDue (an administrator
// re-computes with the schedules now in force).
import { applyApology, computeDueAt, newDossierDeadline } from '../../calendar';
import { invalidTransition } from '../../platform/errors';
import { procedureRules } from '../../catalog/references';
import { calendarAround, freshCalendarAround } from '../work-calendar';
import { inputError, noted, parseInstant, reasoned, type PayloadArgs, type Payload } from './common';

/** A new appointment further than this from today is refused (the calendar is loaded around today). */
const APOLOGY_HORIZON_MS = 365 * 86_400_000;

export async function receivePayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row, now } = args;
  const base = noted(args);
  const rules = await procedureRules(ctx.db, row.procedure_id);
  const cal = await calendarAround(ctx.db, now);
  const due = computeDueAt(now.getTime(), { value: rules.durationValue, unit: rules.durationUnit }, cal.calendar, rules.cutoff === null ? undefined : { cutoff: rules.cutoff });
  return { ...base, receivedAt: now.toISOString(), dueAt: new Date(due).toISOString(), calendarVersion: cal.versionTag };
}

export async function apologizePayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row, input, now } = args;
  const base = reasoned(args);
  const newDueAt = parseInstant(input.newDueAt, 'newDueAt', 'ngày hẹn trả mới');
  if (!row.due_at) throw invalidTransition('NO_DUE_DATE', 'Hồ sơ chưa có ngày hẹn trả.');
  if (newDueAt.getTime() > now.getTime() + APOLOGY_HORIZON_MS) throw inputError('newDueAt', 'Ngày hẹn trả mới không được quá một năm kể từ hôm nay.');
  const { calendar } = await calendarAround(ctx.db, now);
  const result = applyApology({ ...newDossierDeadline(row.due_at.getTime()), apologizedAt: row.apologized_at?.getTime() ?? null }, newDueAt.getTime(), now.getTime(), calendar);
  if (!result.ok) throw invalidTransition(result.error.code, result.error.message);
  // late: issued after ND 61 art. 19.9's point; the letter is still owed, recorded as late (DOMAIN §3.2)
  return { ...base, newDueAt: newDueAt.toISOString(), originalDueAt: row.due_at.toISOString(), ...(result.late ? { late: true } : {}) };
}

export async function recomputeDuePayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row } = args;
  const base = reasoned(args);
  // The due time an apology set was agreed with the applicant: it is not re-computed.
  if (row.apology_used) throw invalidTransition('DUE_SET_BY_APOLOGY', 'Hạn giải quyết đã được hẹn lại bằng văn bản xin lỗi; không tính lại theo lịch.');
  if (!row.clock_started_at || !row.due_at) throw invalidTransition('NO_DUE_DATE', 'Hồ sơ chưa có ngày hẹn trả.');
  const rules = await procedureRules(ctx.db, row.procedure_id);
  // the schedules in force right now, not the few-seconds cache of the intake path
  const cal = await freshCalendarAround(ctx.db, row.clock_started_at);
  const due = computeDueAt(row.clock_started_at.getTime(), { value: rules.durationValue, unit: rules.durationUnit }, cal.calendar, rules.cutoff === null ? undefined : { cutoff: rules.cutoff });
  return {
    ...base, newDueAt: new Date(due).toISOString(), previousDueAt: row.due_at.toISOString(),
    calendarVersion: cal.versionTag, previousCalendarVersion: row.calendar_version,
  };
}
