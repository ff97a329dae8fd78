// HTTP for the courier's day (issue 13 §6): GET /api/v1/postal/day-plan, today's route.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { literals } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { courierDayPlan } from './day-plan';

const Hhmm = Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' });

export const DayPlanSchema = Type.Object({
  date: Type.String({ format: 'date' }),
  postOffice: Type.Object({ name: Type.String(), latitude: Type.Number(), longitude: Type.Number() }),
  startAt: Hhmm,
  returnAt: Hhmm,
  lengthKm: Type.Number(),
  unorderedLengthKm: Type.Number(),
  stops: Type.Array(Type.Object({
    shipmentId: Type.Integer(),
    trackingNumber: Type.String(),
    kind: literals(['pickup', 'delivery', 'appointment', 'agency'] as const),
    applicantName: Type.String(),
    phone: Type.String(),
    address: Type.String(),
    communeName: Type.String(),
    procedureName: Type.String(),
    note: Type.Union([Type.String(), Type.Null()]),
    windowFrom: Type.Union([Hhmm, Type.Null()]),
    windowTo: Type.Union([Hhmm, Type.Null()]),
    latitude: Type.Number(),
    longitude: Type.Number(),
    positionSource: literals(['confirmed', 'communeCentre', 'postOffice'] as const),
    arriveAt: Hhmm,
    lateMinutes: Type.Integer({ minimum: 0 }),
    agencyId: Type.Union([Type.Integer(), Type.Null()], { description: 'điểm dừng tại cơ quan: mã cơ quan' }),
    parcels: Type.Array(Type.Object({
      shipmentId: Type.Integer(), trackingNumber: Type.String(), legKind: literals(['toAgency', 'transfer'] as const),
      action: literals(['handOver', 'collect'] as const), dossierCodes: Type.Array(Type.String()), procedureName: Type.String(),
    }), { description: 'tại cơ quan: bưu gửi cần bàn giao, hồ sơ chuyển cần nhận' }),
  })),
});
export type DayPlanResponse = Static<typeof DayPlanSchema>;

export function registerDayPlanRoutes(app: HttpApp, deps: RouteDeps): void {
  app.get('/api/v1/postal/day-plan', {
    schema: { tags: ['postal'], summary: 'Lộ trình trong ngày của bưu tá: lấy hồ sơ, phát kết quả, bàn giao và nhận hồ sơ tại cơ quan, xếp theo khung giờ hẹn', response: { 200: DayPlanSchema } },
  }, async (request) => courierDayPlan({ db: deps.db, clock: deps.clock, actor: requireActor(request) }));
}
