// Types and pure rules of the procedures catalogue: a procedure version, its papers, fees and
// processing steps, and the reading of one import row with row/field-named problems.
import { isCivilDate, type RowProblems } from '../directory/model';
import { FieldReader, type ImportRecord } from '../directory/records';
import { readCase, type DurationUnit, type ProcedureCase } from './cases';
import { competentBodyProblems, toCompetentBody, type CompetentBody } from './competent-body';
import { readFee, type FeeItem } from './fees';

export type { CompetentBody, DurationUnit, FeeItem, ProcedureCase };

export type CompetentLevel = 'central' | 'province' | 'district' | 'commune';
export const competentLevels = ['central', 'province', 'district', 'commune'] as const satisfies readonly CompetentLevel[];
export const durationUnits = ['working_days', 'working_hours', 'calendar_days'] as const satisfies readonly DurationUnit[];
export type OnlineLevel = 'none' | 'partial' | 'full';
export const onlineLevels = ['none', 'partial', 'full'] as const satisfies readonly OnlineLevel[];
export type ResultType = 'paper' | 'electronic' | 'both';
export const resultTypes = ['paper', 'electronic', 'both'] as const satisfies readonly ResultType[];
export type StepRole = 'officer' | 'approver' | 'clerk';
export const stepRoles = ['officer', 'approver', 'clerk'] as const satisfies readonly StepRole[];

export interface RequiredPaper {
  key: string; name: string; originals: number; copies: number; note: string | null;
  /** Set by an import; when absent it is derived from the published wording (paperRequirement). */
  requirement?: PaperRequirement;
}

/** required: always submitted; conditional: only in the case its text names; showOnly: shown, not kept (no scan, TT 03/2025 art. 5.2b). */
export const paperRequirements = ['required', 'conditional', 'showOnly'] as const;
export type PaperRequirement = (typeof paperRequirements)[number];

/**
 * Whether a listed paper must be submitted. Published lists mix papers for particular cases
 * ("- Trường hợp …", "… trong trường hợp …", "… nếu …") and papers only shown ("Giấy tờ phải
 * xuất trình"); only the first clause decides ("Giấy chứng sinh; trường hợp không có … thì …" is
 * required, its alternatives are described after the semicolon).
 */
