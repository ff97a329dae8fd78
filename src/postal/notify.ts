// The applicant is told at each step (QĐ 45/2016/QĐ-TTg art. 8, TT 17/2017/TT-BTTTT art. 12: track
// and trace; issue 13 §4): an outbox row `postal.<step>` in the transaction of the step, made an SMS
// by src/notifications/templates.ts (`postalSms`), queued through the notifications' service. The row carries the phone and the tracking
// number (there may be no dossier yet), never a name or an ID number.
import type { Transaction } from 'kysely';
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

export async function queuePostalSms(trx: Transaction<DB>, step: PostalSmsStep, facts: PostalSmsFacts): Promise<void> {
  if (!facts.phone) return;
  await queueTemplatedMessage(trx, { kind: `postal.${step}`, facts: { ...facts } });
}
