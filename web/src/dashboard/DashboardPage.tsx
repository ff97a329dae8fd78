// The supervisor's dashboard: totals and shares for a period and unit, breakdowns by level,
// unit, agency, procedure and channel, monthly trends, the worst late procedures and agencies,
// the Decision 766 indicators, and a drill-down from a number to the dossiers behind it.
// Every table has an XLSX export. The charts (charts.tsx, Apache ECharts) and their headings take
// their texts from the i18n tables; the rest of the page is still Vietnamese only.
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { formatCivilDate } from '../ui/dates';
import { useDocumentTitle } from '../ui/page';
import {
  exportFileUrl, fetchBreakdown, fetchDossiers, fetchExport, fetchIndicators, fetchSummary, fetchTrend, fetchWorstLate, requestExport, xlsxUrl,
  type BreakdownBy, type ExportKind, type ExportProgress, type BreakdownRow, type DrillFilter, type DrillRow, type Indicator, type PeriodQuery, type Summary, type TrendPoint,
} from './api';
import { BarChart, LineChart, type Bar, type Series } from './charts';
import { periodPreset, type PresetKind } from './period';
import { vnMidnightOf } from '../../../src/shared/civil-date';
import { BreakdownTable, DataTable, DrillTable, fmt, indicatorColumns, pct } from './tables';
import './dashboard.css';

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
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      {onOpen ? <button type="button" className="kpi-value linklike" onClick={onOpen} title="Xem danh sách hồ sơ">{value}</button> : <div className="kpi-value">{value}</div>}
      {hint ? <div className="kpi-hint">{hint}</div> : null}
    </div>
  );
}

