// The dossier state machine (DOMAIN §1.4–1.5). Pure: no I/O, no clock; time is an argument.
// One exhaustive table of transitions, one of the permission each action needs and one of national
// sync codes: adding a status or an action fails to compile until the tables say what it does.
import { roleHas, type Permission } from '../accounts/model';
import type { Role } from '../platform/actor';

import { actions, dislikeReasons, RATING_MAX_STARS, RATING_MIN_STARS, ratableStatuses, statuses, type DislikeReason, statusLabels as statusLabelsByLanguage, actionLabels as actionLabelsByLanguage, type Action, type Status } from '../shared/dossier-labels';
import labels from './labels.vi.json';

// the lists, the labels and the rating's scale are the shared module's (the web shows the same)
export { actions, statuses, isAction, isStatus, type Action, type Status } from '../shared/dossier-labels';
export { dislikeReasons, RATING_COMMENT_MAX_CHARS, RATING_MAX_STARS, RATING_MIN_STARS, type DislikeReason } from '../shared/dossier-labels';

/**
 * 'same': the action is recorded but the status does not change. 'resume': back to the status the
 * dossier had when the supplement was requested (submitted at intake, processing in appraisal).
 */
export type Target = Status | 'same' | 'resume';

export interface Transition {
  readonly from: readonly Status[];
  readonly to: Target;
}

const OPEN_AT_AGENCY = ['processing', 'awaitingApproval', 'awaitingSupplement', 'awaitingPayment'] as const satisfies readonly Status[];

/** The competent agency has the dossier (forwarded, not yet decided). */
const isAtAgency = (status: Status): boolean => (OPEN_AT_AGENCY as readonly Status[]).includes(status);

export const transitions = {
  // online dossier accepted by the one-stop (counter and postal intake create `received` directly)
  receive: { from: ['submitted'], to: 'received' },
  // ND 61 art. 17: not accepted (form 03); only before acceptance
  refuse: { from: ['submitted'], to: 'refused' },
  // ND 61 art. 18: sent to the competent agency
  forward: { from: ['received'], to: 'processing' },
  // the head assigns an officer (ND 61 art. 19.1)
  assign: { from: ['processing'], to: 'same' },
  // once per dossier (see guard); in appraisal within 3 working days of receipt (ND 61 art. 19.4)
  requestSupplement: { from: ['submitted', 'processing'], to: 'awaitingSupplement' },
  supplementReceived: { from: ['awaitingSupplement'], to: 'resume' },
  requestPayment: { from: ['processing'], to: 'awaitingPayment' },
  paymentReceived: { from: ['awaitingPayment'], to: 'processing' },
  // ND 61 art. 19.5: consultations recorded with their deadlines
  consult: { from: ['processing'], to: 'same' },
  consultReplied: { from: ['processing'], to: 'same' },
  // ND 61 art. 19.9: new date once per running clock, at least one working day before the due
  // time; not while a supplement is awaited (no clock is running, it restarts from zero)
  apologize: { from: ['processing', 'awaitingApproval', 'awaitingPayment'], to: 'same' },
  // ND 61 art. 19.1: the officer, having appraised, submits to the leader ("Trình phê duyệt");
  // the dossier then waits in the approver's queue (the clock keeps running)
  submitForApproval: { from: ['processing'], to: 'awaitingApproval' },
  // the leader signs (also directly, without a submission); the result then reaches the one-stop
  // (markResultReady)
  approve: { from: ['processing', 'awaitingApproval'], to: 'processing' },
  // ND 61 art. 19.8: not eligible after appraisal, with a reason
  reject: { from: ['processing', 'awaitingApproval'], to: 'rejected' },
  markResultReady: { from: ['processing'], to: 'resultReady' },
  // ND 61 art. 20: handed over at the counter, by post or online
  return: { from: ['resultReady'], to: 'returned' },
  // the applicant withdraws (sync 7): themselves online or through the counter
  withdraw: { from: ['submitted', 'received', ...OPEN_AT_AGENCY], to: 'withdrawn' },
  // ND 118 art. 21: processing stops (sync 8)
  stop: { from: ['received', ...OPEN_AT_AGENCY], to: 'stopped' },
  // an administrator re-computes the due time with the working calendar now in force, on purpose
  // (a received dossier otherwise keeps the calendar version it was computed with); not while
  // a supplement is awaited (no clock is running)
  recomputeDue: { from: ['received', 'processing', 'awaitingApproval', 'awaitingPayment'], to: 'same' },
  // F766 5.4 / TT 01/2018 index 7: the applicant rates the handling once, after its result (ready,
  // returned, or rejected after appraisal) — themselves on the portal, or the clerk records their
  // choice on the counter's rating device. Not after refusal at intake, withdrawal or a stop: no
  // handling was decided, and those dossiers are outside the 5.4 base (accepted dossiers judged
  // on time); a complaint about them is feedback (PAKN), not a rating. The status stays.
  rate: { from: ratableStatuses, to: 'same' },
  // issue 12 §5: the agency attaches the signed electronic result (a file) once the decision is
  // signed — while processing after approval (payload builder), with the result ready, or after
  // it was handed over; several files (a decision and its certificate) are several events
  attachResult: { from: ['processing', 'resultReady', 'returned'], to: 'same' },
} as const satisfies Record<Action, Transition>;

