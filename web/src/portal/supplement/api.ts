// What the supplement page reads and sends (src/online/routes.ts): the request (form 02) on the
// citizen's own online dossier, and the supplement — a file (POST /api/v1/files) for each item.
// The answers' types are the server's response schemas (type-only imports: nothing is bundled).
import { api } from '../../api/client';
import type { ActionResultView } from '../../../../src/dossiers/schemas';
import type { SupplementResponse } from '../../../../src/online/schemas';

export type Supplement = SupplementResponse;

const pathOf = (code: string) => `/api/v1/online/dossiers/${encodeURIComponent(code)}/supplement`;

export const fetchSupplement = (code: string, signal?: AbortSignal) => api.get<Supplement>(pathOf(code), signal);
export const sendSupplement = (code: string, body: { papers: { item: string; fileId: number }[]; expectedVersion: number }) =>
  api.post<ActionResultView>(pathOf(code), body);
