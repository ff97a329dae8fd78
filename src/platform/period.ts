// The one reading of a period of civil dates (Vietnam time) given as `from`–`to` query text.
// Pure: no clock, no I/O. Every capability that takes a period (reports, exports, supervision,
// the audit check, counter outcomes, the dossier ledger) calls parsePeriod with its own limit.

import { DAY_MS, dayNumberOf, parseIsoDate, vnMidnightOf, type EpochMs, type IsoDate } from '../shared/civil-date';
import { DomainError } from './errors';

export type PeriodFault = 'format' | 'inverted' | 'too-long';

/** A period that could not be read: 400 with code PERIOD_INVALID or PERIOD_TOO_LONG. */
export class PeriodError extends DomainError {
  constructor(readonly fault: PeriodFault, readonly field: 'from' | 'to', message: string) {
    super('ValidationFailed', fault === 'too-long' ? 'PERIOD_TOO_LONG' : 'PERIOD_INVALID', message, [{ path: field, message }]);
  }
}

export interface Period {
  /** first and last civil day, both included */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** number of civil days, ≥ 1 */
  readonly days: number;
  /** [start, end): Vietnam midnight of `from` to Vietnam midnight of the day after `to` */
  readonly start: EpochMs;
  readonly end: EpochMs;
}

/**
 * Reads `from`–`to` ('YYYY-MM-DD', real calendar dates, both days included) and checks
 * from ≤ to and at most `maxDays` days (exactly `maxDays` is allowed).
 */
export function parsePeriod(from: string | undefined, to: string | undefined, maxDays: number): Period {
  const first = from === undefined ? null : parseIsoDate(from);
  if (first === null) throw new PeriodError('format', 'from', `Ngày bắt đầu (from) không hợp lệ: cần ngày có thật dạng YYYY-MM-DD.`);
  const last = to === undefined ? null : parseIsoDate(to);
  if (last === null) throw new PeriodError('format', 'to', `Ngày kết thúc (to) không hợp lệ: cần ngày có thật dạng YYYY-MM-DD.`);
  const days = dayNumberOf(last) - dayNumberOf(first) + 1;
  if (days < 1) throw new PeriodError('inverted', 'from', 'Kỳ không hợp lệ: ngày bắt đầu (from) phải trước hoặc bằng ngày kết thúc (to).');
  if (days > maxDays) throw new PeriodError('too-long', 'to', `Kỳ dài ${days} ngày, vượt quá tối đa ${maxDays} ngày.`);
  const start = vnMidnightOf(first);
  return { from: first, to: last, days, start, end: start + days * DAY_MS };
}
