// Who changed a procedure, when (Vietnam time), from which day, why, and each field before → after.
import { formatCivilDate, formatVnDateTime } from '../../ui/dates';
import type { ChangeRecord } from './api';
import { fieldLabel } from './describe';
import { useCatalogAdminT } from './i18n';

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

export function HistoryList({ history, headingId }: { readonly history: readonly ChangeRecord[]; readonly headingId: string }) {
  const t = useCatalogAdminT();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('historyTitle')}</h2>
      {history.length === 0 ? <p className="muted">{t('historyEmpty')}</p> : (
        <ol className="catalog-history">
          {history.map((h, i) => (
            <li key={i}>
              <p><strong>{t('historyItem', {
                time: formatVnDateTime(h.at), who: h.actorName ?? '—', version: h.version ?? '—',
                from: h.effectiveFrom ? formatCivilDate(h.effectiveFrom) : '—',
              })}</strong></p>
              {h.reason && <p>{t('historyReason', { reason: h.reason })}</p>}
              <p>{t('changedFields', { fields: h.changes.map((c) => fieldLabel(c.field, t)).join(', ') || '—' })}</p>
              <details>
                <summary>{t('before')} / {t('after')}</summary>
                <dl className="catalog-diff">
                  {h.changes.map((c) => (
                    <div key={c.field}>
                      <dt>{fieldLabel(c.field, t)}</dt>
                      <dd><span className="muted">{t('before')}:</span> <code>{shown(c.before)}</code></dd>
                      <dd><span className="muted">{t('after')}:</span> <code>{shown(c.after)}</code></dd>
                    </div>
                  ))}
                </dl>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
