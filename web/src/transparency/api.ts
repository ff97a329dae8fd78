// The public transparency endpoints (src/reports/transparency-routes.ts).
import type { ProcedureFiguresView as ProcedureFigures } from '../../../src/reports/schemas';
import { request } from '../api/client';

/** The figures of one procedure, as the server computes them. */
export type { ProcedureFigures };

export interface TransparencyList {
  readonly items: readonly ProcedureFigures[];
  readonly total: number;
  readonly window: { readonly from: string; readonly to: string; readonly workingDayHours: number };
}

export const fetchTransparency = (q: string, offset: number, signal?: AbortSignal) =>
  request<TransparencyList>('GET', `/api/v1/transparency/procedures?limit=50&offset=${offset}${q ? `&q=${encodeURIComponent(q)}` : ''}`, signal ? { signal } : {});
