// HTTP for transfer legs (transfers.ts): an agency officer asks the post to carry a dossier's papers
// to another agency and reads the legs on the dossier's page; the courier collects and hands over.
// And a counter's dossier carried to its competent agency (forward-by-post.ts): the clerk asks.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { FilesDeps } from '../documents/service';
import type { RouteDeps } from '../platform/context';
import { literals, Nullable } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { LegSchema, PositionSchema, ShipmentSchema, SignatureSchema } from './schemas';
import { forwardByPost, forwardByPostView } from './forward-by-post';
import { ZONES } from './tariff';
import { transferStatement } from './transfer-statement';
import { collectTransfer, dossierTransfers, handOverTransfer, requestTransfer, transferAgencies, transferQuote } from './transfers';

const strict = { additionalProperties: false } as const;
const TrackingParam = Type.Object({ trackingNumber: Type.String({ minLength: 13, maxLength: 20 }) }, strict);

export const DossierTransfersSchema = Type.Object({
  items: Type.Array(Type.Intersect([LegSchema, Type.Object({ fromAgencyId: Nullable(Type.Integer()) })])),
});
export type DossierTransfersResponse = Static<typeof DossierTransfersSchema>;

export const TransferAgenciesSchema = Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })) });
export type TransferAgenciesResponse = Static<typeof TransferAgenciesSchema>;

