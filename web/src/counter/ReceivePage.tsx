// "Tiếp nhận hồ sơ" at the counter, on one page: procedure, applicant (from the CCCD QR code),
// papers, e-form, review, then intake with an idempotency key made once per form, so a double
// click or a retry never makes two dossiers. The success view gives the code, the due time and
// the receipt slip.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { dossierPath } from '../processing/DossierPage';
import { slipUrl } from '../processing/api';
import { vnToday } from '../processing/format';
import { useProcessingT } from '../processing/i18n';
import { formatAt } from '../processing/labels';
import '../processing/processing.css';
import { errorDetails, errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { fetchProcedure, fetchServicePoint, paperSources, receiveDossier, type IntakeResult, type PaperSource, type ProcedureDetail } from './api';
import { parseIdCardQr } from './cccd';
import { checklistOf, missingPapers, papersToSend, type PaperRow } from './checklist';
import { CommunePicker, type ChosenUnit } from './CommunePicker';
import { buildFormData, eformFields, prefillEform, type ApplicantFacts, type EformField, type EformValues } from './eform';
import { useCounterT, type CounterT } from './i18n';
import { durationText, ProcedurePicker } from './ProcedurePicker';
import './counter.css';

const PHONE_RE = /^(0|\+84)[0-9]{9,10}$/;
const emptyApplicant: ApplicantFacts = { personalId: '', name: '', birthDate: '', phone: '', email: '', address: '' };

/** A UUID v4 from getRandomValues (randomUUID needs a secure context; counters may run on plain HTTP). */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function feesText(t: CounterT, p: ProcedureDetail): string {
  const paid = p.fees.filter((f) => (f.amountVnd ?? 0) > 0);
  if (paid.length === 0) return t('feeFree');
  return paid.map((f) => t('feeAmount', { name: f.name, amount: (f.amountVnd ?? 0).toLocaleString('vi-VN') })).join('; ');
}

type Mode = 'edit' | 'review' | 'done';
interface Problem { readonly field: string; readonly text: string }

function EformInput({ field, value, onChange, error }: { readonly field: EformField; readonly value: string | boolean | undefined; readonly onChange: (v: string | boolean) => void; readonly error: string | null }) {
  const t = useCounterT();
  const id = useId();
  const label = field.required ? `${field.title} *` : field.title;
  if (field.kind === 'boolean') {
    return (
      <div className="field field--check">
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  if (field.kind === 'enum') {
    return (
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={id} className="field__label">{label}</label>
        {error && <p id={`${id}-e`} className="field__error">{error}</p>}
        <select id={id} className="field__select" value={typeof value === 'string' ? value : ''} required={field.required}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-e` : undefined} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('chooseOption')}</option>
          {field.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </div>
    );
  }
  return (
    <Field label={label} value={typeof value === 'string' ? value : ''} error={error} required={field.required}
      hint={field.description ?? undefined}
      type={field.kind === 'date' ? 'date' : 'text'} inputMode={field.kind === 'number' || field.kind === 'integer' ? 'decimal' : undefined}
      maxLength={field.maxLength ?? undefined} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
  );
}

export function ReceivePage({ user }: { readonly user: User }) {
  const t = useCounterT();
  const tp = useProcessingT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('receiveTitle'));
  const ids = useId();
  const today = useMemo(() => vnToday(Date.now()), []);

  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [procedureLoading, setProcedureLoading] = useState(false);
  const [applicant, setApplicant] = useState<ApplicantFacts>(emptyApplicant);
  const [unit, setUnit] = useState<ChosenUnit | null>(null);
  const [rows, setRows] = useState<readonly PaperRow[]>([]);
  const [values, setValues] = useState<EformValues>({});
  const [qr, setQr] = useState('');
  const [qrMessage, setQrMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [mode, setMode] = useState<Mode>('edit');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [serverError, setServerError] = useState<{ text: string; details: readonly string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const [focusTick, setFocusTick] = useState<{ target: 'invalid' | 'review' | 'done' | 'edit'; n: number } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const page = useRef<HTMLDivElement>(null);

  const fields = useMemo(() => eformFields(procedure?.eformSchema), [procedure]);
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.text ?? null;

  // The applicant's commune defaults to the service point's own.
  useEffect(() => {
    if (!user.scopeCode) return;
    const controller = new AbortController();
    fetchServicePoint(user.scopeCode, controller.signal).then(
      (sp) => setUnit((u) => u ?? { code: sp.unitCode, name: sp.unitName }),
      () => undefined, // the clerk picks the commune by hand
    );
    return () => controller.abort();
  }, [user.scopeCode]);

  // Focus follows what changed: the first invalid field, the review, the result.
  useEffect(() => {
    if (!focusTick) return;
    const root = page.current;
    if (!root) return;
    if (focusTick.target === 'invalid') root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else root.querySelector<HTMLElement>(`[data-focus="${focusTick.target}"]`)?.focus();
  }, [focusTick]);
  const focus = (target: 'invalid' | 'review' | 'done' | 'edit') => setFocusTick((f) => ({ target, n: (f?.n ?? 0) + 1 }));

  const updateApplicant = (next: ApplicantFacts) => {
    setValues((v) => prefillEform(fields, v, next, applicant));
    setApplicant(next);
  };

  const chooseProcedure = async (code: string) => {
    setProcedureLoading(true);
    setServerError(null);
    try {
      const p = await fetchProcedure(code);
      setProcedure(p);
      setRows(checklistOf(p.requiredPapers));
      setValues(prefillEform(eformFields(p.eformSchema), {}, applicant, null));
    } catch (e) {
      setServerError({ text: errorMessage(e, tApp), details: errorDetails(e) });
    } finally {
      setProcedureLoading(false);
    }
  };

  const fillFromQr = () => {
    const parsed = parseIdCardQr(qr);
    if (!parsed.ok) { setQrMessage({ tone: 'error', text: t(`qr_${parsed.problem}`) }); return; }
    const d = parsed.data;
    updateApplicant({ ...applicant, personalId: d.personalId, name: d.name, birthDate: d.birthDate ?? applicant.birthDate, address: d.address ?? applicant.address });
    setQrMessage({ tone: 'success', text: t('qrFilled', { name: d.name }) });
    setQr('');
  };

  const validate = (): Problem[] => {
    const found: Problem[] = [];
    if (!procedure) found.push({ field: 'procedure', text: t('procedureRequired') });
    if (!/^\d{12}$/.test(applicant.personalId.trim())) found.push({ field: 'personalId', text: t('personalIdInvalid') });
    if (applicant.name.trim().length < 2) found.push({ field: 'name', text: t('nameRequired') });
    if (!PHONE_RE.test(applicant.phone.replace(/[ .]/g, ''))) found.push({ field: 'phone', text: t('phoneInvalid') });
    if (!unit) found.push({ field: 'unit', text: t('communeRequired') });
    for (const r of missingPapers(rows)) found.push({ field: `paper:${r.key}`, text: t('paperMissing', { name: r.name }) });
    const built = buildFormData(fields, values);
    for (const p of built.problems) {
      const f = fields.find((x) => x.key === p.key);
      const key = p.kind === 'required' ? 'formRequired' : p.kind === 'number' ? 'formNumber' : p.kind === 'pattern' ? 'formPattern' : 'formTooLong';
      found.push({ field: `form:${p.key}`, text: t(key, { field: f?.title ?? p.key }) });
    }
    return found;
  };

  const toReview = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setProblems(found);
    setServerError(null);
    if (found.length > 0) { focus('invalid'); return; }
    setMode('review');
    focus('review');
  };

  const submit = async () => {
    if (!procedure || !unit || busy) return;
    setBusy(true);
    setServerError(null);
    const a = applicant;
    try {
      const r = await receiveDossier({
        procedureCode: procedure.code,
        channel: 'counter',
        applicant: {
          personalId: a.personalId.trim(), name: a.name.trim(), phone: a.phone.replace(/[ .]/g, ''), unitCode: unit.code,
          ...(a.email.trim() ? { email: a.email.trim() } : {}),
          ...(a.birthDate ? { birthDate: a.birthDate } : {}),
          ...(a.address.trim() ? { address: a.address.trim() } : {}),
        },
        papers: papersToSend(rows),
        formData: buildFormData(fields, values).data,
      }, idempotencyKey);
      setResult(r);
      setMode('done');
      focus('done');
    } catch (e) {
      setServerError({ text: errorMessage(e, tApp), details: errorDetails(e) });
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    setIdempotencyKey(newIdempotencyKey());
    setProcedure(null); setRows([]); setValues({}); setApplicant(emptyApplicant); setQr(''); setQrMessage(null);
    setProblems([]); setServerError(null); setResult(null); setMode('edit');
    focus('edit');
  };

  const setRow = (key: string, change: Partial<PaperRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const errorNotice = (
    <Notice tone="error" id={`${ids}-errors`}>
      {serverError ? (
        <>
          <p>{serverError.text}</p>
          {serverError.details.length > 0 && <ul>{serverError.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}
        </>
      ) : problems.length > 0 ? (
        <>
          <p>{t('problems')}</p>
          <ul>{problems.map((p, i) => <li key={i}>{p.text}</li>)}</ul>
        </>
      ) : null}
    </Notice>
  );

  if (mode === 'done' && result) {
    return (
      <div ref={page}>
        <h1 tabIndex={-1}>{t('receiveTitle')}</h1>
        <section className="section" aria-labelledby={`${ids}-done`}>
          <h2 id={`${ids}-done`} tabIndex={-1} data-focus="done">{t('doneTitle')}</h2>
          <Notice tone="success">
            <p className="done-code">{t('doneCode', { code: result.code })}</p>
            <p>{t('doneDue', { at: formatAt(tp, result.dueAt) })}</p>
          </Notice>
          <ul className="plain-list">
            <li><a href={slipUrl(result.code, 'receipt')} target="_blank" rel="noopener" data-slip="receipt">{t('printReceipt')} {tp('slipPdf')}</a></li>
            <li><Link to={dossierPath(result.code)}>{t('openDossier')}</Link></li>
          </ul>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={startOver}>{t('newDossier')}</button>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div ref={page}>
      <h1 tabIndex={-1} data-focus="edit">{t('receiveTitle')}</h1>
      <p className="lead">{t('receiveIntro')}</p>
      {mode === 'review' && procedure && unit ? (
        <section className="section" aria-labelledby={`${ids}-review`}>
          <h2 id={`${ids}-review`} tabIndex={-1} data-focus="review">{t('reviewTitle')}</h2>
          <p>{t('reviewIntro')}</p>
          <dl className="facts">
            <dt>{tp('procedure')}</dt><dd>{procedure.name} ({procedure.code})</dd>
            <dt>{t('name')}</dt><dd>{applicant.name}</dd>
            <dt>{t('personalId')}</dt><dd>{applicant.personalId}</dd>
            {applicant.birthDate && <><dt>{t('birthDate')}</dt><dd>{applicant.birthDate.split('-').reverse().join('/')}</dd></>}
            <dt>{t('phone')}</dt><dd>{applicant.phone}</dd>
            {applicant.email && <><dt>{t('email')}</dt><dd>{applicant.email}</dd></>}
            {applicant.address && <><dt>{t('address')}</dt><dd>{applicant.address}</dd></>}
            <dt>{t('commune')}</dt><dd>{unit.name}</dd>
            <dt>{t('stepPapers')}</dt>
            <dd>
              {t('reviewPapers', { count: papersToSend(rows).length })}
              <ul>{rows.filter((r) => r.included).map((r) => <li key={r.key}>{r.name} — {t('paperOriginals')}: {r.originals}, {t('paperCopies')}: {r.copies}, {t(`source_${r.source}`)}</li>)}</ul>
            </dd>
            {fields.filter((f) => values[f.key] !== undefined && values[f.key] !== '' && values[f.key] !== false).map((f) => (
              <div key={f.key} className="facts__row"><dt>{f.title}</dt><dd>{values[f.key] === true ? t('yes') : String(values[f.key])}</dd></div>
            ))}
          </dl>
          {errorNotice}
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={() => void submit()} disabled={busy}>{busy ? t('submitting') : t('submit')}</button>
            <button type="button" className="button button--quiet" onClick={() => { setMode('edit'); focus('edit'); }} disabled={busy}>{t('edit')}</button>
          </div>
        </section>
      ) : (
        <form ref={form} className="form" onSubmit={toReview} noValidate aria-describedby={`${ids}-errors`}>
          <section className="section" aria-labelledby={`${ids}-s1`}>
            <h2 id={`${ids}-s1`}>{t('stepProcedure')}</h2>
            {procedure ? (
              <div>
                <p><strong>{t('procedureChosen')}:</strong> {procedure.name} ({procedure.code})</p>
                <p>{t('duration', { duration: durationText(t, procedure) })} · {t('fees', { fees: feesText(t, procedure) })}</p>
                <button type="button" className="button button--quiet" onClick={() => { setProcedure(null); setRows([]); }}>{t('procedureChange')}</button>
              </div>
            ) : (
              <>
                <ProcedurePicker onChoose={(code) => void chooseProcedure(code)} />
                {procedureLoading && <p role="status">{t('procedureLoading')}</p>}
                {errorOf('procedure') && <p className="field__error">{errorOf('procedure')}</p>}
              </>
            )}
          </section>

          <section className="section" aria-labelledby={`${ids}-s2`}>
            <h2 id={`${ids}-s2`}>{t('stepApplicant')}</h2>
            <div className="qr-row">
              <Field label={t('qr')} hint={t('qrHint')} value={qr} autoComplete="off" spellCheck={false}
                onChange={(e) => setQr(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); fillFromQr(); } }} />
              <button type="button" className="button button--quiet" onClick={fillFromQr}>{t('qrFill')}</button>
            </div>
            <Notice tone={qrMessage?.tone ?? 'success'}>{qrMessage?.text}</Notice>
            <div className="form-grid">
              <Field label={t('personalId')} value={applicant.personalId} inputMode="numeric" maxLength={12} autoComplete="off" required
                error={errorOf('personalId')} onChange={(e) => updateApplicant({ ...applicant, personalId: e.target.value.replace(/\D/g, '') })} />
              <Field label={t('name')} value={applicant.name} autoComplete="off" required error={errorOf('name')}
                onChange={(e) => updateApplicant({ ...applicant, name: e.target.value })} />
              <Field label={t('birthDate')} type="date" value={applicant.birthDate} max={today}
                onChange={(e) => updateApplicant({ ...applicant, birthDate: e.target.value })} />
              <Field label={t('phone')} hint={t('phoneHint')} type="tel" value={applicant.phone} autoComplete="off" required error={errorOf('phone')}
                onChange={(e) => updateApplicant({ ...applicant, phone: e.target.value })} />
              <Field label={t('email')} type="email" value={applicant.email} autoComplete="off"
                onChange={(e) => updateApplicant({ ...applicant, email: e.target.value })} />
              <Field label={t('address')} value={applicant.address} autoComplete="off"
                onChange={(e) => updateApplicant({ ...applicant, address: e.target.value })} />
            </div>
            <CommunePicker value={unit} onChange={setUnit} validOn={today} error={errorOf('unit')} />
          </section>

          <section className="section" aria-labelledby={`${ids}-s3`}>
            <h2 id={`${ids}-s3`}>{t('stepPapers')}</h2>
            {!procedure ? <p>{t('procedureRequired')}</p> : rows.length === 0 ? <p>{t('papersNone')}</p> : (
              <>
                <p>{t('papersIntro')}</p>
                <div className="table-scroll">
                  <table className="dossier-table checklist">
                    <caption>{t('papersCaption')}</caption>
                    <thead>
                      <tr><th scope="col">{t('paperInclude')}</th><th scope="col">{t('paperName')}</th><th scope="col">{t('paperOriginals')}</th><th scope="col">{t('paperCopies')}</th><th scope="col">{t('paperSource')}</th></tr>
                    </thead>
                    <tbody>
                      {rows.map((r, i) => {
                        const short = `${i + 1}`;
                        const missing = errorOf(`paper:${r.key}`);
                        return (
                          <tr key={r.key}>
                            <td><input type="checkbox" checked={r.included} aria-label={t('paperIncludeLabel', { name: short })} aria-describedby={`${ids}-p${i}`}
                              aria-invalid={missing ? true : undefined} onChange={(e) => setRow(r.key, { included: e.target.checked })} /></td>
                            <td id={`${ids}-p${i}`}>{short}. {r.name} {r.required && <span className="req">({t('paperRequired')})</span>}{r.note && <span className="field__hint"> — {r.note}</span>}</td>
                            <td><input type="number" min={0} max={100} value={r.originals} aria-label={t('paperOriginalsLabel', { name: short })}
                              onChange={(e) => setRow(r.key, { originals: Number(e.target.value) || 0 })} /></td>
                            <td><input type="number" min={0} max={100} value={r.copies} aria-label={t('paperCopiesLabel', { name: short })}
                              onChange={(e) => setRow(r.key, { copies: Number(e.target.value) || 0 })} /></td>
                            <td>
                              <select value={r.source} aria-label={t('paperSourceLabel', { name: short })} onChange={(e) => setRow(r.key, { source: e.target.value as PaperSource })}>
                                {paperSources.map((s) => <option key={s} value={s}>{t(`source_${s}`)}</option>)}
                              </select>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>

          <section className="section" aria-labelledby={`${ids}-s4`}>
            <h2 id={`${ids}-s4`}>{t('stepForm')}</h2>
            {!procedure ? <p>{t('procedureRequired')}</p> : fields.length === 0 ? <p>{t('formNone')}</p> : (
              <>
                <p>{t('formIntro')}</p>
                <div className="form-grid">
                  {fields.map((f) => (
                    <EformInput key={f.key} field={f} value={values[f.key]} error={errorOf(`form:${f.key}`)}
                      onChange={(v) => setValues((vs) => ({ ...vs, [f.key]: v }))} />
                  ))}
                </div>
              </>
            )}
          </section>

          <section className="section" aria-labelledby={`${ids}-s5`}>
            <h2 id={`${ids}-s5`}>{t('stepReview')}</h2>
            {errorNotice}
            <div className="form__actions">
              <button type="submit" className="button button--primary">{t('review')}</button>
            </div>
          </section>
        </form>
      )}
    </div>
  );
}
