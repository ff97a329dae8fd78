// The document endpoints as the screens read them (src/documents/*-routes.ts): the applicant's
// store and consent, a dossier's electronic results, certified copies and their public
// verification. The answers' types are the server's response schemas (type-only imports).
import { api, ApiError, request } from '../api/client';
import type { StoreConsentResponse, StoreResponse } from '../../../src/documents/store-routes';
import type { ResultFilesResponse } from '../../../src/documents/results-routes';
import type { CertifiedCopyResponse, CopyCheckResponse, CopyVerificationResponse } from '../../../src/documents/copies-routes';
import type { FileAnswerView } from '../../../src/documents/files-routes';

export type Store = StoreResponse;
export type StoreDocument = StoreResponse['documents'][number];
export type StoreConsent = StoreConsentResponse;
export type ResultFiles = ResultFilesResponse;
export type CertifiedCopy = CertifiedCopyResponse;
export type CopyVerification = CopyVerificationResponse;
export type UploadedFile = FileAnswerView;

/** The signed-in citizen's own store (the server takes their personal ID from the session). */
export const fetchOwnStore = (signal?: AbortSignal) => api.get<Store>('/api/v1/documents/store', signal);
export const giveConsent = () => request<StoreConsent>('PUT', '/api/v1/documents/store/consent');
export const withdrawConsent = () => request<{ withdrawnAt: string }>('DELETE', '/api/v1/documents/store/consent');

export const fetchResultFiles = (code: string, signal?: AbortSignal) =>
  api.get<ResultFiles>(`/api/v1/dossiers/${encodeURIComponent(code)}/result-files`, signal);
export const resultFileUrl = (code: string, fileId: number) => `/api/v1/dossiers/${encodeURIComponent(code)}/result-files/${fileId}`;
export const fileUrl = (fileId: number) => `/api/v1/files/${fileId}`;

export const attachResult = (code: string, body: { fileId: number; title: string; validUntil?: string }) =>
  api.post<unknown>(`/api/v1/dossiers/${encodeURIComponent(code)}/result-files`, body);
export const certifyCopy = (code: string, fileId: number) =>
  api.post<CertifiedCopy>(`/api/v1/dossiers/${encodeURIComponent(code)}/certified-copies`, { fileId });

export const fetchVerification = (id: string, signal?: AbortSignal) =>
  api.get<CopyVerification>(`/api/v1/public/certified-copies/${encodeURIComponent(id)}`, signal);
export const checkCopyHash = (id: string, sha256: string) =>
  api.post<CopyCheckResponse>(`/api/v1/public/certified-copies/${encodeURIComponent(id)}/check`, { sha256 });

/** Uploads one file (multipart field `file`): the server sniffs its type and stores the same bytes once. */
export async function uploadFile(file: File): Promise<UploadedFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch('/api/v1/files', { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const json = await response.json().catch(() => undefined) as { error?: { code: string; message: string } } | undefined;
  if (!response.ok) throw new ApiError(response.status, json?.error?.code ?? 'BAD_RESPONSE', json?.error?.message ?? 'Không tải được tệp lên.');
  return json as unknown as UploadedFile;
}

/** The SHA-256 of a file, computed in the browser (the file never leaves the device). */
export async function sha256Of(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
