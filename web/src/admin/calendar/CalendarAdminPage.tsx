// The working calendar of a year: 12 month grids with lunar dates, days off and make-up days;
// administrators edit a year (saved as a new version) or import schedules from JSON.
import { useCallback, useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { errorDetails, errorMessage } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/page';
import { fetchCalendarYear, fetchVersions, importSchedules, saveSchedule, type CalendarYear, type DayKind, type ScheduleVersion } from './api';
import { useCalendarT, type CalendarT } from './i18n';
import { MonthGrid, formatDate, type ShownDay } from './MonthGrid';
import './calendar.css';
import { Button } from '../../ui/Button';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly calendar: CalendarYear; readonly versions: readonly ScheduleVersion[] };

interface Draft {
  readonly daysOff: ReadonlyMap<string, string>;
  readonly makeUpDays: ReadonlyMap<string, string>;
  readonly source: string;
  readonly note: string;
  readonly dirty: boolean;
}

interface Message {
  readonly tone: 'error' | 'success' | 'info';
  readonly text: string;
  readonly details?: readonly string[];
}

type EditKind = 'normal' | 'dayOff' | 'makeUp';

function initialYear(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('nam'));
  return Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : new Date().getFullYear();
}

const sorted = (map: ReadonlyMap<string, string>) =>
  [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, reason]) => ({ date, reason }));

function MessageView({ message }: { readonly message: Message | null }) {
  return (
    <Notice tone={message?.tone ?? 'info'}>
      {message && (
        <>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && <ul>{message.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}
        </>
      )}
    </Notice>
  );
}

function versionLine(calendar: CalendarYear, t: CalendarT): string {
  if (calendar.version === 'official') return t('versionOfficial');
  if (calendar.version === 'statutory') return t('versionStatutory');
  return t('versionStored', { version: calendar.version });
}

/** The import format (JSON, so its dates are ISO), shown as it is typed. */
const importExample = '[{"year": 2026, "source": "…", "daysOff": [{"date": "2026-01-01", "reason": "Tết Dương lịch"}], "makeUpDays": []}]';

