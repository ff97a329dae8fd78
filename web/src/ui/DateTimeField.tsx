// A day and a time of day, read as Vietnam time: the day in the shared dd/mm/yyyy date field, the
// time as HH:mm (a native datetime-local input under an English locale shows mm/dd/yyyy and AM/PM).
// The value in and out is a datetime-local value "yyyy-mm-ddTHH:mm" (ui/dates reads it as Vietnam
// time); '' when nothing is typed; what was typed when it does not read, so the form refuses it.
import { useId, useState } from 'react';
import { useCommonT } from '../i18n/common';
import { DateField } from './DateField';
import { joinDayAndTime, parseHourMinute } from './dateEntry';

interface DateTimeFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly error?: string | null;
}

const localValue = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

export function DateTimeField({ label, value, onChange, hint, error }: DateTimeFieldProps) {
  const t = useCommonT();
  const id = useId();
  const initial = localValue.exec(value);
  const [day, setDay] = useState({ iso: initial?.[1] ?? '', text: '' });
  const [time, setTime] = useState(initial?.[2] ?? '');
  const [isTimeTouched, setIsTimeTouched] = useState(false);
  const timeProblem = isTimeTouched && time.trim() !== '' && parseHourMinute(time) === null ? t('datetime_timeInvalid') : null;
  const emit = (next: { iso: string; text: string }, nextTime: string) => onChange(joinDayAndTime(next.iso, next.text, nextTime));

  return (
    <fieldset className={error ? 'datetime-field field--invalid' : 'datetime-field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{label}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field__error">{error}</p>}
      <div className="datetime-field__parts">
        <DateField label={t('datetime_day')} value={day.iso}
          onChange={(iso, text) => { const next = { iso, text }; setDay(next); emit(next, time); }} />
        <div className={timeProblem ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-time`} className="field__label">{t('datetime_time')}</label>
          {timeProblem && <p id={`${id}-time-error`} className="field__error">{timeProblem}</p>}
          <input id={`${id}-time`} className="field__input datetime-field__time" value={time} inputMode="numeric" autoComplete="off"
            placeholder="HH:mm" maxLength={5} aria-invalid={timeProblem ? true : undefined} aria-describedby={timeProblem ? `${id}-time-error` : undefined}
            onBlur={() => setIsTimeTouched(true)} onChange={(e) => { setTime(e.target.value); emit(day, e.target.value); }} />
        </div>
      </div>
    </fieldset>
  );
}
