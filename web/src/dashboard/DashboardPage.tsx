// The supervisor's dashboard: totals and shares for a period and unit, breakdowns by level,
// unit, agency, procedure and channel, monthly trends, the worst late procedures and agencies,
// the Decision 766 indicators, and a drill-down from a number to the dossiers behind it.
// Every table has an XLSX export. All texts come from the dashboard bundle (i18n.ts), Vietnamese
// and English.
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDashboardT } from './i18n';
import type { User } from '../api/types';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { formatCivilDate } from '../ui/dates';
import { DateField } from '../ui/DateField';
import { Button } from '../ui/Button';
import { useDocumentTitle } from '../ui/page';
import {
  exportFileUrl, fetchBreakdown, fetchDossiers, fetchIndicators, fetchSummary, fetchTrend, fetchWorstLate, xlsxUrl,
  type BreakdownBy, type ExportKind, type BreakdownRow, type DrillFilter, type DrillRow, type Indicator, type PeriodQuery, type Summary, type TrendPoint,
} from './api';
import { BarChart, LineChart, type Bar, type Series } from './charts';
import { periodPreset, type PresetKind } from './period';
import { vnMidnightOf } from '../../../src/shared/civil-date';
import { BreakdownTable, DataTable, DrillTable, fmt, indicatorColumns, pct } from './tables';
import { BundlePanel } from './BundlePanel';
import { OnlinePanel } from './OnlinePanel';
import './dashboard.css';
import { PostalPanel } from './PostalPanel';
import { useExportJob } from './useExportJob';
import { QueuePanel } from './QueuePanel';

const breakdowns = ['channel', 'level', 'unit', 'agency', 'receiving', 'procedure'] as const satisfies readonly BreakdownBy[];
const channelOf: Record<string, DrillFilter['channel']> = { online: 'online', postal: 'postal', counter: 'counter' };
type Level = NonNullable<DrillFilter['level']>;
const levels: readonly Level[] = ['province', 'district', 'commune', 'central'];

/** The dossiers behind a breakdown row's received number, when the server can list them. */
function receivedDrillOf(by: BreakdownBy, row: BreakdownRow): DrillFilter | null {
  switch (by) {
    case 'channel': {
      const channel = channelOf[row.key];
      return channel ? { kind: 'received', channel } : null;
    }
    case 'procedure': return { kind: 'received', procedure: row.key };
    case 'agency': return { kind: 'received', agency: Number(row.key) };
    case 'receiving': return /^\d+$/.test(row.key) ? { kind: 'received', receiving: Number(row.key) } : null;
    // the dossiers decided by the agencies of the row's own unit (not the units below it)
    case 'unit': return /^\d+$/.test(row.key) ? { kind: 'received', agencyUnit: row.key } : null;
    case 'level': return levels.includes(row.key as Level) ? { kind: 'received', level: row.key as Level } : null;
    default: return null;
  }
}

interface Data {
  readonly summary: Summary;
  /** What `breakdown` is broken down by (the tab chosen when it was fetched). */
  readonly by: BreakdownBy;
  readonly breakdown: readonly BreakdownRow[];
  readonly trend: readonly TrendPoint[];
  readonly lateProcedures: readonly BreakdownRow[];
  readonly lateAgencies: readonly BreakdownRow[];
  readonly indicators: readonly Indicator[];
  readonly notes: readonly string[];
}

function Number_({ label, value, hint, onOpen }: { readonly label: string; readonly value: string; readonly hint?: string; readonly onOpen?: () => void }) {
  const t = useDashboardT();
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      {onOpen ? <button type="button" className="kpi-value linklike" onClick={onOpen} title={t('openDossiers')}>{value}</button> : <div className="kpi-value">{value}</div>}
      {hint ? <div className="kpi-hint">{hint}</div> : null}
    </div>
  );
}

