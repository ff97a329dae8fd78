// Step deadlines and the control slip (form 05/06, DOMAIN §3.2). Pure.
import { computeDueAt, timeliness, type Timeliness, type WorkCalendar } from '../calendar';
import type { DossierEvent } from './events';
import type { HandoffStep, HandoffTimedStep } from './handoffs';

export interface StepShare {
  readonly key: string;
  readonly name: string;
  readonly role: string;
  /** share of the whole duration; shares sum to 1 */
  readonly share: number;
}

export interface StepDeadline {
  readonly key: string;
  readonly name: string;
  readonly role: string;
  readonly dueAt: number;
}

/**
 * Each step is due when its cumulative share of the procedure's working time has elapsed from
 * the start of the clock (the officer's 60% of 5 working days → 3 working days). Calendar-day
 * durations are shared as 8-hour days of working time; the last step is due at the dossier's due time.
 */
export function stepDeadlines(
  clockStartedAt: number,
  dossierDueAt: number,
  duration: { value: number; unit: 'working_days' | 'working_hours' | 'calendar_days' },
  steps: readonly StepShare[],
  calendar: WorkCalendar,
): StepDeadline[] {
  let cumulative = 0;
  return steps.map((s, i) => {
    cumulative += s.share;
    if (i === steps.length - 1) return { key: s.key, name: s.name, role: s.role, dueAt: dossierDueAt };
    const hours = (duration.unit === 'working_hours' ? duration.value : duration.value * 8) * cumulative;
    const dueAt = Math.min(dossierDueAt, computeDueAt(clockStartedAt, { value: hours, unit: 'working_hours' }, calendar, { cutoff: null }));
    return { key: s.key, name: s.name, role: s.role, dueAt };
  });
}

export interface ControlSlipRow {
  /** the event's seq; null for a hand-off recorded elsewhere (the post's legs) */
  readonly seq: number | null;
  /** "Giao" → "Nhận" */
  readonly from: string;
  readonly to: string;
  readonly at: string;
  readonly action: string;
  readonly result: Timeliness | null;
  readonly note: string | null;
  /** the post's tracking number when the post carried the papers */
  readonly trackingNumber: string | null;
  /** who signed for giving and for taking the papers, when recorded */
  readonly handedBy: string | null;
  readonly receivedBy: string | null;
  /** a step with its own allotted time and deadline (a bundle member's start); `result` judges it against them */
  readonly step: (Omit<HandoffTimedStep, 'dueAt' | 'doneAt' | 'result'> & { readonly dueAt: string | null; readonly doneAt: string | null }) | null;
}

/** The post carried the paper to the competent agency: that leg is the hand-over the lifecycle's forward records. */
const carriedByPost = (h: HandoffStep): boolean => h.action.startsWith('postal.toAgency.');

/**
 * One row per hand-over (forward, assign, result back to the one-stop, return to the applicant),
 * and the hand-offs recorded elsewhere (the post's transfer and toAgency legs, a bundle's steps), in
 * the order they happened. When the post carried the paper to the competent agency, its rows (asked,
 * collected, handed over with the signatures) ARE the forward: the lifecycle's forward row is not
 * shown beside them a second time.
 */
export function controlSlipRows(
  events: readonly DossierEvent[],
  names: { oneStop: string; agency: string; applicant: string },
  dueAt: number | null,
  handoffs: readonly HandoffStep[] = [],
): ControlSlipRow[] {
  const rows: ControlSlipRow[] = [];
  const unsigned = { trackingNumber: null, handedBy: null, receivedBy: null, step: null };
  const forwardByPost = handoffs.some(carriedByPost);
  for (const e of events) {
    const at = e.at.toISOString();
    const judged = dueAt === null ? null : timeliness(dueAt, e.at.getTime());
    const note = typeof e.payload.note === 'string' ? e.payload.note : null;
    if (e.action === 'forward') {
      if (!forwardByPost) rows.push({ seq: e.seq, from: names.oneStop, to: names.agency, at, action: e.action, result: null, note, ...unsigned });
    } else if (e.action === 'assign') {
      const officer = typeof e.payload.officerName === 'string' ? e.payload.officerName : 'Chuyên viên xử lý';
      rows.push({ seq: e.seq, from: `Lãnh đạo ${names.agency}`, to: officer, at, action: e.action, result: null, note, ...unsigned });
    } else if (e.action === 'markResultReady' || e.action === 'reject') {
      rows.push({ seq: e.seq, from: names.agency, to: names.oneStop, at, action: e.action, result: judged, note, ...unsigned });
    } else if (e.action === 'return') {
      rows.push({ seq: e.seq, from: names.oneStop, to: names.applicant, at, action: e.action, result: judged, note, ...unsigned });
    }
  }
  const posted: ControlSlipRow[] = handoffs.map((h) => ({
    seq: null, from: h.from, to: h.to, at: h.at.toISOString(), action: h.action, result: h.step?.result ?? null, note: h.note,
    trackingNumber: h.trackingNumber, handedBy: h.handedBy, receivedBy: h.receivedBy,
    step: h.step ? { mode: h.step.mode, allotted: h.step.allotted, dueAt: h.step.dueAt?.toISOString() ?? null, doneAt: h.step.doneAt?.toISOString() ?? null } : null,
  }));
  // stable: a hand-off at the same instant as an event comes after it
  return [...rows, ...posted].map((r, i) => ({ r, i })).sort((a, b) => a.r.at.localeCompare(b.r.at) || a.i - b.i).map(({ r }) => r);
}
