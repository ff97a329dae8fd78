// The case ("trường hợp") and the place of a place-tied procedure chosen at the counter, and what
// they mean before intake: the time limit of the chosen case and the fees of the counter channel
// for it (src/shared/fee-terms.ts, the lines the receipt prints).
import { useEffect, useState } from 'react';
import { feeTermLines, type FeeTermLine } from '../../../../src/shared/fee-terms';
import type { ProcedureDetail } from '../api';
import type { ChosenUnit } from '../CommunePicker';
import type { Problem } from './problems';

export interface ChosenTerms {
  readonly durationValue: number;
  readonly durationUnit: string;
  readonly cutoff: string | null;
  readonly caseName: string | null;
  readonly fees: readonly FeeTermLine[];
}

/** The terms of a procedure for a case key ('' = no case: the procedure's own time). Pure. */
export function termsOf(p: ProcedureDetail, caseKey: string): ChosenTerms {
  const c = p.cases.find((x) => x.key === caseKey) ?? null;
  return {
    durationValue: c ? c.durationValue : p.durationValue,
    durationUnit: c ? c.durationUnit : p.durationUnit,
    cutoff: c ? c.cutoff : p.cutoff,
    caseName: c?.name ?? null,
    fees: feeTermLines(p.fees, 'counter', c?.key ?? null),
  };
}

export function useCaseAndPlace(procedure: ProcedureDetail | null) {
  const [caseKey, setCaseKey] = useState('');
  const [place, setPlace] = useState<ChosenUnit | null>(null);
  const code = procedure?.code ?? null;
  // another procedure: its own cases and place
  useEffect(() => { setCaseKey(''); setPlace(null); }, [code]);

  const problems = (requiredText: string): Problem[] =>
    procedure?.placeTied && !place ? [{ field: 'place', text: requiredText }] : [];
  const body = (): { caseKey?: string; placeUnitCode?: string } => ({
    ...(caseKey && procedure?.cases.some((c) => c.key === caseKey) ? { caseKey } : {}),
    ...(procedure?.placeTied && place ? { placeUnitCode: place.code } : {}),
  });
  const reset = () => { setCaseKey(''); setPlace(null); };
  return { caseKey, setCaseKey, place, setPlace, problems, body, reset, terms: procedure ? termsOf(procedure, caseKey) : null };
}

export type CaseAndPlace = ReturnType<typeof useCaseAndPlace>;
