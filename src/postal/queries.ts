// Reads of shipments: one with its legs and trails, a service point's list (the courier's tasks),
// and the public tracking of a leg by its tracking number.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { can } from '../accounts/policy';
import { forbidden, notFound, unauthenticated } from '../platform/errors';
import type { ServiceContext } from '../platform/context';
import { parseTrackingNumber } from './tracking-number';
import { legTrailEvents } from './trail-store';
import { seesShipment, shipmentNotFound } from './scope';
import { legView, publicTrackingView, shipmentView, UNPRICED, type LegRowWithEvents, type PublicTrackingView, type ShipmentRow, type ShipmentView } from './views';
import type { LegKind, LegStatus } from './model';

type Db = Kysely<DB> | Transaction<DB>;

export async function legsWithEvents(db: Db, shipmentIds: readonly number[]): Promise<Map<number, LegRowWithEvents[]>> {
  const out = new Map<number, LegRowWithEvents[]>();
  if (shipmentIds.length === 0) return out;
  const legs = await db.selectFrom('postal_legs').selectAll().where('shipment_id', 'in', [...shipmentIds]).orderBy('id').execute();
  for (const l of legs) {
    const events = await legTrailEvents(db, l.id);
    const list = out.get(l.shipment_id) ?? [];
    list.push({ id: l.id, kind: l.kind, tracking_number: l.tracking_number, courier_id: l.courier_id, courier_name: l.courier_name, agency_id: l.agency_id, recipient: l.recipient ?? null, dossier_codes: l.dossier_codes, contents: l.contents,
      weight_grams: l.weight_grams, postage_vnd: l.postage_vnd, postage_zone: l.postage_zone, postage_tariff_id: l.postage_tariff_id, postage_at: l.postage_at, events });
    out.set(l.shipment_id, list);
  }
  return out;
}

/** A shipment as its reader sees it, or undefined. */
export async function shipmentById(db: Db, id: number): Promise<ShipmentView | undefined> {
  const s = await db.selectFrom('postal_shipments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return undefined;
  return shipmentView(s as ShipmentRow, (await legsWithEvents(db, [s.id])).get(s.id) ?? []);
}

/** One shipment within the actor's scope (404 outside it). */
export async function getShipment(ctx: ServiceContext, id: number): Promise<ShipmentView> {
  const actor = signedIn(ctx.actor);
  const s = await ctx.db.selectFrom('postal_shipments').select(['service_point_id', 'personal_id']).where('id', '=', id).executeTakeFirst();
  if (!s || !seesShipment(actor, s)) throw shipmentNotFound();
  const view = await shipmentById(ctx.db, id);
  if (!view) throw shipmentNotFound();
  return view;
}

/** One shipment by one of its legs' tracking numbers, within scope. */
export async function getShipmentByTracking(ctx: ServiceContext, trackingNumber: string): Promise<ShipmentView> {
  const n = parseTrackingNumber(trackingNumber);
  const leg = n ? await ctx.db.selectFrom('postal_legs').select('shipment_id').where('tracking_number', '=', n).executeTakeFirst() : undefined;
  if (!leg) throw shipmentNotFound();
  return getShipment(ctx, leg.shipment_id);
}

export interface ShipmentFilter {
  /** legs of this courier only ('me': the acting courier) */
  readonly courier?: 'me';
  readonly legStatus?: LegStatus;
  readonly legKind?: LegKind;
  readonly limit?: number;
}

/**
 * The shipments the actor sees, newest first: staff of a service point its shipments (a courier
 * with `courier=me` only those with a leg assigned to them), a citizen their own.
 */
export async function listShipments(ctx: ServiceContext, filter: ShipmentFilter = {}): Promise<{ items: ShipmentView[] }> {
  const actor = signedIn(ctx.actor);
  const scope = actor.scope;
  let q = ctx.db.selectFrom('postal_shipments as s').selectAll('s');
  if (scope.kind === 'servicePoint' && seesShipment(actor, { service_point_id: scope.servicePointId, personal_id: null })) q = q.where('s.service_point_id', '=', scope.servicePointId);
  else if (scope.kind === 'self' && scope.personalId !== null && seesShipment(actor, { service_point_id: -1, personal_id: scope.personalId })) q = q.where('s.personal_id', '=', scope.personalId);
  else return { items: [] };
  if (filter.courier === 'me' || filter.legStatus || filter.legKind) {
    q = q.where((eb) => eb.exists(eb.selectFrom('postal_legs as l').select('l.id').whereRef('l.shipment_id', '=', 's.id')
      .$if(filter.courier === 'me', (w) => w.where('l.courier_id', '=', actor.userId))
      .$if(filter.legStatus !== undefined, (w) => w.where('l.status', '=', filter.legStatus ?? ''))
      .$if(filter.legKind !== undefined, (w) => w.where('l.kind', '=', filter.legKind ?? 'pickup'))));
  }
  const rows = await q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(filter.limit ?? 100).execute();
  const legs = await legsWithEvents(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => shipmentView(r as ShipmentRow, legs.get(r.id) ?? [])) };
}