export function DashboardPage({ user }: { readonly user: User }) {
  useDocumentTitle('Thống kê, giám sát');
  const { t } = useTranslation();
  const drillId = useId();
  const [preset, setPreset] = useState<PresetKind>('year');
  const [query, setQuery] = useState<PeriodQuery>(() => periodPreset('year', new Date()));
  const [draft, setDraft] = useState<PeriodQuery>(query);
  const [by, setBy] = useState<BreakdownBy>('channel');
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [drill, setDrill] = useState<{ title: string; filter: DrillFilter; rows: DrillRow[]; next: string | null } | null>(null);
  const [exportJob, setExportJob] = useState<ExportProgress | null>(null);

  // an export runs as a job on the server: poll its progress until it is done or failed
  useEffect(() => {
    if (!exportJob || exportJob.status === 'done' || exportJob.status === 'failed') return;
    const timer = setTimeout(() => { fetchExport(exportJob.id).then(setExportJob).catch(setError); }, 1000);
    return () => clearTimeout(timer);
  }, [exportJob]);
  const startExport = (kind: ExportKind) => {
    requestExport(query, kind).then(({ id }) => setExportJob({ id, kind, status: 'queued', progress: 0 })).catch(setError);
  };

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
  const byLabel = (b: BreakdownBy) => t(`dashboard.by.${b}`);
  const openReceived = useCallback((by: BreakdownBy, row: BreakdownRow): (() => void) | undefined => {
    const filter = receivedDrillOf(by, row);
    return filter ? () => openDrill(`Hồ sơ: ${row.label}`, filter) : undefined;
  }, [openDrill]);
  // memoised so that typing in the filters does not redraw the charts
  const breakdownBars = useMemo((): Bar[] => (data ? data.breakdown.slice(0, 20).map((r) => ({ label: r.label, value: r.received, onSelect: openReceived(data.by, r) })) : []), [data, openReceived]);
  const trend = useMemo(() => {
    const month = (p: TrendPoint, key: 'dashboard.chart.monthShort' | 'dashboard.chart.monthLong') => {
      const [year = '', mm = ''] = p.month.split('-');
      return t(key, { month: Number(mm), year });
    };
    const points = data?.trend ?? [];
    const series: Series[] = [
      { name: t('dashboard.chart.received'), values: points.map((p) => p.received) },
      { name: t('dashboard.chart.resolved'), values: points.map((p) => p.resolved) },
      { name: t('dashboard.chart.online'), values: points.map((p) => p.online) },
    ];
    return { labels: points.map((p) => month(p, 'dashboard.chart.monthShort')), longLabels: points.map((p) => month(p, 'dashboard.chart.monthLong')), series };
  }, [data, t]);
  const more = () => {
    if (!drill?.next) return;
    fetchDossiers(query, drill.filter, drill.next).then((r) => setDrill({ ...drill, rows: [...drill.rows, ...r.items], next: r.next })).catch(setError);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDrill(null);
    setQuery(preset === 'custom' ? draft : { ...periodPreset(preset, new Date(vnMidnightOf(draft.to) + 720 * 60_000)), ...(draft.unit ? { unit: draft.unit } : {}), ...(draft.asOf ? { asOf: draft.asOf } : {}) });
  };
  const s = data?.summary;
  return (
    <section className="dashboard">
      <h1>Thống kê, giám sát giải quyết TTHC</h1>
      <p className="muted">{user.fullName} — số liệu tính từ dữ liệu hồ sơ đã lưu, trong phạm vi được giao.</p>
      <form className="dash-filters no-print" onSubmit={submit}>
        <label>Kỳ
          <select value={preset} onChange={(e) => setPreset(e.target.value as PresetKind)}>
            <option value="month">Tháng</option><option value="quarter">Quý</option><option value="year">Năm</option><option value="custom">Tùy chọn</option>
          </select>
        </label>
        <label>{preset === 'custom' ? 'Từ ngày' : 'Kỳ chứa ngày'}
          <input type="date" value={preset === 'custom' ? draft.from : draft.to} onChange={(e) => setDraft(preset === 'custom' ? { ...draft, from: e.target.value } : { ...draft, to: e.target.value })} required />
        </label>
        {preset === 'custom' ? <label>Đến ngày <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} required /></label> : null}
        <label>Mã đơn vị (để trống: toàn phạm vi)
          <input value={draft.unit ?? ''} onChange={(e) => setDraft({ ...draft, unit: e.target.value.trim() || undefined })} pattern="[0-9A-Za-z@]*" inputMode="numeric" />
        </label>
        <fieldset className="asof">
          <legend>Đơn vị hành chính</legend>
          <label><input type="radio" name="asOf" checked={(draft.asOf ?? 'was') === 'was'} onChange={() => setDraft({ ...draft, asOf: 'was' })} /> Tại thời điểm tiếp nhận</label>
          <label><input type="radio" name="asOf" checked={draft.asOf === 'is'} onChange={() => setDraft({ ...draft, asOf: 'is' })} /> Theo đơn vị hiện nay</label>
        </fieldset>
        <button type="submit">Xem</button>
        <button type="button" onClick={() => window.print()}>In</button>
      </form>
      <p className="period">Kỳ báo cáo: {formatCivilDate(query.from)} – {formatCivilDate(query.to)}{query.unit ? `, đơn vị ${query.unit}` : ''}; {query.asOf === 'is' ? 'đơn vị hành chính hiện nay (đơn vị cũ được quy đổi)' : 'đơn vị hành chính tại thời điểm tiếp nhận'}</p>
      <div className="no-print dash-exports">
        <button type="button" onClick={() => startExport('periodic-pdf')} disabled={exportJob !== null && (exportJob.status === 'queued' || exportJob.status === 'running')}>Xuất báo cáo định kỳ (PDF)</button>
        <button type="button" onClick={() => startExport('breakdown-xlsx')} disabled={exportJob !== null && (exportJob.status === 'queued' || exportJob.status === 'running')}>Xuất bảng số liệu (XLSX)</button>
        {exportJob ? (
          <span role="status">
            {exportJob.status === 'done'
              ? <a href={exportFileUrl(exportJob.id)}>Tải tệp {exportJob.kind === 'periodic-pdf' ? 'báo cáo (PDF)' : 'số liệu (XLSX)'}</a>
              : exportJob.status === 'failed'
                ? `Xuất không thành công: ${exportJob.error ?? ''}`
                : <><progress max={100} value={exportJob.progress} aria-label="Tiến độ xuất báo cáo" /> {exportJob.progress}%</>}
          </span>
        ) : null}
      </div>
      {error ? <Notice tone="error">{errorMessage(error, t)}</Notice> : null}
      {!data && !error ? <p>Đang tải số liệu…</p> : null}
      {s && data ? (
        <>
          <div className="kpis">
            <Number_ label="Tiếp nhận mới" value={fmt(s.received)} onOpen={() => openDrill('Hồ sơ tiếp nhận trong kỳ', { kind: 'received' })} />
            <Number_ label="Trực tuyến (mức 3–4)" value={fmt(s.receivedOnline)} hint={pct(s.onlineShareOfNew)} onOpen={() => openDrill('Hồ sơ trực tuyến', { kind: 'received', channel: 'online' })} />
            <Number_ label="Qua bưu chính công ích" value={fmt(s.receivedPostal)} hint={pct(s.postalShare)} onOpen={() => openDrill('Hồ sơ qua BCCI', { kind: 'received', channel: 'postal' })} />
            <Number_ label="Đã giải quyết" value={fmt(s.resolved)} hint={`trước/đúng hạn ${pct(s.onTimeShare)}`} onOpen={() => openDrill('Hồ sơ giải quyết đúng hạn', { kind: 'onTime' })} />
            <Number_ label="Giải quyết quá hạn" value={fmt(s.resolvedLate)} hint={pct(s.lateShare)} onOpen={() => openDrill('Hồ sơ giải quyết quá hạn', { kind: 'late' })} />
            <Number_ label="Đang giải quyết cuối kỳ" value={fmt(s.inProgress)} onOpen={() => openDrill('Hồ sơ đang giải quyết cuối kỳ', { kind: 'open' })} />
            <Number_ label="Trung tâm PVHCC tỉnh tiếp nhận" value={fmt(s.provincialCentreReceived)} />
            <Number_ label="Hiện đang xử lý" value={`${fmt(s.openNow.onTime + s.openNow.atRisk)} trong hạn`} hint={`${fmt(s.openNow.atRisk)} sắp đến hạn · ${fmt(s.openNow.overdue)} quá hạn (như trang Giám sát)`} />
            <Number_ label="Kết thúc tại quầy (chưa tiếp nhận)" value={fmt(s.counterOutcomes.guidance + s.counterOutcomes.incomplete + s.counterOutcomes.refused)}
              hint={`hướng dẫn ${fmt(s.counterOutcomes.guidance)} · yêu cầu bổ sung (mẫu 02) ${fmt(s.counterOutcomes.incomplete)} · từ chối tiếp nhận (mẫu 03) ${fmt(s.counterOutcomes.refused)}`} />
            <Number_ label="Thời gian giải quyết TB" value={s.averageResolutionWorkingDays === null ? '—' : `${s.averageResolutionWorkingDays.toLocaleString('vi-VN')} ngày LV`} />
          </div>
          <p className="no-print"><a href={xlsxUrl('summary', query)}>Tải bảng tổng hợp (XLSX)</a></p>

          <h2>{t('dashboard.byHeading', { by: byLabel(data.by).toLocaleLowerCase() })}</h2>
          <div className="no-print tabs" role="tablist">
            {breakdowns.map((b) => (
              <button key={b} type="button" role="tab" aria-selected={b === by} onClick={() => setBy(b)}>{byLabel(b)}</button>
            ))}
          </div>
          <BarChart title={t('dashboard.chart.breakdownTitle', { by: byLabel(data.by).toLocaleLowerCase() })}
            categoryName={byLabel(data.by)} valueName={t('dashboard.chart.receivedAxis')} bars={breakdownBars} />
          <BreakdownTable rows={data.breakdown} onOpen={(r) => openReceived(data.by, r)} />
          <p className="no-print"><a href={xlsxUrl('breakdown', query, { by })}>Tải bảng (XLSX)</a></p>

          <h2>{t('dashboard.trendHeading')}</h2>
          <LineChart title={t('dashboard.chart.trendTitle')} categoryName={t('dashboard.chart.monthAxis')} valueName={t('dashboard.chart.dossiersAxis')}
            labels={trend.labels} longLabels={trend.longLabels} series={trend.series} />
          <p className="no-print"><a href={xlsxUrl('trend', query)}>Tải bảng (XLSX)</a></p>

          <h2>Thủ tục có nhiều hồ sơ quá hạn nhất</h2>
          <BreakdownTable rows={data.lateProcedures} />
          <p className="no-print"><a href={xlsxUrl('late', query, { by: 'procedure' })}>Tải bảng (XLSX)</a></p>
          <h2>Cơ quan có nhiều hồ sơ quá hạn nhất</h2>
          <BreakdownTable rows={data.lateAgencies} />
          <p className="no-print"><a href={xlsxUrl('late', query, { by: 'agency' })}>Tải bảng (XLSX)</a></p>

          <h2>Bộ chỉ số theo Quyết định 766/QĐ-TTg</h2>
          <DataTable columns={indicatorColumns} rows={data.indicators} rowKey={(i) => i.code} />
          <ul className="muted">{data.notes.map((n) => <li key={n}>{n}</li>)}</ul>
          <p className="no-print"><a href={xlsxUrl('indicators', query)}>Tải bảng (XLSX)</a></p>
        </>
      ) : null}
      {drill ? (
        <section className="drill" aria-live="polite" aria-labelledby={`${drillId}-title`}>
          <h2 id={`${drillId}-title`}>{drill.title}</h2>
          <DrillTable rows={drill.rows} />
          {drill.next ? <button type="button" onClick={more}>Xem thêm</button> : <p className="muted">Hết danh sách ({drill.rows.length} hồ sơ).</p>}
        </section>
      ) : null}
    </section>
  );
}
