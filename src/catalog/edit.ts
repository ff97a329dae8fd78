/**
 * A new version of a procedure from an administrator's edit (issue 9 "Administration screens").
 * A dossier keeps the version it was received under (its procedure row id), so an edit never
 * rewrites a stored version: it becomes version n+1, in force from a chosen day that is today or
 * later and after the latest version's first day. This file holds which fields an edit may
 * change, the rules the new version must keep, and what changed (for the audit trail and the
 * import's dry run). Pure: "today" is an argument.
 */
import type { ErrorDetail } from '../platform/errors';
import { readCase } from './cases';
import { competentBodyProblems } from './competent-body';
import { readFee } from './fees';
import { competentLevels, durationUnits, onlineLevels, readPaper, resultTypes, type ProcedureInput } from './model';

/** The fields an administrator edits on the screen; the others (e-form, steps, source …) carry over. */
export const editableFields = [
  'name', 'field', 'competentLevel', 'competentAgency', 'competentBody', 'placeTied', 'filingAnywhere',
  'cases', 'durationValue', 'durationUnit', 'cutoff', 'requiredPapers', 'fees', 'onlineLevel', 'postalAllowed',
  'resultType', 'resultDescription',
] as const satisfies readonly (keyof ProcedureInput)[];
export type EditableField = (typeof editableFields)[number];

export type ProcedureEdit = Pick<ProcedureInput, EditableField> & {
  /** the first day the new version is in force (YYYY-MM-DD) */
  readonly effectiveFrom: string;
  /** why: the decision that publishes the change (e.g. "QĐ 1234/QĐ-UBND ngày 01/12/2026") */
  readonly reason: string;
};

/** Every field of a version compared for "what changed" (all but the dates and row numbers). */
export const comparedFields = [
  ...editableFields, 'fullCode', 'eformSchema', 'steps', 'defaultsApplied', 'source',
] as const satisfies readonly (keyof ProcedureInput)[];
export type ComparedField = (typeof comparedFields)[number];

export interface FieldChange {
  readonly field: ComparedField;
  readonly before: unknown;
  readonly after: unknown;
}

/** Canonical JSON (object keys sorted; absent and null alike) so that key order never shows as a change. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields whose values differ between two versions, each with its old and new value. */
export function versionChanges(before: Pick<ProcedureInput, ComparedField>, after: Pick<ProcedureInput, ComparedField>): FieldChange[] {
  return comparedFields
    .filter((f) => canonical(before[f]) !== canonical(after[f]))
    .map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }));
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "25/12/2026" of "2026-12-25", for messages. */
const shown = (isoDate: string) => isoDate.split('-').reverse().join('/');

function listProblems<T>(items: readonly T[], path: string, label: string, read: (o: Record<string, unknown>, i: number) => unknown | string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  items.forEach((item, i) => {
    const res = read(item as Record<string, unknown>, i);
    if (typeof res === 'string') out.push({ path: `${path}[${i}]`, message: `${label} ${i + 1}: ${res}` });
  });
  return out;
}

function duplicateKeys(keys: readonly string[], path: string, label: string): ErrorDetail[] {
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  keys.forEach((k, i) => {
    if (seen.has(k)) out.push({ path: `${path}[${i}].key`, message: `${label} ${i + 1}: mã "${k}" bị trùng` });
    seen.add(k);
  });
  return out;
}

/** The cases' own rules: a same-day case ("trong ngày", 0 working days) states its cut-off. */
function caseProblems(edit: ProcedureEdit): ErrorDetail[] {
  const out = [...listProblems(edit.cases, 'cases', 'Trường hợp', readCase), ...duplicateKeys(edit.cases.map((c) => c.key), 'cases', 'Trường hợp')];
  edit.cases.forEach((c, i) => {
    if (c.durationValue === 0 && c.cutoff === null) {
      out.push({ path: `cases[${i}].cutoff`, message: `Trường hợp ${i + 1} giải quyết trong ngày: cần giờ chốt nhận (vd. 15:00; nhận sau giờ này thì trả ngày làm việc tiếp theo)` });
    }
  });
  return out;
}

