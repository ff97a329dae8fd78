// The catalogue administration endpoints as the screens read and write them (src/catalog/admin-routes.ts).
import { api, request } from '../../api/client';
import type { Page } from '../../api/types';

export const competentLevels = ['central', 'province', 'district', 'commune'] as const;
export type CompetentLevel = (typeof competentLevels)[number];
export const durationUnits = ['working_days', 'working_hours', 'calendar_days'] as const;
export type DurationUnit = (typeof durationUnits)[number];
export const onlineLevels = ['none', 'partial', 'full'] as const;
export type OnlineLevel = (typeof onlineLevels)[number];
export const resultTypes = ['paper', 'electronic', 'both'] as const;
export type ResultType = (typeof resultTypes)[number];
export const bodyKinds = ['people_committee', 'commune_police', 'provincial_police', 'provincial_department', 'social_insurance'] as const;
export type BodyKind = (typeof bodyKinds)[number];
export const bodyLevels = ['commune', 'province'] as const;
export type BodyLevel = (typeof bodyLevels)[number];
export const feeChannels = ['counter', 'online', 'postal'] as const;
export type FeeChannel = (typeof feeChannels)[number];
export const feeBases = ['fixed', 'per_page', 'per_copy'] as const;
export type FeeBasis = (typeof feeBases)[number];
export const paperRequirements = ['required', 'conditional', 'showOnly'] as const;
export type PaperRequirement = (typeof paperRequirements)[number];

export interface ProcedureCase { key: string; name: string; durationValue: number; durationUnit: DurationUnit; cutoff: string | null }
export interface Paper { key: string; name: string; originals: number; copies: number; note: string | null; requirement?: PaperRequirement }
export interface Fee {
  name: string; amountVnd: number | null; note: string | null; channels?: FeeChannel[] | null; caseKey?: string | null;
  basis?: FeeBasis; tiers?: { fromPage: number; amountVnd: number }[]; maxPerCopyVnd?: number | null;
}
export interface CompetentBody { kind: BodyKind; level: BodyLevel; functionCode: string | null }

/** The editable content of a version (the server's ProcedureEditBody without its date and reason). */
export interface ProcedureContent {
  name: string; field: string; competentLevel: CompetentLevel; competentAgency: string; competentBody: CompetentBody | null;
  placeTied: boolean; filingAnywhere: boolean; cases: ProcedureCase[]; durationValue: number; durationUnit: DurationUnit;
  cutoff: string | null; requiredPapers: Paper[]; fees: Fee[]; onlineLevel: OnlineLevel; postalAllowed: boolean;
  resultType: ResultType; resultDescription: string | null;
}

export interface ProcedureVersion extends ProcedureContent {
  readonly code: string;
  readonly fullCode: string | null;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly source: string | null;
  readonly defaultsApplied: readonly { field: string; reason: string }[];
}

export interface FieldChange { readonly field: string; readonly before: unknown; readonly after: unknown }

export interface ChangeRecord {
  readonly at: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly version: number | null;
  readonly effectiveFrom: string | null;
  readonly reason: string | null;
  readonly changes: readonly FieldChange[];
}

export interface AdminProcedure {
  readonly code: string;
  readonly name: string;
  readonly field: string;
  readonly competentAgency: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly scheduled: boolean;
  readonly versions: number;
}

export interface ProcedureDetail {
  readonly code: string;
  readonly versions: readonly ProcedureVersion[];
  readonly inForceVersion: number | null;
  readonly history: readonly ChangeRecord[];
}

export type ImportFormat = 'json' | 'csv' | 'xlsx';

export interface ImportOutcome {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly inserted: number;
  readonly closed: number;
  readonly versions: readonly {
    readonly row: number; readonly code: string; readonly name: string; readonly kind: 'new' | 'version';
    readonly version: number; readonly effectiveFrom: string; readonly changes: readonly FieldChange[];
  }[];
}

const base = '/api/v1/admin/catalog';

export const fetchProcedures = (q: string, signal?: AbortSignal) =>
  api.get<Page<AdminProcedure>>(`${base}/procedures?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`, signal);

export const fetchProcedure = (code: string, signal?: AbortSignal) =>
  api.get<ProcedureDetail>(`${base}/procedures/${encodeURIComponent(code)}`, signal);

export const saveVersion = (code: string, edit: ProcedureContent & { effectiveFrom: string; reason: string }) =>
  request<ProcedureVersion>('POST', `${base}/procedures/${encodeURIComponent(code)}/versions`, { body: edit });

export const importCatalog = (format: ImportFormat, content: string, dryRun: boolean) =>
  request<ImportOutcome>('POST', `${base}/import`, { body: { format, content, dryRun } });
