// The report endpoints as the dashboard reads them (src/reports/routes.ts).
import type { BreakdownBy, BreakdownRow } from '../../../src/reports/service';
import { request } from '../api/client';

export interface PeriodQuery {
  readonly from: string;
  readonly to: string;
  readonly unit?: string;
  /** 'was': units as they were at receipt (default); 'is': old units mapped to today's */
  readonly asOf?: 'was' | 'is';
}

export interface Summary {
  readonly received: number;
  readonly receivedOnline: number;
  readonly receivedPostal: number;
  readonly receivedCounter: number;
  readonly onlineShareOfNew: number | null;
  readonly postalShare: number | null;
  readonly resolved: number;
  readonly resolvedEarly: number;
  readonly resolvedOnTime: number;
  readonly resolvedLate: number;
  readonly onTimeShare: number | null;
  readonly lateShare: number | null;
  readonly inProgress: number;
  readonly provincialCentreReceived: number;
  readonly supplementRequests: number;
  readonly apologies: number;
  readonly averageResolutionWorkingDays: number | null;
  readonly openNow: { readonly onTime: number; readonly overdue: number };
}

export type { BreakdownBy, BreakdownRow };

export interface TrendPoint {
  readonly month: string;
  readonly received: number;
  readonly online: number;
  readonly postal: number;
  readonly resolved: number;
  readonly late: number;
}

export interface DrillRow {
  readonly code: string;
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly channel: string;
  readonly status: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly finishedAt: string | null;
}

export interface Indicator {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly rule: string;
  readonly score: number | null;
  readonly maxScore: number | null;
}

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

export type ExportKind = 'periodic-pdf' | 'breakdown-xlsx';
export interface ExportStatus {
  readonly id: string;
  readonly kind: ExportKind;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly progress: number;
  readonly error?: string;
}
export const requestExport = (q: PeriodQuery, kind: ExportKind) =>
  request<{ id: string }>('POST', '/api/v1/reports/exports', { body: { kind, from: q.from, to: q.to, ...(q.unit ? { unit: q.unit } : {}), ...(q.asOf ? { asOf: q.asOf } : {}) } });
export const fetchExport = (id: string) => request<ExportStatus>('GET', `/api/v1/reports/exports/${encodeURIComponent(id)}`);
export const exportFileUrl = (id: string) => `/api/v1/reports/exports/${encodeURIComponent(id)}/file`;
