// The failed records, newest failure first: which dossier and step, what the portal answered, when
// it is tried again — and, for an administrator, a button that sends one again now.
import { Button } from '../ui/Button';
import { DataTable, type Column } from '../ui/DataTable';
import { formatVnDateTime } from '../ui/dates';
import { Link } from '../ui/router';
import { paths } from '../routes';
import type { SyncFailureView } from './api';
import { useSyncT, type SyncKey, type SyncT } from './i18n';

const stepOf = (t: SyncT, row: SyncFailureView): string => t('stepLabel', { step: t(`action_${row.action}` as SyncKey), seq: row.seq });

const nextOf = (t: SyncT, row: SyncFailureView): string =>
  row.gaveUp ? t('nextStopped') : row.nextAttemptAt ? t('nextAt', { at: formatVnDateTime(row.nextAttemptAt) }) : t('nextNow');

export function SyncFailures({ rows, mayRetry, busyId, onRetry }: {
  readonly rows: readonly SyncFailureView[];
  readonly mayRetry: boolean;
  readonly busyId: number | null;
  readonly onRetry: (row: SyncFailureView) => void;
}) {
  const t = useSyncT();
  const columns: Column<SyncFailureView>[] = [
    { key: 'code', header: t('colDossier'), rowHeader: true, noWrap: true, cell: (r) => <Link to={`${paths.processingDossier}/${encodeURIComponent(r.dossierCode)}`}>{r.dossierCode}</Link> },
    { key: 'step', header: t('colStep'), cell: (r) => stepOf(t, r) },
    { key: 'status', header: t('colStatus'), cell: (r) => t(`nationalStatus_${r.syncCode}` as SyncKey) },
    { key: 'attempts', header: t('colAttempts'), numeric: true, cell: (r) => r.attempts },
    { key: 'error', header: t('colError'), cell: (r) => r.lastError },
    { key: 'errorAt', header: t('colErrorAt'), noWrap: true, cell: (r) => (r.lastErrorAt ? formatVnDateTime(r.lastErrorAt) : '') },
    { key: 'next', header: t('colNext'), cell: (r) => nextOf(t, r) },
  ];
  if (mayRetry) {
    columns.push({
      key: 'retry', header: t('colAction'),
      cell: (r) => <Button kind="secondary" disabled={busyId !== null} onClick={() => onRetry(r)}>{busyId === r.id ? t('retrying') : t('retry')}</Button>,
    });
  }
  return <DataTable columns={columns} rows={rows} rowKey={(r) => String(r.id)} />;
}
