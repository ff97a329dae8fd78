// The audited changes of one directory record: who, when (Vietnam time), what, before → after.
import { useTranslation } from 'react-i18next';
import { formatVnDateTime, formatCivilDate } from '../../ui/dates';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { fetchHistory } from './api';
import { directoryKeys as knownKeys, useDirectoryT, type DirectoryKey, type DirectoryT } from './i18n';

const dayFirst = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatCivilDate(v) : v);
const valueText = (v: unknown): string =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x !== null ? Object.values(x as object).join(' ') : String(x))).join(', ')
    : typeof v === 'object' && v !== null ? JSON.stringify(v) : dayFirst(String(v));

/** "Tên: Phường Hòa Bình; Hiệu lực từ ngày: 01/01/2026" — the fields a change set, as the forms label them. */
function shown(value: unknown, t: DirectoryT): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => v !== null && v !== undefined && k !== 'openingHours' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k in fieldKeys ? t(fieldKeys[k as keyof typeof fieldKeys]) : k}: ${codeText(k, v, t) ?? valueText(v)}`).join('; ');
}

/** A unit's kind or level, an agency's kind, as the forms name them; null for other fields. */
function codeText(field: string, value: unknown, t: DirectoryT): string | null {
  const key = field === 'level' ? `level_${String(value)}` : field === 'kind' ? `kind_${String(value)}` : null;
  const agencyKey = field === 'kind' ? `agency_${String(value)}` : null;
  for (const k of [key, agencyKey]) if (k && k in knownKeys) return t(k as DirectoryKey);
  return null;
}

const fieldKeys = {
  code: 'code', name: 'name', kind: 'kind', level: 'level', parentCode: 'parentCode', validFrom: 'validFrom', validTo: 'validTo',
  formedFrom: 'formedFrom', partiallyFrom: 'partiallyFrom', legalSource: 'legalSource', identifier: 'identifier', unitCode: 'unitCode',
  parentIdentifier: 'parentIdentifier', functionCode: 'functionCode', identifierConfirmed: 'identifierConfirmed', address: 'address',
  phone: 'phone', receivingAgency: 'receivingAgency', counters: 'counters', active: 'stateActive',
} as const satisfies Record<string, DirectoryKey>;

export function History({ entity, entityKey, round }: { readonly entity: 'unit' | 'agency' | 'servicePoint'; readonly entityKey: string; readonly round: number }) {
  const t = useDirectoryT();
  const { t: tApp } = useTranslation();
  const { loaded } = useLoad((signal) => fetchHistory(entity, entityKey, signal), `${entity}|${entityKey}|${round}`);
  return (
    <section>
      <h3>{t('history')}</h3>
      {loaded.status === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {loaded.status === 'ready' && (loaded.data.length === 0 ? <p className="muted">{t('historyEmpty')}</p> : (
        <ol className="admin-history">
          {loaded.data.map((c, i) => (
            <li key={i}>
              <p><strong>{t('historyItem', { time: formatVnDateTime(c.at), who: c.actorName ?? '—', action: actionText(c.action, t) })}</strong>
                {typeof c.payload['effectiveDate'] === 'string' && <> — {t('effective', { date: formatCivilDate(c.payload['effectiveDate']) })}</>}</p>
              {c.payload['before'] !== null && c.payload['before'] !== undefined && <p className="muted">{t('historyBefore')}: {shown(c.payload['before'], t)}</p>}
              <p className="muted">{t('historyAfter')}: {shown(c.payload['after'], t)}</p>
            </li>
          ))}
        </ol>
      ))}
    </section>
  );
}

type ActionKey = `action_${'unit' | 'agency' | 'servicePoint'}.${'created' | 'updated'}`;
const actionText = (action: string, t: DirectoryT) =>
  /^(unit|agency|servicePoint)\.(created|updated)$/.test(action) ? t(`action_${action}` as ActionKey) : action;
