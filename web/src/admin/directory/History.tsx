// The audited changes of one directory record: who, when (Vietnam time), what, before → after.
import { useTranslation } from 'react-i18next';
import { formatVnDateTime, formatCivilDate } from '../../ui/dates';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { useLoad } from '../useLoad';
import { fetchHistory } from './api';
import { useDirectoryT } from './i18n';

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ');
};

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
              {c.payload['before'] !== null && c.payload['before'] !== undefined && <p className="muted">{t('historyBefore')}: {shown(c.payload['before'])}</p>}
              <p className="muted">{t('historyAfter')}: {shown(c.payload['after'])}</p>
            </li>
          ))}
        </ol>
      ))}
    </section>
  );
}

type ActionKey = `action_${'unit' | 'agency' | 'servicePoint'}.${'created' | 'updated'}`;
const actionText = (action: string, t: ReturnType<typeof useDirectoryT>) =>
  /^(unit|agency|servicePoint)\.(created|updated)$/.test(action) ? t(`action_${action}` as ActionKey) : action;
