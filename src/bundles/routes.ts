// HTTP for bundles (issue 17): receive a bundle at the counter, read a parent with its members, and
// the definitions in force with their combined e-form. Thin: schemas here, rules in the services.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { vnDateOfInstant } from '../calendar';
import { IdempotencyHeaders, IntakeBody, type DossierRouteDeps } from '../dossiers/routes';
import type { DossierContext } from '../dossiers/events';
import { fileAnswer, literals, PDF } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { BundleDefinitionsSchema, BundleReceivedSchema, BundleReturnedSchema, BundlesToReturnSchema, BundleWithdrawnSchema, BundleViewSchema, ReturnChoiceSchema } from './schemas';
import { bundlesToReturn, returnBundleAtCounter, setReturnChoice, type BundleToReturn } from './returns';
import { returnPlaces, returnTimings } from './return-choice';
import { bundleDefinitions } from './definitions';
import { bundleForm, getBundle, receiveBundle, type BundleView } from './service';
import { transferSlipPdf } from './transfer-slip';
import { withdrawBundle } from './withdraw';

const strict = { additionalProperties: false } as const;
const BundleCode = Type.String({ minLength: 8, maxLength: 20, pattern: '^[0-9]\\.[0-9]{6}$', description: 'Mã nhóm thủ tục liên thông (vd. 2.002621)' });
const ParentCode = Type.String({ minLength: 10, maxLength: 60, pattern: '^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$' });

const BundleBody = Type.Object({
  bundleCode: BundleCode,
  applicant: IntakeBody.properties.applicant,
  formData: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 300, description: 'Tờ khai chung: mỗi trường một lần' }),
  papers: Type.Record(Type.String({ maxLength: 40 }), IntakeBody.properties.papers, { maxProperties: 10, description: 'Giấy tờ của từng thủ tục thành phần' }),
  situations: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: 1000 }), { maxProperties: 10, description: 'Trường hợp của người nộp theo từng thủ tục thành phần có thành phần hồ sơ chia theo trường hợp (vd. residence → "Đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình …"): kiểm tra như tại quầy' })),
  delivery: IntakeBody.properties.delivery,
  storeConsent: IntakeBody.properties.storeConsent,
  returnChoice: Type.Optional(Type.Object({
    timing: literals(returnTimings), place: literals(returnPlaces), address: Type.Optional(Type.String({ maxLength: 400 })),
  }, { ...strict, description: 'Cách trả kết quả: together (trả cùng một lần) hoặc asReady (có kết quả nào trả kết quả đó); counter (tại quầy) hoặc post (một lần phát qua bưu chính đến address)' })),
}, strict);

