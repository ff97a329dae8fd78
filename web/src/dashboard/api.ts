// The report endpoints as the dashboard reads them (src/reports/routes.ts).
// the answers' types are the server's response schemas (src/reports/schemas.ts), imported as types only
import type { BreakdownByView as BreakdownBy, BreakdownRowView as BreakdownRow } from '../../../src/reports/schemas';
import { request } from '../api/client';

export interface PeriodQuery {
  readonly from: string;
  readonly to: string;
  readonly unit?: string;
  /** 'was': units as they were at receipt (default); 'is': old units mapped to today's */
  readonly asOf?: 'was' | 'is';
}

import type {
  DrillRowView as DrillRow, ExportKindView as ExportKind, ExportStatusView as ExportStatus, IndicatorValueView as Indicator,
  ReportSummaryView as Summary, TrendPointView as TrendPoint,
} from '../../../src/reports/schemas';

export type { DrillRow, ExportKind, ExportStatus, Indicator, Summary, TrendPoint };

export type { BreakdownBy, BreakdownRow };

/** What the dashboard shows of an export while it runs (the server's status before it answers). */
export type ExportProgress = Pick<ExportStatus, 'id' | 'kind' | 'status' | 'progress' | 'error'>;

export interface DrillFilter {
  readonly kind?: 'received' | 'late' | 'onTime' | 'open';
  readonly channel?: 'counter' | 'online' | 'postal';
  readonly procedure?: string;
  readonly agency?: number;
  /** receiving agency id */
  readonly receiving?: number;
  /** statistics code of the deciding agency's own unit */
  readonly agencyUnit?: string;
  readonly level?: 'province' | 'district' | 'commune' | 'central';
}

export const queryString = (q: Record<string, string | number | undefined>): string =>
  Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');

export const fetchSummary = (q: PeriodQuery) => request<Summary>('GET', `/api/v1/reports/summary?${queryString({ ...q })}`);
export const fetchBreakdown = (q: PeriodQuery, by: BreakdownBy) => request<{ rows: BreakdownRow[] }>('GET', `/api/v1/reports/breakdown?${queryString({ ...q, by })}`);
export const fetchTrend = (q: PeriodQuery) => request<{ points: TrendPoint[] }>('GET', `/api/v1/reports/trend?${queryString({ ...q })}`);
export const fetchWorstLate = (q: PeriodQuery, by: 'procedure' | 'agency') => request<{ rows: BreakdownRow[] }>('GET', `/api/v1/reports/late?${queryString({ ...q, by, limit: 10 })}`);
export const fetchIndicators = (q: PeriodQuery) => request<{ indicators: Indicator[]; notes: string[] }>('GET', `/api/v1/reports/indicators?${queryString({ ...q })}`);
export const fetchDossiers = (q: PeriodQuery, f: DrillFilter, after?: string) =>
  request<{ items: DrillRow[]; next: string | null }>('GET', `/api/v1/reports/dossiers?${queryString({ ...q, ...f, after, limit: 50 })}`);
export const xlsxUrl = (endpoint: string, q: PeriodQuery, extra: Record<string, string> = {}) =>
  `/api/v1/reports/${endpoint}?${queryString({ ...q, ...extra, format: 'xlsx' })}`;


export const requestExport = (q: PeriodQuery, kind: ExportKind) =>
  request<{ id: string }>('POST', '/api/v1/reports/exports', { body: { kind, from: q.from, to: q.to, ...(q.unit ? { unit: q.unit } : {}), ...(q.asOf ? { asOf: q.asOf } : {}) } });
export const fetchExport = (id: string) => request<ExportStatus>('GET', `/api/v1/reports/exports/${encodeURIComponent(id)}`);
export const exportFileUrl = (id: string) => `/api/v1/reports/exports/${encodeURIComponent(id)}/file`;
