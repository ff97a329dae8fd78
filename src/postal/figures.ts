// The postal figures of a period per post office (issue 13 §5, §8): volume by leg kind, legs ended
// and whether they met their J+n target (service-times.ts, on the working calendar), failed
// delivery attempts, returns to the agency, postage and fees collected, incidents by kind and the
// compensation paid. One reading for the dashboard's panel (stats.ts) and the quarterly report
// for the post (quarterly-report.ts).
import { sql } from 'kysely';
import { agencyById, servicePointPlace } from '../directory/references';
import { loadWorkCalendar } from '../calendar/store';
import type { Database } from '../platform/db/connect';
import type { Period } from '../platform/period';
import { vnDateOfInstant, type IsoDate } from '../shared/civil-date';
import { incidentKinds, type IncidentKind } from './incident-rules';
import { foldTrail, legKinds, type LegKind } from './model';
import { SHIPPED_SERVICE_TIME_TABLES, legTarget, metTarget, type Place } from './service-times';
import { legTrailEvents } from './trail-store';

/** Where the figures are counted: one post office, or every post office under a unit. */
export type PostalScope = { readonly servicePointId: number } | { readonly unitPath: string };

export interface PostOfficeFigures {
  readonly legs: number;
  readonly legsByKind: Readonly<Record<LegKind, number>>;
  /** legs that ended in the period (handed over to the agency, or delivered) */
  readonly ended: number;
  readonly onTime: number;
  readonly late: number;
  readonly failedAttempts: number;
  readonly returnedToAgency: number;
  readonly postageVnd: number;
  readonly feesVnd: number;
  readonly incidents: number;
  readonly incidentsByKind: Readonly<Record<IncidentKind, number>>;
  readonly compensationVnd: number;
}

export interface PostOfficeRow extends PostOfficeFigures {
  readonly servicePointId: number;
  readonly code: string;
  readonly name: string;
}

const zero = (): { -readonly [K in keyof PostOfficeFigures]: PostOfficeFigures[K] } => ({
  legs: 0, legsByKind: Object.fromEntries(legKinds.map((k) => [k, 0])) as Record<LegKind, number>, ended: 0, onTime: 0, late: 0, failedAttempts: 0,
  returnedToAgency: 0, postageVnd: 0, feesVnd: 0, incidents: 0, incidentsByKind: Object.fromEntries(incidentKinds.map((k) => [k, 0])) as Record<IncidentKind, number>, compensationVnd: 0,
});

