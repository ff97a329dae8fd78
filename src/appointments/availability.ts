// What slots are computed from, read from the database: the service point (directory), its booking
// rules and exceptions, the counters that serve the procedure (or the couriers), the service's
// duration, the working calendar and the live bookings. Then the pure slots.ts does the rest.
import type { Kysely, Transaction } from 'kysely';
import { loadWorkCalendar } from '../calendar/store';
import { bookablePoint, type BookablePoint } from '../directory/references';
import type { DB } from '../platform/db/schema';
import { notFound } from '../platform/errors';
import { addDays, vnDateOfInstant, type EpochMs, type IsoDate } from '../shared/civil-date';
import { homeArea, type HomeArea } from './home-areas';
import { HOME_SLOT_STEP_MINUTES } from './home-travel';
import { DEFAULT_DURATION_MINUTES, DEFAULT_RULES, type BookingRules, type Purpose } from './model';
import { counterServes } from './queue-model';
import { dayKindFrom, type SeatBooking, type SeatHours, type SlotQuery } from './slots';

type Db = Kysely<DB> | Transaction<DB>;

export interface Availability {
  readonly point: BookablePoint;
  /** a visit at home: the commune in force of the address, and the couriers who visit it */
  readonly home: HomeArea | null;
  readonly rules: BookingRules;
  /** one service's own minutes (for a visit at home, without the travel after it) */
  readonly serviceMinutes: number;
  /** the query of slots, without dates, now and bookings */
  readonly base: Omit<SlotQuery, 'from' | 'to' | 'now' | 'bookings'>;
}

export async function bookingRulesOf(db: Db, servicePointId: number): Promise<BookingRules> {
  const row = await db.selectFrom('appointment_settings').selectAll().where('service_point_id', '=', servicePointId).executeTakeFirst();
  return row
    ? { minNoticeMinutes: row.min_notice_minutes, horizonDays: row.horizon_days, homeCouriers: row.home_couriers, homeTravelMinutes: row.home_travel_minutes }
    : DEFAULT_RULES;
}

/** The counters of the point that serve the procedure: those configured for it, and those configured for nothing (they serve all). */
export async function seatsFor(db: Db, point: BookablePoint, procedureCode: string): Promise<string[]> {
  const rows = await db.selectFrom('appointment_counter_procedures').select(['counter_code', 'procedure_code'])
    .where('service_point_id', '=', point.id).execute();
  return point.counters.filter((c) => counterServes(rows, c, procedureCode));
}

export async function durationOf(db: Db, procedureCode: string, purpose: Purpose): Promise<number> {
  const row = await db.selectFrom('appointment_durations').select('minutes').where('procedure_code', '=', procedureCode).where('purpose', '=', purpose).executeTakeFirst();
  return row?.minutes ?? DEFAULT_DURATION_MINUTES[purpose];
}

type AvailabilityInput = { procedureCode: string; purpose: Purpose; today: IsoDate; from: IsoDate; to: IsoDate; communeCode?: string | null | undefined }
  & ({ servicePointCode: string } | { servicePointId: number });

export async function loadAvailability(db: Db, input: AvailabilityInput): Promise<Availability> {
  const which = 'servicePointId' in input ? { id: input.servicePointId } : { code: input.servicePointCode };
  const point = await bookablePoint(db as Kysely<DB>, which, input.today);
  if (!point) throw notFound('SERVICE_POINT_NOT_FOUND', `Không tìm thấy điểm phục vụ ${'code' in which ? `mã ${which.code}` : ''}.`.replace(' .', '.'));
  const [rules, serviceMinutes, exceptionRows] = await Promise.all([
    bookingRulesOf(db, point.id),
    durationOf(db, input.procedureCode, input.purpose),
    db.selectFrom('opening_exceptions').select(['day', 'periods']).where('service_point_id', '=', point.id)
      .where('day', '>=', input.from).where('day', '<=', input.to).execute(),
  ]);
  const home = input.purpose === 'home' ? await homeArea(db as Kysely<DB>, point, input.communeCode, rules) : null;
  const seats = home ? home.couriers.map((c) => c.seat) : await seatsFor(db, point, input.procedureCode);
  const [{ calendar }, seatHours] = await Promise.all([
    loadWorkCalendar(db as Kysely<DB>, { fromYear: Number(input.from.slice(0, 4)), toYear: Number(input.to.slice(0, 4)) }),
    input.purpose === 'home' ? new Map<string, SeatHours>() : counterHoursOf(db, point.id, seats, input.from, input.to),
  ]);
  return {
    point, rules, serviceMinutes, home,
    base: {
      hours: point.openingHours, exceptions: new Map(exceptionRows.map((r) => [r.day, r.periods])), dayKind: dayKindFrom(calendar), seats, seatHours,
      durationMinutes: serviceMinutes, minNoticeMinutes: rules.minNoticeMinutes, horizonDays: rules.horizonDays,
      // a visit at home: every half hour, a courier free when their visits keep the travel clear of it
      ...(home ? { stepMinutes: HOME_SLOT_STEP_MINUTES, travel: home.travel } : {}),
    },
  };
}

/** The counters of `seats` that keep their own hours, with their exceptions between two dates. */
export async function counterHoursOf(db: Db, servicePointId: number, seats: readonly string[], from: IsoDate, to: IsoDate): Promise<Map<string, SeatHours>> {
  if (seats.length === 0) return new Map();
  const [weekly, exceptions] = await Promise.all([
    db.selectFrom('counter_opening_hours').select(['counter_code', 'weekly']).where('service_point_id', '=', servicePointId).where('counter_code', 'in', [...seats]).execute(),
    db.selectFrom('counter_opening_exceptions').select(['counter_code', 'day', 'periods']).where('service_point_id', '=', servicePointId)
      .where('counter_code', 'in', [...seats]).where('day', '>=', from).where('day', '<=', to).execute(),
  ]);
  return new Map(weekly.map((w) => [w.counter_code, {
    hours: { weekly: w.weekly },
    exceptions: new Map(exceptions.filter((e) => e.counter_code === w.counter_code).map((e) => [e.day, e.periods])),
  }]));
}

/** Live bookings (booked or arrived) of the point's seats between two instants, except one being moved. */
export async function liveBookings(db: Db, servicePointId: number, seats: readonly string[], from: EpochMs, to: EpochMs, exceptId?: number): Promise<SeatBooking[]> {
  if (seats.length === 0) return [];
  let q = db.selectFrom('bookings').select(['seat', 'starts_at', 'ends_at', 'commune_code']).where('service_point_id', '=', servicePointId)
    .where('seat', 'in', [...seats]).where('status', 'in', ['booked', 'arrived'])
    .where('starts_at', '<', new Date(to)).where('ends_at', '>', new Date(from));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  const rows = await q.execute();
  return rows.map((r) => ({ seat: r.seat, start: r.starts_at.getTime(), end: r.ends_at.getTime(), commune: r.commune_code }));
}

/** The date range a request may ask: at most 62 days, clipped by the slots to the horizon. */
export function requestedRange(now: EpochMs, from: IsoDate | undefined, to: IsoDate | undefined): { today: IsoDate; from: IsoDate; to: IsoDate } {
  const today = vnDateOfInstant(now);
  const start = from ?? today;
  const end = to ?? addDays(start, 13);
  return { today, from: start, to: end > addDays(start, 62) ? addDays(start, 62) : end };
}
