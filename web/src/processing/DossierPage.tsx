// One dossier: header (code, procedure, status, due time, working time left), the actions this
// user may take now (each confirmed in a dialog), slips, steps, timeline, papers and form data.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userCan, type User } from '../api/types';
import { request } from '../api/client';
import { paths } from '../routes';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { PickupLink } from '../appointments/PickupLink';
import { Button, type ButtonKind } from '../ui/Button';
import { formatCivilDate, vnTimeParts } from '../ui/dates';
import { ActionDialog } from './ActionDialog';
import { IntakeFacts } from './IntakeFacts';
import { DossierPapers } from './DossierPapers';
import { availableSlips, fetchDossier, slipUrl, type ActionResult, type DossierAction, type DossierDetail, type SlipKind } from './api';
import { useProcessingT, type ProcessingT } from './i18n';
import { actionLabelFor, formatAt, formatRemaining, StatusBadge, statusText, TimelinessBadge } from './labels';
import { Timeline } from './Timeline';
import { handedOver, holderOf, orderActions } from './whereabouts';
import './processing.css';
import { ResultFilesPart } from '../documents/ResultFilesPart';
import { DossierForwardPart } from '../postal/DossierForwardPart';
import { DossierTransfersPart } from '../postal/DossierTransfersPart';
import { HandoffSteps } from './HandoffSteps';
import { WaitingFor } from './WaitingFor';
import { actionsLeft, useBundleMember } from './bundle-member/useBundleMember';
import { BundleMemberNote, waitedForName } from './bundle-member/BundleMemberNote';

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly dossier: DossierDetail };

/** The dossier code of a `/xu-ly/ho-so/<code>` path. */
export function dossierCodeOf(path: string): string {
  return decodeURIComponent(path.slice(paths.processingDossier.length + 1));
}

export const dossierPath = (code: string) => `${paths.processingDossier}/${encodeURIComponent(code)}`;

/**
 * The slips a citizen is offered: those addressed to the applicant (receipt, supplement request,
 * refusal, apology, stop notice). Not the control slip (form 05/06, the agencies' hand-over record,
 * which the server refuses to applicants).
 */
const citizenSlips: readonly SlipKind[] = ['receipt', 'supplement', 'refusal', 'apology', 'stop'];

type FieldTitles = Readonly<Record<string, string>>;

function useFieldTitles(procedureCode: string | null): FieldTitles {
  const [titles, setTitles] = useState<FieldTitles>({});
  useEffect(() => {
    if (!procedureCode) return;
    const controller = new AbortController();
    request<{ eformSchema?: { properties?: Record<string, { title?: string }> } }>('GET', `/api/v1/procedures/${encodeURIComponent(procedureCode)}`, { signal: controller.signal })
      .then((p) => {
        const out: Record<string, string> = {};
        for (const [key, s] of Object.entries(p.eformSchema?.properties ?? {})) if (typeof s.title === 'string') out[key] = s.title;
        setTitles(out);
      }, () => undefined); // titles are a nicety: keys are shown without them
    return () => controller.abort();
  }, [procedureCode]);
  return titles;
}

/** A form value as read: yes/no marks, a civil date as dd/mm/yyyy, text and numbers as they are. */
const show = (v: unknown): string => (typeof v === 'boolean' ? (v ? '✓' : '✗') : typeof v === 'string' ? formatCivilDate(v)
  : typeof v === 'number' ? String(v) : JSON.stringify(v));