const ChoiceBody = Type.Object({
  timing: literals(returnTimings), place: literals(returnPlaces), address: Type.Optional(Type.String({ maxLength: 400 })),
}, strict);
const ReturnBody = Type.Object({
  signature: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), signedAt: Type.String({ minLength: 10, maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$' }) }, strict),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, strict);
const WithdrawBody = Type.Object({
  reason: Type.String({ maxLength: 500, description: 'lý do người nộp rút hồ sơ (bắt buộc)' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, strict);

const iso = (d: Date | null) => d?.toISOString() ?? null;
const epochIso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const memberJson = (m: BundleView['members'][number]['dossier']) => ({
  code: m.code, status: m.status, syncCode: m.syncCode, procedureCode: m.procedureCode, competentAgency: m.competentAgency,
  receivedAt: iso(m.receivedAt), dueAt: iso(m.dueAt), finishedAt: iso(m.finishedAt),
  supplementItems: [...m.supplementItems], resultNumber: m.resultNumber, visible: m.visible,
});
const returnableJson = (r: BundleView['returnable']) => ({ now: [...r.now], awaited: [...r.awaited] });

/** A bundle to return at the counter as JSON. */
const toReturnJson = (b: BundleToReturn) => ({
  code: b.code, definitionName: b.definitionName, applicantName: b.applicantName, receivedAt: b.receivedAt.toISOString(),
  returnChoice: b.returnChoice, returnable: returnableJson(b.returnable), backFromPost: b.backFromPost, members: b.members.map((m) => ({ key: m.key, name: m.name, dossier: memberJson(m.dossier) })),
});

/** The view as JSON (instants ISO). */
export function bundleJson(v: BundleView): Static<typeof BundleViewSchema> {
  return {
    code: v.code, definition: v.definition, applicantName: v.applicantName, receivedAt: v.receivedAt.toISOString(), statutoryDueAt: iso(v.statutoryDueAt),
    state: { status: v.state.status, dueAt: epochIso(v.state.dueAt), latestKnownDueAt: epochIso(v.state.latestKnownDueAt), issues: v.state.issues.map((i) => ({ ...i, items: [...i.items], blocks: [...i.blocks] })) },
    returnChoice: v.returnChoice, returnable: returnableJson(v.returnable), returnChoiceOpen: v.returnChoiceOpen, backFromPost: v.backFromPost,
    members: v.members.map((m) => ({
      key: m.key, name: m.name, waitsFor: m.waitsFor, startedAt: iso(m.startedAt), fed: m.fed, dossier: memberJson(m.dossier),
      waitedOnBy: [...m.waitedOnBy], refusals: m.refusals.map((r) => ({ action: r.action, code: r.code, message: r.message })),
    })),
  };
}

export function registerBundleRoutes(app: HttpApp, deps: DossierRouteDeps): void {
  const ctx = (request: FastifyRequest): DossierContext => ({ db: deps.db, clock: deps.clock, actor: requireActor(request), hooks: deps.hooks, ...(deps.codeSystem ? { codeSystem: deps.codeSystem } : {}), ...(deps.intakeChecks ? { intakeChecks: deps.intakeChecks } : {}) });

  app.get('/api/v1/bundle-definitions', {
    schema: { tags: ['bundles'], summary: 'Các nhóm thủ tục liên thông đang có hiệu lực, với tờ khai chung', response: { 200: BundleDefinitionsSchema } },
  }, async (request) => {
    const c = ctx(request);
    const day = vnDateOfInstant(c.clock.now().getTime());
    const codes = [...new Set(bundleDefinitions.map((d) => d.code))];
    const items = [];
    for (const code of codes) {
      const f = await bundleForm(c.db, code, day).catch(() => null);
      if (f) items.push({ ...f.definition, members: f.definition.members.map((m) => ({ ...m, feeds: [...m.feeds] })), sharedPapers: f.definition.sharedPapers.map((p) => ({ name: p.name, members: [...p.members], papers: Object.fromEntries(Object.entries(p.papers).map(([k, v]) => [k, [...v]])) })), form: { schema: f.form.schema, askedBy: Object.fromEntries(Object.entries(f.form.askedBy).map(([k, v]) => [k, [...v]])) } });
    }
    return { items };
  });

  app.post('/api/v1/bundles', {
    schema: { tags: ['bundles'], summary: 'Tiếp nhận hồ sơ liên thông tại quầy', headers: IdempotencyHeaders, body: BundleBody, response: { 201: BundleReceivedSchema } },
  }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const r = await receiveBundle(ctx(request), request.body, typeof key === 'string' ? key : undefined);
    if (r.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send({
      code: r.code, statutoryDueAt: iso(r.statutoryDueAt), replayed: r.replayed,
      members: r.members.map((m) => ({ key: m.key, code: m.code, status: m.status, syncCode: m.syncCode, dueAt: m.dueAt, competentAgency: m.competentAgency })),
    });
  });

  app.get('/api/v1/bundles/:code', {
    schema: { tags: ['bundles'], summary: 'Hồ sơ liên thông với các hồ sơ thành phần', params: Type.Object({ code: ParentCode }, strict), response: { 200: BundleViewSchema } },
  }, async (request) => bundleJson(await getBundle(ctx(request), request.params.code)));

  app.get('/api/v1/bundles/:code/transfer-slips/:file', {
    schema: {
      tags: ['bundles'], summary: 'In Phiếu chuyển xử lý của một thủ tục thành phần (PDF khổ A5)',
      params: Type.Object({ code: ParentCode, file: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,39}\\.pdf$', description: '<mã thủ tục thành phần>.pdf, vd. residence.pdf' }) }, strict),
      response: { 200: fileAnswer('Phiếu chuyển xử lý PDF', PDF) },
    },
  }, async (request, reply) => {
    const { code, file } = request.params;
    const key = file.slice(0, -'.pdf'.length);
    const pdf = await transferSlipPdf(ctx(request), code, key);
    return reply.type(PDF).header('content-disposition', `inline; filename="${code}-chuyen-xu-ly-${key}.pdf"`).header('cache-control', 'no-store').send(Buffer.from(pdf));
  });

  app.get('/api/v1/bundles/to-return', {
    schema: { tags: ['bundles'], summary: 'Hồ sơ liên thông trả kết quả cùng một lần tại quầy, đã trả được', response: { 200: BundlesToReturnSchema } },
  }, async (request) => {
    const r = await bundlesToReturn(ctx(request));
    return { items: r.items.map(toReturnJson), heldCodes: r.heldCodes };
  });

  app.put('/api/v1/bundles/:code/return-choice', {
    schema: { tags: ['bundles'], summary: 'Đổi cách trả kết quả của hồ sơ liên thông (theo yêu cầu của người nộp)', params: Type.Object({ code: ParentCode }, strict), body: ChoiceBody, response: { 200: ReturnChoiceSchema } },
  }, async (request) => setReturnChoice(ctx(request), request.params.code, request.body));

  app.post('/api/v1/bundles/:code/return', {
    schema: { tags: ['bundles'], summary: 'Trả kết quả hồ sơ liên thông tại quầy: mọi hồ sơ thành phần trả được, một lần', params: Type.Object({ code: ParentCode }, strict), body: ReturnBody, response: { 200: BundleReturnedSchema } },
  }, async (request) => {
    const r = await returnBundleAtCounter(ctx(request), request.params.code, request.body);
    return { code: r.code, returned: r.returned.map((x) => ({ code: x.code, status: x.status, syncCode: x.syncCode, version: x.version })) };
  });

  app.post('/api/v1/bundles/:code/withdraw', {
    schema: { tags: ['bundles'], summary: 'Rút cả hồ sơ liên thông theo yêu cầu của người nộp: mọi hồ sơ thành phần đang giải quyết, một lần', params: Type.Object({ code: ParentCode }, strict), body: WithdrawBody, response: { 200: BundleWithdrawnSchema } },
  }, async (request) => {
    const r = await withdrawBundle(ctx(request), request.params.code, request.body);
    return { code: r.code, withdrawn: r.withdrawn.map((x) => ({ code: x.code, status: x.status, syncCode: x.syncCode, version: x.version })) };
  });
}
