/**
 * Stored yearly schedules (table `calendar_schedules`) and the working calendar built from them.
 *
 * - Each save is a new version of a year; the newest version is in force.
 * - A year without stored versions falls back to the official schedule shipped with the code
 *   (`OFFICIAL_SCHEDULES`, counted as version 1 of its year), else to the statutory rule
 *   (provisional).
 * - `loadWorkCalendar` keeps the calendars it built per process, keyed by the newest version of
 *   each year: one cheap `SELECT year, max(version)` per call tells whether the cached one is
 *   still current, so hot paths do not rebuild it and two instances never disagree for long.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';
import type { IsoDate } from './civil-date';
import type { DatedReason, YearSchedule } from './holidays';
import { OFFICIAL_SCHEDULES } from './schedules';
import { WorkCalendar } from './work-calendar';

type Db = Kysely<DB> | Transaction<DB>;

/** Which schedule a year uses: a stored version, the shipped official one, or the statutory rule. */
export type ScheduleVersion = number | 'official' | 'statutory';

export interface StoredSchedule extends YearSchedule {
  readonly version: number;
  readonly note: string | null;
  readonly createdAt: Date;
  readonly createdBy: number | null;
  readonly createdByName: string | null;
}

export interface LoadedWorkCalendar {
  readonly calendar: WorkCalendar;
  /** every year of the range → the schedule version it was built with */
  readonly versions: Readonly<Record<number, ScheduleVersion>>;
}

/** The version the shipped official schedule of a year stands for. */
export const OFFICIAL_VERSION = 1;

export function officialSchedule(year: number): YearSchedule | undefined {
  return OFFICIAL_SCHEDULES.find((s) => s.year === year);
}

/**
 * The string a dossier stores next to its due date, e.g. "2025:v2,2026:statutory": which
 * schedule of each year the due date was computed with, so that a later edit of the calendar
 * never silently changes it (see README).
 */
export function calendarVersionTag(versions: Readonly<Record<number, ScheduleVersion>>): string {
  return Object.keys(versions)
    .map(Number)
    .sort((a, b) => a - b)
    .map((year) => {
      const version = versions[year];
      return `${year}:${typeof version === 'number' ? `v${version}` : String(version)}`;
    })
    .join(',');
}

const toDays = (list: readonly { date: string; reason: string }[]): DatedReason[] =>
  list.map((d) => ({ date: d.date as IsoDate, reason: d.reason }));

function scheduleOfRow(row: {
  year: number; version: number; source: string; days_off: { date: string; reason: string }[];
  make_up_days: { date: string; reason: string }[]; note: string | null; created_at: Date;
  created_by: number | null; created_by_name: string | null;
}): StoredSchedule {
  return {
    year: row.year,
    version: row.version,
    source: row.source,
    daysOff: toDays(row.days_off),
    makeUpDays: toDays(row.make_up_days),
    note: row.note,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
  };
}

const COLUMNS = ['year', 'version', 'source', 'days_off', 'make_up_days', 'note', 'created_at', 'created_by', 'created_by_name'] as const;

/** The newest stored version of each year in [fromYear, toYear] (years without rows are absent). */
export async function newestStoredSchedules(db: Db, range?: { fromYear: number; toYear: number }): Promise<StoredSchedule[]> {
  let query = db.selectFrom('calendar_schedules').select([...COLUMNS]).distinctOn('year').orderBy('year').orderBy('version', 'desc');
  if (range) query = query.where('year', '>=', range.fromYear).where('year', '<=', range.toYear);
  return (await query.execute()).map(scheduleOfRow);
}

/** All stored versions of a year, newest first. */
export async function storedVersions(db: Db, year: number): Promise<StoredSchedule[]> {
  const rows = await db.selectFrom('calendar_schedules').select([...COLUMNS]).where('year', '=', year).orderBy('version', 'desc').execute();
  return rows.map(scheduleOfRow);
}

async function maxVersions(db: Db, fromYear: number, toYear: number): Promise<Map<number, number>> {
  const rows = await db.selectFrom('calendar_schedules')
    .select(['year', (eb) => eb.fn.max<number>('version').as('version')])
    .where('year', '>=', fromYear).where('year', '<=', toYear)
    .groupBy('year').execute();
  return new Map(rows.map((r) => [r.year, Number(r.version)]));
}

/** The version in force of every year of the range, from the stored maxima and the shipped schedules. */
function versionsOf(fromYear: number, toYear: number, stored: ReadonlyMap<number, number>): Record<number, ScheduleVersion> {
  const versions: Record<number, ScheduleVersion> = {};
  for (let year = fromYear; year <= toYear; year++) {
    versions[year] = stored.get(year) ?? (officialSchedule(year) ? 'official' : 'statutory');
  }
  return versions;
}

/**
 * The schedules in force: the newest stored version of each stored year, plus the shipped
 * official schedules of the years without stored versions. Years absent from the result use
 * the statutory rule (provisional).
 */
export async function schedulesInForce(db: Db, range?: { fromYear: number; toYear: number }): Promise<YearSchedule[]> {
  return mergeWithOfficial(await newestStoredSchedules(db, range), range);
}

function mergeWithOfficial(stored: readonly StoredSchedule[], range?: { fromYear: number; toYear: number }): YearSchedule[] {
  const storedYears = new Set(stored.map((s) => s.year));
  const shipped = OFFICIAL_SCHEDULES.filter((s) => !storedYears.has(s.year)
    && (!range || (s.year >= range.fromYear && s.year <= range.toYear)));
  return [...stored.map(({ year, source, daysOff, makeUpDays }) => ({ year, source, daysOff, makeUpDays })), ...shipped]
    .sort((a, b) => a.year - b.year);
}

interface CacheEntry {
  readonly key: string;
  readonly loaded: LoadedWorkCalendar;
}

const MAX_CACHED_RANGES = 16;
const caches = new WeakMap<object, Map<string, CacheEntry>>();

/**
 * The working calendar of [fromYear, toYear] with the schedules in force, and the version each
 * year was built with. Cached per database handle and range; rebuilt only when a year of the
 * range gets a new stored version.
 */
export async function loadWorkCalendar(db: Kysely<DB>, range: { fromYear: number; toYear: number }): Promise<LoadedWorkCalendar> {
  const { fromYear, toYear } = range;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`invalid year range ${fromYear}–${toYear}`);
  }
  const stored = await maxVersions(db, fromYear, toYear);
  const versions = versionsOf(fromYear, toYear, stored);
  const rangeKey = `${fromYear}-${toYear}`;
  const key = calendarVersionTag(versions);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(rangeKey);
  if (hit && hit.key === key) {
    cache.delete(rangeKey); // keep the most recently used last
    cache.set(rangeKey, hit);
    return hit.loaded;
  }
  // Build from the rows themselves, so the versions reported are exactly those used even if a
  // version was saved between the two queries.
  const rows = await newestStoredSchedules(db, range);
  const builtVersions = versionsOf(fromYear, toYear, new Map(rows.map((r) => [r.year, r.version])));
  const schedules = mergeWithOfficial(rows, range);
  const loaded: LoadedWorkCalendar = {
    calendar: new WorkCalendar({ fromYear, toYear, schedules }),
    versions: builtVersions,
  };
  cache.delete(rangeKey);
  cache.set(rangeKey, { key: calendarVersionTag(builtVersions), loaded });
  while (cache.size > MAX_CACHED_RANGES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return loaded;
}
