// requestSupplement (ND 61 art. 15.3: everything to add, at once; in appraisal within 3 working
// days of the start of the clock, art. 19.4) and supplementReceived (in appraisal the clock
// restarts from zero).
import { restartAfterSupplement } from '../../calendar';
import { invalidTransition } from '../../platform/errors';
import { procedureRules } from '../../catalog/references';
import { SUPPLEMENT_NOTICE_WORKING_DAYS } from '../model';
import { calendarAround } from '../work-calendar';
import { inputError, noted, parseInstant, reasoned, type PayloadArgs, type Payload } from './common';

export async function requestSupplementPayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row, input, now } = args;
  const base = reasoned(args);
  if (!input.items || input.items.length === 0) throw inputError('items', 'Cần liệt kê đầy đủ các nội dung phải bổ sung (một lần).');
  if (row.status === 'processing' && row.clock_started_at) {
    const { calendar } = await calendarAround(ctx.db, now);
    const elapsed = calendar.workingTimeAt(now.getTime()) - calendar.workingTimeAt(row.clock_started_at.getTime());
    if (elapsed > SUPPLEMENT_NOTICE_WORKING_DAYS * calendar.dailyWorkingMs) {
      throw invalidTransition('SUPPLEMENT_TOO_LATE', 'Đã quá 03 ngày làm việc kể từ khi tiếp nhận; không được yêu cầu bổ sung hồ sơ.');
    }
  }
  // by when the applicant should bring it (optional): shown with the items on public tracking
  const dueBy = input.supplementDueAt === undefined ? null : parseInstant(input.supplementDueAt, 'supplementDueAt', 'hạn nộp bổ sung');
  if (dueBy && dueBy.getTime() <= now.getTime()) throw inputError('supplementDueAt', 'Hạn nộp bổ sung phải sau thời điểm hiện tại.');
  return { ...base, items: input.items.map((i) => i.trim()).filter(Boolean), ...(dueBy ? { supplementDueAt: dueBy.toISOString() } : {}) };
}

/** The items of the dossier's supplement request (its newest requestSupplement event). */
async function requestedItems(ctx: PayloadArgs['ctx'], dossierId: number): Promise<string[]> {
  const request = await ctx.db.selectFrom('dossier_events').select('payload').where('dossier_id', '=', dossierId)
    .where('action', '=', 'requestSupplement').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const items = request?.payload.items;
  return Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [];
}

/**
 * Which papers came: each one of the requested items, and all of them — the supplement is complete
 * only then (ND 61 art. 19.4: the time limit restarts "sau khi nhận đủ hồ sơ"). Pure. Returns the
 * papers in the request's order, or the input error.
 */
export function checkReceivedPapers(requested: readonly string[], received: readonly string[] | undefined): string[] {
  const given = (received ?? []).map((p) => p.trim()).filter(Boolean);
  const unknown = given.findIndex((p) => !requested.includes(p));
  if (unknown >= 0) throw inputError(`receivedPapers/${unknown}`, `"${given[unknown]}" không có trong yêu cầu bổ sung.`);
  const missing = requested.filter((r) => !given.includes(r));
  if (missing.length > 0) throw inputError('receivedPapers', `Chưa nhận đủ giấy tờ đã yêu cầu bổ sung; còn thiếu: ${missing.join('; ')}.`);
  return [...requested];
}

export async function supplementReceivedPayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row, input, now } = args;
  const base = { ...noted(args), receivedPapers: checkReceivedPapers(await requestedItems(ctx, row.id), input.receivedPapers) };
  if (row.status_before_supplement !== 'processing') return base; // at intake no clock was running
  const rules = await procedureRules(ctx.db, row.procedure_id);
  const cal = await calendarAround(ctx.db, now);
  const due = restartAfterSupplement(now.getTime(), { value: rules.durationValue, unit: rules.durationUnit }, cal.calendar, rules.cutoff === null ? undefined : { cutoff: rules.cutoff });
  return { ...base, newDueAt: new Date(due).toISOString(), previousDueAt: row.due_at?.toISOString() ?? null, calendarVersion: cal.versionTag };
}