/** The figures of the period per post office of the scope (post offices with nothing are left out), and their total. */
export async function postalFigures(db: Database, scope: PostalScope, period: Period): Promise<{ postOffices: PostOfficeRow[]; total: PostOfficeFigures }> {
  const start = new Date(period.start);
  const end = new Date(period.end);
  const inScope = 'servicePointId' in scope ? sql<boolean>`s.service_point_id = ${scope.servicePointId}` : sql<boolean>`s.unit_path LIKE ${`${scope.unitPath}%`}`;
  const byPoint = new Map<number, ReturnType<typeof zero>>();
  const of = (id: number) => { let f = byPoint.get(id); if (!f) { f = zero(); byPoint.set(id, f); } return f; };

  const created = await db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
    .select(['l.service_point_id', 'l.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('l.created_at', '>=', start).where('l.created_at', '<', end).where(inScope).groupBy(['l.service_point_id', 'l.kind']).execute();
  for (const r of created) { const f = of(r.service_point_id); f.legs += Number(r.n); (f.legsByKind as Record<LegKind, number>)[r.kind] += Number(r.n); }

  const events = await db.selectFrom('postal_leg_events as e').innerJoin('postal_legs as l', 'l.id', 'e.leg_id').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
    .select(['l.service_point_id', 'e.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.kind', 'in', ['failedAttempt', 'returnedToAgency']).where('e.at', '>=', start).where('e.at', '<', end).where(inScope)
    .groupBy(['l.service_point_id', 'e.kind']).execute();
  for (const r of events) { const f = of(r.service_point_id); if (r.kind === 'failedAttempt') f.failedAttempts += Number(r.n); else f.returnedToAgency += Number(r.n); }

  const money = await db.selectFrom('postal_shipments as s')
    .select(['s.service_point_id', (eb) => eb.fn.sum<number>('s.postage_vnd').as('postage'), (eb) => eb.fn.sum<number>('s.fee_vnd').as('fees')])
    .where('s.sealed_at', '>=', start).where('s.sealed_at', '<', end).where(inScope).groupBy('s.service_point_id').execute();
  for (const r of money) { const f = of(r.service_point_id); f.postageVnd += Number(r.postage ?? 0); f.feesVnd += Number(r.fees ?? 0); }

  const incidents = await db.selectFrom('postal_incidents as i').innerJoin('postal_shipments as s', 's.id', 'i.shipment_id')
    .select(['i.service_point_id', 'i.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('i.reported_at', '>=', start).where('i.reported_at', '<', end).where(inScope).groupBy(['i.service_point_id', 'i.kind']).execute();
  for (const r of incidents) { const f = of(r.service_point_id); f.incidents += Number(r.n); (f.incidentsByKind as Record<IncidentKind, number>)[r.kind] += Number(r.n); }
  const paid = await db.selectFrom('postal_incidents as i').innerJoin('postal_shipments as s', 's.id', 'i.shipment_id')
    .select(['i.service_point_id', (eb) => eb.fn.sum<number>('i.compensation_vnd').as('vnd')])
    .where('i.resolved_at', '>=', start).where('i.resolved_at', '<', end).where(inScope).groupBy('i.service_point_id').execute();
  for (const r of paid) of(r.service_point_id).compensationVnd += Number(r.vnd ?? 0);

  await countEndedLegs(db, inScope, start, end, of);

  const postOffices: PostOfficeRow[] = [];
  for (const [id, f] of byPoint) {
    const p = await servicePointPlace(db, id);
    postOffices.push({ servicePointId: id, code: p?.code ?? String(id), name: p?.name ?? String(id), ...f });
  }
  postOffices.sort((a, b) => a.code.localeCompare(b.code));
  return { postOffices, total: sumFigures(postOffices) };
}

/**
 * The legs that ended in the period, each against its J+n target: J the consignment note's date
 * (collected), the end its hand-over or delivery. A pickup carried on by a toAgency leg is measured
 * end to end on that leg (J the pickup's collection, the end the hand-over at the agency), not twice.
 */
async function countEndedLegs(db: Database, inScope: ReturnType<typeof sql<boolean>>, start: Date, end: Date, of: (id: number) => ReturnType<typeof zero>): Promise<void> {
  const ended = await db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
    .select(['l.id', 'l.kind', 'l.shipment_id', 'l.service_point_id', 'l.agency_id', 's.commune_code', 's.province_code'])
    .where('l.status', 'in', ['handedOver', 'delivered']).where('l.updated_at', '>=', start).where(inScope).execute();
  if (ended.length === 0) return;
  const chained = await db.selectFrom('postal_legs').select(['id', 'kind', 'shipment_id']).where('kind', 'in', ['pickup', 'toAgency'])
    .where('shipment_id', 'in', [...new Set(ended.map((l) => l.shipment_id))]).execute();
  const sibling = (shipmentId: number, kind: 'pickup' | 'toAgency') => chained.find((x) => x.shipment_id === shipmentId && x.kind === kind);
  const years = [start, end].map((d) => Number(vnDateOfInstant(d.getTime()).slice(0, 4)));
  const cal = await loadWorkCalendar(db, { fromYear: (years[0] ?? 2026) - 1, toYear: (years[1] ?? 2026) + 1 });
  const agencies = new Map<number, Place | null>();
  for (const leg of ended) {
    if (leg.kind === 'pickup' && sibling(leg.shipment_id, 'toAgency')) continue;
    const trail = foldTrail(await legTrailEvents(db, leg.id), leg.kind);
    const endEvent = [...trail.entries].reverse().find((e) => e.applied && (e.kind === 'handedOver' || e.kind === 'delivered'));
    const pickup = leg.kind === 'toAgency' ? sibling(leg.shipment_id, 'pickup') : undefined;
    const jTrail = pickup ? foldTrail(await legTrailEvents(db, pickup.id), 'pickup') : trail;
    const collected = jTrail.entries.find((e) => e.applied && e.kind === 'collected');
    if (!endEvent || !collected) continue;
    const endedAt = Date.parse(endEvent.at);
    if (endedAt < start.getTime() || endedAt >= end.getTime()) continue;
    const f = of(leg.service_point_id);
    f.ended += 1;
    const applicant: Place = { communeCode: leg.commune_code, districtCode: null, provinceCode: leg.province_code };
    const agency = leg.agency_id === null ? null : await agencyPlace(db, agencies, leg.agency_id);
    if (!agency) continue;
    const j = vnDateOfInstant(Date.parse(collected.at)) as IsoDate;
    const target = legTarget(SHIPPED_SERVICE_TIME_TABLES, cal.calendar, { j, from: leg.kind === 'result' ? agency : applicant, to: leg.kind === 'result' ? applicant : agency, withAppointmentSlip: false });
    if (!target) continue;
    if (metTarget(target, endedAt)) f.onTime += 1; else f.late += 1;
  }
}

/** An agency as a place: the last segment of its unit's path is its unit's statistics code. */
async function agencyPlace(db: Database, cache: Map<number, Place | null>, id: number): Promise<Place | null> {
  if (cache.has(id)) return cache.get(id) ?? null;
  const a = await agencyById(db, id);
  const place = a ? { communeCode: a.unitPath.split('/').filter(Boolean).at(-1) ?? '', districtCode: null, provinceCode: a.provinceCode } : null;
  cache.set(id, place);
  return place;
}

export function sumFigures(rows: readonly PostOfficeFigures[]): PostOfficeFigures {
  const t = zero();
  for (const r of rows) {
    t.legs += r.legs; t.ended += r.ended; t.onTime += r.onTime; t.late += r.late; t.failedAttempts += r.failedAttempts; t.returnedToAgency += r.returnedToAgency;
    t.postageVnd += r.postageVnd; t.feesVnd += r.feesVnd; t.incidents += r.incidents; t.compensationVnd += r.compensationVnd;
    for (const k of legKinds) (t.legsByKind as Record<LegKind, number>)[k] += r.legsByKind[k];
    for (const k of incidentKinds) (t.incidentsByKind as Record<IncidentKind, number>)[k] += r.incidentsByKind[k];
  }
  return t;
}
