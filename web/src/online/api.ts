// What the online submission screens read and write (src/online/routes.ts): drafts, their review,
// the assisted filing's confirmation code, submit, the clerk's inbox and the online share.
// The answers' types are the server's response schemas (type-only imports: nothing is bundled).
import { api, request } from '../api/client';
import type {
  DraftResponse as Draft, InboxResponse as Inbox, OnlineStatsResponse as OnlineStats, ReviewResponse as Review, SubmittedResponse as Submitted,
} from '../../../src/online/schemas';

export type { Draft, Inbox, OnlineStats, Review, Submitted };
export type DraftPaper = Draft['papers'][number];
export type DraftChanges = Partial<Pick<Draft, 'caseKey' | 'placeUnitCode' | 'applicant' | 'formData' | 'papers' | 'delivery' | 'storeConsent'>>;
export type DeliveryMethod = NonNullable<Draft['delivery']>['method'];

const enc = encodeURIComponent;

export const createDraft = (procedureCode: string, changes: DraftChanges = {}) =>
  api.post<Draft>('/api/v1/online/drafts', { procedureCode, ...changes });
export const fetchDraft = (id: number, signal?: AbortSignal) => api.get<Draft>(`/api/v1/online/drafts/${id}`, signal);
export const saveDraft = (id: number, changes: DraftChanges) => request<Draft>('PUT', `/api/v1/online/drafts/${id}`, { body: changes });
export const reviewDraft = (id: number, signal?: AbortSignal) => api.get<Review>(`/api/v1/online/drafts/${id}/review`, signal);
export const sendConfirmationCode = (id: number) =>
  api.post<{ maskedPhone: string; expiresAt: string; validMinutes: number }>(`/api/v1/online/drafts/${id}/confirmation-code`, {});
export const submitDraft = (id: number, code?: string) =>
  api.post<Submitted>(`/api/v1/online/drafts/${id}/submit`, code === undefined ? {} : { code });

export const fetchInbox = (signal?: AbortSignal) => api.get<Inbox>('/api/v1/online/inbox', signal).then((r) => r.items);
export const fetchOnlineStats = (from: string, to: string, signal?: AbortSignal) =>
  api.get<OnlineStats>(`/api/v1/online/stats?from=${enc(from)}&to=${enc(to)}`, signal);
