// The sync endpoints as the sync-status page reads them (src/sync/routes.ts).
import { request } from '../api/client';
// the answers' types are the server's response schemas (Static<>, type-only imports: nothing is bundled)
import type { SyncBackfillView, SyncCountsView, SyncFailuresPage, SyncFailureView, SyncStatsView } from '../../../src/sync/schemas';

export type { SyncBackfillView, SyncCountsView, SyncFailuresPage, SyncFailureView, SyncStatsView };

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const fetchSyncCounts = (from: string, to: string, signal?: AbortSignal) =>
  request<SyncCountsView>('GET', `/api/v1/sync/status?from=${from}&to=${to}`, opts(signal));

export const fetchSyncStats = (from: string, to: string, signal?: AbortSignal) =>
  request<SyncStatsView>('GET', `/api/v1/sync/stats?from=${from}&to=${to}`, opts(signal));

export const fetchSyncFailures = (before: number | null, signal?: AbortSignal) =>
  request<SyncFailuresPage>('GET', `/api/v1/sync/failures?limit=50${before === null ? '' : `&before=${before}`}`, opts(signal));

export const retrySyncRow = (id: number) => request<{ id: number; dossierCode: string; seq: number }>('POST', `/api/v1/sync/failures/${id}/retry`, { body: {} });

/** The administrator's backfill of a period (civil days). */
export const backfillSync = (from: string, to: string) => request<SyncBackfillView>('POST', '/api/v1/sync/backfill', { body: { from, to } });
