// Form 01's ledger for an online dossier accepted by the one-stop (issue 15 §2): the clerk's
// `receive` enters it in the receipt book of the clerk's service point, of the year of the receipt
// (Vietnam time), with the number taken in the action's transaction from the same register the
// counter intake uses (src/platform/registers.ts) — a rollback gives the number back.
import type { Transaction } from 'kysely';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { nextRegisterNumberSql } from '../platform/registers';
import { vnYearOfInstant } from '../shared/civil-date';
import { RECEIPT_REGISTER } from './intake-statement';
import type { Payload } from './payloads/common';

/** The receive payload with `ledger: { year, serial }` when the actor accepts at a service point; unchanged otherwise. */
export async function withReceiptLedger(trx: Transaction<DB>, actor: Actor | null, payload: Payload, now: Date, provinceCode: string): Promise<Payload> {
  if (actor?.scope.kind !== 'servicePoint') return payload;
  const receivedAt = typeof payload.receivedAt === 'string' ? new Date(payload.receivedAt) : now;
  const year = vnYearOfInstant(receivedAt.getTime());
  const taken = await nextRegisterNumberSql({ servicePointId: actor.scope.servicePointId, year, register: RECEIPT_REGISTER, provinceCode }).execute(trx);
  const serial = taken.rows[0]?.last_number;
  if (serial === undefined) throw new Error('receipt ledger: no number taken');
  return { ...payload, ledger: { year, serial } };
}
