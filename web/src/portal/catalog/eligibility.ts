// Eligibility questions on a procedure's page: a few yes/no questions built from the procedure
// itself (its cases, its online level, whether the post may carry it) that always end on
// something the citizen can do — a case with its time and fees, and a way to file (online, by
// post from home, or at a counter with a booked time). No answer leads to a page with nothing to
// do: "none of these cases" ends on the procedure's general terms and the counter, where a clerk
// decides. Cases the source did not name (the import's placeholder "Trường hợp 1.001193.02 …")
// are never asked about: nobody can recognise a case code; the clerk decides. Pure: no I/O;
// tested in eligibility.test.ts.
import { isUnnamedCase } from '../../../../src/shared/case-names';

export interface EligibilityProcedure {
  readonly cases: readonly { readonly key: string; readonly name: string }[];
  readonly onlineLevel: 'none' | 'partial' | 'full';
  readonly postalAllowed: boolean;
}

export type FilingWay = 'online' | 'postal' | 'counter';

export type EligibilityQuestion =
  /** "Does your dossier fall under this case?" and the case as the source words it */
  | { readonly kind: 'case'; readonly caseKey: string; readonly caseName: string }
  /** "Can you file online (an account, or the e-ID app)?" */
  | { readonly kind: 'online' }
  /** "Would you like the post to collect the dossier at your home?" */
  | { readonly kind: 'postal' };

export type EligibilityStep =
  | { readonly kind: 'question'; readonly question: EligibilityQuestion; readonly number: number }
  /** caseKey null: none of the listed cases (or the procedure has none): the general terms apply */
  | { readonly kind: 'outcome'; readonly caseKey: string | null; readonly way: FilingWay };

/** The questions in the order they are asked, given the answers so far (case questions stop at the first yes). */
function questionsFor(procedure: EligibilityProcedure, answers: readonly boolean[]): EligibilityQuestion[] {
  const questions: EligibilityQuestion[] = [];
  for (const c of procedure.cases.filter((x) => !isUnnamedCase(x.name))) {
    questions.push({ kind: 'case', caseKey: c.key, caseName: c.name });
    if (answers[questions.length - 1] === true) break;
  }
  if (procedure.onlineLevel !== 'none') questions.push({ kind: 'online' });
  if (procedure.postalAllowed) questions.push({ kind: 'postal' });
  return questions;
}

/** The next question, or where the answers lead once every question that matters is answered. */
export function eligibilityStep(procedure: EligibilityProcedure, answers: readonly boolean[]): EligibilityStep {
  const questions = questionsFor(procedure, answers);
  let caseKey: string | null = null;
  for (const [index, question] of questions.entries()) {
    const answer = answers[index];
    if (answer === undefined) return { kind: 'question', question, number: index + 1 };
    if (!answer) continue;
    if (question.kind === 'case') caseKey = question.caseKey;
    else if (question.kind === 'online') return { kind: 'outcome', caseKey, way: 'online' };
    else return { kind: 'outcome', caseKey, way: 'postal' };
  }
  return { kind: 'outcome', caseKey, way: 'counter' };
}

/**
 * A case's published wording as a citizen reads it under the question "does your dossier fall
 * under this case?": without the list dash and the "Đối với" lead, sub-items ("+ …") joined by commas, first letter upper.
 */
export function caseWording(name: string): string {
  const text = name.trim().replace(/^[-+•\s]+/, '').replace(/^(đối với|với)\s+/i, '')
    .replace(/\s*[:;]?\s+\+\s+(\S)/g, (_m, c: string) => `, ${c.toLocaleLowerCase('vi')}`).replace(/[:;,\s]+$/, '');
  return text === '' ? name : text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Whether every case of the procedure is unnamed (the outcome then says the clerk determines it). */
export const casesUnnamed = (procedure: Pick<EligibilityProcedure, 'cases'>): boolean =>
  procedure.cases.length > 0 && procedure.cases.every((c) => isUnnamedCase(c.name));
