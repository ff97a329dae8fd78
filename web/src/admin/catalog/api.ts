// The catalogue administration endpoints as the screens read and write them (src/catalog/admin-routes.ts).
import { api, request } from '../../api/client';
import type { Page } from '../../api/types';

// The catalogue's closed lists (the values the server accepts), then each one's type.
export const competentLevels = ['central', 'province', 'district', 'commune'] as const;
export const durationUnits = ['working_days', 'working_hours', 'calendar_days'] as const;
export const onlineLevels = ['none', 'partial', 'full'] as const;
export const resultTypes = ['paper', 'electronic', 'both'] as const;
export const bodyKinds = ['people_committee', 'commune_police', 'provincial_police', 'provincial_department', 'social_insurance'] as const;
export const bodyLevels = ['commune', 'province'] as const;
export const feeChannels = ['counter', 'online', 'postal'] as const;
export const feeBases = ['fixed', 'per_page', 'per_copy'] as const;
export const paperRequirements = ['required', 'conditional', 'showOnly'] as const;

export type CompetentLevel = (typeof competentLevels)[number];
export type DurationUnit = (typeof durationUnits)[number];
export type OnlineLevel = (typeof onlineLevels)[number];
export type ResultType = (typeof resultTypes)[number];
export type BodyKind = (typeof bodyKinds)[number];
export type BodyLevel = (typeof bodyLevels)[number];
export type FeeChannel = (typeof feeChannels)[number];
export type FeeBasis = (typeof feeBases)[number];
export type PaperRequirement = (typeof paperRequirements)[number];

// The answers' types are the server's response schemas (src/catalog/admin-routes.ts, Static<>).
import type {
  AdminProcedureView as AdminProcedure, ChangeRecordView as ChangeRecord, ImportOutcomeView as ImportOutcome,
  ProcedureContentView as ProcedureContent, ProcedureDetailView as ProcedureDetail, ProcedureVersionView as ProcedureVersion,
} from '../../../../src/catalog/admin-routes';

export type { AdminProcedure, ChangeRecord, ImportOutcome, ProcedureContent, ProcedureDetail, ProcedureVersion };
export type ProcedureCase = ProcedureContent['cases'][number];
export type Paper = ProcedureContent['requiredPapers'][number];
export type Fee = ProcedureContent['fees'][number];
export type CompetentBody = NonNullable<ProcedureContent['competentBody']>;
export type FieldChange = ChangeRecord['changes'][number];
export type ImportFormat = 'json' | 'csv' | 'xlsx';

const base = '/api/v1/admin/catalog';

export const fetchProcedures = (q: string, signal?: AbortSignal) =>
  api.get<Page<AdminProcedure>>(`${base}/procedures?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`, signal);

export const fetchProcedure = (code: string, signal?: AbortSignal) =>
  api.get<ProcedureDetail>(`${base}/procedures/${encodeURIComponent(code)}`, signal);

export const saveVersion = (code: string, edit: ProcedureContent & { effectiveFrom: string; reason: string }) =>
  request<ProcedureVersion>('POST', `${base}/procedures/${encodeURIComponent(code)}/versions`, { body: edit });

export const importCatalog = (format: ImportFormat, content: string, dryRun: boolean) =>
  request<ImportOutcome>('POST', `${base}/import`, { body: { format, content, dryRun } });
