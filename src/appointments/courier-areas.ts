// Which couriers of a service point visit which communes (issue 14 §2), for the point's
// administrators (`appointments.configure` in scope): read, and replace whole with its audit row.
import { couriersOfServicePoint } from '../accounts/references';
import { communesAmong } from '../directory/references';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { validationFailed, type ErrorDetail } from '../platform/errors';
import { currentCommune } from '../postal/service';
import { vnDateOfInstant } from '../shared/civil-date';
import { pointInScope } from './settings';

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
