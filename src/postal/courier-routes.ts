// HTTP for the courier's screens (web/src/postal): what to collect at the door (fees, postage for a
// weighed parcel, the receipt once issued) and the agencies to hand the sealed parcels to.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { Nullable, literals } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { handoverAgencies, shipmentCharges } from './charges';
import { ZONES } from './tariff';

const strict = { additionalProperties: false } as const;

export const ChargesSchema = Type.Object({
  fees: Type.Array(Type.Object({ label: Type.String(), amountVnd: Nullable(Type.Integer()), formula: Nullable(Type.String()) })),
  postage: Type.Object({ amountVnd: Type.Integer(), zone: literals(ZONES), weightGrams: Type.Integer(), tariffId: Type.String() }),
  receipt: Nullable(Type.Object({ number: Type.String(), amountVnd: Type.Integer(), paymentMethod: Type.String() })),
});
export type ChargesResponse = Static<typeof ChargesSchema>;

export const HandoverAgenciesSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), trackingNumbers: Type.Array(Type.String()) })),
});
export type HandoverAgenciesResponse = Static<typeof HandoverAgenciesSchema>;

export function registerCourierRoutes(app: HttpApp, deps: RouteDeps): void {
  const ctx = (request: Parameters<typeof requireActor>[0]) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
  app.get('/api/v1/postal/shipments/:id/charges', {
    schema: {
      tags: ['postal'], summary: 'Phí, lệ phí và cước (theo khối lượng bưu gửi) phải thu tại nhà; biên lai khi đã thu',
      params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, strict),
      querystring: Type.Object({ weightGrams: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) }, strict),
      response: { 200: ChargesSchema },
    },
  }, async (request) => shipmentCharges(ctx(request), request.params.id, request.query.weightGrams));
  app.get('/api/v1/postal/handover-agencies', {
    schema: { tags: ['postal'], summary: 'Cơ quan nhận bàn giao: bưu gửi đã niêm phong của bưu tá, theo cơ quan có thẩm quyền', response: { 200: HandoverAgenciesSchema } },
  }, async (request) => handoverAgencies(ctx(request)));
}
