// The months a statement may be asked for: this month in Vietnam time and the eleven before it,
// newest first, as `yyyy-mm` (the route's) and `mm/yyyy` (what the user reads). Pure.
export interface MonthChoice {
  readonly value: string;
  readonly label: string;
}

/** `today`: the civil date in Vietnam, yyyy-mm-dd. */
export function recentMonths(today: string, count = 12): MonthChoice[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    const y = Math.floor(index / 12);
    const m = String((index % 12) + 1).padStart(2, '0');
    return { value: `${y}-${m}`, label: `${m}/${y}` };
  });
}
