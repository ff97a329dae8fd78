// Import records → typed directory rows, with every problem named by row and field. Pure.
import { agencyPhoneProblem } from '../shared/agency-phone';
import type { OpeningHoursJson } from '../platform/db/schema';
import {
  agencyHandovers, DEFAULT_AGENCY_HANDOVER,
  agencyKinds, agencyLevels, openingHoursProblems, servicePointKinds, unitKinds, unitLevels,
  type AgencyRow, type CounterRow, type RowProblems, type ServicePointRow, type UnitRow,
} from './model';
import { FieldReader, type ImportRecord } from './records';

const CODE = /^[0-9A-Za-z@._-]{1,40}$/;

function code(r: FieldReader, field: string): string {
  const v = r.text(field);
  if (v !== '' && !CODE.test(v)) r.fail(field, `mã "${v}" chứa ký tự không hợp lệ`);
  return v;
}

function validity(r: FieldReader): { validFrom: string; validTo: string | null } {
  const validFrom = r.date('validFrom');
  const validTo = r.optionalDate('validTo');
  if (validFrom && validTo && validTo <= validFrom) r.fail('validTo', 'phải sau validFrom');
  return { validFrom, validTo };
}

export function readUnitRow(rec: ImportRecord, row: number, problems: RowProblems): UnitRow {
  const r = new FieldReader(rec, row, problems);
  const level = r.oneOf('level', unitLevels);
  const parentCode = r.has('parentCode') ? code(r, 'parentCode') : null;
  if (level !== 'province' && level && parentCode === null) r.fail('parentCode', 'bắt buộc với đơn vị cấp huyện, xã');
  if (level === 'province' && parentCode !== null) r.fail('parentCode', 'cấp tỉnh không có đơn vị cha');
  const pathSegment = r.has('pathSegment') ? code(r, 'pathSegment') : null;
  if (pathSegment !== null && level !== 'province') r.fail('pathSegment', 'chỉ dùng cho cấp tỉnh');
  return {
    code: code(r, 'code'),
    name: r.text('name'),
    kind: r.oneOf('kind', unitKinds),
    level,
    parentCode,
    pathSegment,
    ...validity(r),
    formedFrom: r.list('formedFrom'),
    partiallyFrom: r.list('partiallyFrom'),
    legalSource: r.optionalText('legalSource'),
  };
}

const FUNCTION_CODE = /^[a-z0-9-]{2,40}$/;

function functionCode(r: FieldReader): string | null {
  const value = r.optionalText('functionCode');
  if (value !== null && !FUNCTION_CODE.test(value)) r.fail('functionCode', 'chỉ gồm chữ thường không dấu, số và dấu gạch (vd. "tu-phap")');
  return value;
}

export function readAgencyRow(rec: ImportRecord, row: number, problems: RowProblems): AgencyRow {
  const r = new FieldReader(rec, row, problems);
  return {
    identifier: code(r, 'identifier'),
    name: r.text('name'),
    kind: r.oneOf('kind', agencyKinds),
    level: r.oneOf('level', agencyLevels),
    unitCode: code(r, 'unitCode'),
    parentIdentifier: r.has('parentIdentifier') ? code(r, 'parentIdentifier') : null,
    identifierConfirmed: r.boolean('identifierConfirmed', false),
    functionCode: functionCode(r),
    handover: r.has('handover') ? r.oneOf('handover', agencyHandovers) : DEFAULT_AGENCY_HANDOVER,
    address: r.optionalText('address') || null,
    phone: agencyPhone(r),
    ...validity(r),
  };
}

/** The agency's phone, checked as the admin screen checks it (src/shared/agency-phone.ts). */
function agencyPhone(r: FieldReader): string | null {
  const phone = r.optionalText('phone') || null;
  const problem = phone === null ? null : agencyPhoneProblem(phone);
  if (problem) r.fail('phone', problem);
  return phone;
}

const COUNTER = /^[A-Z0-9-]{1,10}$/;
const counterName = (code: string): string => `Quầy ${code.replace(/^Q/, '')}`;

/** JSON: [{ code, name }] or ["Q01", …]; CSV: "Q01;Q02" (names derived) or JSON text. */
function counters(r: FieldReader): CounterRow[] {
  if (!r.has('counters')) return [];
  const raw = r.json('counters');
  const isText = typeof raw === 'string';
  const items: unknown[] = isText ? r.list('counters') : Array.isArray(raw) ? raw : [];
  if (!isText && !Array.isArray(raw)) r.fail('counters', 'phải là danh sách quầy');
  const seen = new Set<string>();
  const list: CounterRow[] = [];
  items.forEach((c, i) => {
    const o = (typeof c === 'string' ? { code: c } : c ?? {}) as { code?: unknown; name?: unknown };
    if (typeof o.code !== 'string' || !COUNTER.test(o.code)) { r.fail('counters', `quầy thứ ${i + 1}: mã quầy không hợp lệ`); return; }
    if (seen.has(o.code)) r.fail('counters', `mã quầy "${o.code}" bị trùng`);
    seen.add(o.code);
    list.push({ code: o.code, name: typeof o.name === 'string' && o.name.trim() ? o.name.trim() : counterName(o.code) });
  });
  return list;
}

export function readServicePointRow(rec: ImportRecord, row: number, problems: RowProblems): ServicePointRow {
  const r = new FieldReader(rec, row, problems);
  const latitude = r.optionalNumber('latitude', { min: -90, max: 90 });
  const longitude = r.optionalNumber('longitude', { min: -180, max: 180 });
  const hours = r.json('openingHours');
  if (hours === undefined) r.fail('openingHours', 'bắt buộc');
  else for (const p of openingHoursProblems(hours)) r.fail('openingHours', p);
  return {
    code: code(r, 'code'),
    name: r.text('name'),
    kind: r.oneOf('kind', servicePointKinds),
    unitCode: code(r, 'unitCode'),
    receivingAgency: r.has('receivingAgency') ? code(r, 'receivingAgency') : null,
    address: r.text('address'),
    latitude,
    longitude,
    phone: r.optionalText('phone'),
    openingHours: (hours ?? { weekly: {} }) as OpeningHoursJson,
    ...validity(r),
    counters: counters(r),
  };
}

/** Duplicate keys inside one file are an error on the later row. */
export function flagDuplicates<T>(rows: readonly T[], key: (row: T) => string, field: string, problems: RowProblems): void {
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const k = key(row);
    const first = seen.get(k);
    if (first !== undefined) problems.add(i + 1, field, `trùng với dòng ${first}`);
    else seen.set(k, i + 1);
  });
}
