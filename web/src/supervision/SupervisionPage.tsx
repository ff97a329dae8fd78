// Supervision for supervisors and approvers: notifications from the escalation job, the at-risk
// and overdue lists (least working time left first, page by page), progress per officer over a
// period, and the integrity check of the processing log for a period.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { periodPreset } from '../dashboard/period';
import { dossierPath } from '../processing/DossierPage';
import { useProcessingT } from '../processing/i18n';
import { formatAt, formatRemaining, StatusBadge } from '../processing/labels';
import '../processing/processing.css';
import { errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { Link } from '../ui/router';
import {
  fetchNotifications, fetchOfficers, fetchSupervised, markAllRead, verifyAudit,
  type AuditReport, type NotificationItem, type OfficerWorkload, type SupervisedDossier,
} from './api';
import { useSupervisionT } from './i18n';
import { Button } from '../ui/Button';

type Loaded<T> = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | ({ readonly status: 'ready' } & T);

function Notifications() {
  const t = useSupervisionT();
  const { t: tApp } = useTranslation();
  const tp = useProcessingT();
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded<{ items: readonly NotificationItem[]; unread: number }>>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    fetchNotifications(controller.signal).then(
      (r) => setLoaded({ status: 'ready', ...r }),
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [reload]);
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notifications')}</h2>
      {loaded.status === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {loaded.status === 'ready' && (loaded.items.length === 0 ? <p>{t('notificationsEmpty')}</p> : (
        <>
          <p role="status">{t('unread', { count: loaded.unread })}</p>
          <ul className="notification-list">
            {loaded.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'notification' : 'notification notification--unread'}>
                <strong>{n.title}</strong> <span className="muted">{formatAt(tp, n.createdAt)}</span>
                <br />{n.body}
                {n.dossierCode && <> <Link to={dossierPath(n.dossierCode)}>{n.dossierCode}</Link></>}
              </li>
            ))}
          </ul>
          {loaded.unread > 0 && (
            <Button kind="secondary" onClick={() => void markAllRead().then(() => setReload((x) => x + 1))}>{t('markAllRead')}</Button>
          )}
        </>
      ))}
    </section>
  );
}

