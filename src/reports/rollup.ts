// What one dossier event adds to the daily roll-up `stats_daily` (day × unit × agency × receiving
// agency × procedure × channel × online level). Pure: the in-transaction hook, the rebuild from
// the event log and the simulator's bulk path all call `rollupDeltas`, so they cannot disagree.
import { timeliness, vnDateOfInstant } from '../calendar';
import { isDislike, isRatingStars } from '../dossiers/lifecycle';

export const metrics = [
  'submitted', // filed online (may still be refused)
  'received', // accepted: the clock started (counter, postal, or an online dossier accepted)
  'refused', // not accepted at intake (form 03)
  'resolved_early', 'resolved_on_time', 'resolved_late', // decided: result ready or rejected after appraisal
  'rejected', 'withdrawn', 'stopped',
  'closed', // accepted dossiers that ended (resolved, rejected, withdrawn, stopped): open = received − closed
  'returned', 'supplement_requests', 'apologies',
  'digitized', 'reused', 'store_linked', 'electronic_results', 'paid_online',
  'ratings', 'rating_sum', 'dislikes', // satisfaction ratings (`rate`), their stars, those of 1–2 stars
  'resolution_working_minutes', // net of supplement waits, summed over resolved dossiers (F766 2.2)
  // marks of the dossier's state, moved when it changes (marks.ts): open and past due at a day, disliked in a 2.1 base
  'due', 'due_settled', 'disliked_received', 'disliked_closed',
  // bundles (issue 17 §5): a bundle counts once as a submission, its members per agency for timeliness
  'bundles_received', // on the first member's acceptance: one per bundle
  'bundle_members_received', // each member, when its clock starts (a waiting member: at its prerequisite's result)
  'bundle_members_resolved_on_time', 'bundle_members_resolved_late', // a member decided, against its own due time (early counts on time)
] as const;
/** The marks (marks.ts): state counts put on the day they name, not activity of the day. */
export const markMetrics = ['due', 'due_settled', 'disliked_received', 'disliked_closed'] as const satisfies readonly Metric[];
export type Metric = (typeof metrics)[number];
/** The bundles' counts (issue 17 §5), by agency: not kept by procedure (stats_monthly_procedure has no such columns; migration 0186 precedes it). */
export const bundleMetrics = ['bundles_received', 'bundle_members_received', 'bundle_members_resolved_on_time', 'bundle_members_resolved_late'] as const satisfies readonly Metric[];
/** The metrics stats_monthly_procedure holds: all but the bundles'. */
export const procedureMetrics: readonly Metric[] = metrics.filter((m) => !(bundleMetrics as readonly Metric[]).includes(m));
export type Counts = Partial<Record<Metric, number>>;

export interface RollupKey {
  /** civil day in Vietnam (UTC+7) */
  readonly day: string;
  readonly provinceCode: string;
  readonly unitPath: string;
  readonly agencyId: number;
  readonly receivingAgencyId: number;
  readonly procedureId: number;
  readonly channel: 'counter' | 'online' | 'postal';
  readonly onlineLevel: 'none' | 'partial' | 'full';
}

/** The dossier row after the event, as far as the roll-up reads it. */
export interface RollupDossier {
  readonly province_code: string;
  readonly unit_path: string;
  readonly competent_agency_id: number;
  readonly receiving_agency_id: number;
  readonly procedure_id: number;
  readonly channel: 'counter' | 'online' | 'postal';
  readonly online_level: 'partial' | 'full' | null;
  readonly received_at: Date | null;
  readonly due_at: Date | null;
  readonly original_due_at: Date | null;
  readonly finished_at: Date | null;
  readonly supplement_requested_at: Date | null;
  readonly supplement_completed_at: Date | null;
}

