// The OCR endpoints as the scanned-text search page reads them (src/documents/ocr-routes.ts).
import { request } from '../api/client';
// the answers' types are the server's response schemas (Static<>, type-only imports: nothing is bundled)
import type { OcrFailure, ScanTextHit } from '../../../src/documents/ocr-schemas';

export type { OcrFailure, ScanTextHit };

export const searchScans = (q: string) =>
  request<{ items: readonly ScanTextHit[]; truncated: boolean }>('GET', `/api/v1/documents/search?q=${encodeURIComponent(q)}`);

export const fetchOcrFailures = (signal?: AbortSignal) =>
  request<{ items: readonly OcrFailure[] }>('GET', '/api/v1/documents/ocr/failures', signal ? { signal } : {});

export const retryOcr = (fileId: number) =>
  request<{ fileId: number; status: 'pending' }>('POST', `/api/v1/documents/ocr/${fileId}/retry`, { body: {} });

/** The scan itself (GET /api/v1/files/{id}: an attachment, for whoever may read the dossier). */
export const scanUrl = (fileId: number) => `/api/v1/files/${fileId}`;
