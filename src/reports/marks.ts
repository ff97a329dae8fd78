// Marks: counts of a dossier's STATE (not of one event) put on the day the state names, so that
// the indicators' "open and past due at the end of the period" and "disliked in the 2.1 base"
// are sums of roll-ups up to a day instead of scans of the dossiers table. Pure: a dossier's
// marks are a function of its row; an event adds marks(after) − marks(before), so the roll-up
// always holds Σ marks(current row) (the same as the migration's backfill from the rows).
//
//   due               received dossier with a due time, on the day of its original due time (coalesce(original_due_at, due_at))
//   due_settled       the same dossier once ended, on the later of its due day and its end day
//   disliked_received received dossier rated 1–2 stars, on its receipt day
//   disliked_closed   the same dossier once ended, on its end day
//
// Open and past due at the end of day D (received, not ended by D, due before the end of D)
//   = Σ due − Σ due_settled over the days ≤ D.
// Disliked dossiers of the 2.1 base of [F, T] (received by T, not ended before F)
//   = Σ disliked_received over days ≤ T − Σ disliked_closed over days < F.
import { vnDateOfInstant } from '../calendar';
import { isDislike } from '../dossiers/lifecycle';
import type { Counts, Delta, RollupDossier, RollupKey } from './rollup';

export interface MarkedDossier extends RollupDossier {
  readonly rating_stars: number | null;
}

const keyAt = (d: MarkedDossier, day: string): RollupKey => ({
  day, provinceCode: d.province_code, unitPath: d.unit_path, agencyId: d.competent_agency_id,
  receivingAgencyId: d.receiving_agency_id, procedureId: d.procedure_id, channel: d.channel, onlineLevel: d.online_level ?? 'none',
});

/** The marks of one dossier row (each +1 on its day). */
export function marksOf(d: MarkedDossier | null): Delta[] {
  if (d === null || d.received_at === null) return [];
  const out: Delta[] = [];
  const put = (counts: Counts, at: Date) => out.push({ key: keyAt(d, vnDateOfInstant(at.getTime())), counts });
  const due = d.original_due_at ?? d.due_at;
  if (due !== null) {
    put({ due: 1 }, due);
    if (d.finished_at !== null) put({ due_settled: 1 }, d.finished_at > due ? d.finished_at : due);
  }
  if (d.rating_stars !== null && isDislike(d.rating_stars)) {
    put({ disliked_received: 1 }, d.received_at);
    if (d.finished_at !== null) put({ disliked_closed: 1 }, d.finished_at);
  }
  return out;
}

const negate = (ds: readonly Delta[]): Delta[] =>
  ds.map((d) => ({ key: d.key, counts: Object.fromEntries(Object.entries(d.counts).map(([m, n]) => [m, -(n ?? 0)])) as Counts }));

/** What an event changes in the marks: marks(after) − marks(before); `before` null for the first event. */
export function markDeltas(before: MarkedDossier | null, after: MarkedDossier): Delta[] {
  const was = marksOf(before);
  const now = marksOf(after);
  // unchanged marks cancel out: nothing to write for most events
  const text = (d: Delta) => `${JSON.stringify(d.key)}|${JSON.stringify(d.counts)}`;
  const wasText = new Map<string, number>();
  for (const d of was) wasText.set(text(d), (wasText.get(text(d)) ?? 0) + 1);
  const added: Delta[] = [];
  for (const d of now) {
    const n = wasText.get(text(d)) ?? 0;
    if (n > 0) wasText.set(text(d), n - 1);
    else added.push(d);
  }
  const removed = was.filter((d) => {
    const n = wasText.get(text(d)) ?? 0;
    if (n > 0) { wasText.set(text(d), n - 1); return true; }
    return false;
  });
  return [...added, ...negate(removed)];
}

/**
 * Actions whose fold may change a mark (receipt, due time, unit, end, rating): the hook folds
 * the dossier's earlier events for the row before them; other actions leave the marks alone.
 */
export const MARKING_ACTIONS: ReadonlySet<string> = new Set([
  'receive', 'forward', 'supplementReceived', 'apologize', 'recomputeDue', 'rate',
  'markResultReady', 'return', 'reject', 'stop', 'withdraw', 'refuse',
]);