/**
 * The permission each action needs (which roles hold it is accounts' business, accounts/model.ts):
 * the one-stop accepts, refuses and forwards (receive); officers and approvers appraise (process);
 * the supplement and the fee are recorded by whoever meets the applicant (supplement, payment);
 * the leader decides (approve); the result is handed over at the counter or by post (return).
 */
export const actionPermissions = {
  receive: 'dossiers.receive',
  refuse: 'dossiers.receive',
  forward: 'dossiers.receive',
  assign: 'dossiers.process',
  requestSupplement: 'dossiers.supplement',
  supplementReceived: 'dossiers.supplement',
  requestPayment: 'dossiers.process',
  paymentReceived: 'dossiers.payment',
  consult: 'dossiers.process',
  consultReplied: 'dossiers.process',
  apologize: 'dossiers.process',
  submitForApproval: 'dossiers.process',
  approve: 'dossiers.approve',
  reject: 'dossiers.approve',
  markResultReady: 'dossiers.result',
  return: 'dossiers.return',
  withdraw: 'dossiers.withdraw',
  stop: 'dossiers.stop',
  recomputeDue: 'dossiers.recomputeDue',
  rate: 'dossiers.rate',
  attachResult: 'documents.result',
} as const satisfies Record<Action, Permission>;

export type SyncCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** DOMAIN §1.5 (TrangThaiHoSo). Rejected after appraisal is reported as 8 [U: 8 or 3]. */
export const syncCode = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  // submitted to the leader, still being processed (sync 4)
  awaitingApproval: 4,
  awaitingSupplement: 5,
  awaitingPayment: 6,
  withdrawn: 7,
  stopped: 8,
  rejected: 8,
  resultReady: 9,
  returned: 10,
} as const satisfies Record<Status, SyncCode>;

/** The Vietnamese labels (slips, timelines, messages); the English ones are in the shared module. */
export const statusLabels = statusLabelsByLanguage.vi;
export const actionLabels = actionLabelsByLanguage.vi;

/** Whether the action can move a dossier to another status (not a 'same' bookkeeping record). */
export const changesStatus = (action: Action): boolean => transitions[action].to !== 'same';

/**
 * Statuses no action can leave. Bookkeeping actions that keep the status (the rating after the
 * result) do not make a status open again: a returned dossier stays terminal when it is rated.
 */
export const terminalStatuses: readonly Status[] = statuses.filter(
  (s) => !actions.some((a) => changesStatus(a) && (transitions[a].from as readonly Status[]).includes(s)),
);
export const isTerminal = (status: Status): boolean => terminalStatuses.includes(status);

/** What the rules need of a dossier; the row and the event fold both provide it. */
export interface LifecycleState {
  readonly status: Status;
  /** the status the supplement was requested from (for 'resume') */
  readonly statusBeforeSupplement: Status | null;
  readonly supplementCount: number;
  readonly apologyUsed: boolean;
  readonly approved: boolean;
  /** the applicant's satisfaction rating was recorded (once per dossier) */
  readonly rated: boolean;
}

export type RuleViolation =
  | 'ACTION_NOT_ALLOWED_FOR_ROLE'
  | 'INVALID_TRANSITION'
  | 'SUPPLEMENT_ALREADY_REQUESTED'
  | 'APOLOGY_ALREADY_USED'
  | 'ALREADY_APPROVED'
  | 'RESULT_NOT_APPROVED'
  | 'ALREADY_RATED'
  | 'AGENCY_DECIDES';

export const violationMessages = labels.violation satisfies Record<RuleViolation, string>;

/**
 * Whether `role` may apply `action` to a dossier in `state`, by the table and by the rules that
 * need no input (time-bound rules are checked by the service with the calendar).
 */
