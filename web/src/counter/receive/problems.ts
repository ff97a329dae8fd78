// What keeps a counter intake from going to review: each problem names the field it belongs to,
// so the page can mark that field and list them all. Pure.
import type { ProcedureDetail } from '../api';
import { missingPapers, type PaperRow } from '../checklist';
import type { ChosenUnit } from '../CommunePicker';
import { buildFormData, type ApplicantFacts, type EformField, type EformValues } from '../eform';
import type { CounterT } from '../i18n';

export interface Problem { readonly field: string; readonly text: string }

const PHONE_RE = /^(0|\+84)[0-9]{9,10}$/;

/** The phone as sent: without the spaces and dots people type. */
export const normalisedPhone = (phone: string) => phone.replace(/[ .]/g, '');

export interface IntakeDraft {
  readonly procedure: ProcedureDetail | null;
  readonly applicant: ApplicantFacts;
  readonly unit: ChosenUnit | null;
  readonly rows: readonly PaperRow[];
  readonly fields: readonly EformField[];
  readonly values: EformValues;
}

const formProblemKey = { required: 'formRequired', number: 'formNumber', pattern: 'formPattern', tooLong: 'formTooLong' } as const;

export function findProblems(t: CounterT, draft: IntakeDraft): Problem[] {
  const { procedure, applicant, unit, rows, fields, values } = draft;
  const found: Problem[] = [];
  if (!procedure) found.push({ field: 'procedure', text: t('procedureRequired') });
  if (!/^\d{12}$/.test(applicant.personalId.trim())) found.push({ field: 'personalId', text: t('personalIdInvalid') });
  if (applicant.name.trim().length < 2) found.push({ field: 'name', text: t('nameRequired') });
  if (!PHONE_RE.test(normalisedPhone(applicant.phone))) found.push({ field: 'phone', text: t('phoneInvalid') });
  if (!unit) found.push({ field: 'unit', text: t('communeRequired') });
  for (const r of missingPapers(rows)) found.push({ field: `paper:${r.key}`, text: t('paperMissing', { name: r.name }) });
  for (const p of buildFormData(fields, values).problems) {
    const f = fields.find((x) => x.key === p.key);
    found.push({ field: `form:${p.key}`, text: t(formProblemKey[p.kind], { field: f?.title ?? p.key }) });
  }
  return found;
}
