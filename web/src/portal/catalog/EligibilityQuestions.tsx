// The eligibility questions of a procedure's page (eligibility.ts): one yes/no question at a time,
// ending on the citizen's case with its time and fees and the action that files it.
import { useState } from 'react';
import { durationText, useCommonT } from '../../i18n/common';
import { feeTermLines, type FeeTermChannel } from '../../../../src/shared/fee-terms';
import { Button } from '../../ui/Button';
import type { Procedure } from './api';
import { feeLineText } from './fees';
import { FilingActions } from './FilingWays';
import { caseWording, casesUnnamed, eligibilityStep, type EligibilityQuestion, type FilingWay } from './eligibility';
import { useProcedureInfoT, type ProcedureInfoT } from './i18n';

const feeChannel = { online: 'online', postal: 'postal', counter: 'counter' } as const satisfies Record<FilingWay, FeeTermChannel>;

function questionText(t: ProcedureInfoT, question: EligibilityQuestion): string {
  switch (question.kind) {
    case 'case': return t('questionCase');
    case 'online': return t('questionOnline');
    case 'postal': return t('questionPostal');
  }
}

export function EligibilityQuestions({ procedure }: { readonly procedure: Procedure }) {
  const t = useProcedureInfoT();
  const tc = useCommonT();
  const [answers, setAnswers] = useState<readonly boolean[]>([]);
  const step = eligibilityStep(procedure, answers);
  const answer = (value: boolean) => setAnswers([...answers, value]);

  if (step.kind === 'question') {
    return (
      <section className="portal-eligibility" aria-labelledby="portal-eligibility">
        <h2 id="portal-eligibility">{t('eligibility')}</h2>
        {answers.length === 0 && <p>{t('eligibilityLead')}</p>}
        <fieldset>
          <legend>{t('questionNumber', { number: step.number })}: {questionText(t, step.question)}</legend>
          {step.question.kind === 'case' && <p className="portal-eligibility__case">{caseWording(step.question.caseName)}</p>}
          <div className="portal-answers">
            <Button kind="secondary" onClick={() => answer(true)}>{step.question.kind === 'case' ? t('yesCase') : t('yes')}</Button>
            <Button kind="secondary" onClick={() => answer(false)}>{step.question.kind === 'case' ? t('noCase') : t('no')}</Button>
          </div>
        </fieldset>
      </section>
    );
  }
  const chosen = procedure.cases.find((c) => c.key === step.caseKey) ?? null;
  const duration = chosen ? durationText(tc, chosen.durationValue, chosen.durationUnit) : durationText(tc, procedure.durationValue, procedure.durationUnit);
  const fees = feeTermLines(procedure.fees, feeChannel[step.way], step.caseKey);
  return (
    <section className="portal-eligibility" aria-labelledby="portal-eligibility">
      <h2 id="portal-eligibility">{t('eligibility')}</h2>
      <div role="status">
        <p>{chosen ? t('outcomeCase', { name: caseWording(chosen.name), duration }) : t(casesUnnamed(procedure) ? 'outcomeUnnamed' : 'outcomeGeneral', { duration })}</p>
        <p><strong>{t(`outcome_${step.way}`)}</strong></p>
        {fees.length > 0 ? (
          <>
            <p>{t('outcomeFees')}</p>
            <ul>{fees.map((f, i) => <li key={i}>{f.name}: {feeLineText(t, f)}</li>)}</ul>
          </>
        ) : <p>{t('noFees')}</p>}
      </div>
      <FilingActions procedure={procedure} chosen={step.way} />
      <Button kind="secondary" onClick={() => setAnswers([])}>{t('restart')}</Button>
    </section>
  );
}
