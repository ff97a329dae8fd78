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

/** The applicant as an intake request sends it (a dossier's or a bundle's): trimmed, empty facts left out. */
export function applicantBody(a: ApplicantFacts, unit: ChosenUnit) {
  return {
    personalId: a.personalId.trim(), name: a.name.trim(), phone: normalisedPhone(a.phone), unitCode: unit.code,
    ...(a.email.trim() ? { email: a.email.trim() } : {}),
    ...(a.birthDate ? { birthDate: a.birthDate } : {}),
    ...(a.address.trim() ? { address: a.address.trim() } : {}),
  };
}

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
  const { procedure, rows } = draft;
  return [
    ...(procedure ? [] : [{ field: 'procedure', text: t('procedureRequired') }]),
    ...applicantProblems(t, draft),
    ...missingPapers(rows).map((r) => ({ field: `paper:${r.key}`, text: t('paperMissing', { name: r.name }) })),
    ...eformProblems(t, draft.fields, draft.values),
  ];
}

/** The applicant's ID, name, phone and commune (a bundle's intake asks them the same way). */
export function applicantProblems(t: CounterT, draft: Pick<IntakeDraft, 'applicant' | 'unit'>): Problem[] {
  const { applicant, unit } = draft;
  const found: Problem[] = [];
  if (!/^\d{12}$/.test(applicant.personalId.trim())) found.push({ field: 'personalId', text: t('personalIdInvalid') });
  if (applicant.name.trim().length < 2) found.push({ field: 'name', text: t('nameRequired') });
  if (!PHONE_RE.test(normalisedPhone(applicant.phone))) found.push({ field: 'phone', text: t('phoneInvalid') });
  if (!unit) found.push({ field: 'unit', text: t('communeRequired') });
  return found;
}

/** What is wrong with the e-form's values, each under `form:<field>`. */
export function eformProblems(t: CounterT, fields: readonly EformField[], values: EformValues): Problem[] {
  return buildFormData(fields, values).problems.map((p) => {
    const f = fields.find((x) => x.key === p.key);
    return { field: `form:${p.key}`, text: t(formProblemKey[p.kind], { field: f?.title ?? p.key }) };
  });
}