export function paperRequirement(p: RequiredPaper): PaperRequirement {
  if (p.requirement) return p.requirement;
  if ((p.note ?? '').toLowerCase().includes('xuất trình')) return 'showOnly';
  const first = (p.name.split(';')[0] ?? '').replace(/^[\s*-]+/, '').toLowerCase();
  return first.startsWith('trường hợp') || first.includes('trong trường hợp') || /(^|[\s(])nếu\s/.test(first) ? 'conditional' : 'required';
}
export interface ProcessingStep { key: string; name: string; role: StepRole; /** share of the duration, steps sum to 1 */ share: number }
export interface DefaultApplied { field: string; default: unknown; reason: string }

/** One version of a procedure as imported and as read. */
export interface ProcedureInput {
  code: string;
  fullCode: string | null;
  name: string;
  field: string;
  competentLevel: CompetentLevel;
  competentAgency: string;
  /** who decides, as data (competent-body.ts); null: not resolved — intake refuses the procedure */
  competentBody: CompetentBody | null;
  /** land, works, business location: the competent commune is where the place is, asked at intake */
  placeTied: boolean;
  /** may be filed at any counter of the province (ND 118/2025 "phi địa giới") */
  filingAnywhere: boolean;
  /** cases with their own durations; [] = the procedure's duration only */
  cases: ProcedureCase[];
  durationValue: number;
  durationUnit: DurationUnit;
  cutoff: string | null;
  requiredPapers: RequiredPaper[];
  fees: FeeItem[];
  onlineLevel: OnlineLevel;
  postalAllowed: boolean;
  resultType: ResultType;
  resultDescription: string | null;
  eformSchema: Record<string, unknown>;
  steps: ProcessingStep[];
  defaultsApplied: DefaultApplied[];
  source: string | null;
  effectiveFrom: string;
}

/**
 * The internal processing steps when a source does not describe them (the national database
 * publishes none): appraisal by an officer, signature by the approver, issue by the one-stop clerk.
 */
export const standardSteps: ProcessingStep[] = [
  { key: 'appraise', name: 'Thẩm định hồ sơ', role: 'officer', share: 0.6 },
  { key: 'approve', name: 'Phê duyệt, ký kết quả', role: 'approver', share: 0.3 },
  { key: 'issue', name: 'Vào sổ, đóng dấu, chuyển kết quả', role: 'clerk', share: 0.1 },
];

/** The e-form every procedure starts from: the applicant (prefilled from the ID card) and a reason. */
export const applicantSchema = {
  type: 'object',
  required: ['fullName', 'personalId', 'address'],
  properties: {
    fullName: { type: 'string', title: 'Họ và tên người nộp', maxLength: 100 },
    personalId: { type: 'string', title: 'Số định danh cá nhân', pattern: '^[0-9]{12}$' },
    dateOfBirth: { type: 'string', title: 'Ngày sinh', format: 'date' },
    address: { type: 'string', title: 'Nơi cư trú', maxLength: 300 },
    phone: { type: 'string', title: 'Số điện thoại', pattern: '^[0-9+ ]{8,15}$' },
    reason: { type: 'string', title: 'Nội dung yêu cầu', maxLength: 1000 },
  },
  additionalProperties: false,
} as const;

const SHARE_TOLERANCE = 1e-6;

export function stepsProblems(steps: readonly ProcessingStep[]): string[] {
  if (steps.length === 0) return ['cần ít nhất một bước'];
  const total = steps.reduce((s, x) => s + x.share, 0);
  return Math.abs(total - 1) > SHARE_TOLERANCE ? [`tổng tỷ lệ các bước phải bằng 1 (đang là ${Number(total.toFixed(6))})`] : [];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optText = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function arrayOf<T>(r: FieldReader, field: string, item: (o: Record<string, unknown>, i: number) => T | string): T[] {
  if (!r.has(field)) return [];
  const v = r.json(field);
  if (!Array.isArray(v)) { r.fail(field, 'phải là mảng JSON'); return []; }
  const out: T[] = [];
  v.forEach((o, i) => {
    const res = isObject(o) ? item(o, i) : 'phải là đối tượng';
    if (typeof res === 'string') r.fail(field, `mục ${i + 1}: ${res}`);
    else out.push(res);
  });
  return out;
}

/** Reads one paper of an import row or an edit; a string is the problem. */
export const readPaper = (o: Record<string, unknown>, i: number): RequiredPaper | string => {
  const name = optText(o.name);
  if (!name) return 'thiếu "name"';
  const originals = o.originals ?? 0;
  const copies = o.copies ?? 0;
  if (!isCount(originals) || !isCount(copies)) return '"originals", "copies" phải là số nguyên ≥ 0';
  const requirement = o.requirement;
  if (requirement !== undefined && !(paperRequirements as readonly unknown[]).includes(requirement)) {
    return `"requirement" phải là một trong: ${paperRequirements.join(', ')}`;
  }
  return {
    key: optText(o.key) ?? `p${i + 1}`, name, originals, copies, note: optText(o.note),
    ...(requirement !== undefined ? { requirement: requirement as PaperRequirement } : {}),
  };
};


const step = (o: Record<string, unknown>): ProcessingStep | string => {
  const key = optText(o.key);
  const name = optText(o.name);
  if (!key || !name) return 'thiếu "key" hoặc "name"';
  if (!(stepRoles as readonly unknown[]).includes(o.role)) return `"role" phải là một trong ${stepRoles.join(', ')}`;
  if (typeof o.share !== 'number' || !(o.share > 0 && o.share <= 1)) return '"share" phải trong khoảng (0, 1]';
  return { key, name, role: o.role as StepRole, share: o.share };
};

const defaultApplied = (o: Record<string, unknown>): DefaultApplied | string => {
  const field = optText(o.field);
  const reason = optText(o.reason);
  if (!field || !reason) return 'thiếu "field" hoặc "reason"';
  return { field, default: o.default ?? null, reason };
};

const CODE = /^\d\.\d{6}(\.[0-9A-Z.]+)?$/;

/** Reads one import row (JSON object or spreadsheet row; structured cells hold JSON text). */
export function readProcedureRow(rec: ImportRecord, row: number, problems: RowProblems): ProcedureInput {
  const r = new FieldReader(rec, row, problems);
  const code = r.text('code');
  if (code && !CODE.test(code)) r.fail('code', `mã "${code}" không đúng dạng mã TTHC (vd. 1.001193)`);
  const cutoff = r.optionalText('cutoff');
  if (cutoff !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(cutoff)) r.fail('cutoff', 'phải có dạng HH:MM');
  const requiredPapers = arrayOf(r, 'requiredPapers', readPaper);
  const keys = new Set<string>();
  for (const p of requiredPapers) {
    if (keys.has(p.key)) r.fail('requiredPapers', `khóa "${p.key}" bị trùng`);
    keys.add(p.key);
  }
  const defaultsApplied = arrayOf(r, 'defaultsApplied', defaultApplied);
  let steps = arrayOf(r, 'steps', step);
  if (!r.has('steps')) {
    steps = standardSteps;
    defaultsApplied.push({ field: 'steps', default: standardSteps.map((s) => s.key), reason: 'Tệp nhập không mô tả các bước xử lý; dùng quy trình chuẩn 3 bước.' });
  } else for (const p of stepsProblems(steps)) r.fail('steps', p);
  let eformSchema: Record<string, unknown> = { ...applicantSchema };
  if (r.has('eformSchema')) {
    const v = r.json('eformSchema');
    if (!isObject(v) || v.type !== 'object') r.fail('eformSchema', 'phải là JSON Schema dạng { "type": "object", ... }');
    else eformSchema = v;
  }
  const effectiveFrom = r.date('effectiveFrom');
  let competentBody: CompetentBody | null = null;
  if (r.has('competentBody')) {
    const v = r.json('competentBody');
    const bodyProblems = competentBodyProblems(v ?? null);
    for (const p of bodyProblems) r.fail('competentBody', p);
    if (bodyProblems.length === 0 && v !== null && v !== undefined) competentBody = toCompetentBody(v as Record<string, unknown>);
  }
  const cases = arrayOf(r, 'cases', readCase);
  const caseKeys = new Set<string>();
  for (const c of cases) {
    if (caseKeys.has(c.key)) r.fail('cases', `khóa trường hợp "${c.key}" bị trùng`);
    caseKeys.add(c.key);
  }
  const fees = arrayOf(r, 'fees', readFee);
  for (const f of fees) if (f.caseKey && !caseKeys.has(f.caseKey)) r.fail('fees', `phí "${f.name}" gắn với trường hợp "${f.caseKey}" không có trong "cases"`);
  return {
    code,
    fullCode: r.optionalText('fullCode'),
    name: r.text('name'),
    field: r.text('field'),
    competentLevel: r.oneOf('competentLevel', competentLevels),
    competentAgency: r.text('competentAgency'),
    competentBody,
    placeTied: r.has('placeTied') ? r.boolean('placeTied', false) : false,
    filingAnywhere: r.has('filingAnywhere') ? r.boolean('filingAnywhere', true) : true,
    cases,
    durationValue: r.number('durationValue', { min: 0, max: 365 }),
    durationUnit: r.oneOf('durationUnit', durationUnits),
    cutoff,
    requiredPapers,
    fees,
    onlineLevel: r.oneOf('onlineLevel', onlineLevels),
    postalAllowed: r.has('postalAllowed') ? r.boolean('postalAllowed', false) : (r.fail('postalAllowed', 'bắt buộc'), false),
    resultType: r.oneOf('resultType', resultTypes),
    resultDescription: r.optionalText('resultDescription'),
    eformSchema,
    steps,
    defaultsApplied,
    source: r.optionalText('source'),
    effectiveFrom: isCivilDate(effectiveFrom) ? effectiveFrom : '',
  };
}
