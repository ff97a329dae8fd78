// The inter-agency steps of a bundle (issue 17 §3, ND 61 art. 19.6–19.7, DOMAIN §1.4 step 4): each
// member's start is a step — the hand-off from the previous agency (the one whose result it waits
// for, else the one-stop that received the bundle), the receiving agency, the step's allotted time
// (the member's own duration), its own deadline and when it was done — judged against its own time,
// not the bundle's. Pure: time is an argument.
import { timeliness, type Duration, type Timeliness } from '../calendar';

export type HandoffMode = 'electronic' | 'paper';

export interface MemberStepFacts {
  readonly key: string;
  /** the member procedure's name (the step's task) */
  readonly name: string;
  readonly code: string;
  readonly agencyName: string;
  /** the member whose result this one waits for (null: starts at the bundle's receipt) */
  readonly waitsFor: string | null;
  /** how its agency takes dossiers: electronically at once, or the paper through the post (transfer leg) */
  readonly mode: HandoffMode;
  /** when its clock started (its receipt); null while it waits */
  readonly startedAt: number | null;
  readonly dueAt: number | null;
  /** result ready or rejected after appraisal */
  readonly finishedAt: number | null;
  /** the member procedure's own duration (null: unknown) */
  readonly allotted: Duration | null;
}

export interface BundleStep {
  readonly key: string;
  readonly task: string;
  readonly code: string;
  /** who hands the dossier over: the prerequisite's agency, or the one-stop */
  readonly from: string;
  readonly to: string;
  readonly mode: HandoffMode;
  readonly handedAt: number | null;
  readonly allotted: Duration | null;
  readonly dueAt: number | null;
  readonly doneAt: number | null;
  readonly result: Timeliness | null;
}

/**
 * A step judged against its own deadline: done → early / on time / late (calendar's `timeliness`);
 * not done and past its deadline at `now` → late already; not done within it, or not started → null.
 */
export function judgeStep(dueAt: number | null, doneAt: number | null, now: number): Timeliness | null {
  if (dueAt === null) return null;
  if (doneAt !== null) return timeliness(dueAt, doneAt);
  return now > dueAt ? 'late' : null;
}

/** The steps of a bundle, one per member in the order given (the start order). */
export function bundleSteps(members: readonly MemberStepFacts[], oneStop: string, now: number): BundleStep[] {
  return members.map((m) => {
    const before = m.waitsFor === null ? undefined : members.find((o) => o.key === m.waitsFor);
    return {
      key: m.key, task: m.name, code: m.code, from: before?.agencyName ?? oneStop, to: m.agencyName, mode: m.mode,
      handedAt: m.startedAt, allotted: m.allotted, dueAt: m.dueAt, doneAt: m.finishedAt, result: judgeStep(m.dueAt, m.finishedAt, now),
    };
  });
}
