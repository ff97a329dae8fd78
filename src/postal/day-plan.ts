/**
 * The courier's day (issue 13 §6): today's tasks — pickups assigned to them whose window is today
 * (or has none), results they carry, and their errands at agencies (sealed parcels to hand over,
 * transfers to collect or hand over: one stop per agency, day-plan-agencies.ts, placed at the
 * centre of the agency's commune) — ordered into a route from their post office and back
 * (route.ts). An address is where the courier's phone last confirmed it (a position recorded at a
 * pickup or a delivery attempt of the same shipment), else its commune's centre, else the post
 * office. Read-only: a new task is planned in when the courier opens the day again.
 */
import { communeCentres, servicePointPosition } from '../directory/references';
import type { ServiceContext } from '../platform/context';
import { notFound } from '../platform/errors';
import { vnDateOfInstant, vnMsOfDay, type IsoDate } from '../shared/civil-date';
import { agencyErrands, type AgencyErrand, type AgencyParcel } from './day-plan-agencies';
import { positionOfAddress, type LatLng } from './geo';
import { listShipments } from './queries';
import { planRoute, routeInOrder, type RouteStop, type TaskKind } from './route';
import { postalStaff } from './scope';
import type { LegView, ShipmentView } from './views';

export interface DayPlanStop {
  readonly shipmentId: number;
  readonly trackingNumber: string;
  readonly kind: TaskKind;
  readonly applicantName: string;
  readonly phone: string;
  readonly address: string;
  readonly communeName: string;
  readonly procedureName: string;
  /** the request's note (a visit booked at home names its booking: "Lịch hẹn tại nhà HG…") */
  readonly note: string | null;
  /** 'HH:MM' Vietnam time, or null */
  readonly windowFrom: string | null;
  readonly windowTo: string | null;
  readonly latitude: number;
  readonly longitude: number;
  readonly positionSource: 'confirmed' | 'communeCentre' | 'postOffice';
  readonly arriveAt: string;
  readonly lateMinutes: number;
  /** an agency stop: the agency, and what to hand over or collect there (empty for the other kinds) */
  readonly agencyId: number | null;
  readonly parcels: AgencyParcel[];
}

export interface DayPlan {
  readonly date: IsoDate;
  readonly postOffice: { readonly name: string; readonly latitude: number; readonly longitude: number };
  readonly startAt: string;
  readonly returnAt: string;
  readonly lengthKm: number;
  /** the same tasks ridden in the order they were listed */
  readonly unorderedLengthKm: number;
  readonly stops: DayPlanStop[];
}