/** Public tracking by tracking number (no sign-in): status and steps, no personal data. */
export async function trackLeg(db: Db, trackingNumber: string): Promise<PublicTrackingView> {
  const n = parseTrackingNumber(trackingNumber);
  const missing = () => notFound('TRACKING_NUMBER_NOT_FOUND', 'Không tìm thấy số hiệu bưu gửi (kiểm tra lại các chữ số).');
  if (!n) throw missing();
  const leg = await db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
    .select(['l.id', 'l.kind', 'l.tracking_number', 'l.shipment_id', 's.procedure_name', 's.commune_name']).where('l.tracking_number', '=', n).executeTakeFirst();
  if (!leg) throw missing();
  const events = await legTrailEvents(db, leg.id);
  const view = publicTrackingView({ id: leg.id, kind: leg.kind, tracking_number: leg.tracking_number, courier_id: null, courier_name: null, agency_id: null, recipient: null, dossier_codes: [], contents: null, ...UNPRICED, events },
    leg.procedure_name, leg.commune_name);
  if (leg.kind !== 'pickup') return view;
  // the applicant knows the pickup's number: the parcel's way on to the agency (its toAgency leg) follows it
  const onward = await db.selectFrom('postal_legs').select(['id', 'tracking_number']).where('shipment_id', '=', leg.shipment_id).where('kind', '=', 'toAgency').executeTakeFirst();
  if (!onward) return view;
  const next = legView({ id: onward.id, kind: 'toAgency', tracking_number: onward.tracking_number, courier_id: null, courier_name: null, agency_id: null, recipient: null, dossier_codes: [], contents: null, ...UNPRICED, events: await legTrailEvents(db, onward.id) });
  const onwardSteps = next.trail.filter((e) => e.applied && e.kind !== 'requested' && e.kind !== 'assigned').map((e) => ({ label: e.label, at: e.at }));
  return { ...view, statusLabel: onwardSteps.length > 0 ? next.statusLabel : view.statusLabel, steps: [...view.steps, ...onwardSteps] };
}

/** Staff of a post office (couriers, dispatchers) and citizens read shipments; others are refused (403). */
function signedIn(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!(['postal.courier', 'postal.dispatch', 'portal.self'] as const).some((p) => can(actor, p))) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem bưu gửi.');
  return actor;
}

/** The tracking numbers of a dossier's result legs by post (the citizen's "sent by post" step), oldest first. */
export async function resultTrackingNumbers(db: Db, dossierCode: string): Promise<string[]> {
  const rows = await db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
    .select('l.tracking_number').where('l.kind', '=', 'result')
    // a bundle's member delivered with the others (issue 17 §4) is on the leg's dossier list
    .where((eb) => eb.or([eb('s.dossier_code', '=', dossierCode), sql<boolean>`l.dossier_codes @> ARRAY[${dossierCode}]::text[]`])).orderBy('l.id').execute();
  return rows.map((r) => r.tracking_number);
}

/**
 * Of these dossiers, those whose result leg came back to the agency undelivered (two failed
 * attempts, `returnedToAgency`): their result is now handed over at the counter (a bundle returned
 * together by post, src/bundles, is then returned there in one action).
 */
export async function resultsBackAtAgency(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
    .select(['s.dossier_code', 'l.dossier_codes']).where('l.kind', '=', 'result').where('l.status', '=', 'returnedToAgency')
    .where((eb) => eb.or([eb('s.dossier_code', 'in', [...codes]), sql<boolean>`l.dossier_codes && ${sql.val([...codes])}::text[]`])).execute();
  const back = new Set(rows.flatMap((r) => (r.dossier_codes && r.dossier_codes.length > 0 ? r.dossier_codes : [r.dossier_code])));
  return codes.filter((c) => back.has(c));
}