export function DashboardPage({ user }: { readonly user: User }) {
  const { t: tApp } = useTranslation();
  const t = useDashboardT();
  useDocumentTitle(t('title'));
  const drillId = useId();
  const [preset, setPreset] = useState<PresetKind>('year');
  const [query, setQuery] = useState<PeriodQuery>(() => periodPreset('year', new Date()));
  const [draft, setDraft] = useState<PeriodQuery>(query);
  const [by, setBy] = useState<BreakdownBy>('channel');
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [drill, setDrill] = useState<{ title: string; filter: DrillFilter; rows: DrillRow[]; next: string | null } | null>(null);
  // an export runs as a job on the server: its progress polled until it is done or failed
  const { job: exportJob, start, running: exporting } = useExportJob(setError);
  const startExport = (kind: ExportKind) => start(query, kind);

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([fetchSummary(query), fetchBreakdown(query, by), fetchTrend(query), fetchWorstLate(query, 'procedure'), fetchWorstLate(query, 'agency'), fetchIndicators(query)])
      .then(([summary, breakdown, trend, lp, la, ind]) => {
        if (live) setData({ summary, by, breakdown: breakdown.rows, trend: trend.points, lateProcedures: lp.rows, lateAgencies: la.rows, indicators: ind.indicators, notes: ind.notes });
      })
      .catch((e: unknown) => { if (live) setError(e); });
    return () => { live = false; };
  }, [query, by]);

  const openDrill = useCallback((title: string, filter: DrillFilter) => {
    fetchDossiers(query, filter).then((r) => setDrill({ title, filter, rows: r.items, next: r.next })).catch(setError);
  }, [query]);
  const byLabel = (b: BreakdownBy) => t(`by_${b}`);
  const openReceived = useCallback((by: BreakdownBy, row: BreakdownRow): (() => void) | undefined => {
    const filter = receivedDrillOf(by, row);
    return filter ? () => openDrill(t('drill_row', { label: row.label }), filter) : undefined;
  }, [openDrill, t]);
  // memoised so that typing in the filters does not redraw the charts
  const breakdownBars = useMemo((): Bar[] => (data ? data.breakdown.slice(0, 20).map((r) => ({ label: r.label, value: r.received, onSelect: openReceived(data.by, r) })) : []), [data, openReceived]);
  const trend = useMemo(() => {
    const month = (p: TrendPoint, key: 'chart_monthShort' | 'chart_monthLong') => {
      const [year = '', mm = ''] = p.month.split('-');
      return t(key, { month: Number(mm), year });
    };
    const points = data?.trend ?? [];
    const series: Series[] = [
      { name: t('chart_received'), values: points.map((p) => p.received) },
      { name: t('chart_resolved'), values: points.map((p) => p.resolved) },
      { name: t('chart_online'), values: points.map((p) => p.online) },
    ];
    return { labels: points.map((p) => month(p, 'chart_monthShort')), longLabels: points.map((p) => month(p, 'chart_monthLong')), series };
  }, [data, t]);
  const more = () => {
    if (!drill?.next) return;
    fetchDossiers(query, drill.filter, drill.next).then((r) => setDrill({ ...drill, rows: [...drill.rows, ...r.items], next: r.next })).catch(setError);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.to || (preset === 'custom' && !draft.from)) return; // the date field says what is wrong
    setDrill(null);
    setQuery(preset === 'custom' ? draft : { ...periodPreset(preset, new Date(vnMidnightOf(draft.to) + 720 * 60_000)), ...(draft.unit ? { unit: draft.unit } : {}), ...(draft.asOf ? { asOf: draft.asOf } : {}) });
  };
  const s = data?.summary;
  return (
    <section className="dashboard">
      <h1>{t('heading')}</h1>
      <p className="muted">{t('intro', { name: user.fullName })}</p>
      <form className="dash-filters no-print" onSubmit={submit}>
        <label>{t('period')}
          <select value={preset} onChange={(e) => setPreset(e.target.value as PresetKind)}>
            {(['month', 'quarter', 'year', 'custom'] as const).map((k) => <option key={k} value={k}>{t(`preset_${k}`)}</option>)}
          </select>
        </label>
        <DateField label={preset === 'custom' ? t('fromDate') : t('periodContaining')} value={preset === 'custom' ? draft.from : draft.to}
          onChange={(day) => setDraft(preset === 'custom' ? { ...draft, from: day } : { ...draft, to: day })} required />
        {preset === 'custom' ? <DateField label={t('toDate')} value={draft.to} onChange={(day) => setDraft({ ...draft, to: day })} required /> : null}
        <label>{t('unitCode')}
          <input value={draft.unit ?? ''} onChange={(e) => setDraft({ ...draft, unit: e.target.value.trim() || undefined })} pattern="[0-9A-Za-z@]*" inputMode="numeric" />
        </label>
        <fieldset className="asof">
          <legend>{t('asOfLegend')}</legend>
          <label><input type="radio" name="asOf" checked={(draft.asOf ?? 'was') === 'was'} onChange={() => setDraft({ ...draft, asOf: 'was' })} /> {t('asOfWas')}</label>
          <label><input type="radio" name="asOf" checked={draft.asOf === 'is'} onChange={() => setDraft({ ...draft, asOf: 'is' })} /> {t('asOfIs')}</label>
        </fieldset>
        <Button kind="primary" type="submit">{t('show')}</Button>
        <Button onClick={() => window.print()}>{t('print')}</Button>
      </form>
      <p className="period">{t('periodLine', { from: formatCivilDate(query.from), to: formatCivilDate(query.to) })}{query.unit ? t('periodUnit', { unit: query.unit }) : ''}; {query.asOf === 'is' ? t('periodAsOfIs') : t('periodAsOfWas')}</p>
      <div className="no-print dash-exports">
        <Button onClick={() => startExport('periodic-pdf')} disabled={exporting}>{t('exportPdf')}</Button>
        <Button onClick={() => startExport('breakdown-xlsx')} disabled={exporting}>{t('exportXlsx')}</Button>
        {exportJob ? (
          <span role="status">
            {exportJob.status === 'done'
              ? <a href={exportFileUrl(exportJob.id)}>{exportJob.kind === 'periodic-pdf' ? t('downloadPdf') : t('downloadXlsx')}</a>
              : exportJob.status === 'failed'
                ? t('exportFailed', { error: exportJob.error ?? '' })
                : <><progress max={100} value={exportJob.progress} aria-label={t('exportProgress')} /> {exportJob.progress}%</>}
          </span>
        ) : null}
      </div>
      {error ? <Notice tone="error">{errorMessage(error, tApp)}</Notice> : null}
      {!data && !error ? <p>{t('loading')}</p> : null}
      {s && data ? (
        <>
          <div className="kpis">
            <Number_ label={t('kpi_received')} value={fmt(s.received)} onOpen={() => openDrill(t('drill_received'), { kind: 'received' })} />
            <Number_ label={t('kpi_online')} value={fmt(s.receivedOnline)} hint={pct(s.onlineShareOfNew)} onOpen={() => openDrill(t('drill_online'), { kind: 'received', channel: 'online' })} />
            <Number_ label={t('kpi_postal')} value={fmt(s.receivedPostal)} hint={pct(s.postalShare)} onOpen={() => openDrill(t('drill_postal'), { kind: 'received', channel: 'postal' })} />
            <Number_ label={t('kpi_resolved')} value={fmt(s.resolved)} hint={t('kpi_resolvedHint', { share: pct(s.onTimeShare) })} onOpen={() => openDrill(t('drill_onTime'), { kind: 'onTime' })} />
            <Number_ label={t('kpi_late')} value={fmt(s.resolvedLate)} hint={pct(s.lateShare)} onOpen={() => openDrill(t('drill_late'), { kind: 'late' })} />
            <Number_ label={t('kpi_inProgress')} value={fmt(s.inProgress)} onOpen={() => openDrill(t('drill_open'), { kind: 'open' })} />
            <Number_ label={t('kpi_provincialCentre')} value={fmt(s.provincialCentreReceived)} />
            <Number_ label={t('kpi_openNow')} value={t('kpi_openNowValue', { n: fmt(s.openNow.onTime + s.openNow.atRisk) })} hint={t('kpi_openNowHint', { atRisk: fmt(s.openNow.atRisk), overdue: fmt(s.openNow.overdue) })} />
            <Number_ label={t('kpi_counter')} value={fmt(s.counterOutcomes.guidance + s.counterOutcomes.incomplete + s.counterOutcomes.refused)}
              hint={t('kpi_counterHint', { guidance: fmt(s.counterOutcomes.guidance), incomplete: fmt(s.counterOutcomes.incomplete), refused: fmt(s.counterOutcomes.refused) })} />
            <Number_ label={t('kpi_average')} value={s.averageResolutionWorkingDays === null ? '—' : t('kpi_averageValue', { days: s.averageResolutionWorkingDays.toLocaleString('vi-VN') })} />
          </div>
          <p className="no-print"><a href={xlsxUrl('summary', query)}>{t('downloadSummary')}</a></p>
          <OnlinePanel from={query.from} to={query.to} />
          <BundlePanel query={query} />

          <h2>{t('byHeading', { by: byLabel(data.by).toLocaleLowerCase() })}</h2>
          <div className="no-print tabs" role="tablist">
            {breakdowns.map((b) => (
              <button key={b} type="button" role="tab" aria-selected={b === by} onClick={() => setBy(b)}>{byLabel(b)}</button>
            ))}
          </div>
          <BarChart title={t('chart_breakdownTitle', { by: byLabel(data.by).toLocaleLowerCase() })}
            categoryName={byLabel(data.by)} valueName={t('chart_receivedAxis')} bars={breakdownBars} />
          <BreakdownTable rows={data.breakdown} onOpen={(r) => openReceived(data.by, r)} />
          <p className="no-print"><a href={xlsxUrl('breakdown', query, { by })}>{t('downloadTable')}</a></p>

          <h2>{t('trendHeading')}</h2>
          <LineChart title={t('chart_trendTitle')} categoryName={t('chart_monthAxis')} valueName={t('chart_dossiersAxis')}
            labels={trend.labels} longLabels={trend.longLabels} series={trend.series} />
          <p className="no-print"><a href={xlsxUrl('trend', query)}>{t('downloadTable')}</a></p>

          <h2>{t('lateProceduresHeading')}</h2>
          <BreakdownTable rows={data.lateProcedures} />
          <p className="no-print"><a href={xlsxUrl('late', query, { by: 'procedure' })}>{t('downloadTable')}</a></p>
          <h2>{t('lateAgenciesHeading')}</h2>
          <BreakdownTable rows={data.lateAgencies} />
          <p className="no-print"><a href={xlsxUrl('late', query, { by: 'agency' })}>{t('downloadTable')}</a></p>

          <h2>{t('indicatorsHeading')}</h2>
          <DataTable columns={indicatorColumns(t)} rows={data.indicators} rowKey={(i) => i.code} />
          <ul className="muted">{data.notes.map((n) => <li key={n}>{n}</li>)}</ul>
          <p className="no-print"><a href={xlsxUrl('indicators', query)}>{t('downloadTable')}</a></p>
          <PostalPanel query={query} />
        </>
      ) : null}
      <QueuePanel query={query} />
      {drill ? (
        <section className="drill" aria-live="polite" aria-labelledby={`${drillId}-title`}>
          <h2 id={`${drillId}-title`}>{drill.title}</h2>
          <DrillTable rows={drill.rows} />
          {drill.next ? <Button onClick={more}>{t('more')}</Button> : <p className="muted">{t('endOfList', { n: drill.rows.length })}</p>}
        </section>
      ) : null}
    </section>
  );
}
