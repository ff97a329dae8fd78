// HTTP for dossiers: thin routes with TypeBox schemas over the services.
import type { CodeSystem } from './codes';
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { HandoffSource } from './handoffs';
import type { ActionRefusalSource } from './action-refusals';
import { laggingReads, type RouteDeps } from '../platform/context';
import { literals } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { paymentChannels, paperSources } from './model';
import { deliveryMethods } from './delivery';
import { applicantKinds } from '../shared/applicant-kinds';
import type { DossierContext, DossierHook, IntakeCheck } from './events';
import { actions, dislikeReasons, RATING_COMMENT_MAX_CHARS, RATING_MAX_STARS, RATING_MIN_STARS, statuses } from './lifecycle';
import { assigneesOf, getDossier, performAction, queueFilters, receiveDossier, searchDossiers, verifyAudit, workQueue } from './service';
import { ActionResultSchema, AssigneesSchema, ChainReportSchema, DossierDetailSchema, IntakeResultSchema, QueueSchema, SearchPageSchema } from './schemas';

export interface DossierRouteDeps extends RouteDeps {
  readonly hooks: readonly DossierHook[];
  /** Config.codeSystem: the kind of system whose code format intake uses */
  readonly codeSystem?: CodeSystem;
  /** checks of an intake's papers by other capabilities (the document store's reuse) */
  readonly intakeChecks?: readonly IntakeCheck[];
  /** hand-offs recorded by other capabilities (the post's legs) for the control slip */
  readonly handoffs?: HandoffSource;
  /** actions other capabilities refuse on a dossier (a bundle's members): not offered in its allowedActions */
  readonly refusedActions?: ActionRefusalSource;
}

const Code = Type.String({ minLength: 10, maxLength: 60, pattern: '^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Instant = Type.String({ minLength: 10, maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$' });
const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const strict = { additionalProperties: false } as const;

/** The intake's Idempotency-Key header (a retry returns what the first request made); bundles share it. */
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' })) });

export const IntakeBody = Type.Object({
  procedureCode: Text(60),
  channel: Type.Optional(Type.Union([Type.Literal('counter'), Type.Literal('online'), Type.Literal('postal')])),
  applicant: Type.Object({
    personalId: Type.String({ pattern: '^[0-9]{12}$' }),
    name: Text(100),
    phone: Type.String({ minLength: 8, maxLength: 20 }),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    birthDate: Type.Optional(CivilDate),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    unitCode: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z@]+$' }),
  }, strict),
  papers: Type.Array(Type.Object({
    key: Text(40),
    originals: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    copies: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    source: Type.Union(paperSources.map((s) => Type.Literal(s))),
    digitized: Type.Optional(Type.Boolean()),
    fileId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    reusedDocumentId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Nguồn "reused": giấy tờ trong kho dữ liệu của người nộp (GET /api/v1/documents/store)' })),
  }, strict), { maxItems: 100 }),
  formData: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 }),
  caseKey: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z.-]+$', description: 'Trường hợp của thủ tục (danh mục: cases[].key); bỏ trống: thời hạn chung của thủ tục' })),
  placeUnitCode: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$', description: 'Mã xã, phường nơi có đất, công trình, địa điểm kinh doanh (bắt buộc với thủ tục placeTied)' })),
  situation: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'Trường hợp của người nộp khi thành phần hồ sơ chia theo trường hợp (ghi chú của các giấy tờ có điều kiện, ví dụ 1.004222 "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"): bắt buộc với các thủ tục đó, kèm ít nhất một giấy tờ của trường hợp (400 SITUATION_REQUIRED, SITUATION_UNKNOWN, SITUATION_PAPER_MISSING); không dùng cho thủ tục khác (SITUATION_NOT_APPLICABLE)' })),
  delivery: Type.Optional(Type.Object({
    method: literals(deliveryMethods),
    address: Type.Optional(Type.String({ maxLength: 300, description: 'Địa chỉ nhận kết quả (bắt buộc khi nhận qua bưu chính)' })),
  }, { ...strict, description: 'Hình thức nhận kết quả (mẫu 01, mục 6): tại quầy, qua bưu chính (kèm địa chỉ) hoặc trực tuyến' })),
  party: Type.Optional(Type.Object({
    kind: literals(applicantKinds),
    organisation: Type.Optional(Type.Object({ name: Type.String({ maxLength: 200 }), taxCode: Type.String({ maxLength: 20 }), representative: Type.String({ maxLength: 100 }) }, strict)),
    principal: Type.Optional(Type.Object({ name: Type.String({ maxLength: 100 }), personalId: Type.Optional(Type.String({ maxLength: 20 })) }, strict)),
    authorisation: Type.Optional(Type.String({ maxLength: 300 })),
  }, { ...strict, description: 'Ai nộp: cá nhân tự nộp (mặc định), cho tổ chức (tên, mã số thuế, người đại diện) hoặc nộp thay người khác (người được nộp thay, giấy ủy quyền)' })),
  // ignored until a VNeID integration exists (always recorded false); kept for forward compatibility
  vneidAuthenticated: Type.Optional(Type.Boolean({ description: 'Chưa tích hợp VNeID: giá trị này bị bỏ qua, hồ sơ ghi nhận false.' })),
  storeConsent: Type.Optional(Type.Boolean({ description: 'Người nộp đồng ý lưu giữ giấy tờ đã số hóa và kết quả điện tử vào kho dữ liệu để sử dụng lại (ghi nhận thời điểm và mục đích)' })),
}, strict);

