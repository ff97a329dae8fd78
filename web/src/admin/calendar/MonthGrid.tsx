// One month of the calendar: a table of weeks (Monday first), each day with its solar number,
// its lunar date under it, and its kind (day off, make-up day, weekend, working day).
import type { CalendarDay, DayKind } from './api';
import type { CalendarT } from './i18n';

export interface ShownDay extends CalendarDay {
  /** the kind and reason after the edits not saved yet */
  readonly shownKind: DayKind;
  readonly shownReason: string | null;
}

interface MonthGridProps {
  readonly month: number;
  readonly days: readonly ShownDay[];
  readonly t: CalendarT;
  /** in edit mode a day is a button that picks it for the editor */
  readonly onPick?: ((date: string) => void) | undefined;
  readonly picked?: string | null;
}

const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

export const formatDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "1/1" on the first day of a lunar month (and on the 1st of the solar month), else the day. */
export function lunarShort(day: CalendarDay): string {
  const { lunar } = day;
  if (lunar.day === 1 || day.date.endsWith('-01')) return `${lunar.day}/${lunar.month}${lunar.leap ? 'n' : ''}`;
  return String(lunar.day);
}

export function dayDescription(day: ShownDay, t: CalendarT): string {
  const lunar = t('lunarDate', { day: day.lunar.day, month: day.lunar.month, leap: day.lunar.leap ? t('leapSuffix') : '' });
  const reason = day.shownReason ?? '';
  const kind = day.shownKind === 'dayOff' ? t('kindDayOff', { reason })
    : day.shownKind === 'makeUp' ? t('kindMakeUp', { reason })
      : day.shownKind === 'weekend' ? t('kindWeekend') : t('kindWorkday');
  return t('dayLabel', { weekday: t(`weekdayLong${day.weekday}` as `weekdayLong${0 | 1 | 2 | 3 | 4 | 5 | 6}`), date: formatDate(day.date), lunar, kind });
}

export function MonthGrid({ month, days, t, onPick, picked }: MonthGridProps) {
  const first = days[0];
  if (!first) return null;
  const leading = (first.weekday + 6) % 7; // Monday-first offset
  const cells: (ShownDay | null)[] = [...Array.from({ length: leading }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (ShownDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const captionId = `month-${month}`;
  return (
    <table className="month" aria-labelledby={captionId}>
      <caption id={captionId} className="month__caption">{t('month', { month })}</caption>
      <thead>
        <tr>
          {WEEK.map((w) => (
            <th key={w} scope="col" className={w === 0 || w === 6 ? 'month__weekday month__weekday--weekend' : 'month__weekday'}>
              <abbr title={t(`weekdayLong${w}`)}>{t(`weekday${w}`)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {week.map((day, j) => {
              if (!day) return <td key={`empty-${j}`} className="day day--empty" />;
              const description = dayDescription(day, t);
              const className = `day day--${day.shownKind}${picked === day.date ? ' day--picked' : ''}`;
              const content = (
                <>
                  <span className="day__solar" aria-hidden="true">{Number(day.date.slice(8, 10))}</span>
                  <span className="day__lunar" aria-hidden="true">{lunarShort(day)}</span>
                </>
              );
              return (
                <td key={day.date} className={className} data-date={day.date} data-kind={day.shownKind} title={description}>
                  {onPick ? (
                    <button type="button" className="day__button" tabIndex={-1} aria-label={description} aria-pressed={picked === day.date} onClick={() => onPick(day.date)}>
                      {content}
                    </button>
                  ) : (
                    <span className="day__cell">
                      {content}
                      <span className="visually-hidden">{description}</span>
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
