// HTTP for the postal service (issue 13): thin routes with request and response schemas over the
// use cases of service.ts. The route list, who may call each and the shapes are in README.md.
import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DossierHook, IntakeCheck } from '../dossiers/events';
import type { CodeSystem } from '../dossiers/codes';
import type { FilesDeps } from '../documents/service';
import type { RouteDeps } from '../platform/context';
import { fileAnswer, literals, Nullable, PDF } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import { paymentMethods, receiptItemKinds } from '../payments/receipts';
import { legKinds, legStatuses, pickupOrigins } from './model';
import { DraftAnswerSchema, HandoverRecordSchema, PositionSchema, PublicTrackingSchema, ShipmentSchema, SignatureSchema } from './schemas';
import {
  assignCourier, collectPickup, consignmentNotePdf, handoverRecordPdf, collectResult, getShipment, handoverRecordView, listShipments, recordDeliveryAttempt, requestPickup,
  returnResultToAgency, saveDraft, signHandoverRecord, trackLeg, departWithParcel,
} from './service';

const strict = { additionalProperties: false } as const;
const Instant = Type.String({ minLength: 10, maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$' });
const TrackingParam = Type.Object({ trackingNumber: Type.String({ minLength: 13, maxLength: 20 }) }, strict);
const IdParam = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, strict);

const PickupBody = Type.Object({
  procedureCode: Type.String({ minLength: 1, maxLength: 60 }),
  origin: Type.Optional(literals(pickupOrigins)),
  applicant: Type.Object({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    phone: Type.String({ minLength: 1, maxLength: 20 }),
    personalId: Type.Optional(Type.String({ maxLength: 12 })),
  }, strict),
  address: Type.String({ minLength: 1, maxLength: 300 }),
  communeCode: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$' }),
  windowFrom: Instant,
  windowTo: Instant,
  servicePointCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, strict);

const PaperBody = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 40 }),
  originals: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  copies: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  source: literals(['scanned', 'uploaded', 'reused', 'national_db', 'prior_result', 'paper'] as const),
  digitized: Type.Optional(Type.Boolean()),
  fileId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
}, strict);

const DraftBody = Type.Object({
  idCardQr: Type.Optional(Type.String({ maxLength: 500, description: 'Chuỗi mã QR trên căn cước (điền sẵn người nộp)' })),
  applicant: Type.Optional(Type.Object({
    personalId: Type.Optional(Type.String({ maxLength: 12 })), name: Type.Optional(Type.String({ maxLength: 100 })),
    phone: Type.Optional(Type.String({ maxLength: 20 })), email: Type.Optional(Type.String({ maxLength: 200 })),
    birthDate: Type.Optional(Type.String({ maxLength: 10 })), address: Type.Optional(Type.String({ maxLength: 300 })),
    unitCode: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9]+$' })),
  }, strict)),
  formData: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 })),
  papers: Type.Optional(Type.Array(PaperBody, { maxItems: 100 })),
  caseKey: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z.-]+$' })),
  situation: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 1000, description: 'Trường hợp của người nộp khi thành phần hồ sơ chia theo trường hợp (src/catalog/situations.ts); null: bỏ chọn' }))),
  weightGrams: Type.Optional(Type.Number({ description: 'Khối lượng bưu gửi (gam, số nguyên 1–30.000)' })),
  delivery: Type.Optional(Type.Object({ method: literals(['counter', 'post', 'online'] as const), address: Type.Optional(Type.String({ maxLength: 300 })) }, strict)),
  expectedVersion: Type.Optional(Type.Integer({ minimum: 0 })),
}, strict);

const CollectBody = Type.Object({
  items: Type.Array(Type.Object({ kind: literals(receiptItemKinds), label: Type.String({ minLength: 1, maxLength: 200 }), amountVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) }, strict), { maxItems: 20 }),
  paymentMethod: literals(paymentMethods),
  applicantSignature: SignatureSchema,
  courierSignature: SignatureSchema,
  position: Type.Optional(PositionSchema),
  eventId: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[\\x21-\\x7e]+$' })),
}, strict);