export function checkAction(state: LifecycleState, action: Action, role: Role): RuleViolation | null {
  const t: Transition = transitions[action];
  if (!roleHas(role, actionPermissions[action])) return 'ACTION_NOT_ALLOWED_FOR_ROLE';
  if (!t.from.includes(state.status)) return 'INVALID_TRANSITION';
  // DOMAIN §1.4 step 7: once the competent agency appraises the dossier, asking for a supplement
  // and deciding a stop are its decisions (those who appraise: dossiers.process); the receiving
  // one-stop still prints and hands over the stop notice and records the supplement received
  if ((action === 'requestSupplement' || action === 'stop') && isAtAgency(state.status) && !roleHas(role, 'dossiers.process')) {
    return 'AGENCY_DECIDES';
  }
  switch (action) {
    // "bổ sung một lần" (ND 61 art. 15.3, ND 118 art. 11); F766 counts a second request as late.
    case 'requestSupplement':
      return state.supplementCount >= 1 ? 'SUPPLEMENT_ALREADY_REQUESTED' : null;
    case 'apologize':
      return state.apologyUsed ? 'APOLOGY_ALREADY_USED' : null;
    case 'approve':
      return state.approved ? 'ALREADY_APPROVED' : null;
    case 'markResultReady':
      return state.approved ? null : 'RESULT_NOT_APPROVED';
    // one rating per dossier: F766 5.4 counts dossiers, not votes
    case 'rate':
      return state.rated ? 'ALREADY_RATED' : null;
    default:
      return null;
  }
}

/** The status after `action`; call only when checkAction returned null. */
export function nextStatus(state: LifecycleState, action: Action): Status {
  const to: Target = transitions[action].to;
  if (to === 'same') return state.status;
  if (to === 'resume') return state.statusBeforeSupplement ?? 'processing';
  return to;
}

/** The state after `action` (status and the counters the rules read). */
export function applyAction(state: LifecycleState, action: Action): LifecycleState {
  const status = nextStatus(state, action);
  switch (action) {
    case 'requestSupplement':
      return { ...state, status, statusBeforeSupplement: state.status, supplementCount: state.supplementCount + 1 };
    case 'supplementReceived':
      // in appraisal the clock restarts from zero (ND 61 art. 19.4): the new period has its own
      // single apology (art. 19.9); at intake no clock ran, so no apology could have been used
      return { ...state, status, statusBeforeSupplement: null, apologyUsed: state.statusBeforeSupplement === 'processing' ? false : state.apologyUsed };
    case 'apologize':
      return { ...state, status, apologyUsed: true };
    case 'approve':
      return { ...state, status, approved: true };
    case 'rate':
      return { ...state, status, rated: true };
    default:
      return { ...state, status };
  }
}

/** The actions the UI offers this role on this dossier (scope is the service's business). */
export function allowedActions(state: LifecycleState, role: Role): Action[] {
  return actions.filter((a) => checkAction(state, a, role) === null);
}

export const initialState = (status: 'submitted' | 'received'): LifecycleState => ({
  status, statusBeforeSupplement: null, supplementCount: 0, apologyUsed: false, approved: false, rated: false,
});

// ── The satisfaction rating (payload of `rate`) ───────────────────────────────────────────────

/** Where the rating was given: the applicant on the portal, or on the counter's rating device. */
export const ratingChannels = ['portal', 'counter'] as const;
export type RatingChannel = (typeof ratingChannels)[number];

export const isDislikeReason = (v: unknown): v is DislikeReason => typeof v === 'string' && (dislikeReasons as readonly string[]).includes(v);

/**
 * The one "dislike" rule (F766 5.4 "không hài lòng"): a rating of 1 or 2 stars. The roll-up, the
 * indicators and the simulator all ask this function.
 */
export const DISLIKE_MAX_STARS = 2;
export const isDislike = (stars: number): boolean => stars <= DISLIKE_MAX_STARS;

/** A whole number of stars on the scale. */
export const isRatingStars = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= RATING_MIN_STARS && v <= RATING_MAX_STARS;

/**
 * The intake event's label: a counter or postal receipt, an online submission, or — a bundle's member
 * that waits for another member's result (issue 17) — registered at the counter without a clock.
 */
export function intakeLabel(action: 'received' | 'submitted', payload: Readonly<Record<string, unknown>>): string {
  if (action === 'received') return 'Tiếp nhận hồ sơ';
  return payload.channel === 'online' ? 'Nộp hồ sơ trực tuyến' : 'Đăng ký hồ sơ liên thông (chờ kết quả thủ tục trước)';
}
