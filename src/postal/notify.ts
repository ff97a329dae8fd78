// The applicant is told at each step (QĐ 45/2016/QĐ-TTg art. 8, TT 17/2017/TT-BTTTT art. 12: track
// and trace; issue 13 §4): an outbox row `postal.<step>` in the transaction of the step, made an SMS
// by src/notifications/templates.ts (`postalSms`), queued through the notifications' service. The row carries the phone and the tracking
// number (there may be no dossier yet), never a name or an ID number — and the applicant's e-mail
// where there is one, for the mail copy the delivery queues (as for the dossiers' messages, 0156).
import type { Transaction } from 'kysely';
import { accountEmail } from '../accounts/references';
import type { DB } from '../platform/db/schema';
import { queueTemplatedMessage } from '../notifications/service';

export const postalSmsSteps = ['pickupRequested', 'pickupAssigned', 'collected', 'handedOver', 'resultOnItsWay', 'delivered', 'failedAttempt', 'returnedToAgency'] as const;
export type PostalSmsStep = (typeof postalSmsSteps)[number];

export interface PostalSmsFacts {
  readonly phone: string | null;
  readonly trackingNumber: string;
  readonly dossierCode?: string | null;
  /** an instant the message announces (the pickup window's start, the due time) */
  readonly date?: string | null;
  readonly reason?: string | null;
}

const emailText = (v: unknown): string | null => (typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? v.trim() : null);

/**
 * The applicant's e-mail for the mail copy: the one written on the e-form at the door or given with
 * the request, else — a pickup the citizen asked for on the portal — their account's. Null: no
 * copy (unless the dossier, once there is one, has an e-mail: the delivery reads it).
 */
async function applicantEmail(trx: Transaction<DB>, trackingNumber: string): Promise<{ email: string | null; provinceCode: string } | null> {
  const s = await trx.selectFrom('postal_legs').innerJoin('postal_shipments', 'postal_shipments.id', 'postal_legs.shipment_id')
    .select(['postal_shipments.applicant', 'postal_shipments.draft', 'postal_shipments.requested_by', 'postal_shipments.origin', 'postal_legs.province_code'])
    .where('postal_legs.tracking_number', '=', trackingNumber).executeTakeFirst();
  if (!s) return null;
  const onForm = (s.draft?.applicant ?? null) as Record<string, unknown> | null;
  const given = emailText(onForm?.email) ?? emailText(s.applicant.email);
  if (given) return { email: given, provinceCode: s.province_code };
  return { email: s.origin === 'portal' && s.requested_by !== null ? emailText(await accountEmail(trx, s.requested_by)) : null, provinceCode: s.province_code };
}

/** The step's message, in the province of the leg it is about (its outbox row's sharding key). */
export async function queuePostalSms(trx: Transaction<DB>, step: PostalSmsStep, facts: PostalSmsFacts): Promise<void> {
  // no such leg (none is written after its message today): the national bucket, as 0203 had it
  const { email, provinceCode } = await applicantEmail(trx, facts.trackingNumber) ?? { email: null, provinceCode: '00' };
  if (!facts.phone && !email) return;
  await queueTemplatedMessage(trx, { kind: `postal.${step}`, provinceCode, facts: { ...facts, ...(email ? { email } : {}) } });
}