const HandoverBody = Type.Object({
  agencyId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  trackingNumbers: Type.Array(Type.String({ minLength: 13, maxLength: 20 }), { minItems: 1, maxItems: 200 }),
  receiver: Type.Object({ name: Type.String({ minLength: 2, maxLength: 100 }), personalId: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })) }, strict),
  courierSignature: SignatureSchema,
  receiverSignature: SignatureSchema,
  remittedVnd: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_000 })),
}, strict);

const AttemptBody = Type.Object({
  outcome: literals(['delivered', 'failed'] as const),
  reason: Type.Optional(Type.String({ maxLength: 300 })),
  recipient: Type.Optional(Type.Object({
    name: Type.String({ minLength: 2, maxLength: 100 }), personalId: Type.String({ maxLength: 12 }), authorisation: Type.Optional(Type.String({ maxLength: 300 })),
  }, strict)),
  signature: Type.Optional(SignatureSchema),
  position: Type.Optional(PositionSchema),
  eventId: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[\\x21-\\x7e]+$' })),
}, strict);

const AgencySignedBody = Type.Object({ agencySignature: SignatureSchema, courierSignature: SignatureSchema, position: Type.Optional(PositionSchema) }, strict);
const ReturnBody = Type.Object({ agencySignature: SignatureSchema, position: Type.Optional(PositionSchema) }, strict);

export interface PostalRouteDeps extends RouteDeps {
  /** the dossiers' write-path hooks: the hand-over receives dossiers and the delivery returns them */
  readonly hooks: readonly DossierHook[];
  readonly codeSystem?: CodeSystem;
  readonly intakeChecks?: readonly IntakeCheck[];
  readonly trackRateLimit: number;
  /** Config.publicUrl: the QR code of a consignment note links to the public tracking of its number */
  readonly publicUrl: string;
  /** the documents' file store, where signatures are kept (signatures.ts) */
  readonly files: FilesDeps;
}

const AssignBody = Type.Object({ courierId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })) }, strict);

