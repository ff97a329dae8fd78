// Types and pure rules of the directory: administrative units (versioned), agencies, service
// points. No I/O; import.ts and seed.ts feed these rules, service.ts reads the tables.
import type { ErrorDetail } from '../platform/errors';
import type { OpeningHoursJson } from '../platform/db/schema';

export type UnitLevel = 'province' | 'district' | 'commune';
export const unitLevels = ['province', 'district', 'commune'] as const satisfies readonly UnitLevel[];

export type AgencyKind = 'people_committee' | 'department' | 'public_service_centre' | 'police' | 'social_insurance' | 'other';
export const agencyKinds = ['people_committee', 'department', 'public_service_centre', 'police', 'social_insurance', 'other'] as const satisfies readonly AgencyKind[];
export type AgencyLevel = 'central' | 'province' | 'district' | 'commune';
/**
 * How dossiers reach an agency's desk (ND 61/2018 art. 18; dossiers/handover.ts): 'paper' — the
 * receiving point's clerk hands each one over ("Chuyển đến <agency>"), the default (migration 0090);
 * 'electronic' — counter and postal dossiers reach its queue at receipt.
 */
export const agencyHandovers = ['paper', 'electronic'] as const;
export type AgencyHandover = (typeof agencyHandovers)[number];
export const DEFAULT_AGENCY_HANDOVER: AgencyHandover = 'paper';

export const agencyLevels = ['central', 'province', 'district', 'commune'] as const satisfies readonly AgencyLevel[];

export type ServicePointKind = 'post_office' | 'centre';
export const servicePointKinds = ['post_office', 'centre'] as const satisfies readonly ServicePointKind[];

/** Vietnamese kind of a unit as the GSO lists write it → the code used in `admin_units.kind`. */
export const unitKindCodes = {
  'tỉnh': 'tinh',
  'thành phố trung ương': 'thanh_pho_tw',
  'huyện': 'huyen',
  'quận': 'quan',
  'thị xã': 'thi_xa',
  'thành phố': 'thanh_pho',
  'xã': 'xa',
  'phường': 'phuong',
  'thị trấn': 'thi_tran',
  'đặc khu': 'dac_khu',
} as const satisfies Record<string, string>;
export type UnitKind = (typeof unitKindCodes)[keyof typeof unitKindCodes];
export const unitKinds = Object.values(unitKindCodes) as readonly UnitKind[];

/** The day the 2025 reform took effect: districts end, new provinces and communes begin. */
export const REFORM_DATE = '2025-07-01';
/**
 * Start of validity given to pre-reform units: the GSO code list of QĐ 124/2004/QĐ-TTg. It is a
 * convention of the record, not the founding date of each unit (some were created later).
 */
export const PRE_REFORM_FROM = '2004-01-01';

// ---- import rows (the shape of JSON rows and CSV columns) -------------------------------------

export interface UnitRow {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly level: UnitLevel;
  /** Code of the parent unit valid on `validFrom`; none for a province. */
  readonly parentCode: string | null;
  /** First path segment of a province; defaults to its code (see README: reused codes). */
  readonly pathSegment: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** Old unit codes (valid the day before `validFrom`) merged wholly into this one. */
  readonly formedFrom: readonly string[];
  /** Old unit codes split between this unit and others. */
  readonly partiallyFrom: readonly string[];
  readonly legalSource: string | null;
}

