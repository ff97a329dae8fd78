// "Không tiếp nhận được hồ sơ?": the paper outcomes at the counter (ND 61/2018 art. 17) beside
// the intake — guidance only, incomplete (form 02) or not accepted (form 03). It takes the
// procedure and the applicant already entered on the page (entered once), records a numbered
// outcome (no dossier, no code) and offers its slip.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetails, errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import type { ProcedureDetail } from './api';
import { papersToSupplement, type PaperRow } from './checklist';
import type { ApplicantFacts } from './eform';
import { outcomeSlipUrl, recordOutcome, useOutcomeT, type CounterOutcome, type OutcomeApplicant, type OutcomeKind } from './outcomes';

const kinds = ['incomplete', 'refused', 'guidance'] as const satisfies readonly OutcomeKind[];
const applicantKinds = ['person', 'organisation', 'proxy'] as const satisfies readonly OutcomeApplicant['kind'][];

interface Props {
  readonly procedure: ProcedureDetail | null;
  readonly applicant: ApplicantFacts;
  readonly rows: readonly PaperRow[];
  /** a list by situation: the applicant's situation chosen in the papers step (null: none yet) */
  readonly situation: string | null;
}

export function OutcomeSection({ procedure, applicant, rows, situation }: Props) {
  const t = useOutcomeT();
  const { t: tApp } = useTranslation();
  const ids = useId();
  const [kind, setKind] = useState<OutcomeKind>('incomplete');
  const [who, setWho] = useState<OutcomeApplicant['kind']>('person');
  const [extra, setExtra] = useState({ organisationName: '', taxCode: '', representative: '', principal: '', authorisation: '' });
  const [items, setItems] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [serverError, setServerError] = useState<{ text: string; details: readonly string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CounterOutcome | null>(null);

  const lines = items.split('\n').map((l) => l.trim()).filter(Boolean);
  // form 02's papers: the required ones not ticked, for a list by situation the chosen situation's (checklist.ts)
  const toSupplement = papersToSupplement(rows, situation);
  const [fillHint, setFillHint] = useState<string | null>(null);
  const fillMissing = () => {
    if (toSupplement === 'chooseSituation') { setFillHint(t('fillChooseSituation')); return; }
    setFillHint(null);
    setItems(toSupplement.map((r) => r.name).join('\n'));
  };

  const submit = async () => {
    if (busy) return;
    const name = who === 'organisation' ? extra.organisationName.trim() : applicant.name.trim();
    const found = !procedure ? t('needProcedure') : !name ? t('needName') : kind !== 'guidance' && lines.length === 0 ? t('needItems') : null;
    setProblem(found);
    setServerError(null);
    if (found || !procedure) return;
    setBusy(true);
    const a: OutcomeApplicant = {
      kind: who, name,
      ...(applicant.personalId.trim() && who !== 'organisation' ? { personalId: applicant.personalId.trim() } : {}),
      ...(applicant.phone.trim() ? { phone: applicant.phone.replace(/[ .]/g, '') } : {}),
      ...(applicant.address.trim() ? { address: applicant.address.trim() } : {}),
      ...(who === 'organisation' ? { taxCode: extra.taxCode.trim(), representative: extra.representative.trim() || applicant.name.trim() } : {}),
      ...(who === 'proxy' ? { principal: extra.principal.trim(), authorisation: extra.authorisation.trim() } : {}),
    };
    try {
      setDone(await recordOutcome({ kind, procedureCode: procedure.code, applicant: a, items: lines, ...(note.trim() ? { note: note.trim() } : {}) }));
    } catch (e) {
      setServerError({ text: errorMessage(e, tApp), details: errorDetails(e) });
    } finally {
      setBusy(false);
    }
  };

  const again = () => { setDone(null); setItems(''); setNote(''); setProblem(null); setServerError(null); };
  const set = (k: keyof typeof extra) => (e: { target: { value: string } }) => setExtra((x) => ({ ...x, [k]: e.target.value }));

  return (
    <section className="section outcome-section" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('title')}</h2>
      <p>{t('intro')}</p>
      {done ? (
        <>
          <Notice tone="success"><p className="outcome-number">{t('done', { kind: done.kindLabel.toLowerCase(), number: done.number, applicant: done.applicantLine })}</p></Notice>
          <ul className="plain-list">
            {done.printable && <li><a href={outcomeSlipUrl(done.id)} target="_blank" rel="noopener" data-slip="counter-outcome">{t('print')}</a></li>}
          </ul>
          <div className="form__actions"><button type="button" className="button button--quiet" onClick={again}>{t('again')}</button></div>
        </>
      ) : (
        <>
          <fieldset className="field">
            <legend className="field__label">{t('kind')}</legend>
            {kinds.map((k) => (
              <label key={k} className="choice"><input type="radio" name={`${ids}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`kind_${k}`)}</label>
            ))}
          </fieldset>
          <fieldset className="field">
            <legend className="field__label">{t('applicantKind')}</legend>
            {applicantKinds.map((k) => (
              <label key={k} className="choice"><input type="radio" name={`${ids}-who`} value={k} checked={who === k} onChange={() => setWho(k)} /> {t(`applicant_${k}`)}</label>
            ))}
          </fieldset>
          {who === 'organisation' && (
            <div className="form-grid">
              <Field label={t('organisationName')} value={extra.organisationName} onChange={set('organisationName')} autoComplete="off" />
              <Field label={t('taxCode')} value={extra.taxCode} inputMode="numeric" maxLength={14} onChange={set('taxCode')} autoComplete="off" />
              <Field label={t('representative')} hint={applicant.name || undefined} value={extra.representative} onChange={set('representative')} autoComplete="off" />
            </div>
          )}
          {who === 'proxy' && (
            <div className="form-grid">
              <Field label={t('principal')} value={extra.principal} onChange={set('principal')} autoComplete="off" />
              <Field label={t('authorisation')} value={extra.authorisation} onChange={set('authorisation')} autoComplete="off" />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${ids}-items`} className="field__label">{t(`items_${kind}`)}</label>
            <textarea id={`${ids}-items`} className="field__textarea" rows={4} value={items} onChange={(e) => setItems(e.target.value)} />
          </div>
          {kind === 'incomplete' && (toSupplement === 'chooseSituation' || toSupplement.length > 0) && (
            <div className="outcome-fill">
              <button type="button" className="button button--quiet" onClick={fillMissing} aria-describedby={fillHint && toSupplement === 'chooseSituation' ? `${ids}-fill` : undefined}>{t('fillMissing')}</button>
              {fillHint && toSupplement === 'chooseSituation' && <p id={`${ids}-fill`} className="field__hint" role="status">{fillHint}</p>}
            </div>
          )}
          <Field label={t('note')} value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
          <Notice tone="error">
            {problem ?? (serverError ? <><p>{serverError.text}</p>{serverError.details.length > 0 && <ul>{serverError.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}</> : null)}
          </Notice>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => void submit()} disabled={busy}>{busy ? t('submitting') : t('submit')}</button>
          </div>
        </>
      )}
    </section>
  );
}
