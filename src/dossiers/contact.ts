// What the notifications capability may know of a dossier to tell its applicant about an event:
// the code, the applicant's phone and e-mail, the status and due time, and the event's new appointment.
// No personal ID, no address, no form data (DESIGN §2: notifications read dossiers through this
// function, not the tables).
import type { Database } from '../platform/db/connect';
import type { Status } from './lifecycle';

export interface DossierContact {
  readonly code: string;
  /** As entered at intake (0912345678 or +84…); null when none was given. */
  readonly applicantPhone: string | null;
  /** The applicant's e-mail when one was given (online: the citizen's account's): the messages also go there. */
  readonly applicantEmail: string | null;
  readonly status: Status;
  /** How it was filed: an online dossier's applicant can send a supplement online (/cong-dan/bo-sung). */
  readonly channel: string;
  /** The current due time (after an apology: the new one). */
  readonly dueAt: Date | null;
  /** The event asked for (by seq), when it exists. */
  readonly event: {
    readonly action: string;
    readonly at: Date;
    /** The appointment the event set: an apology's new date, a restarted clock's due time. */
    readonly newDueAt: Date | null;
  } | null;
}

const instantOf = (value: unknown): Date | null => {
  if (typeof value !== 'string') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** The contact facts of a dossier by code (and of one of its events by seq); null if there is no such dossier. */
export async function dossierContact(db: Database, code: string, eventSeq?: number): Promise<DossierContact | null> {
  const d = await db.selectFrom('dossiers as d').leftJoin('applicants as a', 'a.id', 'd.applicant_id')
    .select(['d.id', 'd.code', 'd.applicant_phone', 'd.status', 'd.channel', 'd.due_at', 'a.email']).where('d.code', '=', code).executeTakeFirst();
  if (!d) return null;
  const e = eventSeq === undefined ? undefined : await db.selectFrom('dossier_events').select(['action', 'at', 'payload'])
    .where('dossier_id', '=', d.id).where('seq', '=', eventSeq).executeTakeFirst();
  return {
    code: d.code, applicantPhone: d.applicant_phone, applicantEmail: d.email?.trim() || null, status: d.status, channel: d.channel, dueAt: d.due_at,
    event: e ? { action: e.action, at: e.at, newDueAt: instantOf(e.payload.newDueAt) } : null,
  };
}
