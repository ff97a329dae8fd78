// The dossier endpoints as the processing, counter and tracking screens read them
// (src/dossiers/routes.ts, src/dossiers/queries.ts).
import { api } from '../api/client';
import type { ActionInput } from '../../../src/dossiers/actions';
import { actionLabels, transitions, type Action as DossierAction, type Status as DossierStatus } from '../../../src/dossiers/lifecycle';

/** The body of an action, as the server's service takes it. */
export type { ActionInput };

// The lifecycle's lists are the server's own (a pure module): a new status or action reaches the
// screens without a second copy.
export {
  actions as dossierActions, statuses as dossierStatuses, type Action as DossierAction, type Status as DossierStatus,
  dislikeReasons, RATING_COMMENT_MAX_CHARS, RATING_MAX_STARS, RATING_MIN_STARS, type DislikeReason,
} from '../../../src/dossiers/lifecycle';

export type Timeliness = 'early' | 'onTime' | 'late';
export type ReturnChannel = 'counter' | 'post' | 'online';

export interface DossierDetail {
  readonly code: string;
  readonly status: DossierStatus;
  readonly statusLabel: string;
  readonly version: number;
  readonly channel: 'counter' | 'online' | 'postal';
  readonly procedure: { readonly code: string; readonly name: string };
  readonly applicant: { readonly name: string; readonly phone: string | null; readonly personalId: string | null };
  readonly receivingAgency: { readonly identifier: string; readonly name: string };
  readonly competentAgency: { readonly identifier: string; readonly name: string };
  readonly submittedAt: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly originalDueAt: string | null;
  readonly finishedAt: string | null;
  readonly returnedAt: string | null;
  readonly remainingWorkingMinutes: number | null;
  readonly timeliness: Timeliness | null;
  readonly supplementCount: number;
  readonly apologyUsed: boolean;
  readonly formData: Readonly<Record<string, unknown>>;
  readonly papers: readonly { key: string; name: string; originals: number; copies: number; source: string; digitized: boolean }[];
  readonly timeline: readonly { seq: number; at: string; action: string; label: string; actorRole: string | null; payload: Readonly<Record<string, unknown>> }[];
  readonly steps: readonly { key: string; name: string; role: string; dueAt: string }[];
  readonly allowedActions: readonly DossierAction[];
}

export interface DossierListItem {
  readonly code: string;
  readonly status: DossierStatus;
  readonly statusLabel: string;
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly remainingWorkingMinutes: number | null;
  readonly timeliness: Timeliness | null;
}


export interface ActionResult {
  readonly code: string;
  readonly status: DossierStatus;
  readonly version: number;
  readonly dueAt: string | null;
}

export interface SearchFilters {
  readonly code?: string;
  readonly personalId?: string;
  readonly phone?: string;
  readonly name?: string;
  readonly status?: DossierStatus;
}

export interface TrackingView {
  readonly code: string;
  readonly status: DossierStatus;
  readonly statusLabel: string;
  readonly procedureName: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  /** the applicant has rated the handling (never how) */
  readonly rated: boolean;
  readonly steps: readonly { label: string; at: string }[];
}

/** Statuses in which a dossier may be rated (after its result). */
export const canBeRated = (status: DossierStatus): boolean => (transitions.rate.from as readonly DossierStatus[]).includes(status);

const enc = encodeURIComponent;

export const fetchDossier = (code: string, signal?: AbortSignal) => api.get<DossierDetail>(`/api/v1/dossiers/${enc(code)}`, signal);

export interface Assignee { readonly userId: number; readonly fullName: string; readonly role: 'officer' | 'approver' }

/** The competent agency's officers and approvers, for the assign dialog. */
export const fetchAssignees = (code: string, signal?: AbortSignal) =>
  api.get<{ items: readonly Assignee[] }>(`/api/v1/dossiers/${enc(code)}/assignees`, signal).then((r) => r.items);

export const fetchQueue = (signal?: AbortSignal) => api.get<{ items: readonly DossierListItem[] }>('/api/v1/queue', signal).then((r) => r.items);

export function searchDossiers(filters: SearchFilters, signal?: AbortSignal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (typeof value === 'string' && value.trim()) query.set(key, value.trim());
  // totalIsLowerBound: the server stopped counting; more than `total` dossiers match
  return api.get<{ items: readonly DossierListItem[]; total: number; totalIsLowerBound?: boolean }>(`/api/v1/dossiers?${query.toString()}`, signal);
}

export const performAction = (code: string, action: DossierAction, input: ActionInput) =>
  api.post<ActionResult>(`/api/v1/dossiers/${enc(code)}/actions/${action}`, input);

export const trackDossier = (code: string, phoneLast4: string, signal?: AbortSignal) =>
  api.get<TrackingView>(`/api/v1/track/${enc(code)}?phone=${enc(phoneLast4)}`, signal);

export const slipKinds = ['receipt', 'supplement', 'refusal', 'apology', 'stop', 'control'] as const;
export type SlipKind = (typeof slipKinds)[number];

/** The PDF of one slip (rendered by src/forms). */
export const slipUrl = (code: string, kind: SlipKind) => `/api/v1/dossiers/${enc(code)}/slips/${kind}.pdf`;

/** The slips that exist for a dossier as it stands. */
export function availableSlips(d: Pick<DossierDetail, 'status' | 'receivedAt' | 'supplementCount' | 'apologyUsed' | 'timeline'>): SlipKind[] {
  const kinds: SlipKind[] = [];
  if (d.receivedAt) kinds.push('receipt');
  if (d.supplementCount > 0) kinds.push('supplement');
  if (d.status === 'refused' || d.status === 'rejected') kinds.push('refusal');
  // apologyUsed is reset when a supplement restarts the clock; the slip of the earlier apology stays
  if (d.apologyUsed || d.timeline.some((e) => e.action === 'apologize')) kinds.push('apology');
  if (d.status === 'stopped' || d.status === 'withdrawn') kinds.push('stop');
  // the control slip starts with the hand-over to the agency (src/forms)
  if (d.timeline.some((e) => e.action === 'forward')) kinds.push('control');
  return kinds;
}
