// The stored and official versions of a year's schedule, newest first.
import type { ScheduleVersion } from './api';
import type { CalendarT } from './i18n';

export function Versions({ versions, t, headingId }: { readonly versions: readonly ScheduleVersion[]; readonly t: CalendarT; readonly headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('versionsTitle')}</h2>
      {versions.length === 0 ? <p>{t('versionsEmpty')}</p> : (
        <div style={{ overflowX: 'auto' }}>
          <table className="cal-versions">
            <thead>
              <tr>
                <th scope="col">{t('colVersion')}</th>
                <th scope="col">{t('colOrigin')}</th>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colBy')}</th>
                <th scope="col">{t('colSource')}</th>
                <th scope="col">{t('colDays')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={`${v.origin}-${v.version}`}>
                  <td>{v.version}{v.inForce && <> <span className="badge">{t('inForce')}</span></>}</td>
                  <td>{t(v.origin === 'stored' ? 'originStored' : 'originOfficial')}</td>
                  <td>{v.createdAt ? new Date(v.createdAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—'}</td>
                  <td>{v.createdByName ?? '—'}</td>
                  <td>{v.source}{v.note && <><br /><em>{v.note}</em></>}</td>
                  <td>{v.daysOff.length} / {v.makeUpDays.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