export function CalendarAdminPage({ user }: { readonly user: User }) {
  const t = useCalendarT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('title'));
  const canManage = user.permissions.includes('calendar.manage');
  const ids = useId();

  const [year, setYear] = useState(initialYear);
  const [yearText, setYearText] = useState(String(year));
  const [yearError, setYearError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  // The day last clicked on the grid while editing; `n` makes a second click on it count.
  const [picked, setPicked] = useState<{ readonly date: string; readonly n: number } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    Promise.all([fetchCalendarYear(year, controller.signal), fetchVersions(year, controller.signal)]).then(
      ([calendar, versions]) => setLoaded({ status: 'ready', calendar, versions }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [year, reload]);

  const goTo = (next: number) => {
    if (!Number.isInteger(next) || next < MIN_YEAR || next > MAX_YEAR) {
      setYearError(t('yearHint'));
      return;
    }
    setYearError(null);
    setYearText(String(next));
    setDraft(null);
    setPicked(null);
    setMessage(null);
    setYear(next);
  };

  const onShow = (event: FormEvent) => {
    event.preventDefault();
    goTo(Number(yearText));
  };

  const calendar = loaded.status === 'ready' ? loaded.calendar : null;

  const shownDays: ShownDay[] = useMemo(() => {
    if (!calendar) return [];
    return calendar.days.map((day) => {
      if (!draft) return { ...day, shownKind: day.kind, shownReason: day.reason };
      const off = draft.daysOff.get(day.date);
      const makeUp = draft.makeUpDays.get(day.date);
      const weekend = day.weekday === 0 || day.weekday === 6;
      const shownKind: DayKind = makeUp !== undefined ? 'makeUp' : off !== undefined ? 'dayOff' : weekend ? 'weekend' : 'workday';
      return { ...day, shownKind, shownReason: makeUp ?? off ?? null };
    });
  }, [calendar, draft]);

  const months = useMemo(() => {
    const byMonth: ShownDay[][] = Array.from({ length: 12 }, () => []);
    for (const day of shownDays) byMonth[Number(day.date.slice(5, 7)) - 1]?.push(day);
    return byMonth;
  }, [shownDays]);

  const startEditing = () => {
    if (!calendar) return;
    setMessage(null);
    setDraft({
      daysOff: new Map(calendar.daysOff.map((d) => [d.date, d.reason])),
      makeUpDays: new Map(calendar.makeUpDays.map((d) => [d.date, d.reason])),
      source: calendar.provisional ? '' : calendar.source,
      note: '',
      dirty: false,
    });
  };

  const afterChange = useCallback(() => setReload((n) => n + 1), []);

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

      <MessageView message={message} />

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

interface EditorProps {
  readonly year: number;
  readonly draft: Draft;
  readonly days: readonly ShownDay[];
  readonly t: CalendarT;
  readonly picked: { readonly date: string; readonly n: number } | null;
  onChange(draft: Draft): void;
  onCancel(): void;
  onSaved(saved: ScheduleVersion): void;
  onError(error: unknown): void;
  onInfo(text: string): void;
}

function Editor({ year, draft, days, t, picked, onChange, onCancel, onSaved, onError, onInfo }: EditorProps) {
  const ids = useId();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<EditKind>('dayOff');
  const [reason, setReason] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const pick = useCallback((chosen: string) => {
    setDate(chosen);
    setDateError(null);
    const makeUp = draft.makeUpDays.get(chosen);
    const off = draft.daysOff.get(chosen);
    if (makeUp !== undefined) {
      setKind('makeUp');
      setReason(makeUp);
    } else if (off !== undefined) {
      setKind('dayOff');
      setReason(off);
    } else {
      setKind('dayOff');
      setReason('');
    }
  }, [draft]);

  // A click on the grid picks the day for the form and moves focus to the reason.
  useEffect(() => {
    if (!picked) return;
    pick(picked.date);
    document.getElementById(`${ids}-reason`)?.querySelector('input')?.focus();
  }, [picked]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const day = days.find((d) => d.date === date);
    if (!day) {
      setDateError(t('dateRequired', { year }));
      return;
    }
    setDateError(null);
    if (kind !== 'normal' && reason.trim() === '') {
      setReasonError(t('reasonRequired'));
      return;
    }
    if (kind === 'makeUp' && day.weekday !== 0 && day.weekday !== 6) {
      setDateError(t('makeUpWeekendOnly'));
      return;
    }
    setReasonError(null);
    const daysOff = new Map(draft.daysOff);
    const makeUpDays = new Map(draft.makeUpDays);
    daysOff.delete(date);
    makeUpDays.delete(date);
    if (kind === 'dayOff') daysOff.set(date, reason.trim());
    if (kind === 'makeUp') makeUpDays.set(date, reason.trim());
    onChange({ ...draft, daysOff, makeUpDays, dirty: true });
    onInfo(t('applied', { date: formatDate(date) }));
  };

  const save = async () => {
    if (draft.source.trim() === '') {
      setSourceError(t('sourceRequired'));
      return;
    }
    setSourceError(null);
    setSaving(true);
    try {
      const saved = await saveSchedule(year, {
        source: draft.source.trim(),
        daysOff: sorted(draft.daysOff),
        makeUpDays: sorted(draft.makeUpDays),
        note: draft.note.trim() === '' ? null : draft.note.trim(),
      });
      onSaved(saved);
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="cal-panel card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('editTitle', { year })}</h2>
      <p>{t('editIntro')}</p>
      <form className="form" onSubmit={apply} noValidate>
        <div className="cal-edit-grid">
          <Field
            label={t('editDate')}
            type="date"
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            value={date}
            error={dateError}
            onChange={(e) => pick(e.target.value)}
          />
          <fieldset>
            <legend>{t('editKind')}</legend>
            {(['dayOff', 'makeUp', 'normal'] as const).map((k) => (
              <label key={k} className="cal-radio">
                <input type="radio" name={`${ids}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(k === 'dayOff' ? 'editKindDayOff' : k === 'makeUp' ? 'editKindMakeUp' : 'editKindNormal')}
              </label>
            ))}
          </fieldset>
          <div id={`${ids}-reason`}>
            <Field
              label={t('editReason')}
              hint={t('editReasonHint')}
              value={reason}
              maxLength={200}
              error={reasonError}
              disabled={kind === 'normal'}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </div>
        <div className="form__actions">
          <Button kind="primary" type="submit">{t('apply')}</Button>
        </div>
      </form>
      <div className="form" style={{ marginTop: '1.5rem' }}>
        <Field
          label={t('sourceDocument')}
          hint={t('sourceHint')}
          value={draft.source}
          maxLength={500}
          error={sourceError}
          onChange={(e) => onChange({ ...draft, source: e.target.value, dirty: true })}
        />
        <Field label={t('note')} value={draft.note} maxLength={1000} onChange={(e) => onChange({ ...draft, note: e.target.value, dirty: true })} />
        {draft.dirty && <p className="cal-meta">{t('unsavedChanges')}</p>}
        <div className="form__actions">
          <Button kind="primary" disabled={saving} onClick={() => void save()}>
            {saving ? t('saving') : t('save')}
          </Button>
          <Button kind="secondary" disabled={saving} onClick={onCancel}>{t('cancelEdit')}</Button>
        </div>
      </div>
    </section>
  );
}

function Versions({ versions, t, headingId }: { readonly versions: readonly ScheduleVersion[]; readonly t: CalendarT; readonly headingId: string }) {
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

interface ImportPanelProps {
  readonly t: CalendarT;
  readonly headingId: string;
  onDone(items: readonly ScheduleVersion[]): void;
  onError(error: unknown): void;
  onInvalid(text: string): void;
}

function ImportPanel({ t, headingId, onDone, onError, onInvalid }: ImportPanelProps) {
  const ids = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      onInvalid(t('importInvalidJson'));
      return;
    }
    setBusy(true);
    try {
      onDone(await importSchedules(parsed));
      setText('');
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cal-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('importTitle')}</h2>
      <p id={`${ids}-intro`}>{t('importIntro')}</p>
      <pre className="cal-example"><code>{importExample}</code></pre>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${ids}-file`} className="field__label">{t('importFile')}</label>
          <input id={`${ids}-file`} type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-text`} className="field__label">{t('importText')}</label>
          <textarea id={`${ids}-text`} className="cal-textarea" value={text} aria-describedby={`${ids}-intro`} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </div>
        <div className="form__actions">
          <Button kind="primary" type="submit" disabled={busy || text.trim() === ''}>{busy ? t('importing') : t('importSubmit')}</Button>
        </div>
      </form>
    </section>
  );
}
