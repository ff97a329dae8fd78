// The answers of the supervision routes, as schemas; their types (Static) are what the web reads.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { literals, Nullable } from '../platform/http/schemas';
import { roles } from '../accounts/model';
import { statuses } from '../dossiers/lifecycle';
import { BrokenLinkSchema } from '../dossiers/schemas';

const count = Type.Integer({ minimum: 0 });

export const SupervisedDossierSchema = Type.Object({
  code: Type.String(), status: literals(statuses), statusLabel: Type.String(), procedureCode: Type.String(), applicantName: Type.String(),
  agencyName: Type.String(), receivedAt: Nullable(Type.String()), dueAt: Type.String(),
  remainingWorkingMinutes: Nullable(Type.Integer({ description: 'âm khi đã quá hạn' })),
});
export const SupervisedPageSchema = Type.Object({
  items: Type.Array(SupervisedDossierSchema), total: count, next: Nullable(Type.String()), thresholdWorkingMinutes: count,
});

export const OfficerWorkloadSchema = Type.Object({
  userId: Type.Integer(), name: Type.String(), role: Nullable(literals(roles)),
  assigned: count, resolved: count, onTime: count, late: count, openNow: count, openOverdue: count,
});
export const OfficerWorkloadListSchema = Type.Object({ from: Type.String(), to: Type.String(), rows: Type.Array(OfficerWorkloadSchema) });

export const PeriodAuditReportSchema = Type.Object({
  from: Type.String(), to: Type.String(), ok: Type.Boolean(), dossiers: count, events: count, brokenDossiers: count, firstBroken: Nullable(BrokenLinkSchema),
  archivedDossiers: Type.Integer({ minimum: 0, description: 'hồ sơ của kỳ thuộc năm nhật ký đã lưu trữ (ADR 022): không kiểm ở đây' }),
});

export type SupervisedDossier = Static<typeof SupervisedDossierSchema>;
export type SupervisedPage = Static<typeof SupervisedPageSchema>;
export type OfficerWorkload = Static<typeof OfficerWorkloadSchema>;
export type PeriodAuditReport = Static<typeof PeriodAuditReportSchema>;
