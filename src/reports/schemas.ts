// The answers of the reports' routes, as schemas; their types (Static) are what the web reads.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { literals, Nullable } from '../platform/http/schemas';
import { outcomeKinds, type OutcomeKind } from '../counter/model';

const count = Type.Integer({ minimum: 0 });
const AsOf = literals(['was', 'is'] as const);

export const ReportSummarySchema = Type.Object({
  from: Type.String(), to: Type.String(), unitPath: Type.String(),
  received: count, receivedOnline: count, receivedPostal: count, receivedCounter: count,
  onlineShareOfNew: Nullable(Type.Number()), postalShare: Nullable(Type.Number()),
  submittedOnline: count, refused: count,
  resolved: count, resolvedEarly: count, resolvedOnTime: count, resolvedLate: count,
  onTimeShare: Nullable(Type.Number()), lateShare: Nullable(Type.Number()),
  rejected: count, withdrawn: count, stopped: count, returned: count, supplementRequests: count, apologies: count,
  digitized: count, reused: count, inProgress: Type.Integer(), provincialCentreReceived: count,
  averageResolutionWorkingDays: Nullable(Type.Number()),
  asOf: AsOf,
  openNow: Type.Object({ onTime: count, atRisk: count, overdue: count }),
  counterOutcomes: Type.Object(Object.fromEntries(outcomeKinds.map((k) => [k, count])) as Record<OutcomeKind, typeof count>),
});

export const BreakdownRowSchema = Type.Object({
  key: Type.String(), label: Type.String(), received: count, online: count, postal: count, resolved: count,
  onTime: count, late: count, lateShare: Nullable(Type.Number()), inProgressEnd: Type.Optional(Type.Integer()),
});
export const BreakdownSchema = Type.Object({
  by: literals(['unit', 'agency', 'receiving', 'procedure', 'channel', 'level'] as const), asOf: AsOf, rows: Type.Array(BreakdownRowSchema),
});
export const WorstLateSchema = Type.Object({ rows: Type.Array(BreakdownRowSchema) });

export const TrendPointSchema = Type.Object({ month: Type.String(), received: count, online: count, postal: count, resolved: count, late: count });
export const TrendSchema = Type.Object({ points: Type.Array(TrendPointSchema) });

export const DrillRowSchema = Type.Object({
  code: Type.String(), procedureCode: Type.String(), applicantName: Type.String(), channel: Type.String(), status: Type.String(),
  receivedAt: Nullable(Type.String()), dueAt: Nullable(Type.String()), finishedAt: Nullable(Type.String()),
});
export const DrillPageSchema = Type.Object({ items: Type.Array(DrillRowSchema), next: Nullable(Type.String()) });

export const IndicatorValueSchema = Type.Object({
  code: literals(['1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.5', '3.6', '4.1', '4.2', '4.3', '4.4', '5.4'] as const),
  name: Type.String(), value: Nullable(Type.Number()), unit: literals(['%', 'ngày làm việc'] as const),
  numerator: Type.Number(), denominator: Type.Number(), rule: Type.String(), score: Nullable(Type.Number()), maxScore: Nullable(Type.Number()),
});
export const IndicatorsSchema = Type.Object({ indicators: Type.Array(IndicatorValueSchema), notes: Type.Array(Type.String()) });

const ExportKind = literals(['periodic-pdf', 'breakdown-xlsx', 'postal-quarterly-xlsx'] as const);
export const ExportAcceptedSchema = Type.Object({ id: Type.String() });
export const ExportStatusSchema = Type.Object({
  id: Type.String(), kind: ExportKind, status: literals(['queued', 'running', 'done', 'failed'] as const), progress: Type.Number(),
  error: Type.Optional(Type.String()), createdAt: Type.String(), finishedAt: Type.Optional(Type.String()), fileName: Type.Optional(Type.String()),
});

export type ReportSummaryView = Static<typeof ReportSummarySchema>;
export type ExportStatusView = Static<typeof ExportStatusSchema>;

export const ProcedureFiguresSchema = Type.Object({
  code: Type.String(), name: Type.String(), duration: Type.Object({ value: Type.Number(), unit: Type.String() }),
  resolved: count, onTime: count, onTimeShare: Nullable(Type.Number()), medianWorkingDays: Nullable(Type.Number()), p90WorkingDays: Nullable(Type.Number()),
  openInWindow: count, openOverdue: count, staleOpen: count,
});
const TransparencyWindowSchema = Type.Object({ from: Type.String(), to: Type.String(), workingDayHours: Type.Number() });
export const ProcedureTransparencySchema = Type.Object({ ...ProcedureFiguresSchema.properties, window: TransparencyWindowSchema });
export const TransparencyListSchema = Type.Object({ items: Type.Array(ProcedureFiguresSchema), total: count, window: TransparencyWindowSchema });
export type ProcedureFiguresView = Static<typeof ProcedureFiguresSchema>;

export type BreakdownRowView = Static<typeof BreakdownRowSchema>;
export type TrendPointView = Static<typeof TrendPointSchema>;
export type DrillRowView = Static<typeof DrillRowSchema>;
export type IndicatorValueView = Static<typeof IndicatorValueSchema>;
export type ExportKindView = ExportStatusView['kind'];
export type BreakdownByView = Static<typeof BreakdownSchema>['by'];

/** Bundles in the reports (bundles.ts, issue 17 §5): each bundle once as a submission, its members per agency for timeliness. */
export const BundleFiguresSchema = Type.Object({
  from: Type.String(), to: Type.String(),
  bundlesReceived: Type.Integer({ description: 'hồ sơ liên thông tiếp nhận trong kỳ, mỗi hồ sơ tính một lần' }),
  membersReceived: Type.Integer({ description: 'hồ sơ thành phần tiếp nhận (bắt đầu tính thời hạn) trong kỳ' }),
  received: Type.Integer({ description: 'mọi hồ sơ tiếp nhận, mỗi hồ sơ thành phần một hồ sơ (như chỉ số 766)' }),
  receivedCountingBundlesOnce: Type.Integer({ description: 'hồ sơ tiếp nhận, mỗi hồ sơ liên thông tính một lần' }),
  byAgency: Type.Array(Type.Object({
    agencyId: Type.Integer(), agencyName: Type.String(), membersReceived: Type.Integer(),
    resolvedOnTime: Type.Integer({ description: 'sớm hoặc đúng hạn so với thời hạn của chính hồ sơ thành phần' }), resolvedLate: Type.Integer(),
    onTimeShare: Nullable(Type.Number({ description: '% (2 chữ số thập phân); null khi chưa giải quyết hồ sơ nào' })),
  })),
});
export type BundleFigures = Static<typeof BundleFiguresSchema>;
