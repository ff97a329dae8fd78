/**
 * Pure Vietnamese formatting for printed forms. Times are shown in Vietnam time (UTC+7, no DST)
 * whatever the server's TZ, through the shared Vietnam-time module, never Date's local-time methods.
 */
import type { Duration, FormSet, ResultDeliveryMethod, Timeliness } from './model';
import { VN_OFFSET_MS, vnWallClock, type VnWallClock } from '../shared/civil-date';
import labels from './labels.vi.json';
import { groupThousands, vndText } from '../shared/fee-terms';

const BLANK = '…';

type VnParts = VnWallClock;

function vnParts(date: Date): VnParts | null {
  const ms = date.getTime();
  return Number.isFinite(ms) ? vnWallClock(ms) : null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "ngày 05 tháng 03 năm 2026". */
export function formatVnDate(date: Date): string {
  const p = vnParts(date);
  if (!p) return `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  return `ngày ${pad2(p.day)} tháng ${pad2(p.month)} năm ${p.year}`;
}

/** "10 giờ 30 phút, ngày 05 tháng 03 năm 2026". */
export function formatVnDateTime(date: Date): string {
  const p = vnParts(date);
  if (!p) return `${BLANK} giờ ${BLANK} phút, ${formatVnDate(date)}`;
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ${formatVnDate(date)}`;
}

/** "05/03/2026 10:30" (ledger cells). */
export function formatShortDateTime(date: Date): string {
  const p = vnParts(date);
  if (!p) return '';
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "05/03/2026". */
export function formatShortDate(date: Date): string {
  const p = vnParts(date);
  if (!p) return '';
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "Đồng Tháp, ngày 05 tháng 03 năm 2026". */
export function formatPlaceDate(placeName: string, date: Date): string {
  return `${placeName}, ${formatVnDate(date)}`;
}

/** The same instant as a Date whose UTC fields read as Vietnam wall time (for spreadsheets). */
export function toVnWallClock(date: Date): Date {
  return new Date(date.getTime() + VN_OFFSET_MS);
}

export { groupThousands };

/** A fee on a slip: "50.000 đồng"; "Miễn phí" when 0. */
export function formatVnd(amountVnd: number): string {
  if (!Number.isFinite(amountVnd)) return `${BLANK} đồng`;
  if (amountVnd === 0) return 'Miễn phí';
  return vndText(amountVnd);
}

const DURATION_UNIT_TEXT = labels.durationUnit satisfies Record<Duration['unit'], string>;

/** "15 ngày làm việc", "8 giờ làm việc", "30 ngày". */
export function formatDuration(duration: Duration): string {
  const value = Number.isFinite(duration.value) ? String(duration.value).replace('.', ',') : BLANK;
  return `${value} ${DURATION_UNIT_TEXT[duration.unit] ?? ''}`.trim();
}

export const RESULT_DELIVERY_TEXT = labels.resultDelivery satisfies Record<ResultDeliveryMethod, string>;

export const TIMELINESS_TEXT = labels.timeliness satisfies Record<Timeliness, string>;

/** "Mẫu số 01" labels per form set; null where the form does not exist in that set. */
export type FormKind = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'stop' | 'control' | 'ledger' | 'transfer';

export const FORM_NUMBERS = {
  // the transfer slip between agencies (ND 61 art. 19.6) has no numbered form in either set [U]
  '2018': { receipt: '01', supplement: '02', refusal: '03', apology: '04', stop: null, control: '05', ledger: '06', transfer: null },
  '2025': { receipt: '01', supplement: '02', refusal: '03', apology: '04', stop: '05', control: '06', ledger: '07', transfer: null },
} as const satisfies Record<FormSet, Record<FormKind, string | null>>;

export function formNumberLabel(formSet: FormSet | undefined, kind: FormKind): string | null {
  const number = FORM_NUMBERS[formSet ?? '2025'][kind];
  return number === null ? null : `Mẫu số ${number}`;
}

/**
 * Text safe to draw: NFC (so base letter + combining marks become the precomposed glyphs the
 * font has), lone surrogates replaced, control characters other than '\n' removed, tabs → space.
 */
export function cleanText(text: string): string {
  return String(text)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, '');
}
