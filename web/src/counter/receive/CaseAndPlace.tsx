// Under the chosen procedure: the case (when the catalogue has several), the commune of the place
// (place-tied procedures), and the time limit and counter fees of that choice, before intake.
import { useId } from 'react';
import { durationText, useCommonT } from '../../i18n/common';
import type { ProcedureDetail } from '../api';
import { CommunePicker } from '../CommunePicker';
import { useCaseT, type CaseT } from './case-i18n';
import type { CaseAndPlace as State, ChosenTerms } from './useCaseAndPlace';

interface Props {
  readonly procedure: ProcedureDetail;
  readonly state: State;
  readonly validOn: string;
  readonly placeError: string | null;
}

const amount = (t: CaseT, vnd: number) => (vnd === 0 ? t('termsFeeFree') : t('termsFeeAmount', { amount: vnd.toLocaleString('vi-VN') }));

function Terms({ procedure, terms }: { readonly procedure: ProcedureDetail; readonly terms: ChosenTerms }) {
  const t = useCaseT();
  const tc = useCommonT();
  const id = useId();
  const level = procedure.competentBody?.level ?? procedure.competentLevel;
  const filing = procedure.filingAnywhere ? t('filingAnywhereYes') : level === 'commune' || level === 'district' ? t('filingAnywhereNo') : t('filingAnywhereNoProvince');
  const duration = durationText(tc, terms.durationValue, terms.durationUnit);
  return (
    <div className="case-terms" aria-labelledby={id} role="group">
      <h3 id={id}>{t('termsTitle')}</h3>
      <dl className="facts">
        <dt>{t('termsDuration')}</dt>
        <dd data-testid="case-duration">{terms.cutoff ? `${duration} (${t('termsCutoff', { cutoff: terms.cutoff })})` : duration}</dd>
        <dt>{t('termsFees')}</dt>
        <dd data-testid="case-fees">
          {terms.fees.length === 0 ? t('termsFeeFree') : (
            <ul className="case-terms__fees">
              {terms.fees.map((f, i) => <li key={i}>{f.name}: {Number.isFinite(f.amountVnd) ? amount(t, f.amountVnd) : f.formula ?? '…'}</li>)}
            </ul>
          )}
        </dd>
        <dt>{t('termsBody')}</dt><dd>{procedure.competentAgency}</dd>
        <dt>{t('termsFilingAnywhere')}</dt><dd>{filing}</dd>
      </dl>
    </div>
  );
}

export function CaseAndPlace({ procedure, state, validOn, placeError }: Props) {
  const t = useCaseT();
  const tc = useCommonT();
  const id = useId();
  return (
    <div className="case-and-place">
      {procedure.cases.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-case`} className="field__label">{t('caseLabel')}</label>
          <p id={`${id}-case-hint`} className="field__hint">{t('caseHint')}</p>
          <select id={`${id}-case`} className="field__select" value={state.caseKey} aria-describedby={`${id}-case-hint`}
            onChange={(e) => state.setCaseKey(e.target.value)}>
            <option value="">{t('caseGeneral', { duration: durationText(tc, procedure.durationValue, procedure.durationUnit) })}</option>
            {procedure.cases.map((c) => (
              <option key={c.key} value={c.key}>{t('caseOption', { name: c.name, duration: durationText(tc, c.durationValue, c.durationUnit) })}</option>
            ))}
          </select>
        </div>
      )}
      {procedure.placeTied && (
        <CommunePicker value={state.place} onChange={state.setPlace} validOn={validOn} error={placeError}
          legend={t('placeLegend')} hint={t('placeHint')} />
      )}
      {state.terms && <Terms procedure={procedure} terms={state.terms} />}
    </div>
  );
}