/** Fees: each valid, tied only to cases that exist, per-page tiers after page 1 and a cap not under the page price. */
function feeProblems(edit: ProcedureEdit): ErrorDetail[] {
  const out = listProblems(edit.fees, 'fees', 'Phí, lệ phí', readFee);
  const caseKeys = new Set(edit.cases.map((c) => c.key));
  edit.fees.forEach((f, i) => {
    const at = `Phí, lệ phí ${i + 1}`;
    if (f.caseKey && !caseKeys.has(f.caseKey)) out.push({ path: `fees[${i}].caseKey`, message: `${at}: trường hợp "${f.caseKey}" không có trong thủ tục` });
    if (f.channels && f.channels.length === 0) out.push({ path: `fees[${i}].channels`, message: `${at}: chọn ít nhất một cách nộp` });
    if ((f.basis ?? 'fixed') !== 'per_page' && ((f.tiers ?? []).length > 0 || f.maxPerCopyVnd != null)) {
      out.push({ path: `fees[${i}].basis`, message: `${at}: bậc giá theo trang và mức tối đa một bản chỉ dùng cho cách tính "theo trang"` });
    }
    if ((f.tiers ?? []).some((t) => t.fromPage < 2)) out.push({ path: `fees[${i}].tiers`, message: `${at}: bậc giá phải bắt đầu từ trang thứ 2 trở đi` });
    if (f.maxPerCopyVnd != null && f.amountVnd !== null && f.maxPerCopyVnd < f.amountVnd) {
      out.push({ path: `fees[${i}].maxPerCopyVnd`, message: `${at}: mức tối đa một bản không được nhỏ hơn giá một trang` });
    }
  });
  return out;
}

/** Everything wrong with an edit, given the latest version's first day and today (in Vietnam). */
export function editProblems(edit: ProcedureEdit, latestEffectiveFrom: string, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const need = (ok: boolean, path: string, message: string) => { if (!ok) out.push({ path, message }); };
  need(DATE.test(edit.effectiveFrom), 'effectiveFrom', 'Ngày hiệu lực không hợp lệ');
  if (DATE.test(edit.effectiveFrom)) {
    need(edit.effectiveFrom >= today, 'effectiveFrom', `Ngày hiệu lực không được trước hôm nay (${shown(today)}): hồ sơ đã nhận giữ phiên bản đã áp dụng`);
    need(edit.effectiveFrom > latestEffectiveFrom, 'effectiveFrom', `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản mới nhất (${shown(latestEffectiveFrom)})`);
  }
  need(edit.reason.trim() !== '', 'reason', 'Ghi căn cứ thay đổi (số, ngày quyết định công bố)');
  need(edit.name.trim() !== '', 'name', 'Tên thủ tục không được để trống');
  need(edit.field.trim() !== '', 'field', 'Lĩnh vực không được để trống');
  need(edit.competentAgency.trim() !== '', 'competentAgency', 'Cơ quan thực hiện không được để trống');
  need((competentLevels as readonly string[]).includes(edit.competentLevel), 'competentLevel', 'Cấp thực hiện không hợp lệ');
  for (const m of competentBodyProblems(edit.competentBody)) out.push({ path: 'competentBody', message: `Cơ quan có thẩm quyền: ${m}` });
  need((durationUnits as readonly string[]).includes(edit.durationUnit), 'durationUnit', 'Đơn vị thời hạn không hợp lệ');
  need(Number.isFinite(edit.durationValue) && edit.durationValue >= 0 && edit.durationValue <= 365, 'durationValue', 'Thời hạn giải quyết phải từ 0 đến 365');
  need(edit.cutoff === null || HHMM.test(edit.cutoff), 'cutoff', 'Giờ chốt nhận phải có dạng HH:MM');
  need(!(edit.durationValue === 0 && edit.cutoff === null), 'cutoff', 'Thủ tục giải quyết trong ngày: cần giờ chốt nhận (vd. 15:00)');
  need((onlineLevels as readonly string[]).includes(edit.onlineLevel), 'onlineLevel', 'Mức độ trực tuyến không hợp lệ');
  need((resultTypes as readonly string[]).includes(edit.resultType), 'resultType', 'Loại kết quả không hợp lệ');
  out.push(...listProblems(edit.requiredPapers, 'requiredPapers', 'Giấy tờ', readPaper));
  out.push(...duplicateKeys(edit.requiredPapers.map((p) => p.key), 'requiredPapers', 'Giấy tờ'));
  edit.requiredPapers.forEach((p, i) => {
    if (p.originals + p.copies === 0 && p.requirement !== 'showOnly') {
      out.push({ path: `requiredPapers[${i}]`, message: `Giấy tờ ${i + 1}: cần ít nhất một bản chính hoặc bản sao` });
    }
  });
  out.push(...caseProblems(edit), ...feeProblems(edit));
  return out;
}

/**
 * The new version's full content: the edit over the latest version (what an edit does not touch
 * carries over). A field the administrator changed is no longer a documented default: its entry
 * in `defaultsApplied` goes (the indicator 1.3 completeness reads them).
 */
export function applyEdit(latest: ProcedureInput, edit: ProcedureEdit): ProcedureInput {
  const edited = Object.fromEntries(editableFields.map((f) => [f, edit[f]])) as Pick<ProcedureInput, EditableField>;
  const next: ProcedureInput = { ...latest, ...edited, effectiveFrom: edit.effectiveFrom };
  const changed = new Set<string>(versionChanges(latest, next).map((c) => c.field));
  return { ...next, defaultsApplied: latest.defaultsApplied.filter((d) => !changed.has(d.field)) };
}
