// The online submission's request and response schemas (TypeBox); their `Static` types are what the web reads.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { IntakeResultSchema } from '../dossiers/schemas';
import { deliveryMethods } from '../dossiers/model';
import { literals, Nullable } from '../platform/http/schemas';

export const strict = { additionalProperties: false } as const;
export const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
export const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, strict);
const FileRef = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

const Applicant = Type.Object({
  personalId: Type.Optional(Type.String({ maxLength: 12, description: 'Số định danh cá nhân (người dân tự nộp: của tài khoản)' })),
  name: Type.Optional(Type.String({ maxLength: 100 })),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  birthDate: Type.Optional(CivilDate),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  unitCode: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9A-Za-z@]*$', description: 'Mã xã, phường nơi cư trú' })),
}, strict);
const Paper = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 40 }),
  source: literals(['uploaded', 'reused'] as const),
  fileId: Type.Optional(FileRef),
  reusedDocumentId: Type.Optional(FileRef),
}, { ...strict, description: 'Tệp tải lên (POST /api/v1/files) hoặc giấy tờ trong kho dữ liệu (GET /api/v1/documents/store)' });
const Delivery = Type.Object({
  method: literals(deliveryMethods),
  address: Type.Optional(Type.String({ maxLength: 300 })),
}, { ...strict, description: 'Nhận kết quả: trực tuyến, tại quầy hoặc qua bưu chính (kèm địa chỉ)' });

const draftFields = {
  caseKey: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z.-]+$' }))),
  placeUnitCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$' }))),
  applicant: Type.Optional(Applicant),
  formData: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 })),
  papers: Type.Optional(Type.Array(Paper, { maxItems: 100 })),
  delivery: Type.Optional(Nullable(Delivery)),
  storeConsent: Type.Optional(Type.Boolean()),
};
export const CreateBody = Type.Object({ procedureCode: Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z.-]+$' }), ...draftFields }, strict);
export const UpdateBody = Type.Object({ ...draftFields, expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }, strict);

export const DraftSchema = Type.Object({
  id: Type.Integer(), procedureCode: Type.String(), caseKey: Nullable(Type.String()), placeUnitCode: Nullable(Type.String()),
  applicant: Applicant, formData: Type.Record(Type.String(), Type.Unknown()), papers: Type.Array(Paper), delivery: Nullable(Delivery),
  storeConsent: Type.Boolean(), assisted: Type.Boolean({ description: 'nhân viên nộp thay người dân (cần mã xác nhận của người dân)' }),
  paymentOrderId: Nullable(Type.String()), dossierCode: Nullable(Type.String()), submittedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedAt: Type.String({ format: 'date-time' }), version: Type.Integer(),
});
export type DraftResponse = Static<typeof DraftSchema>;

const Problem = Type.Object({ path: Type.Optional(Type.String()), message: Type.String() });
export const ReviewSchema = Type.Object({
  problems: Type.Array(Problem, { description: 'mọi điều còn thiếu, sai; rỗng: có thể nộp' }),
  fee: Type.Object({
    lines: Type.Array(Type.Object({ name: Type.String(), amountVnd: Type.Integer(), formula: Type.String() })),
    totalVnd: Type.Integer(),
    described: Type.Array(Type.Object({ name: Type.String(), note: Nullable(Type.String()) })),
  }),
  paymentRequired: Type.Boolean({ description: 'thủ tục toàn trình có phí: thanh toán trực tuyến trước khi nộp' }),
  payment: Nullable(Type.Object({ paidVnd: Type.Integer(), dueVnd: Type.Integer(), paid: Type.Boolean(), receiptNumbers: Type.Array(Type.String()) })),
  ready: Type.Boolean(),
});
export type ReviewResponse = Static<typeof ReviewSchema>;

export const SubmittedSchema = Type.Intersect([IntakeResultSchema, Type.Object({ trackingPin: Type.String({ description: 'mã tra cứu 6 chữ số (/tra-cuu)' }) })]);
export type SubmittedResponse = Static<typeof SubmittedSchema>;

export const InboxSchema = Type.Object({
  items: Type.Array(Type.Object({
    code: Type.String(), procedureCode: Type.String(), applicantName: Type.String(), submittedAt: Type.String({ format: 'date-time' }),
    assisted: Type.Boolean(), deliveryMethod: Nullable(literals(deliveryMethods)),
    supplementUsed: Type.Boolean({ description: 'đã yêu cầu bổ sung một lần (không yêu cầu lần nữa)' }),
  })),
});
export type InboxResponse = Static<typeof InboxSchema>;

export const StatsSchema = Type.Object({
  total: Type.Integer(), online: Type.Integer(), assisted: Type.Integer({ description: 'phần trực tuyến do nhân viên bưu điện, bộ phận một cửa nộp thay' }),
  counter: Type.Integer(), postal: Type.Integer(),
});
export type OnlineStatsResponse = Static<typeof StatsSchema>;

export const CodeSentSchema = Type.Object({ maskedPhone: Type.String(), expiresAt: Type.String({ format: 'date-time' }), validMinutes: Type.Integer() });


export const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z.-]+$' }) }, strict);
export const SupplementSchema = Type.Object({
  code: Type.String(), procedure: Type.Object({ code: Type.String(), name: Type.String() }), status: Type.String(), version: Type.Integer(),
  request: Nullable(Type.Object({
    items: Type.Array(Type.String(), { description: 'mọi giấy tờ, nội dung cần bổ sung (mẫu 02, yêu cầu một lần)' }),
    reason: Nullable(Type.String()), dueBy: Nullable(Type.String({ format: 'date-time' })), requestedAt: Type.String({ format: 'date-time' }),
  })),
  canSend: Type.Boolean({ description: 'hồ sơ trực tuyến đang chờ bổ sung: gửi bổ sung trực tuyến được' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
});
export type SupplementResponse = Static<typeof SupplementSchema>;
export const SupplementBody = Type.Object({
  papers: Type.Array(Type.Object({
    item: Type.String({ minLength: 1, maxLength: 500, description: 'một mục của yêu cầu bổ sung' }),
    fileId: FileRef,
  }, strict), { minItems: 1, maxItems: 100, description: 'tệp tải lên (POST /api/v1/files) cho từng mục' }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
}, strict);
