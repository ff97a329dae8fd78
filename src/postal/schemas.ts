// The answers (and shared request parts) of the postal routes as TypeBox schemas; their `Static`
// types are what the web (web/src/postal, h-courier's screens) reads.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { literals, Nullable } from '../platform/http/schemas';
import { legKinds, legStatuses, trailKinds } from './model';
import { ZONES } from './tariff';
import { incidentKinds, incidentStatuses } from './incident-rules';

const strict = { additionalProperties: false } as const;

/** A status and its Vietnamese label, as every postal answer gives them. */
const statusWithLabel = <T extends string>(statuses: readonly T[]) => ({ status: literals(statuses), statusLabel: Type.String() });

export const PositionSchema = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) }, strict);

export const SignatureSchema = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 100 }),
  personalId: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
  image: Type.String({ maxLength: 300_000, description: 'Chữ ký vẽ trên màn hình: data URL ảnh PNG' }),
}, strict);

export const TrailEntrySchema = Type.Object({
  eventId: Type.String(),
  kind: literals(trailKinds),
  label: Type.String(),
  at: Type.String(),
  source: literals(['staff', 'courier', 'carrier', 'system'] as const),
  applied: Type.Boolean({ description: 'false: sự kiện không khớp trình tự (giữ lại để đối soát, không làm đổi trạng thái)' }),
  note: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  position: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
});

export const LegSchema = Type.Object({
  id: Type.Integer(),
  kind: literals(legKinds),
  trackingNumber: Type.String(),
  ...statusWithLabel(legStatuses),
  courierId: Nullable(Type.Integer()),
  courierName: Nullable(Type.String()),
  agencyId: Nullable(Type.Integer()),
  recipient: Nullable(Type.Object({ name: Type.String(), personalId: Nullable(Type.String()) })),
  failedAttempts: Type.Integer(),
  dossierCodes: Type.Array(Type.String(), { description: 'Các hồ sơ bưu gửi mang theo khi nhiều hơn một (chuyển giữa cơ quan; kết quả hồ sơ liên thông trả cùng lúc)' }),
  contents: Nullable(Type.String({ description: 'Nội dung bưu gửi' })),
  postage: Nullable(Type.Object({
    weightGrams: Type.Integer(), amountVnd: Type.Integer(), zone: literals(ZONES), tariffId: Type.String(), at: Type.String(),
  }, { description: 'Chuyển hồ sơ giữa cơ quan: khối lượng và cước khi bưu tá nhận, tính cho cơ quan gửi' })),
  trail: Type.Array(TrailEntrySchema),
});

export const ShipmentSchema = Type.Object({
  id: Type.Integer(),
  origin: Type.String(),
  servicePointId: Type.Integer(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicant: Type.Object({ name: Type.String(), phone: Type.String(), personalId: Nullable(Type.String()) }),
  address: Type.String(),
  commune: Type.Object({ code: Type.String(), name: Type.String(), requestedCode: Type.String() }),
  windowFrom: Nullable(Type.String()),
  windowTo: Nullable(Type.String()),
  note: Nullable(Type.String()),
  draft: Type.Record(Type.String(), Type.Unknown()),
  feeVnd: Type.Integer(),
  postageVnd: Type.Integer(),
  receiptId: Nullable(Type.Integer()),
  sealedAt: Nullable(Type.String()),
  dossierCode: Nullable(Type.String()),
  createdAt: Type.String(),
  legs: Type.Array(LegSchema),
});
export type ShipmentResponse = Static<typeof ShipmentSchema>;

export const ProblemSchema = Type.Object({ path: Type.Optional(Type.String()), message: Type.String() });

export const DraftAnswerSchema = Type.Object({ shipment: ShipmentSchema, problems: Type.Array(ProblemSchema) });
export type DraftAnswerResponse = Static<typeof DraftAnswerSchema>;

export const HandoverRecordSchema = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  courierName: Type.String(),
  receiverName: Type.String(),
  signedAt: Type.String({ description: 'Thời điểm ký biên bản = thời điểm tiếp nhận hồ sơ theo pháp luật (QĐ 45/2016 Điều 7)' }),
  statement: Type.String(),
  items: Type.Array(Type.Object({
    shipmentId: Type.Integer(), trackingNumber: Type.String(), dossierCode: Type.String(), receivedAt: Nullable(Type.String()), dueAt: Nullable(Type.String()), feeVnd: Type.Integer(),
  })),
  remittance: Type.Object({ collectedVnd: Type.Integer(), remittedVnd: Type.Integer(), reconciled: Type.Boolean() }),
});
export type HandoverRecordResponse = Static<typeof HandoverRecordSchema>;

export const PublicTrackingSchema = Type.Object({
  trackingNumber: Type.String(),
  kind: literals(legKinds),
  ...statusWithLabel(legStatuses),
  procedureName: Type.String(),
  communeName: Type.String(),
  steps: Type.Array(Type.Object({ label: Type.String(), at: Type.String() })),
});
export type PublicTrackingResponse = Static<typeof PublicTrackingSchema>;

export const IncidentSchema = Type.Object({
  id: Type.Integer(),
  shipmentId: Type.Integer(),
  trackingNumber: Type.String(),
  legKind: literals(legKinds),
  procedureName: Type.String(),
  applicantName: Type.String(),
  dossierCode: Nullable(Type.String()),
  kind: literals(incidentKinds),
  kindLabel: Type.String(),
  description: Type.String(),
  reportedBy: Type.String(),
  reporterPhone: Nullable(Type.String()),
  reportedAt: Type.String(),
  resolveBy: Type.String({ description: 'Hạn giải quyết (TT 17/2017 Điều 8: 5 ngày làm việc), yyyy-mm-dd' }),
  overdue: Type.Boolean(),
  recordedByName: Type.String(),
  ...statusWithLabel(incidentStatuses),
  resolution: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  resolvedByName: Nullable(Type.String()),
  compensation: Nullable(Type.Object({ number: Type.String(), amountVnd: Type.Integer(), recipientName: Type.String(), paymentMethod: Type.String() })),
});
export type IncidentResponse = Static<typeof IncidentSchema>;

const count = Type.Integer({ minimum: 0 });
const FiguresFields = {
  legs: count,
  legsByKind: Type.Object({ pickup: count, toAgency: count, result: count, transfer: count }),
  ended: Type.Integer({ minimum: 0, description: 'Chặng kết thúc trong kỳ (đã bàn giao cho cơ quan hoặc đã phát)' }),
  onTime: Type.Integer({ minimum: 0, description: 'Chặng kết thúc đúng chỉ tiêu J+n (TT 17/2017 Điều 6–7)' }),
  late: count,
  failedAttempts: Type.Integer({ minimum: 0, description: 'Lần phát không thành công trong kỳ' }),
  returnedToAgency: count,
  postageVnd: count,
  feesVnd: count,
  incidents: count,
  incidentsByKind: Type.Object({ lost: count, damaged: count, late: count, complaint: count }),
  compensationVnd: count,
};
export const PostalStatsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  total: Type.Object(FiguresFields),
  postOffices: Type.Array(Type.Object({ servicePointId: Type.Integer(), code: Type.String(), name: Type.String(), ...FiguresFields })),
});
export type PostalStatsResponse = Static<typeof PostalStatsSchema>;