function DossierList({ kind }: { readonly kind: 'at-risk' | 'overdue' }) {
  const t = useSupervisionT();
  const tp = useProcessingT();
  const { t: tApp } = useTranslation();
  const headingId = useId();
  const [items, setItems] = useState<readonly SupervisedDossier[]>([]);
  const [state, setState] = useState<Loaded<{ total: number; next: string | null; threshold: number }>>({ status: 'loading' });
  const load = useCallback((after: string | null, signal?: AbortSignal) => {
    fetchSupervised(kind, after, signal).then(
      (page) => {
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setState({ status: 'ready', total: page.total, next: page.next, threshold: page.thresholdWorkingMinutes });
      },
      (error: unknown) => { if (!signal?.aborted) setState({ status: 'failed', error }); },
    );
  }, [kind]);
  useEffect(() => {
    const controller = new AbortController();
    load(null, controller.signal);
    return () => controller.abort();
  }, [load]);
  const title = kind === 'at-risk' ? t('atRisk') : t('overdue');
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {state.status === 'ready' && <p>{kind === 'at-risk' ? t('atRiskIntro', { hours: Math.round(state.threshold / 60) }) : t('overdueIntro')}</p>}
      {state.status === 'loading' && <p role="status">{t('loading')}</p>}
      {state.status === 'failed' && <Notice tone="error">{errorMessage(state.error, tApp)}</Notice>}
      {state.status === 'ready' && (items.length === 0 ? <p role="status">{t('empty')}</p> : (
        <div className="table-scroll">
          <table className="dossier-table">
            <caption>{title}: {t('listCaption', { shown: items.length, total: state.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colCode')}</th><th scope="col">{t('colProcedure')}</th><th scope="col">{t('colApplicant')}</th>
                <th scope="col">{t('colAgency')}</th><th scope="col">{t('colStatus')}</th><th scope="col">{t('colDue')}</th>
                <th scope="col">{t('colRemaining')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.code}>
                  <td className="num"><Link to={dossierPath(d.code)}>{d.code}</Link></td>
                  <td>{d.procedureCode}</td><td>{d.applicantName}</td><td>{d.agencyName}</td>
                  <td><StatusBadge t={tp} status={d.status} /></td>
                  <td>{formatAt(tp, d.dueAt)}</td>
                  <td className="num">{formatRemaining(tp, d.remainingWorkingMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {state.status === 'ready' && state.next && (
        <Button kind="secondary" onClick={() => load(state.next)}>{t('more')}</Button>
      )}
    </section>
  );
}

function PeriodForm({ from, to, onSubmit, submit, busy = false }: {
  readonly from: string; readonly to: string; readonly submit: string; readonly busy?: boolean;
  readonly onSubmit: (from: string, to: string) => void;
}) {
  const t = useSupervisionT();
  const [f, setF] = useState(from);
  const [tt, setT] = useState(to);
  const [error, setError] = useState<string | null>(null);
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (!f || !tt || f > tt) { setError(t('periodInvalid')); return; }
    setError(null);
    onSubmit(f, tt);
  };
  return (
    <form className="form form--inline" onSubmit={handle} noValidate>
      <Field label={t('from')} type="date" value={f} onChange={(e) => setF(e.target.value)} error={error} required />
      <Field label={t('to')} type="date" value={tt} onChange={(e) => setT(e.target.value)} required />
      <div className="form__actions">
        <Button kind="primary" type="submit" disabled={busy}>{submit}</Button>
      </div>
    </form>
  );
}

function Officers() {
  const t = useSupervisionT();
  const { t: tApp } = useTranslation();
  const headingId = useId();
  const initial = periodPreset('month', new Date());
  const [period, setPeriod] = useState(initial);
  const [state, setState] = useState<Loaded<{ rows: readonly OfficerWorkload[] }>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchOfficers(period.from, period.to, controller.signal).then(
      (r) => setState({ status: 'ready', rows: r.rows }),
      (error: unknown) => { if (!controller.signal.aborted) setState({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [period]);
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('officers')}</h2>
      <p>{t('officersIntro')}</p>
      <PeriodForm from={initial.from} to={initial.to} submit={t('show')} onSubmit={(from, to) => setPeriod({ from, to })} />
      {state.status === 'loading' && <p role="status">{t('loading')}</p>}
      {state.status === 'failed' && <Notice tone="error">{errorMessage(state.error, tApp)}</Notice>}
      {state.status === 'ready' && (state.rows.length === 0 ? <p role="status">{t('officersEmpty')}</p> : (
        <div className="table-scroll">
          <table className="dossier-table">
            <caption>{t('officersCaption', { from: period.from, to: period.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colOfficer')}</th><th scope="col">{t('colAssigned')}</th><th scope="col">{t('colResolved')}</th>
                <th scope="col">{t('colOnTime')}</th><th scope="col">{t('colLate')}</th><th scope="col">{t('colOpen')}</th>
                <th scope="col">{t('colOpenOverdue')}</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{r.assigned}</td><td className="num">{r.resolved}</td><td className="num">{r.onTime}</td>
                  <td className="num">{r.late}</td><td className="num">{r.openNow}</td><td className="num">{r.openOverdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function AuditCheck() {
  const t = useSupervisionT();
  const { t: tApp } = useTranslation();
  const headingId = useId();
  const initial = periodPreset('month', new Date());
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<AuditReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (from: string, to: string) => {
    setBusy(true);
    setReport(null);
    setError(null);
    try {
      setReport(await verifyAudit(from, to));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('audit')}</h2>
      <p>{t('auditIntro')}</p>
      <PeriodForm from={initial.from} to={initial.to} busy={busy} submit={busy ? t('auditRunning') : t('auditRun')} onSubmit={(from, to) => void run(from, to)} />
      <div>
        {report && (report.ok
          ? <Notice tone="success">{t('auditOk', { dossiers: report.dossiers, events: report.events })}</Notice>
          : <Notice tone="error">{t('auditBroken', {
            broken: report.brokenDossiers, dossiers: report.dossiers, code: report.firstBroken?.dossierCode ?? '', seq: report.firstBroken?.seq ?? 0, reason: report.firstBroken?.reason ?? '',
          })}</Notice>)}
      </div>
      {error !== null && <Notice tone="error">{errorMessage(error, tApp)}</Notice>}
    </section>
  );
}

export function SupervisionPage({ canVerifyAudit }: { readonly canVerifyAudit: boolean }) {
  const t = useSupervisionT();
  return (
    <div>
      <PageHeading title={t('title')} lead={t('intro')} />
      <Notifications />
      <DossierList kind="overdue" />
      <DossierList kind="at-risk" />
      <Officers />
      {canVerifyAudit && <AuditCheck />}
    </div>
  );
}
