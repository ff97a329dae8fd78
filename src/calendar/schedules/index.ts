/**
 * Official yearly schedules shipped with the code. Add a year by adding `<year>.json` (from that
 * year's notice, with its source document) and listing it here.
 */
import { parseYearSchedule, type YearSchedule } from '../holidays';
import schedule2024 from './2024.json';
import schedule2025 from './2025.json';
import schedule2026 from './2026.json';

function load(input: unknown): YearSchedule {
  const parsed = parseYearSchedule(input);
  if (!parsed.ok) throw new Error(`invalid bundled schedule: ${parsed.error.message}`);
  return parsed.value;
}

export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = [load(schedule2024), load(schedule2025), load(schedule2026)];
