// Period presets of the dashboard: the month, quarter or year containing a day (Vietnam time).
import { vnCivilParts } from '../ui/dates';

export type PresetKind = 'month' | 'quarter' | 'year' | 'custom';

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function periodPreset(kind: PresetKind, at: Date): { from: string; to: string } {
  const { year: y, month: m } = vnCivilParts(at.getTime());
  switch (kind) {
    case 'month': return { from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) };
    case 'quarter': {
      const q0 = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: iso(y, q0, 1), to: iso(y, q0 + 2, lastDay(y, q0 + 2)) };
    }
    default: return { from: iso(y, 1, 1), to: iso(y, 12, 31) };
  }
}
