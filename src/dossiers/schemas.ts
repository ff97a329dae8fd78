// The answers of the dossiers' routes, as schemas; their types (Static) are what the web reads.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { literals, Nullable } from '../platform/http/schemas';
import { actions, statuses } from './lifecycle';
import { queueFilters } from './work-queue';

const Status = literals(statuses);
const Channel = literals(['counter', 'online', 'postal'] as const);
const TimelinessSchema = literals(['early', 'onTime', 'late'] as const);
const Instant = Type.String({ description: 'ISO 8601 (UTC)' });
const Payload = Type.Record(Type.String(), Type.Unknown());

const Ledger = Nullable(Type.Object({
  book: Type.String({ description: 'Quyển số (một quyển mỗi năm của điểm tiếp nhận), ví dụ 01/2026' }), year: Type.Integer(),
  serial: Type.Integer({ minimum: 1, description: 'Số thứ tự trong quyển, liên tục không cách quãng' }),
}, { description: 'Vào Sổ theo dõi hồ sơ (mẫu 01); null với hồ sơ nộp trực tuyến' }));

const DeliverySchema = Nullable(Type.Object({
  method: literals(['counter', 'post', 'online'] as const), address: Nullable(Type.String()),
}, { description: 'Hình thức nhận kết quả chọn khi tiếp nhận (mẫu 01, mục 6); null với hồ sơ tiếp nhận trước khi có trường này' }));

const PartySchema = Type.Union([
  Type.Object({ kind: Type.Literal('person') }),
  Type.Object({ kind: Type.Literal('organisation'), name: Type.String(), taxCode: Type.String(), representative: Type.String() }),
  Type.Object({ kind: Type.Literal('proxy'), principalName: Type.String(), principalPersonalId: Nullable(Type.String()), authorisation: Type.String() }),
], { description: 'Ai là ai: người nộp tự nộp, nộp cho tổ chức (tên, mã số thuế, người đại diện) hoặc nộp thay người khác (giấy ủy quyền)' });
const ApplicantKind = literals(['person', 'organisation', 'proxy'] as const);

export const IntakeResultSchema = Type.Object({
  code: Type.String(), status: Status, syncCode: Type.Integer(), channel: Channel,
  receivedAt: Nullable(Instant), dueAt: Nullable(Instant), calendarVersion: Nullable(Type.String()),
  procedureCode: Type.String(), receivingAgency: Type.String(), competentAgency: Type.String(), ledger: Ledger,
  replayed: Type.Boolean({ description: 'kết quả đã lưu của một yêu cầu trước có cùng Idempotency-Key' }),
});

const Agency = Type.Object({ identifier: Type.String(), name: Type.String() });
export const DossierDetailSchema = Type.Object({
  code: Type.String(), status: Status, statusLabel: Type.String(), syncCode: Type.Integer(), version: Type.Integer(), channel: Channel,
  procedure: Type.Object({ code: Type.String(), name: Type.String() }),
  applicant: Type.Object({ name: Type.String(), phone: Nullable(Type.String()), personalId: Nullable(Type.String()) }),
  receivingAgency: Agency, receivingPoint: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  competentAgency: Agency, ledger: Ledger, delivery: DeliverySchema, party: PartySchema,
  bundle: Nullable(Type.String({ description: 'mã hồ sơ liên thông (hồ sơ cha) khi hồ sơ là một thủ tục thành phần' })),
  waitingFor: Nullable(Type.String({ description: 'hồ sơ thành phần chờ kết quả của hồ sơ này (mã; rỗng khi chưa ghi) — hệ thống tự tiếp nhận khi có kết quả' })),
  submittedAt: Instant, receivedAt: Nullable(Instant), dueAt: Nullable(Instant), originalDueAt: Nullable(Instant),
  finishedAt: Nullable(Instant), returnedAt: Nullable(Instant),
  remainingWorkingMinutes: Nullable(Type.Integer()), timeliness: Nullable(TimelinessSchema),
  supplementCount: Type.Integer(), apologyUsed: Type.Boolean(), formData: Payload,
  papers: Type.Array(Type.Object({
    key: Type.String(), name: Type.String(), originals: Type.Integer(), copies: Type.Integer(), source: Type.String(), digitized: Type.Boolean(),
    fileId: Nullable(Type.Integer({ description: 'bản scan của giấy tờ (GET /api/v1/files/{id}); null: chỉ có bản giấy' })),
  })),
  timeline: Type.Array(Type.Object({
    seq: Type.Integer(), at: Instant, action: Type.String(), label: Type.String(), status: Nullable(Status), actorRole: Nullable(Type.String()), payload: Payload,
  })),
  steps: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), role: Type.String(), dueAt: Instant })),
  controlSlip: Type.Array(Type.Object({
    seq: Nullable(Type.Integer({ description: 'null: một bước giao nhận do bưu chính ghi (chuyển hồ sơ, giao đến cơ quan)' })), from: Type.String(), to: Type.String(), at: Instant,
    action: Type.String(), result: Nullable(TimelinessSchema), note: Nullable(Type.String()),
    trackingNumber: Nullable(Type.String({ description: 'số hiệu bưu gửi khi bưu chính chuyển hồ sơ' })),
    handedBy: Nullable(Type.String({ description: 'người ký giao' })), receivedBy: Nullable(Type.String({ description: 'người ký nhận' })),
    step: Nullable(Type.Object({
      mode: Type.Union([Type.Literal('electronic'), Type.Literal('paper')], { description: 'chuyển điện tử ngay, hoặc hồ sơ giấy qua bưu chính' }),
      allotted: Nullable(Type.Object({ value: Type.Number(), unit: Type.Union([Type.Literal('working_days'), Type.Literal('working_hours'), Type.Literal('calendar_days')]) }, { description: 'thời gian giải quyết của bước' })),
      dueAt: Nullable(Instant), doneAt: Nullable(Instant),
    }, { description: 'bước liên thông có thời hạn riêng (result: sớm/đúng hạn/trễ hạn so với thời hạn của bước)' })),
  })),
  allowedActions: Type.Array(literals(actions)),
});