function Summary({ t, d }: { readonly t: ProcessingT; readonly d: DossierDetail }) {
  return (
    <dl className="facts">
      <dt>{t('procedure')}</dt><dd>{d.procedure.name} ({d.procedure.code})</dd>
      {d.bundle && <><dt>{t('partOfBundle')}</dt><dd><Link to={`${paths.processingBundle}/${encodeURIComponent(d.bundle)}`}>{d.bundle}</Link></dd></>}
      <dt>{t('status')}</dt><dd><StatusBadge t={t} status={d.status} /></dd>
      <Whereabouts t={t} d={d} />
      <dt>{t('applicant')}</dt><dd>{d.applicant.name}</dd>
      <dt>{t('receivingAgency')}</dt><dd>{d.receivingPoint?.name ?? d.receivingAgency.name}</dd>
      <dt>{t('competentAgency')}</dt><dd>{d.competentAgency.name}</dd>
      <dt>{t('receivedAt')}</dt><dd>{formatAt(t, d.receivedAt)}</dd>
      <dt>{t('dueAt')}</dt><dd>{formatAt(t, d.dueAt)} {d.timeliness && <TimelinessBadge t={t} value={d.timeliness} />}</dd>
      {d.originalDueAt && <><dt>{t('originalDueAt')}</dt><dd>{formatAt(t, d.originalDueAt)}</dd></>}
      {d.remainingWorkingMinutes !== null && <><dt>{t('remainingTime')}</dt><dd>{formatRemaining(t, d.remainingWorkingMinutes)}</dd></>}
      <IntakeFacts d={d} />
    </dl>
  );
}

/** Where the dossier is now: the receiving one-stop, the competent agency, or the applicant. */
function Whereabouts({ t, d }: { readonly t: ProcessingT; readonly d: DossierDetail }) {
  const holder = holderOf(d.status);
  if (holder === 'none') return null;
  const name = holder === 'agency' ? d.competentAgency.name : d.receivingPoint?.name ?? d.receivingAgency.name;
  const given = handedOver(d);
  const when = given ? vnTimeParts(given.at) : null;
  return (
    <>
      <dt>{t('holder')}</dt><dd className="facts__where">{t(`holder_${holder}`, { name })}</dd>
      {given && when && <><dt>{t('handedOverHeading')}</dt><dd data-testid="handed-over">{t('handedOverTo', { name: given.agencyName, date: when.date, time: when.time })}</dd></>}
    </>
  );
}

/** One primary action (the step that moves the dossier on), the others secondary, the dangerous ones apart in red. */
function ActionButtons({ t, d, onChoose }: { readonly t: ProcessingT; readonly d: DossierDetail; readonly onChoose: (a: DossierAction) => void }) {
  const { primary, others, dangerous } = orderActions(d.allowedActions);
  const button = (a: DossierAction, kind: ButtonKind) => (
    <li key={a}><Button kind={kind} onClick={() => onChoose(a)} data-action={a}>{actionLabelFor(t, a, d)}</Button></li>
  );
  return (
    <>
      {primary && <ul className="action-list">{button(primary, 'primary')}{others.map((a) => button(a, 'secondary'))}</ul>}
      {dangerous.length > 0 && <ul className="action-list action-list--danger">{dangerous.map((a) => button(a, 'danger'))}</ul>}
    </>
  );
}