export function registerPostalRoutes(app: HttpApp, deps: PostalRouteDeps): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request), files: deps.files, hooks: deps.hooks, ...(deps.codeSystem ? { codeSystem: deps.codeSystem } : {}), ...(deps.intakeChecks ? { intakeChecks: deps.intakeChecks } : {}) });
  const tags = ['postal'];
  type Ctx = ReturnType<typeof ctx>;
  /** A courier's or dispatcher's step on one leg: POST …/legs/{trackingNumber}/<path>, answered with the shipment. */
  const legAction = <B extends TSchema>(path: string, summary: string, body: B,
    act: (c: Ctx, trackingNumber: string, body: Static<B>) => Promise<Static<typeof ShipmentSchema>>) =>
    app.post(`/api/v1/postal/legs/:trackingNumber/${path}`, {
      schema: { tags, summary, params: TrackingParam, body, response: { 200: ShipmentSchema } },
    }, async (request) => act(ctx(request), request.params.trackingNumber, request.body as Static<B>));

  app.post('/api/v1/postal/pickups', {
    schema: { tags, summary: 'Yêu cầu lấy hồ sơ tại nhà (cổng dịch vụ công, quầy, tổng đài)', body: PickupBody, response: { 201: ShipmentSchema } },
  }, async (request, reply) => reply.status(201).send(await requestPickup(ctx(request), request.body)));

  app.get('/api/v1/postal/shipments', {
    schema: {
      tags, summary: 'Bưu gửi của bưu cục (bưu tá: courier=me — việc của mình), hoặc của công dân',
      querystring: Type.Object({ courier: Type.Optional(Type.Literal('me')), legStatus: Type.Optional(literals(legStatuses)), legKind: Type.Optional(literals(legKinds)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, strict),
      response: { 200: Type.Object({ items: Type.Array(ShipmentSchema) }) },
    },
  }, async (request) => listShipments(ctx(request), request.query));

  app.get('/api/v1/postal/shipments/:id', {
    schema: { tags, summary: 'Một bưu gửi: các chặng, hành trình', params: IdParam, response: { 200: ShipmentSchema } },
  }, async (request) => getShipment(ctx(request), request.params.id));

  app.put('/api/v1/postal/shipments/:id/draft', {
    schema: { tags, summary: 'Bưu tá điền hồ sơ tại nhà: QR căn cước, tờ khai, thành phần hồ sơ và bản quét', params: IdParam, body: DraftBody, response: { 200: DraftAnswerSchema } },
  }, async (request) => saveDraft(ctx(request), request.params.id, request.body));

  app.post('/api/v1/postal/shipments/:id/collect', {
    schema: { tags, summary: 'Nhận hồ sơ, thu phí và cước (biên lai), hai bên ký phiếu gửi, niêm phong', params: IdParam, body: CollectBody, response: { 200: ShipmentSchema } },
  }, async (request) => collectPickup(ctx(request), request.params.id, request.body));

  legAction('assign', 'Giao chặng cho bưu tá (điều phối) hoặc bưu tá tự nhận', AssignBody, (c, n, b) => assignCourier(c, n, b.courierId));

  app.post('/api/v1/postal/handovers', {
    schema: { tags, summary: 'Ký biên bản giao nhận hồ sơ với cơ quan: thời điểm ký là thời điểm tiếp nhận', body: HandoverBody, response: { 201: HandoverRecordSchema } },
  }, async (request, reply) => reply.status(201).send(await signHandoverRecord(ctx(request), request.body)));

  app.get('/api/v1/postal/handovers/:id', {
    schema: { tags, summary: 'Một biên bản giao nhận và đối soát phí nộp cơ quan', params: IdParam, response: { 200: HandoverRecordSchema } },
  }, async (request) => handoverRecordView(ctx(request), request.params.id));

  legAction('depart', 'Bưu tá mang bưu gửi đã niêm phong từ bưu cục đi cơ quan (kết thúc chặng lấy hồ sơ)', Type.Object({ position: Type.Optional(PositionSchema) }, strict), departWithParcel);

  legAction('collect-result', 'Bưu tá nhận kết quả tại cơ quan (hai bên ký)', AgencySignedBody, collectResult);

  legAction('attempts', 'Lần phát kết quả: thành công (kiểm tra căn cước, ký nhận) hoặc không thành công (lý do)', AttemptBody, recordDeliveryAttempt);

  legAction('return-to-agency', 'Trả lại cơ quan kết quả không phát được (sau 2 lần phát cách nhau ít nhất 2 ngày làm việc)', ReturnBody, returnResultToAgency);

  const sendPdf = (reply: FastifyReply, { pdf, fileName }: { readonly pdf: Uint8Array; readonly fileName: string }) =>
    reply.type(PDF).header('content-disposition', `inline; filename="${fileName}"`).send(Buffer.from(pdf));
  app.get('/api/v1/postal/legs/:trackingNumber/note.pdf', {
    schema: { tags, summary: 'Phiếu gửi hồ sơ (TT 17/2017/TT-BTTTT Điều 9) của một chặng', params: TrackingParam, response: { 200: fileAnswer('Phiếu gửi PDF', PDF) } },
  }, async (request, reply) => sendPdf(reply, await consignmentNotePdf(ctx(request), request.params.trackingNumber, deps.publicUrl)));
  app.get('/api/v1/postal/handovers/:id/record.pdf', {
    schema: { tags, summary: 'Biên bản giao nhận hồ sơ (QĐ 45/2016/QĐ-TTg Điều 7) để in', params: IdParam, response: { 200: fileAnswer('Biên bản PDF', PDF) } },
  }, async (request, reply) => sendPdf(reply, await handoverRecordPdf(ctx(request), request.params.id)));

  app.get('/api/v1/public/postal/:trackingNumber', {
    config: publicRateLimit(deps.trackRateLimit),
    schema: { tags, summary: 'Tra cứu bưu gửi theo số hiệu (không có thông tin cá nhân)', params: TrackingParam, response: { 200: PublicTrackingSchema } },
  }, async (request) => trackLeg(deps.db, request.params.trackingNumber));
}
