// What the counter reads and writes: the catalogue, the communes, the clerk's service point,
// and intake (src/catalog/routes.ts, src/directory/routes.ts, src/dossiers/routes.ts).
import { ApiError, api, clientErrorCodes } from '../api/client';
// the server's own shapes (type-only imports: nothing is bundled); the intake answer is its response schema
import type { IntakeRequest } from '../../../src/dossiers/routes';
import type { FeeTermItem } from '../../../src/shared/fee-terms';
import type { IntakeResultView as IntakeResult } from '../../../src/dossiers/schemas';

export interface ProcedureHit {
  readonly code: string;
  readonly name: string;
  readonly field: string;
  readonly competentLevel: string;
  readonly durationValue: number;
  readonly durationUnit: string;
}

export interface RequiredPaper {
  readonly key: string;
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
  readonly note: string | null;
  /** required: always; conditional: only in the case it names; showOnly: shown, not kept */
  readonly requirement: 'required' | 'conditional' | 'showOnly';
}

export interface ProcedureCase {
  readonly key: string;
  readonly name: string;
  readonly durationValue: number;
  readonly durationUnit: string;
  readonly cutoff: string | null;
}

export interface ProcedureDetail extends ProcedureHit {
  readonly requiredPapers: readonly RequiredPaper[];
  readonly fees: readonly FeeTermItem[];
  readonly cutoff: string | null;
  /** several cases with their own time limits; [] = the procedure's own */
  readonly cases: readonly ProcedureCase[];
  /** land, works, business location: the commune of the place is asked */
  readonly placeTied: boolean;
  /** may be filed at any counter of the province (phi địa giới) */
  readonly filingAnywhere: boolean;
  readonly competentAgency: string;
  readonly competentBody: { kind: string; level: 'commune' | 'province'; functionCode: string | null } | null;
  readonly eformSchema: unknown;
  readonly resultDescription?: string | null;
  /** results may go back by post / online (the delivery chosen at intake) */
  readonly postalAllowed: boolean;
  readonly onlineLevel: 'none' | 'partial' | 'full';
}

export interface Unit {
  readonly code: string;
  readonly name: string;
  /** found by this pre-2025 name (the server maps it to today's commune) */
  readonly formerName?: string;
  readonly level: string;
  readonly path: string;
}

export interface IntakeBody {
  readonly procedureCode: string;
  readonly channel: 'counter';
  readonly applicant: IntakeRequest['applicant'];
  readonly papers: readonly { key: string; originals: number; copies: number; source: PaperSource; digitized: boolean; fileId?: number; reusedDocumentId?: number }[];
  readonly formData: Record<string, unknown>;
  /** the chosen case (catalogue cases[].key) */
  readonly caseKey?: string;
  /** place-tied procedures: the commune of the place */
  readonly placeUnitCode?: string;
  /** a list by situation: the applicant's situation as the list names it (checklist.ts situationsOf; the server requires it, src/catalog/situations.ts) */
  readonly situation?: string;
  /** who is who: for an organisation or for another person (absent: the applicant for themself) */
  readonly party?: { readonly kind: 'organisation' | 'proxy'; readonly organisation?: { name: string; taxCode: string; representative: string }; readonly principal?: { name: string; personalId?: string }; readonly authorisation?: string };
  /** how the result goes back (form 01 item 6) */
  readonly delivery?: { readonly method: 'counter' | 'post' | 'online'; readonly address?: string };
  /** the applicant agrees that their digitized papers be kept in their document store and reused */
  readonly storeConsent?: boolean;
}

export const paperSources = ['paper', 'scanned', 'reused'] as const;
export type PaperSource = (typeof paperSources)[number];

export type { IntakeResult };

const enc = encodeURIComponent;

export const searchProcedures = (q: string, signal?: AbortSignal) =>
  api.get<{ items: readonly ProcedureHit[]; total: number }>(`/api/v1/procedures?q=${enc(q)}&limit=12`, signal).then((r) => r.items);

export const fetchProcedure = (code: string, signal?: AbortSignal) => api.get<ProcedureDetail>(`/api/v1/procedures/${enc(code)}`, signal);

export const searchCommunes = (q: string, validOn: string, signal?: AbortSignal) =>
  api.get<{ items: readonly Unit[] }>(`/api/v1/units?level=commune&validOn=${validOn}&limit=20&q=${enc(q)}`, signal).then((r) => r.items);

export const fetchServicePoint = (code: string, signal?: AbortSignal) =>
  api.get<{ code: string; name: string; unitCode: string; unitName: string }>(`/api/v1/service-points/${enc(code)}`, signal);

/** POST with the form's idempotency key: a double click or a retry returns the same dossier. */
export async function receiveDossier(body: IntakeBody, idempotencyKey: string): Promise<IntakeResult> {
  const response = await fetch('/api/v1/dossiers', {
    method: 'POST', credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (response === null) throw new ApiError(0, clientErrorCodes.network, 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  const text = await response.text();
  let parsed: unknown;
  try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
  if (response.ok) return parsed as IntakeResult;
  const e = (parsed as { error?: { code?: string; message?: string; details?: { path?: string; message: string }[] } } | undefined)?.error;
  throw new ApiError(response.status, e?.code ?? clientErrorCodes.badResponse, e?.message ?? 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại.', e?.details ?? []);
}
