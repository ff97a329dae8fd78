// Paper outcomes at the counter (ND 61/2018 art. 17; TT 01/2018 forms 02, 03): what is recorded
// when a paper dossier ends at the counter before it is received. Pure: no I/O, no clock.
import type { ErrorDetail } from '../platform/errors';
import { vnYearOfInstant } from '../shared/civil-date';
import { taxCodeProblem, type ApplicantKind } from '../shared/applicant-kinds';
import labels from './labels.vi.json';

/** guidance only; incomplete → form 02; not accepted → form 03. (Received → form 01 is a dossier.) */
export const outcomeKinds = ['guidance', 'incomplete', 'refused'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

export const outcomeLabels = labels.outcome satisfies Record<OutcomeKind, string>;

/** The suffix of "Số: 0007/PYCBS" per kind [U: suffixes are ours; TT 01/2018 prints "Số: …"]. */
export const numberSuffixes = { guidance: 'HD', incomplete: 'PYCBS', refused: 'TCTN' } as const satisfies Record<OutcomeKind, string>;

/** Who stands at the counter: a person, an organisation, or someone filing for another (shared with intake). */
export { applicantKinds, type ApplicantKind } from '../shared/applicant-kinds';

export interface OutcomeApplicant {
  readonly kind: ApplicantKind;
  /** the person at the counter, or the organisation's name */
  readonly name: string;
  readonly personalId?: string;
  readonly phone?: string;
  readonly address?: string;
  /** organisation: tax code (mã số thuế), 10 digits or 10-3 for a branch, with its check digit */
  readonly taxCode?: string;
  /** organisation: its legal representative (người đại diện) */
  readonly representative?: string;
  /** proxy: the person or organisation filed for (người ủy quyền) */
  readonly principal?: string;
  /** proxy: the authorisation paper ("Giấy ủy quyền số … ngày …") */
  readonly authorisation?: string;
}

export interface OutcomeInput {
  readonly kind: OutcomeKind;
  readonly procedureCode: string;
  readonly applicant: OutcomeApplicant;
  /** refused: the reasons; incomplete: every paper to add or fix, all at once (ND 61 art. 15.3); guidance: the points explained */
  readonly items: readonly string[];
  readonly note?: string;
}

const PERSONAL_ID_RE = /^\d{12}$/;
const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** What is wrong with an outcome, field by field (empty when it can be recorded). */
export function outcomeProblems(input: OutcomeInput): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const a = input.applicant;
  const items = input.items.map((i) => i.trim()).filter((i) => i !== '');
  if (input.kind === 'refused' && items.length === 0) out.push({ path: 'items', message: 'Ghi rõ lý do từ chối tiếp nhận.' });
  if (input.kind === 'incomplete' && items.length === 0) out.push({ path: 'items', message: 'Ghi đủ các giấy tờ cần bổ sung, hoàn thiện (một lần).' });
  if (blank(a.name)) out.push({ path: 'applicant.name', message: 'Nhập tên người nộp hồ sơ.' });
  if (a.personalId !== undefined && a.personalId !== '' && !PERSONAL_ID_RE.test(a.personalId)) out.push({ path: 'applicant.personalId', message: 'Số định danh cá nhân gồm 12 chữ số.' });
  if (a.kind === 'organisation') {
    const taxProblem = taxCodeProblem(a.taxCode ?? '');
    if (taxProblem !== null) out.push({ path: 'applicant.taxCode', message: taxProblem });
    if (blank(a.representative)) out.push({ path: 'applicant.representative', message: 'Nhập người đại diện của tổ chức.' });
  }
  if (a.kind === 'proxy') {
    if (blank(a.principal)) out.push({ path: 'applicant.principal', message: 'Nhập tên người (tổ chức) ủy quyền.' });
    if (blank(a.authorisation)) out.push({ path: 'applicant.authorisation', message: 'Nhập giấy ủy quyền (số, ngày).' });
  }
  return out;
}

/** "0007/PYCBS" */
export const formatOutcomeNumber = (kind: OutcomeKind, n: number): string => `${String(n).padStart(4, '0')}/${numberSuffixes[kind]}`;

/** Who is who, in one line for the slip: the organisation and its representative, or who files for whom. */
export function applicantLine(a: OutcomeApplicant): string {
  switch (a.kind) {
    case 'person': return a.name;
    case 'organisation': return `${a.name} (MST ${a.taxCode ?? ''}), người đại diện: ${a.representative ?? ''}`;
    case 'proxy': return `${a.name}, nộp thay cho ${a.principal ?? ''} theo ${a.authorisation ?? 'giấy ủy quyền'}`;
  }
}

/** The year of an instant in Vietnam time (numbers restart each year). */
export const vnYear = (at: Date): number => vnYearOfInstant(at.getTime());
