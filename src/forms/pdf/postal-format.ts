/** Amounts and times as the postal documents print them: "30.000 đồng", "15:20 ngày 29/04/2026" (Vietnam time). */
import { vnWallClock } from '../../shared/civil-date';

export { vndText as formatVnd } from '../../shared/fee-terms';

export function formatVnDateTime(at: Date): string {
  const d = vnWallClock(at.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.hour)}:${two(d.minute)} ngày ${two(d.day)}/${two(d.month)}/${d.year}`;
}