const ActionBody = Type.Object({
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  items: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 })),
  newDueAt: Type.Optional(Instant),
  consultedAgency: Type.Optional(Type.String({ maxLength: 300 })),
  replyDueAt: Type.Optional(Instant),
  supplementDueAt: Type.Optional(Instant),
  resultNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'markResultReady: số của kết quả (số đăng ký, số giấy tờ)' })),
  receivedPapers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50, description: 'supplementReceived: giấy tờ đã nhận, mỗi giấy tờ là một nội dung của yêu cầu bổ sung (đủ tất cả)' })),
  officerId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'assign: cán bộ được phân công (mặc định: chuyên viên đang thao tác)' })),
  amountVnd: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 })),
  paymentChannel: Type.Optional(literals(paymentChannels)),
  channel: Type.Optional(Type.Union([Type.Literal('counter'), Type.Literal('post'), Type.Literal('online')])),
  signature: Type.Optional(Type.Object({ name: Text(100), signedAt: Instant }, strict)),
  // rate (the service checks these again, with its own codes, for callers other than HTTP)
  stars: Type.Optional(Type.Integer({ minimum: RATING_MIN_STARS, maximum: RATING_MAX_STARS, description: 'Mức độ hài lòng, 1–5 sao (≤ 2 sao: không hài lòng)' })),
  dislike: Type.Optional(Type.Array(literals(dislikeReasons), { maxItems: dislikeReasons.length, uniqueItems: true, description: 'Lý do chưa hài lòng' })),
  comment: Type.Optional(Type.String({ maxLength: RATING_COMMENT_MAX_CHARS })),
}, strict);

/** What the web sends as a dossier action's body (web/src/processing: types from the route's schemas, not the service's). */
export type ActionRequest = Static<typeof ActionBody>;
/** An intake's body (web/src/counter). */
export type IntakeRequest = Static<typeof IntakeBody>;

