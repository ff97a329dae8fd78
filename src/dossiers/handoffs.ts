// Hand-offs of a dossier's paper recorded outside its lifecycle: the post carrying the papers from
// a counter to the competent agency (a toAgency leg) or between agencies (a transfer leg, DOMAIN
// §5.2 step 13, §10.1). They are rows of the control slip (form 05/06, DOMAIN §1.4) beside the
// lifecycle's own hand-overs. Capabilities above dossiers provide them (src/app.ts wires the
// postal one): dossiers never reads their tables.
import type { Database } from '../platform/db/connect';
import type { ActionRefusalSource } from './action-refusals';
import type { ServiceContext } from '../platform/context';
import type { Duration, Timeliness } from '../calendar';

/**
 * A step with its own allotted time and deadline (a bundle member's start, issue 17 §3): judged
 * against its own time, not the dossier's.
 */
export interface HandoffTimedStep {
  /** electronically at once, or the paper through the post (a transfer leg) */
  readonly mode: 'electronic' | 'paper';
  readonly allotted: Duration | null;
  readonly dueAt: Date | null;
  readonly doneAt: Date | null;
  readonly result: Timeliness | null;
}

export interface HandoffStep {
  readonly at: Date;
  /** who gives the papers ("Giao") and who takes them ("Nhận") */
  readonly from: string;
  readonly to: string;
  /** what happened, e.g. 'postal.transfer.collected' */
  readonly action: string;
  /** the post's tracking number of the leg (null: no parcel, e.g. an electronic hand-off) */
  readonly trackingNumber: string | null;
  /** the names of who signed for giving and for taking, when they signed */
  readonly handedBy: string | null;
  readonly receivedBy: string | null;
  readonly note: string | null;
  /** the step's own time, when the hand-off opens a step that has one */
  readonly step?: HandoffTimedStep;
}

/** The hand-offs of one dossier, oldest first, as seen at `now` (read-only; the actor already reads the dossier). */
export type HandoffSource = (db: Database, dossierCode: string, now: Date) => Promise<readonly HandoffStep[]>;

/** A dossier read that may show other capabilities' hand-offs on the control slip, and offer only the actions they allow. */
export interface DossierReadContext extends ServiceContext {
  readonly handoffs?: HandoffSource;
  readonly refusedActions?: ActionRefusalSource;
}
