// What scanning at the counter sends (src/documents routes): each page uploaded as it is added
// (multipart, field "file"; the server sniffs the type from the bytes and answers 413 past its
// limit), then the pages of one paper composed into one PDF in the clerk's order.
import { ApiError, api, clientErrorCodes } from '../api/client';
import type { StoreResponse } from '../../../src/documents/store-routes';
import type { Rotation, UploadedFile } from './receive/scans';

const networkMessage = 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';

export async function uploadPage(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/v1/files', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' }, body, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, clientErrorCodes.network, networkMessage);
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
  if (response.ok) return parsed as UploadedFile;
  const e = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(response.status, e?.code ?? clientErrorCodes.badResponse, e?.message ?? 'Máy chủ không nhận tệp. Vui lòng thử lại.');
}

export const composeScan = (pages: readonly { fileId: number; rotation: Rotation }[]) =>
  api.post<UploadedFile>('/api/v1/files/compose', { pages });

/** The address that streams a stored file (always as an attachment). */
export const fileUrl = (fileId: number) => `/api/v1/files/${fileId}`;

/** One document of the applicant's store: the server's answer schema (type-only import, nothing bundled). */
export type StoreDocument = StoreResponse['documents'][number];
export type { StoreResponse };

export const fetchStore = (personalId: string, procedureCode: string, signal?: AbortSignal) =>
  api.get<StoreResponse>(`/api/v1/documents/store?personalId=${personalId}&procedure=${encodeURIComponent(procedureCode)}`, signal);