export function DossierPage({ code, user }: { readonly code: string; readonly user: User }) {
  const t = useProcessingT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('dossierTitle', { code }));
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [dialog, setDialog] = useState<DossierAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const titles = useFieldTitles(loaded.status === 'ready' ? loaded.dossier.procedure.code : null);
  // a bundle's member: only the actions the bundle's rule leaves (src/bundles/member-actions.ts)
  const bundleMember = useBundleMember(loaded.status === 'ready' ? loaded.dossier.bundle : null, code, reload);

  useEffect(() => {
    const controller = new AbortController();
    fetchDossier(code, controller.signal).then(
      (dossier) => setLoaded({ status: 'ready', dossier }),
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [code, reload]);

  const onDone = useCallback((result: ActionResult) => {
    const dossier = loaded.status === 'ready' ? loaded.dossier : null;
    setDone(t('done', { action: dialog && dossier ? actionLabelFor(t, dialog, dossier) : '', status: statusText(t, result.status) }));
    setDialog(null);
    setReload((n) => n + 1);
    heading.current?.focus();
  }, [dialog, t, loaded]);

  // a citizen reads their own dossier (the server scopes it and filters its timeline)
  const isCitizen = userCan(user, 'portal.self');
  const back = isCitizen ? { path: paths.myDossiers, text: tApp('capabilities.myDossiers.title') }
    : userCan(user, 'dossiers.receive') ? { path: paths.dossierSearch, text: t('searchTitle') }
    : { path: paths.processingQueue, text: t('backToQueue') };
  return (
    <div className="dossier-page">
      <p><Link to={back.path}>← {back.text}</Link></p>
      <h1 tabIndex={-1} ref={heading}>{t('dossierTitle', { code })}</h1>
      <Notice tone="success">{done}</Notice>
      {loaded.status === 'loading' && <p role="status">{t('dossierLoading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {loaded.status === 'ready' && (() => {
        const d = { ...loaded.dossier, allowedActions: actionsLeft(loaded.dossier.allowedActions, bundleMember) };
        const slips = availableSlips(d).filter((k) => !isCitizen || citizenSlips.includes(k));
        const formEntries = Object.entries(d.formData);
        return (
          <>
            <Summary t={t} d={d} />
            <section aria-labelledby="actions-title" className="section">
              <h2 id="actions-title">{t('actionsTitle')}</h2>
              {d.waitingFor !== null && <p><WaitingFor code={d.waitingFor} name={waitedForName(bundleMember)} hint /></p>}
              {d.allowedActions.length === 0
                ? d.waitingFor === null && <p>{t('noActions')}</p>
                : <ActionButtons t={t} d={d} onChoose={(a) => { setDone(null); setDialog(a); }} />}
              <BundleMemberNote load={bundleMember} />
              {isCitizen && <PickupLink dossier={d} />}
            </section>
            {slips.length > 0 && (
              <section aria-labelledby="slips-title" className="section">
                <h2 id="slips-title">{t('slipsTitle')}</h2>
                <ul className="plain-list">
                  {slips.map((k) => <li key={k}><a href={slipUrl(d.code, k)} target="_blank" rel="noopener" data-slip={k}>{t(`slip_${k}`)} {t('slipPdf')}</a></li>)}
                </ul>
              </section>
            )}
            <ResultFilesPart code={d.code} user={user} canAttach={d.allowedActions.includes('attachResult')} onAttached={() => setReload((n) => n + 1)} />
            {!isCitizen && <DossierForwardPart code={d.code} user={user} />}
            {!isCitizen && <DossierTransfersPart code={d.code} user={user} />}
            {d.steps.length > 0 && (
              <section aria-labelledby="steps-title">
                <h2 id="steps-title">{t('stepsTitle')}</h2>
                <ol>{d.steps.map((s) => <li key={s.key}>{s.name} — {t('stepDue', { time: formatAt(t, s.dueAt) })}</li>)}</ol>
              </section>
            )}
            <section aria-labelledby="timeline-title">
              <h2 id="timeline-title">{t('timelineTitle')}</h2>
              <Timeline t={t} entries={d.timeline} />
            </section>
            <HandoffSteps t={t} rows={d.controlSlip} />
            <DossierPapers t={t} papers={d.papers} />
            <section aria-labelledby="form-title">
              <h2 id="form-title">{t('formDataTitle')}</h2>
              {formEntries.length === 0 ? <p>{t('formDataEmpty')}</p> : (
                <dl className="facts">
                  {formEntries.map(([k, v]) => <div key={k} className="facts__row"><dt>{titles[k] ?? k}</dt><dd>{show(v)}</dd></div>)}
                </dl>
              )}
            </section>
            {dialog && <ActionDialog dossier={d} action={dialog} onDone={onDone} onClose={() => setDialog(null)} asApplicant={isCitizen} />}
          </>
        );
      })()}
    </div>
  );
}
