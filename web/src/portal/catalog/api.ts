// What the portal's procedure pages read: the public catalogue (src/catalog/routes.ts). Types are
// the server's answer schemas (type-only imports: nothing of the server is bundled).
import type { Static, TObject } from '@fastify/type-provider-typebox';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { Procedure as ProcedureSchema, Summary } from '../../../../src/catalog/schemas';

export type Procedure = Static<typeof ProcedureSchema>;
export type ProcedureSummary = Static<TObject<typeof Summary>>;

export const searchProcedures = (q: string, signal?: AbortSignal) =>
  api.get<Page<ProcedureSummary>>(`/api/v1/procedures?q=${encodeURIComponent(q)}&limit=30`, signal);

export const getProcedure = (code: string, signal?: AbortSignal) =>
  api.get<Procedure>(`/api/v1/procedures/${encodeURIComponent(code)}`, signal);

/** h-online's e-form for a procedure (web/src/portal/submit/). */
export const onlineFilingPath = (code: string) => `/nop-truc-tuyen/${encodeURIComponent(code)}`;
