// The public procedures catalogue.
import { api } from './client';
import type { Page, ProcedureSummary } from './types';

export const searchProcedures = (q: string, signal?: AbortSignal) =>
  api.get<Page<ProcedureSummary>>(`/api/v1/procedures?q=${encodeURIComponent(q)}`, signal);
