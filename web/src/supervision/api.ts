// The supervision and notification endpoints as the supervision page reads them
// (src/supervision/routes.ts, src/notifications/routes.ts).
import { request } from '../api/client';
// the answers' types are the server's response schemas (Static<>, type-only imports: nothing is bundled)
import type { OfficerWorkload, PeriodAuditReport as AuditReport, SupervisedDossier, SupervisedPage } from '../../../src/supervision/schemas';
import type { NotificationItem } from '../../../src/notifications/schemas';

export type { AuditReport, NotificationItem, OfficerWorkload, SupervisedDossier, SupervisedPage };

export const fetchSupervised = (kind: 'at-risk' | 'overdue', after: string | null, signal?: AbortSignal) =>
  request<SupervisedPage>('GET', `/api/v1/supervision/${kind}?limit=50${after ? `&after=${encodeURIComponent(after)}` : ''}`, signal ? { signal } : {});

export const fetchOfficers = (from: string, to: string, signal?: AbortSignal) =>
  request<{ rows: readonly OfficerWorkload[] }>('GET', `/api/v1/supervision/officers?from=${from}&to=${to}`, signal ? { signal } : {});

export const verifyAudit = (from: string, to: string) =>
  request<AuditReport>('POST', '/api/v1/supervision/audit-verify', { body: { from, to } });

export const fetchNotifications = (signal?: AbortSignal) =>
  request<{ items: readonly NotificationItem[]; unread: number }>('GET', '/api/v1/notifications?limit=20', signal ? { signal } : {});

export const markAllRead = () => request<{ marked: number }>('POST', '/api/v1/notifications/read', { body: {} });