export const QueueItemSchema = Type.Object({
  code: Type.String(), status: Status, statusLabel: Type.String(), procedureCode: Type.String(), applicantName: Type.String(),
  receivedAt: Nullable(Instant), dueAt: Nullable(Instant), remainingWorkingMinutes: Nullable(Type.Integer()), timeliness: Nullable(TimelinessSchema),
});
export const WorkItemSchema = Type.Object({
  ...QueueItemSchema.properties, procedureName: Type.String(), assigneeName: Nullable(Type.String({ description: 'cán bộ được phân công gần nhất' })),
  handoverDueAt: Nullable(Type.String({ description: 'hồ sơ đã tiếp nhận, chưa chuyển: hạn chuyển đến cơ quan giải quyết (ND 61 điều 18)' })),
  competentAgencyName: Type.String({ description: 'cơ quan có thẩm quyền giải quyết' }),
  waitingFor: Nullable(Type.String({ description: 'hồ sơ liên thông chờ kết quả của hồ sơ này (mã; rỗng khi chưa ghi)' })),
});
export const QueueSchema = Type.Object({ items: Type.Array(WorkItemSchema), filter: literals(queueFilters) });
export const SearchPageSchema = Type.Object({
  items: Type.Array(Type.Object({ ...QueueItemSchema.properties, rated: Type.Boolean() })),
  total: Type.Integer({ minimum: 0 }), totalIsLowerBound: Type.Boolean(),
  next: Type.Union([Type.String(), Type.Null()], { description: 'con trỏ của trang sau (tham số after); null: trang cuối' }),
});

export const AssigneesSchema = Type.Object({
  items: Type.Array(Type.Object({ userId: Type.Integer(), fullName: Type.String(), role: literals(['officer', 'approver'] as const) })),
});

export const ActionResultSchema = Type.Object({
  code: Type.String(), status: Status, syncCode: Type.Integer(), version: Type.Integer(), dueAt: Nullable(Instant),
});

export const TrackingViewSchema = Type.Object({
  code: Type.String(), status: Status, statusLabel: Type.String(), procedureName: Type.String(),
  receivedAt: Nullable(Instant), dueAt: Nullable(Instant), rated: Type.Boolean(),
  deliveryMethod: Nullable(literals(['counter', 'post', 'online'] as const)), applicantKind: ApplicantKind,
  steps: Type.Array(Type.Object({ label: Type.String(), at: Instant })),
  supplement: Nullable(Type.Object({ items: Type.Array(Type.String()), dueBy: Nullable(Type.String()), requestedAt: Instant }, { description: 'khi đang chờ bổ sung: giấy tờ cần bổ sung và hạn' })),
});

export const BrokenLinkSchema = Type.Object({
  dossierCode: Type.String(), seq: Type.Integer(), expected: Type.String(), actual: Type.String(),
  reason: literals(['hash', 'prev_hash', 'seq', 'missing_events', 'head', 'hash_version'] as const),
});
export const ChainReportSchema = Type.Object({
  ok: Type.Boolean(), dossiers: Type.Integer({ minimum: 0 }), events: Type.Integer({ minimum: 0 }), broken: Type.Optional(BrokenLinkSchema),
  archived: Type.Optional(Type.Array(Type.Object({ year: Type.Integer(), dossiers: Type.Integer({ minimum: 0 }), tableName: Type.String() }), {
    description: 'hồ sơ của những năm nhật ký đã lưu trữ (tách khỏi cơ sở dữ liệu, ADR 022): không kiểm ở đây',
  })),
});

export type IntakeResultView = Static<typeof IntakeResultSchema>;
export type DossierDetailView = Static<typeof DossierDetailSchema>;
export type QueueItemView = Static<typeof QueueItemSchema>;
export type WorkItemView = Static<typeof WorkItemSchema>;
export type ActionResultView = Static<typeof ActionResultSchema>;
export type TrackingViewView = Static<typeof TrackingViewSchema>;
export type TimelinessView = Static<typeof TimelinessSchema>;
export type AssigneeView = Static<typeof AssigneesSchema>['items'][number];
export type QueueFilterView = Static<typeof QueueSchema>['filter'];
