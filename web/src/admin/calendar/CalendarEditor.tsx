// The editor of a year's schedule: pick a day (on the grid or by date), mark it a day off, a
// make-up day or a normal day with its reason, then save the year as a new version.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { saveSchedule, type ScheduleVersion } from './api';
import type { CalendarT } from './i18n';
import { formatDate, type ShownDay } from './MonthGrid';
import type { Draft, Picked } from './useCalendarYear';

type EditKind = 'normal' | 'dayOff' | 'makeUp';

const sorted = (map: ReadonlyMap<string, string>) =>
  [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, reason]) => ({ date, reason }));

export interface EditorProps {
  readonly year: number;
  readonly draft: Draft;
  readonly days: readonly ShownDay[];
  readonly t: CalendarT;
  readonly picked: Picked | null;
  onChange(draft: Draft): void;
  onCancel(): void;
  onSaved(saved: ScheduleVersion): void;
  onError(error: unknown): void;
  onInfo(text: string): void;
}

export function Editor({ year, draft, days, t, picked, onChange, onCancel, onSaved, onError, onInfo }: EditorProps) {
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
          <DateField
            label={t('editDate')}
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            value={date}
            error={dateError}
            onChange={pick}
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
