// The dashboard's tables (ui/DataTable: cards on a phone): breakdown rows with their drill-down,
// the Decision 766 indicators, and the dossiers behind a number in Vietnam time with labels.
import { dossierPath } from '../processing/DossierPage';
import { useProcessingT } from '../processing/i18n';
import { statusText } from '../processing/labels';
import { DataTable, type Column } from '../ui/DataTable';
import { formatVnDateTime } from '../ui/dates';
import { Link } from '../ui/router';
import type { BreakdownRow, DrillRow, Indicator } from './api';
import { useDashboardT, type DashboardT } from './i18n';

export { DataTable };

export const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('vi-VN'));
export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`);

export const indicatorColumns = (t: DashboardT): readonly Column<Indicator>[] => [
  { key: 'code', header: t('col_indicator'), cell: (i) => i.code },
  { key: 'name', header: t('col_name'), cell: (i) => i.name },
  { key: 'value', header: t('col_value'), numeric: true, cell: (i) => (i.value === null ? 'N/A' : i.unit === '%' ? pct(i.value) : `${i.value} ${i.unit}`) },
  { key: 'ratio', header: t('col_ratio'), numeric: true, cell: (i) => `${fmt(i.numerator)} / ${fmt(i.denominator)}` },
  { key: 'score', header: t('col_score'), numeric: true, cell: (i) => (i.score === null ? '—' : `${i.score} / ${i.maxScore}`) },
  { key: 'rule', header: t('col_rule'), className: 'rule', cell: (i) => i.rule },
];

const intakeChannels = ['counter', 'online', 'postal'] as const;
const isIntakeChannel = (c: string): c is (typeof intakeChannels)[number] => (intakeChannels as readonly string[]).includes(c);

/** The dossiers behind a number: labels in the reader's language, times in Vietnam time. */
export function DrillTable({ rows }: { readonly rows: readonly DrillRow[] }) {
  const tp = useProcessingT();
  const t = useDashboardT();
  const when = (iso: string | null) => (iso ? formatVnDateTime(iso) : '');
  return (
    <DataTable rows={rows} rowKey={(r) => r.code} columns={[
      { key: 'code', header: t('col_code'), rowHeader: true, noWrap: true, cell: (r) => <Link to={dossierPath(r.code)}>{r.code}</Link> },
      { key: 'procedure', header: t('col_procedure'), cell: (r) => r.procedureCode },
      { key: 'applicant', header: t('col_applicant'), cell: (r) => r.applicantName },
      { key: 'channel', header: t('col_channel'), cell: (r) => (isIntakeChannel(r.channel) ? tp(`intake_${r.channel}`) : r.channel) },
      { key: 'status', header: t('col_status'), cell: (r) => statusText(tp, r.status) },
      { key: 'received', header: t('col_receivedAt'), noWrap: true, cell: (r) => when(r.receivedAt) },
      { key: 'due', header: t('col_dueAt'), noWrap: true, cell: (r) => when(r.dueAt) },
      { key: 'finished', header: t('col_finishedAt'), noWrap: true, cell: (r) => when(r.finishedAt) },
    ]} />
  );
}

export function BreakdownTable({ rows, onOpen }: {
  readonly rows: readonly BreakdownRow[];
  /** The drill-down of a row's received number, if it has one (the same as its bar's). */
  readonly onOpen?: (row: BreakdownRow) => (() => void) | undefined;
}) {
  const t = useDashboardT();
  if (rows.length === 0) return <p className="muted">{t('noFigures')}</p>;
  return (
    <DataTable rows={rows} rowKey={(r) => r.key} columns={[
      { key: 'label', header: t('col_name'), rowHeader: true, cell: (r) => r.label },
      { key: 'received', header: t('col_received'), numeric: true, cell: (r) => <Received value={fmt(r.received)} open={onOpen?.(r)} title={t('openDossiers')} /> },
      { key: 'online', header: t('col_online'), numeric: true, cell: (r) => fmt(r.online) },
      { key: 'postal', header: t('col_postal'), numeric: true, cell: (r) => fmt(r.postal) },
      { key: 'resolved', header: t('col_resolved'), numeric: true, cell: (r) => fmt(r.resolved) },
      { key: 'onTime', header: t('col_onTime'), numeric: true, cell: (r) => fmt(r.onTime) },
      { key: 'late', header: t('col_late'), numeric: true, cell: (r) => fmt(r.late) },
      { key: 'lateShare', header: t('col_lateShare'), numeric: true, cell: (r) => pct(r.lateShare) },
    ]} />
  );
}

function Received({ value, open, title }: { readonly value: string; readonly open: (() => void) | undefined; readonly title: string }) {
  return open ? <button type="button" className="linklike" onClick={open} title={title}>{value}</button> : <>{value}</>;
}
