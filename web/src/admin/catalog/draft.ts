// The editor's draft of a new version: the latest version's content (copied, so that editing
// never touches what is shown), the first day as typed (dd/mm/yyyy) and the reason; and the
// checks the form makes before sending (the server makes them all again).
import { civilOfText } from '../form-parts';
import type { ProcedureContent, ProcedureVersion } from './api';
import type { CatalogAdminT } from './i18n';

export interface Draft {
  readonly content: ProcedureContent;
  /** dd/mm/yyyy as typed */
  readonly effectiveFrom: string;
  readonly reason: string;
}

export function draftOf(latest: ProcedureVersion): Draft {
  const copy = structuredClone(latest);
  const content: ProcedureContent = {
    name: copy.name, field: copy.field, competentLevel: copy.competentLevel, competentAgency: copy.competentAgency,
    competentBody: copy.competentBody, placeTied: copy.placeTied, filingAnywhere: copy.filingAnywhere, cases: copy.cases,
    durationValue: copy.durationValue, durationUnit: copy.durationUnit, cutoff: copy.cutoff, requiredPapers: copy.requiredPapers,
    fees: copy.fees, onlineLevel: copy.onlineLevel, postalAllowed: copy.postalAllowed, resultType: copy.resultType,
    resultDescription: copy.resultDescription,
  };
  return { content, effectiveFrom: '', reason: '' };
}

const badNumber = (n: number | null | undefined) => n !== null && n !== undefined && (Number.isNaN(n) || n < 0);

/** What the form finds wrong (one line each), and the edit to send when nothing is. */
export function checkDraft(draft: Draft, t: CatalogAdminT): { lines: string[]; edit: (ProcedureContent & { effectiveFrom: string; reason: string }) | null } {
  const lines: string[] = [];
  const c = draft.content;
  const effectiveFrom = civilOfText(draft.effectiveFrom);
  if (!effectiveFrom) lines.push(`${t('effectiveFrom')}: ${t('dateInvalid')}`);
  if (draft.reason.trim() === '') lines.push(t('required', { what: t('reason') }));
  if (c.name.trim() === '') lines.push(t('required', { what: t('f_name') }));
  if (badNumber(c.durationValue)) lines.push(t('numberInvalid', { what: t('f_durationValue') }));
  c.cases.forEach((x, i) => { if (badNumber(x.durationValue)) lines.push(t('numberInvalid', { what: `${t('caseN', { n: i + 1 })}, ${t('durationValueDays')}` })); });
  c.requiredPapers.forEach((p, i) => {
    if (badNumber(p.originals) || badNumber(p.copies)) lines.push(t('numberInvalid', { what: t('paperN', { n: i + 1 }) }));
  });
  c.fees.forEach((f, i) => {
    const what = t('feeN', { n: i + 1 });
    if (badNumber(f.amountVnd) || badNumber(f.maxPerCopyVnd) || (f.tiers ?? []).some((x) => badNumber(x.fromPage) || badNumber(x.amountVnd))) lines.push(t('numberInvalid', { what }));
    if (f.channels && f.channels.length === 0) lines.push(`${what}: ${t('noChannel')}`);
  });
  return { lines, edit: lines.length === 0 && effectiveFrom ? { ...c, effectiveFrom, reason: draft.reason.trim() } : null };
}