const SearchQuery = Type.Object({
  // a whole code or a part of one ("261207-0001"): searchDossiers matches parts
  code: Type.Optional(Type.String({ minLength: 3, maxLength: 60, pattern: '^[0-9A-Za-z.-]+$', description: 'Mã hồ sơ, đủ hoặc một phần (ít nhất 3 ký tự)' })),
  personalId: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
  phone: Type.Optional(Type.String({ minLength: 4, maxLength: 20, pattern: '^[0-9+ .]+$' })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  status: Type.Optional(literals(statuses)),
  procedureCode: Type.Optional(Type.String({ maxLength: 60 })),
  agency: Type.Optional(Type.String({ maxLength: 60 })),
  unit: Type.Optional(Type.String({ maxLength: 20 })),
  from: Type.Optional(CivilDate),
  to: Type.Optional(CivilDate),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  after: Type.Optional(Type.String({ maxLength: 40, pattern: '^(-|[0-9]{1,15}):[1-9][0-9]{0,15}$', description: 'Con trỏ trang: giá trị next của trang trước' })),
}, strict);
/** The search's query (web/src/processing). */
export type SearchRequest = Static<typeof SearchQuery>;

export function registerDossierRoutes(app: HttpApp, deps: DossierRouteDeps): void {
  // every dossier route needs a signed-in user: 401 before anything else
  const ctx = (request: FastifyRequest): DossierContext => ({ db: deps.db, clock: deps.clock, actor: requireActor(request), hooks: deps.hooks, ...(deps.codeSystem ? { codeSystem: deps.codeSystem } : {}), ...(deps.intakeChecks ? { intakeChecks: deps.intakeChecks } : {}), ...(deps.handoffs ? { handoffs: deps.handoffs } : {}), ...(deps.refusedActions ? { refusedActions: deps.refusedActions } : {}) });

  app.post('/api/v1/dossiers', {
    schema: {
      tags: ['dossiers'], summary: 'Tiếp nhận hồ sơ (quầy, bưu chính) hoặc nộp trực tuyến',
      headers: IdempotencyHeaders,
      body: IntakeBody,
      response: { 201: IntakeResultSchema },
    },
  }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const result = await receiveDossier(ctx(request), request.body, typeof key === 'string' ? key : undefined);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(result);
  });

  app.get('/api/v1/dossiers/:code', {
    schema: { tags: ['dossiers'], summary: 'Chi tiết hồ sơ', params: Type.Object({ code: Code }, strict), response: { 200: DossierDetailSchema } },
  }, async (request) => getDossier(ctx(request), request.params.code));

  app.get('/api/v1/dossiers/:code/assignees', {
    schema: { tags: ['dossiers'], summary: 'Cán bộ có thể được phân công xử lý hồ sơ', params: Type.Object({ code: Code }, strict), response: { 200: AssigneesSchema } },
  }, async (request) => assigneesOf(ctx(request), request.params.code));

  // the search may lag a moment behind an intake: the read replica when there is one (the detail reads the primary)
  app.get('/api/v1/dossiers', {
    schema: { tags: ['dossiers'], summary: 'Tra cứu hồ sơ trong phạm vi', querystring: SearchQuery, response: { 200: SearchPageSchema } },
  }, async (request) => searchDossiers({ ...ctx(request), db: laggingReads(deps) }, request.query));

  app.post('/api/v1/dossiers/:code/actions/:action', {
    schema: {
      tags: ['dossiers'], summary: 'Thực hiện một bước xử lý hồ sơ',
      params: Type.Object({ code: Code, action: Type.Union(actions.map((a) => Type.Literal(a))) }, strict),
      body: ActionBody,
      response: { 200: ActionResultSchema },
    },
    // actions without input may be posted without a body
    preValidation: async (request) => { if (request.body === undefined || request.body === null) request.body = {}; },
  }, async (request) => performAction(ctx(request), request.params.code, request.params.action, request.body));

  app.get('/api/v1/queue', {
    schema: {
      tags: ['dossiers'], summary: 'Danh sách công việc theo thời hạn; lọc: chờ bổ sung, có kết quả tại điểm này, sắp đến hạn, quá hạn',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), filter: Type.Optional(literals(queueFilters)) }, strict),
      response: { 200: QueueSchema },
    },
  }, async (request) => workQueue(ctx(request), request.query));

  app.get('/api/v1/audit/verify', {
    schema: {
      tags: ['audit'], summary: 'Kiểm tra chuỗi băm nhật ký của một hồ sơ (theo kỳ tiếp nhận: POST /api/v1/supervision/audit-verify)',
      querystring: Type.Object({ dossier: Code }, strict),
      response: { 200: ChainReportSchema },
    },
  }, async (request) => verifyAudit(ctx(request), request.query.dossier));
}
