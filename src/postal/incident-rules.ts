// Incidents and complaints of the postal service, the pure rules (issue 13 §8; DOMAIN §5.4): TT
// 17/2017/TT-BTTTT art. 8 — a complaint may be made within 6 months after the end-to-end time and
// is resolved within 5 working days in the province (7 between provinces); QĐ 45/2016/QĐ-TTg art. 14
// and ND 47/2011 arts. 24–27 — compensation for items lost or damaged through the post's fault. No
// I/O, no clock: dates and the calendar are arguments.
import type { WorkCalendar } from '../calendar';
import { daysInMonth, type IsoDate } from '../shared/civil-date';
import type { ErrorDetail } from '../platform/errors';
import { addWorkingDays } from './service-times';
import labels from './labels.vi.json';

export const incidentKinds = ['lost', 'damaged', 'late', 'complaint'] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const incidentKindLabels = labels.incidentKind satisfies Record<IncidentKind, string>;

export const incidentStatuses = ['open', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentStatusLabels = labels.incidentStatus satisfies Record<IncidentStatus, string>;

/** TT 17 art. 8: working days to resolve a complaint in the province, and between provinces. */
export const RESOLVE_WORKING_DAYS = { inProvince: 5, interProvincial: 7 } as const;
/** TT 17 art. 8: the limitation period of a complaint, in months after the end-to-end time. */
export const COMPLAINT_LIMIT_MONTHS = 6;
/** The largest compensation one record may pay [U: ours — a guard against a typing slip, not a legal cap]. */
export const COMPENSATION_MAX_VND = 100_000_000;

/** The date by which an incident reported on `reportedOn` (Vietnam date) must be resolved. */
export function resolveBy(calendar: WorkCalendar, reportedOn: IsoDate, interProvincial = false): IsoDate {
  return addWorkingDays(calendar, reportedOn, interProvincial ? RESOLVE_WORKING_DAYS.interProvincial : RESOLVE_WORKING_DAYS.inProvince);
}

/** The same day `months` later (the month's last day when it has no such day: 31/8 + 6 months = 28/2 or 29/2). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (m % 12 + 12) % 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/**
 * Whether a complaint reported on `reportedOn` is past its limitation period: more than 6 months
 * after the leg ended (`endedOn`: the hand-over or delivery date, which motcua takes as the end of
 * the end-to-end time [U]). A leg not ended yet is never time-barred.
 */
export function isTimeBarred(endedOn: IsoDate | null, reportedOn: IsoDate): boolean {
  return endedOn !== null && reportedOn > addMonths(endedOn, COMPLAINT_LIMIT_MONTHS);
}

export interface IncidentReport {
  readonly kind: IncidentKind;
  readonly description: string;
  readonly reportedBy: string;
  readonly reporterPhone?: string;
}

const PHONE_RE = /^(0|\+84)[0-9]{9,10}$/;

/** What is wrong with a report (empty: it may be recorded). */
export function incidentProblems(r: IncidentReport): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (r.description.trim().length < 10) problems.push({ path: 'description', message: 'Cần mô tả sự cố (ít nhất 10 ký tự).' });
  const name = r.reportedBy.normalize('NFC').trim();
  if (name.length < 2 || /[0-9<>{}]/.test(name)) problems.push({ path: 'reportedBy', message: 'Cần họ tên người phản ánh.' });
  if (r.reporterPhone !== undefined && !PHONE_RE.test(r.reporterPhone.replace(/[ .]/g, ''))) problems.push({ path: 'reporterPhone', message: 'Số điện thoại không hợp lệ.' });
  return problems;
}

export interface Resolution {
  readonly resolution: string;
  readonly compensation?: { readonly amountVnd: number; readonly recipientName: string; readonly paymentMethod: string };
}

/** What is wrong with a resolution (empty: it may be written). */
export function resolutionProblems(r: Resolution): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (r.resolution.trim().length < 10) problems.push({ path: 'resolution', message: 'Cần ghi kết quả giải quyết (ít nhất 10 ký tự).' });
  const c = r.compensation;
  if (c) {
    if (!Number.isInteger(c.amountVnd) || c.amountVnd <= 0) problems.push({ path: 'compensation/amountVnd', message: 'Số tiền bồi thường phải là số đồng nguyên dương.' });
    else if (c.amountVnd > COMPENSATION_MAX_VND) problems.push({ path: 'compensation/amountVnd', message: `Số tiền bồi thường vượt ${COMPENSATION_MAX_VND.toLocaleString('vi-VN')} đồng: kiểm tra lại.` });
    if (c.recipientName.normalize('NFC').trim().length < 2) problems.push({ path: 'compensation/recipientName', message: 'Cần họ tên người nhận bồi thường.' });
  }
  return problems;
}

/** The compensation record's number in the post office's register of the year: "0001/BT-2026". */
export const formatCompensationNumber = (year: number, serial: number): string => `${String(serial).padStart(4, '0')}/BT-${year}`;
