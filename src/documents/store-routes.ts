// HTTP for the applicant's document store (issue 12 §4): thin routes with request and response schemas.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { literals, Nullable } from '../platform/http/schemas';
import { signedInContext, type HttpApp } from '../platform/http/server';
import { giveConsent, storeOf, withdrawConsent } from './store';
import { documentTypes } from './store-model';

const strict = { additionalProperties: false } as const;
const CivilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

const Consent = Type.Object({
  givenAt: Type.String({ format: 'date-time' }),
  purpose: Type.String(),
  givenVia: literals(['counter', 'postal', 'portal'] as const),
});

const StoreDocument = Type.Object({
  id: Type.Integer(),
  paperKey: Nullable(Type.String()),
  docType: Nullable(literals(documentTypes)),
  title: Type.String(),
  fileId: Type.Integer(),
  sourceKind: literals(['digitized', 'result'] as const),
  sourceDossierCode: Type.String(),
  sourceProcedureCode: Type.String(),
  validFrom: Nullable(CivilDate),
  validUntil: Nullable(CivilDate),
  reusable: Type.Boolean(),
  notReusable: Nullable(literals(['noConsent', 'expired', 'notYetValid', 'oneDossierOnly'] as const)),
});

export const StoreAnswer = Type.Object({
  holder: Type.Object({ kind: literals(['person', 'organisation'] as const), id: Type.String() }),
  consent: Nullable(Consent),
  documents: Type.Array(StoreDocument),
  held: Nullable(Type.Array(Type.Object({ paperKey: Type.String(), paperName: Type.String(), documentIds: Type.Array(Type.Integer()) }))),
});
export type StoreResponse = Static<typeof StoreAnswer>;
export type StoreConsentResponse = Static<typeof Consent>;

export function registerStoreRoutes(app: HttpApp, deps: RouteDeps): void {
  const ctx = signedInContext(deps);

  app.get('/api/v1/documents/store', {
    schema: {
      tags: ['documents'], summary: 'Kho dữ liệu của cá nhân, tổ chức: giấy tờ đã số hóa và kết quả điện tử; với một thủ tục, các giấy tờ đã có trong kho (người dân không ghi số định danh: kho của chính mình)',
      querystring: Type.Object({
        personalId: Type.Optional(Type.String({ pattern: '^[0-9]{12}$', description: 'Số định danh cá nhân' })),
        taxCode: Type.Optional(Type.String({ pattern: '^[0-9]{10}(-[0-9]{3})?$', description: 'Mã số thuế của tổ chức' })),
        procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z.-]+$', description: 'Mã thủ tục: trả thêm các giấy tờ của thủ tục đã có trong kho' })),
      }, strict),
      response: { 200: StoreAnswer },
    },
  }, async (request) => storeOf(ctx(request), request.query));

  app.put('/api/v1/documents/store/consent', {
    schema: { tags: ['documents'], summary: 'Người dân đồng ý lưu giữ và sử dụng lại giấy tờ trong kho dữ liệu của mình', response: { 200: Consent } },
  }, async (request) => giveConsent(ctx(request)));

  app.delete('/api/v1/documents/store/consent', {
    schema: { tags: ['documents'], summary: 'Người dân rút lại sự đồng ý: không lưu thêm, không đề nghị sử dụng lại', response: { 200: Type.Object({ withdrawnAt: Type.String({ format: 'date-time' }) }) } },
  }, async (request) => withdrawConsent(ctx(request)));
}
