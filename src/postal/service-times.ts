/**
 * "J + n" service targets of a postal leg (TT 17/2017/TT-BTTTT Arts. 6–7): J is the date on the
 * consignment note, n working days on the working calendar. Which pair of places gets which n is a
 * versioned data table (service-time-tables.json): TT 17 counts districts, which ended on
 * 2025-07-01, so the table in force on J says whether "local" means the same district or the same
 * commune. Pure: tables and calendar are arguments.
 */
import type { WorkCalendar } from '../calendar';
import { addDays, dayNumberOf, vnDateOfInstant, type EpochMs, type IsoDate } from '../shared/civil-date';
import shipped from './service-time-tables.json';

export const RELATIONS = ['local', 'province', 'majorCities', 'interProvincial'] as const;
/** local: same district (TT 17) or same commune (after 2025); province: elsewhere in the province */
export type Relation = (typeof RELATIONS)[number];

export interface Target {
  readonly days: number;
  /** when an appointment slip must also be delivered */
  readonly daysWithSlip: number;
}

export interface ServiceTimeTable {
  readonly id: string;
  readonly validFrom: IsoDate;
  /** exclusive; null = in force */
  readonly validTo: IsoDate | null;
  readonly source: string;
  readonly localUnit: 'district' | 'commune';
  readonly majorCityProvinceCodes: readonly string[];
  readonly targets: Readonly<Record<Relation, Target>>;
}

/** One end of a leg, as the directory knew it on J. */
export interface Place {
  readonly communeCode: string;
  /** null after 2025-07-01 */
  readonly districtCode: string | null;
  readonly provinceCode: string;
}

export const SHIPPED_SERVICE_TIME_TABLES: readonly ServiceTimeTable[] = shipped.tables.map((t) => ({
  ...t,
  validFrom: t.validFrom as IsoDate,
  validTo: t.validTo === null ? null : (t.validTo as IsoDate),
  localUnit: t.localUnit === 'district' ? 'district' : 'commune',
}));

export function tableInForce(tables: readonly ServiceTimeTable[], j: IsoDate): ServiceTimeTable | null {
  return tables.find((t) => t.validFrom <= j && (t.validTo === null || j < t.validTo)) ?? null;
}

export function relationBetween(table: ServiceTimeTable, from: Place, to: Place): Relation {
  if (from.provinceCode !== to.provinceCode) {
    const major = (p: Place) => table.majorCityProvinceCodes.includes(p.provinceCode);
    return major(from) && major(to) ? 'majorCities' : 'interProvincial';
  }
  const sameLocal = table.localUnit === 'district'
    ? from.districtCode !== null && from.districtCode === to.districtCode
    : from.communeCode === to.communeCode;
  return sameLocal ? 'local' : 'province';
}

/** The n-th working day after J (J itself never counts, working or not). */
export function addWorkingDays(calendar: WorkCalendar, j: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = j;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (calendar.isWorkingDayNumber(dayNumberOf(day))) left -= 1;
  }
  return day;
}

export interface LegTarget {
  readonly tableId: string;
  readonly relation: Relation;
  readonly workingDays: number;
  /** the last date (Vietnam time) by which the leg must end */
  readonly dueDate: IsoDate;
}

export function legTarget(
  tables: readonly ServiceTimeTable[],
  calendar: WorkCalendar,
  leg: { readonly j: IsoDate; readonly from: Place; readonly to: Place; readonly withAppointmentSlip: boolean },
): LegTarget | null {
  const table = tableInForce(tables, leg.j);
  if (!table) return null;
  const relation = relationBetween(table, leg.from, leg.to);
  const target = table.targets[relation];
  const workingDays = leg.withAppointmentSlip ? target.daysWithSlip : target.days;
  return { tableId: table.id, relation, workingDays, dueDate: addWorkingDays(calendar, leg.j, workingDays) };
}

/** Whether a leg that ended at `endedAt` met its target: it ended on or before the due date (Vietnam time). */
export function metTarget(target: LegTarget, endedAt: EpochMs): boolean {
  return vnDateOfInstant(endedAt) <= target.dueDate;
}
