// The supervision and notification endpoints as the supervision page reads them
// (src/reports/supervision-routes.ts, src/notifications/routes.ts).
import { request } from '../api/client';
import type { DossierStatus } from '../processing/api';

export interface SupervisedDossier {
  readonly code: string;
  readonly status: DossierStatus;
  readonly statusLabel: string;
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly agencyName: string;
  readonly receivedAt: string | null;
  readonly dueAt: string;
  readonly remainingWorkingMinutes: number | null;
}

export interface SupervisedPage {
  readonly items: readonly SupervisedDossier[];
  readonly total: number;
  readonly next: string | null;
  readonly thresholdWorkingMinutes: number;
}

export interface OfficerWorkload {
  readonly userId: number;
  readonly name: string;
  readonly role: string | null;
  readonly assigned: number;
  readonly resolved: number;
  readonly onTime: number;
  readonly late: number;
  readonly openNow: number;
  readonly openOverdue: number;
}

export interface AuditReport {
  readonly ok: boolean;
  readonly dossiers: number;
  readonly events: number;
  readonly brokenDossiers: number;
  readonly firstBroken: { readonly dossierCode: string; readonly seq: number; readonly reason: string } | null;
}

export interface NotificationItem {
  readonly id: number;
  readonly kind: string;
  readonly dossierCode: string | null;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export const fetchSupervised = (kind: 'at-risk' | 'overdue', after: string | null, signal?: AbortSignal) =>
  request<SupervisedPage>('GET', `/api/v1/supervision/${kind}?limit=50${after ? `&after=${encodeURIComponent(after)}` : ''}`, signal ? { signal } : {});

export const fetchOfficers = (from: string, to: string, signal?: AbortSignal) =>
  request<{ rows: readonly OfficerWorkload[] }>('GET', `/api/v1/supervision/officers?from=${from}&to=${to}`, signal ? { signal } : {});

export const verifyAudit = (from: string, to: string) =>
  request<AuditReport>('POST', '/api/v1/supervision/audit-verify', { body: { from, to } });

export const fetchNotifications = (signal?: AbortSignal) =>
  request<{ items: readonly NotificationItem[]; unread: number }>('GET', '/api/v1/notifications?limit=20', signal ? { signal } : {});

export const markAllRead = () => request<{ marked: number }>('POST', '/api/v1/notifications/read', { body: {} });