export interface AgencyRow {
  readonly identifier: string;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly level: AgencyLevel;
  /** Code of the unit the agency serves, valid on `validFrom`. */
  readonly unitCode: string;
  readonly parentIdentifier: string | null;
  readonly identifierConfirmed: boolean;
  /** what a department or police unit does ('tu-phap', 'bhxh' …): how a procedure's body finds it */
  readonly functionCode: string | null;
  /** how dossiers reach its desk (default paper) */
  readonly handover: AgencyHandover;
  /** where it is and whom to call (migration 0241): the courier's stop at the agency */
  readonly address: string | null;
  readonly phone: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface CounterRow {
  readonly code: string;
  readonly name: string;
}

export interface ServicePointRow {
  readonly code: string;
  readonly name: string;
  readonly kind: ServicePointKind;
  readonly unitCode: string;
  readonly receivingAgency: string | null;
  readonly address: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly phone: string | null;
  readonly openingHours: OpeningHoursJson;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly counters: readonly CounterRow[];
}

// ---- pure rules --------------------------------------------------------------------------------

/** A real calendar date written 'YYYY-MM-DD'. */
export function isCivilDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The day before a civil date (to find the units a reform replaced). */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Path of a unit under its parent's path; a province starts a path with its segment. */
export const unitPath = (parentPath: string | null, segment: string): string =>
  `${parentPath ?? '/'}${segment}/`;

/** Communes after the reform hang directly under the province. */
export const allowedParentLevels = (level: UnitLevel): readonly UnitLevel[] =>
  level === 'commune' ? ['district', 'province'] : level === 'district' ? ['province'] : [];

const PERIOD = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/** Problems of an opening-hours object; empty when valid. */
export function openingHoursProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['phải là đối tượng { weekly: {...} }'];
  const weekly = (value as { weekly?: unknown }).weekly;
  if (typeof weekly !== 'object' || weekly === null || Array.isArray(weekly)) return ['thiếu "weekly"'];
  const problems: string[] = [];
  for (const [day, periods] of Object.entries(weekly)) {
    if (!/^[1-7]$/.test(day)) problems.push(`ngày "${day}" không hợp lệ (1 = thứ Hai … 7 = Chủ nhật)`);
    if (!Array.isArray(periods)) { problems.push(`ngày ${day}: phải là danh sách khung giờ`); continue; }
    let last = '';
    for (const p of periods) {
      if (typeof p !== 'string' || !PERIOD.test(p)) { problems.push(`ngày ${day}: khung giờ "${String(p)}" không hợp lệ (HH:MM-HH:MM)`); continue; }
      const [start, end] = p.split('-') as [string, string];
      if (start >= end) problems.push(`ngày ${day}: khung giờ "${p}" kết thúc trước khi bắt đầu`);
      if (start < last) problems.push(`ngày ${day}: các khung giờ chồng lên nhau hoặc sai thứ tự`);
      last = end;
    }
  }
  return problems;
}

/** Collects row/field problems; `fail` names the row (1-based, as a spreadsheet user counts). */
export class RowProblems {
  readonly details: ErrorDetail[] = [];
  add(row: number, field: string, message: string): void {
    this.details.push({ path: `row ${row}, field "${field}"`, message: `Dòng ${row}, trường "${field}": ${message}` });
  }
  get isEmpty(): boolean {
    return this.details.length === 0;
  }
}

/** What the administration screens call each field of a unit, agency or service point. */
export const fieldLabels: Readonly<Record<string, string>> = {
  code: 'Mã', name: 'Tên', kind: 'Loại', level: 'Cấp', parentCode: 'Mã đơn vị cấp trên', pathSegment: 'Mã đầu đường dẫn',
  validFrom: 'Hiệu lực từ ngày', validTo: 'Hết hiệu lực từ ngày', formedFrom: 'Hợp nhất toàn bộ từ', partiallyFrom: 'Nhận một phần từ',
  legalSource: 'Văn bản quyết định', identifier: 'Mã định danh', unitCode: 'Mã địa bàn', parentIdentifier: 'Cơ quan cấp trên',
  identifierConfirmed: 'Mã định danh đã đối chiếu', functionCode: 'Mã chức năng', receivingAgency: 'Cơ quan tiếp nhận',
  address: 'Địa chỉ', latitude: 'Vĩ độ', longitude: 'Kinh độ', phone: 'Điện thoại', openingHours: 'Giờ làm việc', counters: 'Quầy',
};

/** 'YYYY-MM-DD' in a message → 'dd/mm/yyyy', as the screens write dates. Pure. */
export const dayFirstDates = (text: string): string => text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');

/**
 * Problems of one record entered on a form (no row number): each detail's path is the field, its
 * message names the field as the screen labels it, with dates written day first.
 */
export class FieldProblems extends RowProblems {
  override add(_row: number, field: string, message: string): void {
    this.details.push({ path: field, message: `${fieldLabels[field] ?? field}: ${dayFirstDates(message)}` });
  }
}

/** Vietnamese key for comparing names without diacritics (same idea as SQL `search_key`). */
export const nameKey = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