export interface RollupEvent {
  readonly action: string;
  readonly at: Date;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Flags of the papers given at intake (from the intake event's payload). */
export interface IntakeFlags {
  /** F766 4.2: at least one component digitized, i.e. with its stored file attached ("Đã scan" alone is not a file) */
  readonly digitized: boolean;
  /** F766 4.3: at least one component reused from digitized data (the applicant's store, an earlier result, a national DB) */
  readonly reused: boolean;
  /**
   * F766 4.4: a component taken from the citizen's data store of the NATIONAL portal (DuocLayTuKhoDMQG).
   * Reuse from motcua's own store is not that linkage; motcua has no connection to the national
   * store yet, so only a paper fetched from a national database by connection (`national_db`) counts [U].
   */
  readonly storeLinked: boolean;
  /** a member of a bundle (the intake names its parent) */
  readonly bundleMember?: boolean;
  /** the bundle's first member received: the bundle counts there, once */
  readonly bundleFirst?: boolean;
}

const hasFile = (p: { fileId?: unknown }): boolean => typeof p.fileId === 'number';

export function intakeFlags(intakePayload: Readonly<Record<string, unknown>>): IntakeFlags {
  const papers = Array.isArray(intakePayload.papers) ? (intakePayload.papers as { source?: unknown; digitized?: unknown; fileId?: unknown }[]) : [];
  return {
    digitized: papers.some((p) => p.digitized === true && hasFile(p)),
    reused: papers.some((p) => p.source === 'reused' || p.source === 'prior_result' || p.source === 'national_db'),
    storeLinked: papers.some((p) => p.source === 'national_db'),
    ...(typeof intakePayload.bundle === 'string' ? { bundleMember: true, ...(intakePayload.bundleFirst === true ? { bundleFirst: true } : {}) } : {}),
  };
}

/** A bundle's member registered at the counter to wait for another member's result: not a submission (it is received when its clock starts). */
const isHeldBundleMember = (e: RollupEvent): boolean => e.action === 'submitted' && typeof e.payload.bundle === 'string' && e.payload.channel !== 'online';

export type WorkingMinutes = (from: number, to: number) => number;

export interface Delta {
  readonly key: RollupKey;
  readonly counts: Counts;
}

const keyOf = (d: RollupDossier, at: Date): RollupKey => ({
  day: vnDateOfInstant(at.getTime()), provinceCode: d.province_code, unitPath: d.unit_path, agencyId: d.competent_agency_id,
  receivingAgencyId: d.receiving_agency_id, procedureId: d.procedure_id, channel: d.channel, onlineLevel: d.online_level ?? 'none',
});

/** What a dossier's acceptance counts, on the day of its receipt. */
const acceptedCounts = (flags: IntakeFlags): Counts => ({
  received: 1,
  ...(flags.digitized ? { digitized: 1 } : {}), ...(flags.reused ? { reused: 1 } : {}), ...(flags.storeLinked ? { store_linked: 1 } : {}),
  ...(flags.bundleMember ? { bundle_members_received: 1 } : {}), ...(flags.bundleFirst ? { bundles_received: 1 } : {}),
});

/** Events that add one fixed count on their day, whatever the dossier. */
const COUNTED_ONCE: ReadonlyMap<string, Counts> = new Map<string, Counts>([
  ['submitted', { submitted: 1 }],
  ['refuse', { refused: 1 }],
  ['requestSupplement', { supplement_requests: 1 }],
  ['apologize', { apologies: 1 }],
]);
const DECISIONS = new Set(['markResultReady', 'reject']);
const ENDINGS = new Set(['markResultReady', 'reject', 'withdraw', 'stop']);

/**
 * What `event` adds, given the dossier row after it and the intake flags. Acceptance counts on
 * the day of the legal receipt time (postal: the hand-over record), everything else on the day
 * of the event. `workingMinutes` measures working time with the calendar (2.2); without it the
 * resolution time is not summed.
 */
export function rollupDeltas(event: RollupEvent, after: RollupDossier, flags: IntakeFlags, workingMinutes?: WorkingMinutes): Delta[] {
  const out: Delta[] = [];
  const at = (counts: Counts, when: Date = event.at) => out.push({ key: keyOf(after, when), counts });
  const accepted = (): Counts => acceptedCounts(flags);
  if (isHeldBundleMember(event)) return out;
  const counted = COUNTED_ONCE.get(event.action);
  if (counted) {
    at(counted);
    return out;
  }
  switch (event.action) {
    case 'received': // an online dossier accepted
    case 'receive': // counter or postal intake
      at(accepted(), after.received_at ?? event.at);
      return out;
    case 'return':
      at({ returned: 1 });
      return out;
    case 'attachResult':
      // F766 4.1: the dossier has an electronic result (its signed file), counted once, on the day of the first file
      if (event.payload.first === true) at({ electronic_results: 1 });
      return out;
    case 'paymentReceived':
      if (event.payload.online === true) at({ paid_online: 1 });
      return out;
    case 'rate': {
      // the applicant's rating (F766 5.4), on the day it was given; one per dossier (lifecycle)
      const stars = event.payload.stars;
      if (isRatingStars(stars)) at({ ratings: 1, rating_sum: stars, ...(isDislike(stars) ? { dislikes: 1 } : {}) });
      return out;
    }
    default:
      break;
  }
  if (!ENDINGS.has(event.action)) return out;
  const counts: Record<string, number> = {};
  if (after.received_at !== null) counts.closed = 1;
  if (event.action === 'reject') counts.rejected = 1;
  if (event.action === 'withdraw') counts.withdrawn = 1;
  if (event.action === 'stop') counts.stopped = 1;
  if (DECISIONS.has(event.action)) {
    const due = after.original_due_at ?? after.due_at;
    const finished = after.finished_at ?? event.at;
    const t = due === null ? 'onTime' : timeliness(due.getTime(), finished.getTime());
    counts[t === 'early' ? 'resolved_early' : t === 'onTime' ? 'resolved_on_time' : 'resolved_late'] = 1;
    if (flags.bundleMember) counts[t === 'late' ? 'bundle_members_resolved_late' : 'bundle_members_resolved_on_time'] = 1;
    if (workingMinutes && after.received_at !== null) {
      let minutes = workingMinutes(after.received_at.getTime(), finished.getTime());
      const req = after.supplement_requested_at;
      const done = after.supplement_completed_at;
      if (req !== null && done !== null && done > req) minutes -= workingMinutes(Math.max(req.getTime(), after.received_at.getTime()), Math.min(done.getTime(), finished.getTime()));
      counts.resolution_working_minutes = Math.max(0, Math.round(minutes));
    }
  }
  at(counts as Counts);
  return out;
}

/** Stable text of a key, for maps. */
export const keyText = (k: RollupKey): string =>
  `${k.day}|${k.provinceCode}|${k.unitPath}|${k.agencyId}|${k.receivingAgencyId}|${k.procedureId}|${k.channel}|${k.onlineLevel}`;

/** Adds deltas into an in-memory roll-up (rebuild, simulator). */
export class RollupAccumulator {
  readonly rows = new Map<string, { key: RollupKey; counts: Record<Metric, number> }>();

  add(deltas: readonly Delta[]): void {
    for (const d of deltas) {
      const k = keyText(d.key);
      let row = this.rows.get(k);
      if (!row) {
        row = { key: d.key, counts: Object.fromEntries(metrics.map((m) => [m, 0])) as Record<Metric, number> };
        this.rows.set(k, row);
      }
      for (const [m, n] of Object.entries(d.counts) as [Metric, number][]) row.counts[m] += n;
    }
  }
}

/**
 * A dossier is counted under the unit and competent agency it has NOW — the one that decides it, as
 * the marks (marks.ts) and the dossier reads take it. An event that moves it (a `forward` naming
 * another agency or unit) moves its acceptance with it, on its receipt day: receipt and close then
 * fall under one key and the open count (received − closed) of a unit never goes negative. Pure;
 * the hook and the rebuild add it beside `rollupDeltas`. Migration 0240 moved the acceptances
 * counted before.
 */
export function movedDeltas(before: RollupDossier | null, after: RollupDossier, flags: IntakeFlags): Delta[] {
  if (before === null || before.received_at === null || after.received_at === null) return [];
  const from = keyOf(before, before.received_at);
  const to = keyOf(after, after.received_at);
  if (keyText(from) === keyText(to)) return [];
  const counts = acceptedCounts(flags);
  const negative = Object.fromEntries(Object.entries(counts).map(([m, n]) => [m, -(n ?? 0)])) as Counts;
  return [{ key: from, counts: negative }, { key: to, counts }];
}