const DAY_START_MINUTE = 7 * 60 + 30;
const SERVICE_MINUTES: Record<TaskKind, number> = { pickup: 20, delivery: 10, appointment: 30, agency: 15 }; // [U] configuration
const hhmm = (minute: number) => {
  const m = Math.round(minute);
  return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

interface Task {
  readonly shipment: ShipmentView;
  readonly leg: LegView;
  readonly kind: TaskKind;
}

/** Today's tasks of this courier: pickups to collect, results to deliver. */
function tasksOf(shipments: readonly ShipmentView[], courierId: number, today: IsoDate): Task[] {
  const tasks: Task[] = [];
  for (const shipment of shipments) {
    for (const leg of shipment.legs) {
      if (leg.courierId !== courierId) continue;
      const windowDay = (iso: string | null) => (iso ? vnDateOfInstant(Date.parse(iso)) : null);
      const from = windowDay(shipment.windowFrom);
      const to = windowDay(shipment.windowTo);
      const windowToday = from === null || to === null || (from <= today && today <= to);
      if (leg.kind === 'pickup' && leg.status === 'assigned' && windowToday) tasks.push({ shipment, leg, kind: 'pickup' });
      if (leg.kind === 'result' && (leg.status === 'collected' || leg.status === 'failedAttempt')) tasks.push({ shipment, leg, kind: 'delivery' });
    }
  }
  return tasks;
}

/** The last position the courier's phone recorded at the applicant's address (not at the agency). */
function lastConfirmed(shipment: ShipmentView): LatLng | null {
  let found: { at: string; position: LatLng } | null = null;
  for (const leg of shipment.legs) {
    for (const e of leg.trail) {
      const atAddress = leg.kind === 'pickup' ? e.kind === 'collected' : leg.kind === 'result' && (e.kind === 'delivered' || e.kind === 'failedAttempt');
      if (atAddress && e.position && (!found || e.at > found.at)) found = { at: e.at, position: { latitude: e.position.lat, longitude: e.position.lon } };
    }
  }
  return found?.position ?? null;
}

/** Minutes of today's Vietnam date covered by a window (clipped to the day), or null. */
function windowToday(shipment: ShipmentView, today: IsoDate): { from: number; to: number } | null {
  if (!shipment.windowFrom || !shipment.windowTo) return null;
  const from = Date.parse(shipment.windowFrom);
  const to = Date.parse(shipment.windowTo);
  return {
    from: vnDateOfInstant(from) < today ? 0 : vnMsOfDay(from) / 60_000,
    to: vnDateOfInstant(to) > today ? 24 * 60 - 1 : vnMsOfDay(to) / 60_000,
  };
}

type Placed = { position: LatLng; source: DayPlanStop['positionSource'] };

/** An address at its last confirmed position, else its commune's centre, else the post office. */
function placeOf(centre: LatLng | undefined, confirmed: LatLng | null, postOffice: LatLng): Placed {
  return centre || confirmed ? positionOfAddress({ communeCentre: centre ?? postOffice, lastConfirmed: confirmed }) : { position: postOffice, source: 'postOffice' };
}

const communeOfPath = (unitPath: string) => unitPath.split('/').filter((x) => x !== '').at(-1) ?? '';
const agencyStopId = (e: AgencyErrand) => `agency-${e.agency.id}`;

export async function courierDayPlan(ctx: ServiceContext): Promise<DayPlan> {
  const actor = postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now().getTime();
  const today = vnDateOfInstant(now);
  const office = await servicePointPosition(ctx.db, actor.scope.servicePointId);
  if (!office || office.latitude === null || office.longitude === null) {
    throw notFound('POST_OFFICE_POSITION_UNKNOWN', 'Bưu cục chưa có tọa độ trong danh mục: chưa lập được lộ trình.');
  }
  const postOffice = { name: office.name, latitude: office.latitude, longitude: office.longitude };
  const { items } = await listShipments(ctx, { courier: 'me', limit: 500 });
  const tasks = tasksOf(items, actor.userId, today);
  const errands = await agencyErrands(ctx, items, actor.userId, new Date(now));
  const centres = await communeCentres(ctx.db, [...tasks.map((t) => t.shipment.commune.code), ...errands.map((e) => communeOfPath(e.agency.unitPath))]);
  const placed = tasks.map((t) => ({ task: t, place: placeOf(centres.get(t.shipment.commune.code), lastConfirmed(t.shipment), postOffice) }));
  const agencies = errands.map((e) => ({ errand: e, place: placeOf(centres.get(communeOfPath(e.agency.unitPath)), null, postOffice) }));
  const startMinute = Math.max(DAY_START_MINUTE, vnMsOfDay(now) / 60_000);
  // a window that has already closed cannot be kept any more: it no longer orders the route (the stop is shown late)
  const stops: RouteStop[] = [
    ...placed.map(({ task, place }) => {
      const window = windowToday(task.shipment, today);
      return {
        id: task.leg.trackingNumber, kind: task.kind, position: place.position,
        window: window && window.to >= startMinute ? window : null, serviceMinutes: SERVICE_MINUTES[task.kind],
      };
    }),
    ...agencies.map(({ errand, place }) => ({ id: agencyStopId(errand), kind: 'agency' as const, position: place.position, window: null, serviceMinutes: SERVICE_MINUTES.agency })),
  ];
  const problem = { start: { position: postOffice, minute: startMinute }, end: postOffice, stops };
  const plan = planRoute(problem);
  const byId = new Map(placed.map((p) => [p.task.leg.trackingNumber, p]));
  const agencyStops = new Map(agencies.map((a) => [agencyStopId(a.errand), a]));
  return {
    date: today, postOffice, startAt: hhmm(startMinute), returnAt: hhmm(plan.returnMinute),
    lengthKm: Math.round(plan.lengthKm * 10) / 10, unorderedLengthKm: Math.round(routeInOrder(problem).lengthKm * 10) / 10,
    stops: plan.stops.flatMap((s): DayPlanStop[] => {
      const a = agencyStops.get(s.id);
      if (a) {
        const first = a.errand.parcels[0];
        return [{
          shipmentId: first?.shipmentId ?? 0, trackingNumber: first?.trackingNumber ?? s.id, kind: 'agency', applicantName: a.errand.agency.name, phone: a.errand.agency.phone ?? '',
          address: a.errand.agency.address ?? a.errand.agency.name, communeName: '', procedureName: [...new Set(a.errand.parcels.map((p) => p.procedureName))].join('; '), note: null,
          windowFrom: null, windowTo: null, latitude: a.place.position.latitude, longitude: a.place.position.longitude, positionSource: a.place.source,
          arriveAt: hhmm(s.serviceStartMinute), lateMinutes: 0, agencyId: a.errand.agency.id, parcels: a.errand.parcels,
        }];
      }
      const p = byId.get(s.id);
      if (!p) return [];
      const { shipment } = p.task;
      const window = windowToday(shipment, today);
      return [{
        shipmentId: shipment.id, trackingNumber: s.id, kind: p.task.kind, applicantName: shipment.applicant.name, phone: shipment.applicant.phone,
        address: shipment.address, communeName: shipment.commune.name, procedureName: shipment.procedureName, note: shipment.note,
        windowFrom: window ? hhmm(window.from) : null, windowTo: window ? hhmm(window.to) : null,
        latitude: p.place.position.latitude, longitude: p.place.position.longitude, positionSource: p.place.source,
        arriveAt: hhmm(s.serviceStartMinute), lateMinutes: Math.round(window ? Math.max(0, s.serviceStartMinute - window.to) : 0), agencyId: null, parcels: [],
      }];
    }),
  };
}
