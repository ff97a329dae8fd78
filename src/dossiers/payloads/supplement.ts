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

export async function supplementReceivedPayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row, now } = args;
  const base = noted(args);
  if (row.status_before_supplement !== 'processing') return base; // at intake no clock was running
  const rules = await procedureRules(ctx.db, row.procedure_id);
  const cal = await calendarAround(ctx.db, now);
  const due = restartAfterSupplement(now.getTime(), { value: rules.durationValue, unit: rules.durationUnit }, cal.calendar, rules.cutoff === null ? undefined : { cutoff: rules.cutoff });
  return { ...base, newDueAt: new Date(due).toISOString(), previousDueAt: row.due_at?.toISOString() ?? null, calendarVersion: cal.versionTag };
}
