// The weekly opening hours of a service point: one row a weekday, a morning and an afternoon
// period (the lunch break between), Saturday like any other day.
import { Button } from '../../ui/Button';
import type { HoursDraft, Weekday, DayDraft } from './hours';
import { weekdays } from './hours';
import type { DirectoryT } from './i18n';

const parts = [['morningStart', 'morning', 'from'], ['morningEnd', 'morning', 'to'], ['afternoonStart', 'afternoon', 'from'], ['afternoonEnd', 'afternoon', 'to']] as const;

export function HoursEditor({ draft, onChange, badDays, t }: {
  readonly draft: HoursDraft; readonly onChange: (next: HoursDraft) => void; readonly badDays: readonly Weekday[]; readonly t: DirectoryT;
}) {
  const set = (day: Weekday, key: keyof DayDraft, value: string) => onChange({ ...draft, [day]: { ...draft[day], [key]: value } });
  const copyMonday = () => onChange({ ...draft, 2: draft[1], 3: draft[1], 4: draft[1], 5: draft[1] });
  return (
    <fieldset className="admin-group">
      <legend>{t('hoursTitle')}</legend>
      <p className="field__hint">{t('hoursLead')}</p>
      <table className="hours-table">
        <thead>
          <tr><th scope="col">{t('day')}</th><th scope="col" colSpan={2}>{t('morning')}</th><th scope="col" colSpan={2}>{t('afternoon')}</th></tr>
        </thead>
        <tbody>
          {weekdays.map((d) => {
            const day = t(`weekday${d}`);
            const bad = badDays.includes(d);
            return (
              <tr key={d} className={bad ? 'field--invalid' : undefined}>
                <th scope="row">{day}{bad && <span className="field__error"> — {t('timeInvalid', { day })}</span>}</th>
                {parts.map(([key, part, edge]) => (
                  <td key={key}>
                    <input type="text" inputMode="numeric" placeholder="HH:MM" maxLength={5} value={draft[d][key]}
                      aria-label={t('timeLabel', { day, part: t(part), edge: t(edge) })} aria-invalid={bad ? true : undefined}
                      onChange={(e) => set(d, key, e.target.value)} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button onClick={copyMonday}>{t('copyMonday')}</Button>
    </fieldset>
  );
}
