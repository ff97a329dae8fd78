// HTTP for online submission (issue 15 §2, §3): thin routes with request and response schemas (schemas.ts).
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { DossierHook, IntakeCheck } from '../dossiers/events';
import type { CodeSystem } from '../dossiers/codes';
import type { SmsSender } from '../notifications/sms';
import type { RouteDeps } from '../platform/context';
import { requireActor, type HttpApp } from '../platform/http/server';
import { ActionResultSchema } from '../dossiers/schemas';
import { CivilDate, CodeParam, CodeSentSchema, CreateBody, DraftSchema, Id, InboxSchema, ReviewSchema, StatsSchema, strict, SubmittedSchema, SupplementBody, SupplementSchema, UpdateBody } from './schemas';
import { sendSupplement, supplementRequestOf } from './supplement';
import { createDraft, getDraft, inbox, onlineStats, reviewDraft, sendConfirmationCode, submitDraft, updateDraft, type OnlineContext, type OnlinePayments } from './service';

export interface OnlineRouteDeps extends RouteDeps {
  readonly hooks: readonly DossierHook[];
  readonly intakeChecks: readonly IntakeCheck[];
  readonly codeSystem?: CodeSystem;
  readonly payments: OnlinePayments | null;
  readonly sms: SmsSender;
}

export function registerOnlineRoutes(app: HttpApp, deps: OnlineRouteDeps): void {
  const ctx = (request: FastifyRequest): OnlineContext => ({
    db: deps.db, clock: deps.clock, actor: requireActor(request), hooks: deps.hooks, intakeChecks: deps.intakeChecks,
    ...(deps.codeSystem ? { codeSystem: deps.codeSystem } : {}), payments: deps.payments, sms: deps.sms,
  });
  const tags = ['online'];

  app.post('/api/v1/online/drafts', {
    schema: { tags, summary: 'Bắt đầu hồ sơ nộp trực tuyến (người dân tự nộp, hoặc nhân viên nộp thay)', body: CreateBody, response: { 201: DraftSchema } },
  }, async (request, reply) => reply.status(201).send(await createDraft(ctx(request), request.body)));

  app.get('/api/v1/online/drafts/:id', {
    schema: { tags, summary: 'Bản nháp hồ sơ trực tuyến', params: Id, response: { 200: DraftSchema } },
  }, async (request) => getDraft(ctx(request), request.params.id));

  app.put('/api/v1/online/drafts/:id', {
    schema: { tags, summary: 'Lưu các mục đã khai của bản nháp', params: Id, body: UpdateBody, response: { 200: DraftSchema } },
  }, async (request) => updateDraft(ctx(request), request.params.id, request.body));

  app.get('/api/v1/online/drafts/:id/review', {
    schema: { tags, summary: 'Kiểm tra lại trước khi nộp: mọi điều còn thiếu, phí và lệ phí, tình trạng thanh toán', params: Id, response: { 200: ReviewSchema } },
  }, async (request) => reviewDraft(ctx(request), request.params.id));

  app.post('/api/v1/online/drafts/:id/confirmation-code', {
    schema: { tags, summary: 'Nộp thay: gửi mã xác nhận đến điện thoại của người dân', params: Id, response: { 202: CodeSentSchema } },
  }, async (request, reply) => reply.status(202).send(await sendConfirmationCode(ctx(request), request.params.id, request.ip)));

  app.post('/api/v1/online/drafts/:id/submit', {
    schema: {
      tags, summary: 'Nộp hồ sơ trực tuyến (một bản nháp thành một hồ sơ, nộp lại trả về hồ sơ đó)', params: Id,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' })) }),
      body: Type.Object({ code: Type.Optional(Type.String({ maxLength: 10, description: 'Nộp thay: mã xác nhận người dân nhận qua tin nhắn' })) }, strict),
      response: { 201: SubmittedSchema },
    },
  }, async (request, reply) => {
    const result = await submitDraft(ctx(request), request.params.id, request.body);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(result);
  });

  app.get('/api/v1/online/inbox', {
    schema: { tags, summary: 'Hồ sơ nộp trực tuyến chờ tiếp nhận (cũ nhất trước)', response: { 200: InboxSchema } },
  }, async (request) => ({ items: await inbox(ctx(request)) }));

  app.get('/api/v1/online/stats', {
    schema: {
      tags, summary: 'Tỷ lệ hồ sơ trực tuyến trong kỳ và phần do bưu điện, một cửa nộp thay', querystring: Type.Object({ from: CivilDate, to: CivilDate }, strict),
      response: { 200: StatsSchema },
    },
  }, async (request) => onlineStats(ctx(request), request.query));

  app.get('/api/v1/online/dossiers/:code/supplement', {
    schema: { tags, summary: 'Hồ sơ của tôi: giấy tờ được yêu cầu bổ sung (mẫu 02) và có gửi bổ sung trực tuyến được không', params: CodeParam, response: { 200: SupplementSchema } },
  }, async (request) => supplementRequestOf(ctx(request), request.params.code));

  app.post('/api/v1/online/dossiers/:code/supplement', {
    schema: {
      tags, summary: 'Người dân gửi bổ sung hồ sơ trực tuyến: tệp cho từng mục được yêu cầu; hồ sơ trở lại nơi đã yêu cầu',
      params: CodeParam, body: SupplementBody, response: { 200: ActionResultSchema },
    },
  }, async (request) => sendSupplement(ctx(request), request.params.code, request.body));
}
