// Visits at home (issue 14 §2): which couriers of a service point visit which communes (of the 2025
// directory; an old code is mapped to the commune in force). Slots at home come from the couriers
// who visit the address's commune (availability.ts); the portal finds the communes served here.
import type { Kysely } from 'kysely';
import { couriersOfServicePoint } from '../accounts/references';
import { bookablePoint, communeCentres, communesAmong, servicePointAddress, type BookablePoint } from '../directory/references';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { validationFailed, type ErrorDetail } from '../platform/errors';
import { currentCommune } from '../postal/service';
import { vnDateOfInstant } from '../shared/civil-date';
import { courierSeatOf, travelModel, type HomeTravel } from './home-travel';
import type { BookingRules } from './model';
import { pointInScope } from './settings';

export interface HomeCourier {
  readonly seat: string;
  readonly userId: number;
  readonly fullName: string;
}

export interface HomeArea {
  readonly commune: { readonly code: string; readonly name: string };
  readonly couriers: readonly HomeCourier[];
  readonly travel: HomeTravel;
}

const communeRequired = () => validationFailed('COMMUNE_REQUIRED', 'Vui lòng chọn xã, phường nơi bưu tá đến.', [{ path: 'communeCode', message: 'bắt buộc' }]);

/** The commune of the address (in force), the point's couriers who visit it, and the travel between communes. */
export async function homeArea(db: Kysely<DB>, point: BookablePoint, communeCode: string | null | undefined, rules: BookingRules): Promise<HomeArea> {
  if (!communeCode?.trim()) throw communeRequired();
  const commune = await currentCommune(db, communeCode.trim());
  const [couriers, areas] = await Promise.all([
    couriersOfServicePoint(db, point.id),
    db.selectFrom('courier_areas').select(['courier_id', 'commune_code']).where('service_point_id', '=', point.id).execute(),
  ]);
  const visiting = new Set(areas.filter((a) => a.commune_code === commune.code).map((a) => a.courier_id));
  const centres = await communeCentres(db, [commune.code, ...areas.map((a) => a.commune_code)]);
  return {
    commune: { code: commune.code, name: commune.name },
    couriers: couriers.filter((c) => visiting.has(c.userId)).map((c) => ({ seat: courierSeatOf(c.userId), ...c })),
    travel: { commune: commune.code, minutes: travelModel(centres, rules.homeTravelMinutes) },
  };
}

/** Demo data (idempotent): every courier of a commune-level point visits the point's own commune. */
export async function seedDemoHomeAreas(db: Kysely<DB>, servicePointCode: string, day: string): Promise<void> {
  const point = await bookablePoint(db, { code: servicePointCode }, day);
  if (!point || point.unitLevel !== 'commune') return;
  const couriers = await couriersOfServicePoint(db, point.id);
  if (couriers.length === 0) return;
  await db.insertInto('courier_areas').values(couriers.map((c) => ({ service_point_id: point.id, courier_id: c.userId, commune_code: point.unitCode })))
    .onConflict((oc) => oc.doNothing()).execute();
}

export interface CourierAreas {
  readonly servicePointCode: string;
  /** every courier of the point, with the communes they visit (none: no visits at home) */
  readonly items: { courierId: number; fullName: string; communes: { code: string; name: string }[] }[];
}

export async function getCourierAreas(ctx: ServiceContext, code: string): Promise<CourierAreas> {
  const point = await pointInScope(ctx, code);
  const [couriers, areas] = await Promise.all([
    couriersOfServicePoint(ctx.db, point.id),
    ctx.db.selectFrom('courier_areas').select(['courier_id', 'commune_code']).where('service_point_id', '=', point.id).execute(),
  ]);
  const names = new Map((await communesAmong(ctx.db, areas.map((a) => a.commune_code), '', vnDateOfInstant(ctx.clock.now().getTime()), 1000)).map((c) => [c.code, c.name]));
  return {
    servicePointCode: point.code,
    items: couriers.map((c) => ({
      courierId: c.userId, fullName: c.fullName,
      communes: areas.filter((a) => a.courier_id === c.userId).map((a) => ({ code: a.commune_code, name: names.get(a.commune_code) ?? a.commune_code })),
    })),
  };
}

/** Replaces the point's courier areas in one transaction with its audit row; communes are mapped to those in force. */
export async function saveCourierAreas(ctx: ServiceContext, code: string, input: { items: readonly { courierId: number; communeCodes: readonly string[] }[] }): Promise<CourierAreas> {
  const point = await pointInScope(ctx, code);
  const couriers = new Set((await couriersOfServicePoint(ctx.db, point.id)).map((c) => c.userId));
  const problems: ErrorDetail[] = [];
  const rows: { service_point_id: number; courier_id: number; commune_code: string }[] = [];
  for (const [i, item] of input.items.entries()) {
    if (!couriers.has(item.courierId)) problems.push({ path: `items[${i}].courierId`, message: 'không phải bưu tá của điểm này' });
    for (const [j, c] of item.communeCodes.entries()) {
      const commune = await currentCommune(ctx.db, c, `items[${i}].communeCodes[${j}]`).catch(() => null);
      if (!commune) problems.push({ path: `items[${i}].communeCodes[${j}]`, message: `không có xã, phường mã ${c}` });
      else if (!rows.some((r) => r.courier_id === item.courierId && r.commune_code === commune.code)) rows.push({ service_point_id: point.id, courier_id: item.courierId, commune_code: commune.code });
    }
  }
  if (problems.length > 0) throw validationFailed('COURIER_AREAS_INVALID', `Địa bàn bưu tá chưa hợp lệ: ${problems[0]?.message ?? ''}.`, problems);
  const before = await getCourierAreas(ctx, code);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('courier_areas').where('service_point_id', '=', point.id).execute();
    if (rows.length > 0) await trx.insertInto('courier_areas').values(rows).execute();
    await recordAudit(trx, ctx.actor, { action: 'appointment.courier_areas', entity: 'service_point', entityKey: point.code, at: now, payload: { before: before.items, after: rows } });
  });
  return getCourierAreas(ctx, code);
}

export interface HomeCommune {
  readonly communeCode: string;
  readonly communeName: string;
  readonly servicePoint: { readonly code: string; readonly name: string; readonly address: string };
}

/** The portal's choice (no sign-in): communes matching `q` where couriers of a service point visit homes, with that point. */
export async function homeCommunes(db: Kysely<DB>, q: string, day: string): Promise<{ items: HomeCommune[] }> {
  const areas = await db.selectFrom('courier_areas').select(['service_point_id', 'commune_code']).distinct().execute();
  const communes = await communesAmong(db, areas.map((a) => a.commune_code), q, day, 20);
  const ids = [...new Set(areas.filter((a) => communes.some((c) => c.code === a.commune_code)).map((a) => a.service_point_id))];
  const points = new Map(await Promise.all(ids.map(async (id) => [id, await servicePointAddress(db, id)] as const)));
  return {
    items: communes.flatMap((c) => areas.filter((a) => a.commune_code === c.code).flatMap((a) => {
      const point = points.get(a.service_point_id);
      return point ? [{ communeCode: c.code, communeName: c.name, servicePoint: point }] : [];
    })),
  };
}
