// The intake event's payload and hash as SQL expressions (ADR 008: the intake is one statement).
// The code and the applicant's id are known only inside the statement, so the event is built in
// TypeScript with two placeholder tokens, and the statement replaces them in the payload's text and
// in the hashed text (event-hash.ts's `eventHashBody`), then hashes with `sqlEventHash`: the one
// definition of the hash, with the real values filled in by text replacement.
import { sql, type RawBuilder } from 'kysely';
import { eventHashBody, sqlEventHash } from './event-hash';
import type { DossierEvent } from './events';

export interface IntakeTokens {
  /** stands for the dossier code (a string): in the body twice (dossierCode, payload.code) */
  readonly code: string;
  /** stands for the applicant's id (a number): a JSON string in the text, replaced by the digits */
  readonly applicant: string;
  /** stands for the receipt's ledger serial (a number), as the applicant's id; absent when the intake takes none (online) */
  readonly ledgerSerial?: string;
}

const count = (text: string, token: string) => text.split(token).length - 1;

/**
 * The payload (jsonb) and hash (text) of the intake event, given SQL expressions for the code, the
 * applicant id and the ledger serial (e.g. `c.code`, `a.id`, `l.last_number`). Throws when a token
 * is not where it must be, once each.
 */
export function intakeEventSql(event: DossierEvent, tokens: IntakeTokens, code: RawBuilder<string>, applicantId: RawBuilder<number>, ledgerSerial: RawBuilder<number | null>): { payload: RawBuilder<unknown>; hash: RawBuilder<string> } {
  const payloadText = JSON.stringify(event.payload);
  const hashedText = eventHashBody(event);
  const numbers = [JSON.stringify(tokens.applicant), ...(tokens.ledgerSerial === undefined ? [] : [JSON.stringify(tokens.ledgerSerial)])];
  if (count(payloadText, tokens.code) !== 1 || count(hashedText, tokens.code) !== 2
    || numbers.some((n) => count(payloadText, n) !== 1 || count(hashedText, n) !== 1)) {
    throw new Error('intake: a placeholder is not unique');
  }
  const fill = (text: string) => {
    const base = sql<string>`replace(replace(${text}::text, ${tokens.code}::text, ${code}), ${numbers[0]}::text, ${applicantId}::text)`;
    return tokens.ledgerSerial === undefined ? base : sql<string>`replace(${base}, ${JSON.stringify(tokens.ledgerSerial)}::text, ${ledgerSerial}::text)`;
  };
  return { payload: sql`${fill(payloadText)}::jsonb`, hash: sqlEventHash(event.prevHash, fill(hashedText)) };
}

/** The hashed text with the tokens replaced as the statement does (to check the filling before writing). */
export const filledBody = (event: DossierEvent, tokens: IntakeTokens, code: string, applicantId: number, ledgerSerial?: number): string => {
  const body = eventHashBody(event).replaceAll(tokens.code, code).replace(JSON.stringify(tokens.applicant), String(applicantId));
  return tokens.ledgerSerial === undefined ? body : body.replace(JSON.stringify(tokens.ledgerSerial), String(ledgerSerial));
};
