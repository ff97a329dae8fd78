// The stored and official versions of a year's schedule, newest first.
import { DataTable } from '../../ui/DataTable';
import { formatVnDateTime } from '../../ui/dates';
import type { ScheduleVersion } from './api';
import type { CalendarT } from './i18n';

export function Versions({ versions, t, headingId }: { readonly versions: readonly ScheduleVersion[]; readonly t: CalendarT; readonly headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('versionsTitle')}</h2>
      {versions.length === 0 ? <p>{t('versionsEmpty')}</p> : (
        <DataTable className="cal-versions" rows={versions} rowKey={(v) => `${v.origin}-${v.version}`} columns={[
          { key: 'version', header: t('colVersion'), rowHeader: true, cell: (v) => <>{v.version}{v.inForce && <> <span className="badge">{t('inForce')}</span></>}</> },
          { key: 'origin', header: t('colOrigin'), cell: (v) => t(v.origin === 'stored' ? 'originStored' : 'originOfficial') },
          { key: 'created', header: t('colCreated'), cell: (v) => (v.createdAt ? formatVnDateTime(v.createdAt) : '—') },
          { key: 'by', header: t('colBy'), cell: (v) => v.createdByName ?? '—' },
          { key: 'source', header: t('colSource'), cell: (v) => <>{v.source}{v.note && <><br /><em>{v.note}</em></>}</> },
          { key: 'days', header: t('colDays'), numeric: true, cell: (v) => `${v.daysOff.length} / ${v.makeUpDays.length}` },
        ]} />
      )}
    </section>
  );
}
