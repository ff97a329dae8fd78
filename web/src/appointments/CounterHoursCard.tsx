// One counter on the page of opening hours per counter: whether it keeps its own hours, its week
// (the directory's editor: a morning and an afternoon a day, the lunch break between) and its
// exceptional days.
import { CheckField } from '../admin/catalog/inputs';
import { HoursEditor } from '../admin/directory/HoursEditor';
import type { Weekday } from '../admin/directory/hours';
import { useDirectoryT } from '../admin/directory/i18n';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { Field } from '../ui/Field';
import { formatCivilDate } from '../ui/dates';
import type { CounterDraft, ExceptionDraft } from './counter-hours-draft';
import type { CounterHoursT } from './i18n';

export function CounterHoursCard({ draft, onChange, badDays, badExceptions, t }: {
  readonly draft: CounterDraft; readonly onChange: (next: CounterDraft) => void;
  readonly badDays: readonly Weekday[]; readonly badExceptions: readonly number[]; readonly t: CounterHoursT;
}) {
  const tDir = useDirectoryT();
  const setException = (i: number, change: Partial<ExceptionDraft>) =>
    onChange({ ...draft, exceptions: draft.exceptions.map((e, j) => (j === i ? { ...e, ...change } : e)) });
  return (
    <section className="section counter-hours" aria-labelledby={`counter-${draft.code}`}>
      <h2 id={`counter-${draft.code}`}>{t('counter', { code: draft.code })}</h2>
      <CheckField label={t('ownHours')} checked={draft.own} onChange={(own) => onChange({ ...draft, own })} />
      {!draft.own && <p className="field__hint">{t('followsPoint')}</p>}
      {draft.own && (
        <>
          <HoursEditor draft={draft.hours} onChange={(hours) => onChange({ ...draft, hours })} badDays={badDays} t={tDir} />
          <fieldset className="admin-group">
            <legend>{t('exceptions')}</legend>
            <p className="field__hint">{t('exceptionsLead')}</p>
            {draft.exceptions.map((e, i) => (
              // eslint-disable-next-line react/no-array-index-key -- rows have no identity but their place
              <div key={i} className={badExceptions.includes(i) ? 'counter-hours__exception field--invalid' : 'counter-hours__exception'}>
                <DateField label={t('date')} value={e.date} onChange={(date) => setException(i, { date })} error={badExceptions.includes(i) ? t('fixExceptions') : null} />
                <Field label={t('periods')} hint={t('periodsHint')} value={e.periods} onChange={(ev) => setException(i, { periods: ev.target.value })} />
                <Field label={t('reason')} value={e.reason} maxLength={200} onChange={(ev) => setException(i, { reason: ev.target.value })} />
                <Button kind="danger" onClick={() => onChange({ ...draft, exceptions: draft.exceptions.filter((_, j) => j !== i) })}>
                  {t('removeException', { date: e.date ? formatCivilDate(e.date) : '' })}
                </Button>
              </div>
            ))}
            <Button onClick={() => onChange({ ...draft, exceptions: [...draft.exceptions, { date: '', periods: '', reason: '' }] })}>{t('addException')}</Button>
          </fieldset>
        </>
      )}
    </section>
  );
}
