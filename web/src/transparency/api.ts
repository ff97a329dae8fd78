// The public transparency endpoints (src/reports/transparency-routes.ts).
import { request } from '../api/client';

export interface ProcedureFigures {
  readonly code: string;
  readonly name: string;
  readonly duration: { readonly value: number; readonly unit: string };
  readonly resolved: number;
  readonly onTime: number;
  readonly onTimeShare: number | null;
  readonly medianWorkingDays: number | null;
  readonly p90WorkingDays: number | null;
  readonly openInWindow: number;
  readonly openOverdue: number;
  readonly staleOpen: number;
}

export interface TransparencyList {
  readonly items: readonly ProcedureFigures[];
  readonly total: number;
  readonly window: { readonly from: string; readonly to: string; readonly workingDayHours: number };
}

export const fetchTransparency = (q: string, offset: number, signal?: AbortSignal) =>
  request<TransparencyList>('GET', `/api/v1/transparency/procedures?limit=50&offset=${offset}${q ? `&q=${encodeURIComponent(q)}` : ''}`, signal ? { signal } : {});