const TransferBody = Type.Object({
  dossierCodes: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 50 }),
  toAgencyId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  contents: Type.String({ minLength: 1, maxLength: 500 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, strict);

export const ForwardByPostSchema = Type.Object({
  shipment: Nullable(ShipmentSchema),
  mayAsk: Type.Boolean({ description: 'hồ sơ tiếp nhận tại bưu cục này, chưa có kết quả, chưa yêu cầu chuyển' }),
  couriers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type ForwardByPostResponse = Static<typeof ForwardByPostSchema>;

export const TransferPostageSchema = Type.Object({
  amountVnd: Type.Integer(), zone: literals(ZONES), weightGrams: Type.Integer(), tariffId: Type.String(),
  payer: Type.Literal('sendingAgency', { description: 'cơ quan gửi trả cước (không thu của người dân)' }),
});
export type TransferPostageResponse = Static<typeof TransferPostageSchema>;

export const TransferStatementSchema = Type.Object({
  month: Type.String({ description: 'yyyy-mm' }),
  from: Type.String({ description: 'ngày đầu tháng, yyyy-mm-dd' }),
  to: Type.String({ description: 'ngày cuối tháng, yyyy-mm-dd' }),
  agencies: Type.Array(Type.Object({
    agencyId: Type.Integer(),
    agencyName: Type.String(),
    legs: Type.Array(Type.Object({
      trackingNumber: Type.String(),
      collectedAt: Type.String({ description: 'bưu tá nhận tại cơ quan gửi (ISO)' }),
      toAgencyName: Type.String(),
      dossierCodes: Type.Array(Type.String()),
      contents: Nullable(Type.String()),
      weightGrams: Type.Integer(),
      zone: literals(ZONES),
      tariffId: Type.String(),
      amountVnd: Type.Integer(),
    })),
    totalVnd: Type.Integer(),
  })),
  totalVnd: Type.Integer(),
});
export type TransferStatementResponse = Static<typeof TransferStatementSchema>;

const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, strict);

export function registerTransferRoutes(app: HttpApp, deps: RouteDeps & { readonly files: FilesDeps }): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request), files: deps.files });
  const tags = ['postal'];
  app.post('/api/v1/postal/transfers', {
    schema: { tags, summary: 'Cơ quan yêu cầu bưu chính chuyển hồ sơ giấy đến cơ quan khác (liên thông)', body: TransferBody, response: { 201: ShipmentSchema } },
  }, async (request, reply) => reply.status(201).send(await requestTransfer(ctx(request), request.body)));
  app.get('/api/v1/postal/transfer-agencies', {
    schema: { tags, summary: 'Các cơ quan trong tỉnh mà cơ quan của cán bộ có thể gửi hồ sơ giấy qua bưu chính', response: { 200: TransferAgenciesSchema } },
  }, async (request) => transferAgencies(ctx(request)));
  app.get('/api/v1/postal/dossiers/:code/transfers', {
    schema: {
      tags, summary: 'Các lần chuyển hồ sơ giấy qua bưu chính của một hồ sơ, với hành trình', params: CodeParam,
      response: { 200: DossierTransfersSchema },
    },
  }, async (request) => dossierTransfers(ctx(request), request.params.code));
  app.get('/api/v1/postal/dossiers/:code/forward-by-post', {
    schema: { tags, summary: 'Việc chuyển hồ sơ giấy của hồ sơ đến cơ quan giải quyết qua bưu chính (nhân viên bưu cục)', params: CodeParam, response: { 200: ForwardByPostSchema } },
  }, async (request) => forwardByPostView(ctx(request), request.params.code));
  app.post('/api/v1/postal/dossiers/:code/forward-by-post', {
    schema: {
      tags, summary: 'Chuyển hồ sơ giấy đến cơ quan qua bưu chính: mở chặng đến cơ quan với số hiệu bưu gửi', params: CodeParam,
      body: Type.Object({ courierId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })), note: Type.Optional(Type.String({ maxLength: 500 })) }, strict),
      response: { 201: ShipmentSchema },
    },
  }, async (request, reply) => reply.status(201).send(await forwardByPost(ctx(request), request.params.code, request.body)));
  app.get('/api/v1/postal/transfer-postage', {
    schema: {
      tags, summary: 'Bảng kê cước chuyển hồ sơ giữa các cơ quan của một tháng, theo cơ quan gửi (cơ quan gửi trả cước)',
      querystring: Type.Object({
        month: Type.String({ minLength: 1, maxLength: 7, description: 'yyyy-mm' }),
        agencyId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
      }, strict),
      response: { 200: TransferStatementSchema },
    },
  }, async (request) => transferStatement(ctx(request), request.query));
  app.get('/api/v1/postal/legs/:trackingNumber/transfer-postage', {
    schema: {
      tags, summary: 'Cước của bưu gửi chuyển hồ sơ theo khối lượng (trước khi nhận), tính cho cơ quan gửi', params: TrackingParam,
      querystring: Type.Object({ weightGrams: Type.Optional(Type.Number({ description: 'Khối lượng bưu gửi (gam, số nguyên 1–30.000)' })) }, strict),
      response: { 200: TransferPostageSchema },
    },
  }, async (request) => transferQuote(ctx(request), request.params.trackingNumber, request.query.weightGrams));
  app.post('/api/v1/postal/legs/:trackingNumber/collect-transfer', {
    schema: {
      tags, summary: 'Bưu tá cân bưu gửi và nhận hồ sơ tại cơ quan gửi (hai bên ký); cước tính cho cơ quan gửi', params: TrackingParam,
      body: Type.Object({
        // optional in the schema: a missing weight is the service's 400 WEIGHT_MISSING with its Vietnamese message
        weightGrams: Type.Optional(Type.Number({ description: 'Khối lượng bưu gửi (gam, số nguyên 1–30.000)' })),
        senderSignature: SignatureSchema, courierSignature: SignatureSchema, position: Type.Optional(PositionSchema),
      }, strict),
      response: { 200: ShipmentSchema },
    },
  }, async (request) => collectTransfer(ctx(request), request.params.trackingNumber, request.body));
  app.post('/api/v1/postal/legs/:trackingNumber/hand-over-transfer', {
    schema: {
      tags, summary: 'Bưu tá bàn giao hồ sơ cho cơ quan nhận (người nhận ký)', params: TrackingParam,
      body: Type.Object({
        receiver: Type.Object({ name: Type.String({ minLength: 2, maxLength: 100 }), personalId: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })) }, strict),
        receiverSignature: SignatureSchema, courierSignature: SignatureSchema, position: Type.Optional(PositionSchema),
      }, strict),
      response: { 200: ShipmentSchema },
    },
  }, async (request) => handOverTransfer(ctx(request), request.params.trackingNumber, request.body));
}
