// "Sự cố và khiếu nại bưu gửi" (issue 13 §8; TT 17/2017/TT-BTTTT art. 8): the dispatcher of a post
// office lists its incidents, records one against a leg by its tracking number, and resolves it
// (with the compensation paid, numbered by the server). Dates dd/mm/yyyy; the table becomes cards
// on a phone.
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { formatCivilDate, formatVnDate } from '../../ui/dates';
import { LoadedView } from '../../ui/Loaded';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { formatVnd } from '../money';
import type { Incident } from './api';
import { useIncidentsT, type IncidentsT } from './i18n';
import { RecordIncidentForm } from './RecordIncidentForm';
import { ResolveIncidentForm } from './ResolveIncidentForm';
import { useIncidents, type Outcome } from './useIncidents';
import '../postal.css';

function outcomeText(t: IncidentsT, o: Outcome): string {
  const trackingNumber = o.incident.trackingNumber;
  if (o.kind === 'recorded') return t('recorded', { trackingNumber, resolveBy: formatCivilDate(o.incident.resolveBy) });
  return o.incident.compensation ? t('resolvedWithCompensation', { trackingNumber, number: o.incident.compensation.number }) : t('resolved', { trackingNumber });
}

function IncidentTable({ items, onResolve }: { readonly items: readonly Incident[]; readonly onResolve: ((i: Incident) => void) | null }) {
  const t = useIncidentsT();
  return (
    <DataTable caption={t('caption')} rows={items} rowKey={(i) => String(i.id)} columns={[
      { key: 'n', header: t('col_tracking'), rowHeader: true, noWrap: true, cell: (i) => i.trackingNumber },
      { key: 'kind', header: t('col_kind'), cell: (i) => i.kindLabel },
      { key: 'who', header: t('col_dossier'), cell: (i) => <>{i.applicantName}<br />{i.procedureName}</> },
      { key: 'at', header: t('col_reported'), noWrap: true, cell: (i) => formatVnDate(i.reportedAt) },
      { key: 'by', header: t('col_resolveBy'), noWrap: true, cell: (i) => <>{formatCivilDate(i.resolveBy)}{i.overdue && i.status === 'open' ? <> <span className="badge badge--late">{t('overdue')}</span></> : null}</> },
      onResolve
        ? { key: 'act', header: t('col_action'), cell: (i) => <Button kind="primary" onClick={() => onResolve(i)} aria-label={`${t('resolve')} ${i.trackingNumber}`}>{t('resolve')}</Button> }
        : { key: 'out', header: t('col_outcome'), cell: (i) => <>{i.resolution}{i.compensation ? <><br />{t('compensationLine', { amount: formatVnd(i.compensation.amountVnd), number: i.compensation.number })}</> : null}</> },
    ]} />
  );
}

export function IncidentsPage() {
  const t = useIncidentsT();
  const s = useIncidents();
  return (
    <div className="courier incidents">
      <PageHeading title={t('title')} lead={t('lead')} />
      {s.outcome && <Notice tone="success">{outcomeText(t, s.outcome)}</Notice>}
      {s.resolving && (
        <ResolveIncidentForm key={s.resolving.id} incident={s.resolving} busy={s.resolveTask.busy} error={s.resolveTask.error}
          onResolve={s.resolve} onCancel={() => s.choose(null)} />
      )}
      <section className="section" aria-labelledby="incidents-list-h">
        <h2 id="incidents-list-h">{t('listHeading')}</h2>
        <fieldset className="choice choice--inline">
          <legend>{t('statusLegend')}</legend>
          {(['open', 'resolved'] as const).map((st) => (
            <label key={st} className="choice__option">
              <input type="radio" name="incident-status" checked={s.status === st} onChange={() => { s.choose(null); s.setStatus(st); }} />
              <span>{t(`status_${st}`)}</span>
            </label>
          ))}
        </fieldset>
        <LoadedView loaded={s.loaded} loadingText={t('loading')}>
          {(items) => (items.length === 0
            ? <p>{t(`none_${s.status}`)}</p>
            : <IncidentTable items={items} onResolve={s.status === 'open' ? s.choose : null} />)}
        </LoadedView>
      </section>
      <section className="section courier-step">
        <RecordIncidentForm busy={s.recordTask.busy} error={s.recordTask.error} onRecord={s.record} />
      </section>
    </div>
  );
}
