// The dossier endpoints as the processing, counter and tracking screens read them
// (src/dossiers/routes.ts, src/dossiers/queries.ts).
import { api } from '../api/client';
import type { ActionRequest, SearchRequest } from '../../../src/dossiers/routes';
import type { Action as DossierAction } from '../../../src/shared/dossier-labels';

/** The body of an action, as the route's schema takes it (src/dossiers/routes.ts). */
export type ActionInput = ActionRequest;

// The lifecycle's lists are the shared module's (src/shared, what the server's lifecycle uses): a
// new status or action reaches the screens without a second copy.
export {
  actions as dossierActions, statuses as dossierStatuses, type Action as DossierAction, type Status as DossierStatus,
  canBeRated, dislikeReasons, RATING_COMMENT_MAX_CHARS, RATING_MAX_STARS, RATING_MIN_STARS, type DislikeReason,
} from '../../../src/shared/dossier-labels';

// The answers' types are the server's response schemas (src/dossiers/schemas.ts, Static<>;
// type-only imports: nothing is bundled).
import type {
  ActionResultView as ActionResult, AssigneeView as AssignableStaff, DossierDetailView as DossierDetail, QueueFilterView as QueueFilter,
  QueueItemView as QueueItem, TimelinessView as Timeliness, TrackingViewView as TrackingView, WorkItemView as WorkItem,
} from '../../../src/dossiers/schemas';
import type { BundleViewView } from '../../../src/bundles/schemas';

export type { ActionResult, DossierDetail, Timeliness, TrackingView };
/** The search's filters and paging, as the route's query takes them. */
export type SearchFilters = SearchRequest;
/** A bundled dossier with its members (src/bundles/schemas.ts). */
export type BundleView = BundleViewView;
export type DossierListItem = QueueItem;
export type { QueueFilter, WorkItem };
export type Assignee = AssignableStaff;
export type ReturnChannel = NonNullable<ActionInput['channel']>;


const enc = encodeURIComponent;

export const fetchDossier = (code: string, signal?: AbortSignal) => api.get<DossierDetail>(`/api/v1/dossiers/${enc(code)}`, signal);

/** The competent agency's officers and approvers, for the assign dialog. */
export const fetchAssignees = (code: string, signal?: AbortSignal) =>
  api.get<{ items: readonly Assignee[] }>(`/api/v1/dossiers/${enc(code)}/assignees`, signal).then((r) => r.items);

/** The desk's work list, filtered: all, awaiting supplement, results ready here, due soon, overdue. */
export const fetchQueue = (filter: QueueFilter, signal?: AbortSignal) =>
  api.get<{ items: readonly WorkItem[] }>(`/api/v1/queue?filter=${filter}`, signal).then((r) => r.items);

export function searchDossiers(filters: SearchFilters, signal?: AbortSignal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (typeof value === 'string' && value.trim()) query.set(key, value.trim());
  // totalIsLowerBound: the server stopped counting; more than `total` dossiers match. next: the cursor of the next page (`after`)
  return api.get<{ items: readonly DossierListItem[]; total: number; totalIsLowerBound?: boolean; next?: string | null }>(`/api/v1/dossiers?${query.toString()}`, signal);
}

export const performAction = (code: string, action: DossierAction, input: ActionInput) =>
  api.post<ActionResult>(`/api/v1/dossiers/${enc(code)}/actions/${action}`, input);

export const trackDossier = (code: string, pin: string, signal?: AbortSignal) =>
  api.get<TrackingView>(`/api/v1/track/${enc(code)}?pin=${enc(pin)}`, signal);

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
