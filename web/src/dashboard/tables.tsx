// The dashboard's tables (ui/DataTable: cards on a phone): breakdown rows with their drill-down,
// the Decision 766 indicators, and the dossiers behind a number in Vietnam time with labels.
import { useTranslation } from 'react-i18next';
import { dossierPath } from '../processing/DossierPage';
import { useProcessingT } from '../processing/i18n';
import { statusText } from '../processing/labels';
import { DataTable, type Column } from '../ui/DataTable';
import { formatVnDateTime } from '../ui/dates';
import { Link } from '../ui/router';
import type { BreakdownRow, DrillRow, Indicator } from './api';

export { DataTable };

export const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('vi-VN'));
export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`);

export const indicatorColumns: readonly Column<Indicator>[] = [
  { key: 'code', header: 'Chỉ số', cell: (i) => i.code },
  { key: 'name', header: 'Tên', cell: (i) => i.name },
  { key: 'value', header: 'Giá trị', numeric: true, cell: (i) => (i.value === null ? 'N/A' : i.unit === '%' ? pct(i.value) : `${i.value} ${i.unit}`) },
  { key: 'ratio', header: 'Tử số / mẫu số', numeric: true, cell: (i) => `${fmt(i.numerator)} / ${fmt(i.denominator)}` },
  { key: 'score', header: 'Điểm', numeric: true, cell: (i) => (i.score === null ? '—' : `${i.score} / ${i.maxScore}`) },
  { key: 'rule', header: 'Cách tính', className: 'rule', cell: (i) => i.rule },
];

const intakeChannels = ['counter', 'online', 'postal'] as const;
const isIntakeChannel = (c: string): c is (typeof intakeChannels)[number] => (intakeChannels as readonly string[]).includes(c);

/** The dossiers behind a number: labels in the reader's language, times in Vietnam time. */
export function DrillTable({ rows }: { readonly rows: readonly DrillRow[] }) {
  const tp = useProcessingT();
  const when = (iso: string | null) => (iso ? formatVnDateTime(iso) : '');
  return (
    <DataTable rows={rows} rowKey={(r) => r.code} columns={[
      { key: 'code', header: 'Mã hồ sơ', cell: (r) => <Link to={dossierPath(r.code)}>{r.code}</Link> },
      { key: 'procedure', header: 'Thủ tục', cell: (r) => r.procedureCode },
      { key: 'applicant', header: 'Người nộp', cell: (r) => r.applicantName },
      { key: 'channel', header: 'Kênh', cell: (r) => (isIntakeChannel(r.channel) ? tp(`intake_${r.channel}`) : r.channel) },
      { key: 'status', header: 'Trạng thái', cell: (r) => statusText(tp, r.status) },
      { key: 'received', header: 'Tiếp nhận', cell: (r) => when(r.receivedAt) },
      { key: 'due', header: 'Hẹn trả', cell: (r) => when(r.dueAt) },
      { key: 'finished', header: 'Kết thúc', cell: (r) => when(r.finishedAt) },
    ]} />
  );
}

export function BreakdownTable({ rows, onOpen }: {
  readonly rows: readonly BreakdownRow[];
  /** The drill-down of a row's received number, if it has one (the same as its bar's). */
  readonly onOpen?: (row: BreakdownRow) => (() => void) | undefined;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">Không có số liệu.</p>;
  return (
    <DataTable rows={rows} rowKey={(r) => r.key} columns={[
      { key: 'label', header: 'Tên', cell: (r) => r.label },
      { key: 'received', header: 'Tiếp nhận', numeric: true, cell: (r) => <Received value={fmt(r.received)} open={onOpen?.(r)} title={t('dashboard.openDossiers')} /> },
      { key: 'online', header: 'Trực tuyến', numeric: true, cell: (r) => fmt(r.online) },
      { key: 'postal', header: 'BCCI', numeric: true, cell: (r) => fmt(r.postal) },
      { key: 'resolved', header: 'Đã giải quyết', numeric: true, cell: (r) => fmt(r.resolved) },
      { key: 'onTime', header: 'Trước/đúng hạn', numeric: true, cell: (r) => fmt(r.onTime) },
      { key: 'late', header: 'Quá hạn', numeric: true, cell: (r) => fmt(r.late) },
      { key: 'lateShare', header: 'Tỷ lệ quá hạn', numeric: true, cell: (r) => pct(r.lateShare) },
    ]} />
  );
}

function Received({ value, open, title }: { readonly value: string; readonly open: (() => void) | undefined; readonly title: string }) {
  return open ? <button type="button" className="linklike" onClick={open} title={title}>{value}</button> : <>{value}</>;
}
