// Visits at home (issue 14 §2): the couriers of a service point who visit a commune (of the 2025
// directory; an old code is mapped to the commune in force) — slots at home come from them
// (availability.ts) — and the portal's search of the communes where couriers come. Their
// configuration is courier-areas.ts.
import type { Kysely } from 'kysely';
import { couriersOfServicePoint } from '../accounts/references';
import { bookablePoint, communeCentres, communesAmong, servicePointAddress, type BookablePoint } from '../directory/references';
import type { DB } from '../platform/db/schema';
import { validationFailed } from '../platform/errors';
import { currentCommune } from '../postal/service';
import { courierSeatOf, travelModel, type HomeTravel } from './home-travel';
import type { BookingRules } from './model';

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
