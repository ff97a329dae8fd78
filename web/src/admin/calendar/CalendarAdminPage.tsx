// The working calendar of a year: 12 month grids with lunar dates, days off and make-up days;
// administrators edit a year (saved as a new version) or import schedules from JSON. The state
// lives in useCalendarYear.ts; the editor, versions and import are their own components.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { Button } from '../../ui/Button';
import { errorDetails, errorMessage } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { MessageNotice, Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/page';
import type { CalendarYear } from './api';
import { Editor } from './CalendarEditor';
import { ImportPanel } from './CalendarImport';
import { Versions } from './CalendarVersions';
import { useCalendarT, type CalendarT } from './i18n';
import { MonthGrid, formatDate } from './MonthGrid';
import { MAX_YEAR, MIN_YEAR, useCalendarYear } from './useCalendarYear';
import './calendar.css';

function versionLine(calendar: CalendarYear, t: CalendarT): string {
  if (calendar.version === 'official') return t('versionOfficial');
  if (calendar.version === 'statutory') return t('versionStatutory');
  return t('versionStored', { version: calendar.version });
}

export function CalendarAdminPage({ user }: { readonly user: User }) {
  const t = useCalendarT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('title'));
  const canManage = user.permissions.includes('calendar.manage');
  const ids = useId();

  const {
    year, yearText, setYearText, yearError, loaded, calendar, draft, setDraft, message, setMessage, picked, setPicked,
    shownDays, months, goTo, onShow, startEditing, afterChange,
  } = useCalendarYear(t);

  return (
    <div className="calendar-admin">
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      <form className="cal-toolbar" onSubmit={onShow} aria-label={t('yearPicker')}>
        <Field
          label={t('yearLabel')}
          type="number"
          inputMode="numeric"
          min={MIN_YEAR}
          max={MAX_YEAR}
          value={yearText}
          error={yearError}
          onChange={(e) => setYearText(e.target.value)}
        />
        <Button kind="primary" type="submit">{t('show')}</Button>
        <Button kind="secondary" onClick={() => goTo(year - 1)}>{t('previousYear')}</Button>
        <Button kind="secondary" onClick={() => goTo(year + 1)}>{t('nextYear')}</Button>
      </form>

      <MessageNotice message={message} />

      {loaded.status === 'loading' && <p className="loading" role="status">{t('loading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}

      {calendar && (
        <>
          <h2 id={`${ids}-year`}>{calendar.year}</h2>
          {calendar.provisional && !draft && (
            <div className="cal-banner" role="note">
              <strong>{t('provisionalTitle')}</strong>
              {t('provisional', { year: calendar.year })}
            </div>
          )}
          <p className="cal-meta">{t('source', { source: calendar.source })}</p>
          <p className="cal-meta" data-testid="calendar-version">{versionLine(calendar, t)}</p>

          <h3 id={`${ids}-legend`}>{t('legendTitle')}</h3>
          <ul className="cal-legend" aria-labelledby={`${ids}-legend`}>
            {(['dayOff', 'makeUp', 'weekend', 'workday'] as const).map((kind) => (
              <li key={kind}>
                <span className={`cal-swatch cal-swatch--${kind}`} aria-hidden="true" />
                {t(kind === 'dayOff' ? 'legendDayOff' : kind === 'makeUp' ? 'legendMakeUp' : kind === 'weekend' ? 'legendWeekend' : 'legendWorkday')}
              </li>
            ))}
            <li>{t('legendLunar')}</li>
          </ul>

          {canManage && !draft && (
            <p><Button kind="primary" onClick={startEditing}>{t('edit', { year: calendar.year })}</Button></p>
          )}
          {!canManage && <p className="cal-meta">{t('readOnly')}</p>}

          {draft && (
            <Editor
              year={calendar.year}
              draft={draft}
              days={shownDays}
              t={t}
              onChange={setDraft}
              onCancel={() => { setDraft(null); setPicked(null); setMessage(null); }}
              onSaved={(saved) => {
                setDraft(null);
                setPicked(null);
                setMessage({ tone: 'success', text: t('saved', { version: saved.version, year: saved.year }) });
                afterChange();
              }}
              onError={(error) => setMessage({ tone: 'error', text: errorMessage(error, tApp), details: errorDetails(error) })}
              onInfo={(text) => setMessage({ tone: 'info', text })}
              picked={picked}
            />
          )}

          <div className="cal-months">
            {months.map((days, i) => (
              <MonthGrid
                key={i}
                month={i + 1}
                days={days}
                t={t}
                onPick={draft ? (date) => setPicked((p) => ({ date, n: (p?.n ?? 0) + 1 })) : undefined}
                picked={draft ? picked?.date ?? null : null}
              />
            ))}
          </div>

          <section aria-labelledby={`${ids}-list`}>
            <h2 id={`${ids}-list`}>{t('daysOffTitle')}</h2>
            {shownDays.some((d) => d.shownKind === 'dayOff' || d.shownKind === 'makeUp') ? (
              <ul className="cal-list">
                {shownDays.filter((d) => d.shownKind === 'dayOff' || d.shownKind === 'makeUp').map((d) => (
                  <li key={d.date}>
                    {t(d.shownKind === 'dayOff' ? 'dayOffItem' : 'makeUpItem', { date: formatDate(d.date), reason: d.shownReason ?? '' })}
                  </li>
                ))}
              </ul>
            ) : <p>{t('noSpecialDays')}</p>}
          </section>

          <Versions versions={loaded.status === 'ready' ? loaded.versions : []} t={t} headingId={`${ids}-versions`} />

          {canManage && (
            <ImportPanel
              t={t}
              headingId={`${ids}-import`}
              onDone={(items) => {
                setDraft(null);
                setMessage({ tone: 'success', text: t('imported', { list: items.map((i) => t('importedItem', { year: i.year, version: i.version })).join(', ') }) });
                afterChange();
              }}
              onError={(error) => setMessage({ tone: 'error', text: errorMessage(error, tApp), details: errorDetails(error) })}
              onInvalid={(text) => setMessage({ tone: 'error', text })}
            />
          )}
        </>
      )}
    </div>
  );
}
