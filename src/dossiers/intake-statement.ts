// The intake statement (ADR 008): one SQL statement, its own transaction, that claims the
// idempotency key, upserts the applicant, allocates the serial and the receipt ledger's number and
// writes the dossier, its first event, papers, outbox row and the hooks' writes (which may read the
// papers written, CTE `p`: id, dossier_id, paper_key, name, source, file_id, digitized, reused_document_id).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema';
import { nextRegisterNumberSql } from '../platform/registers';
import type { DerivedIntake, DossierEvent, DossierRow, IntakeWrite } from './events';
import { intakeEventSql, type IntakeTokens } from './intake-event-sql';
import type { ApplicantInput, PaperRecord } from './model';

/** The register of form 01 (Sổ theo dõi hồ sơ) among a service point's registers (src/platform/registers.ts). */
export const RECEIPT_REGISTER = 'receipt';

export const isUniqueViolation = (e: unknown, constraint: string): boolean =>
  (e as { code?: unknown })?.code === '23505' && (e as { constraint?: unknown }).constraint === constraint;

export interface IntakeWriteInput {
  /** the request's idempotency key; null without one */
  readonly key: { actorId: number; key: string; requestHash: string } | null;
  readonly applicant: ApplicantInput & { readonly unitId: number };
  readonly serial: { agencyId: number; day: string; codePrefix: string };
  /** form 01's receipt ledger to take a number from (the service point's register of the year); null online */
  readonly ledger: { servicePointId: number; year: number } | null;
  /** stand-ins for the code and the applicant id in `derived` and `event`, replaced by the statement */
  readonly tokens: IntakeTokens;
  readonly derived: DerivedIntake;
  readonly event: DossierEvent;
  readonly papers: readonly PaperRecord[];
  readonly hookWrites: readonly IntakeWrite[];
}

/**
 * The whole intake is ONE statement, hence one transaction of its own (autocommit): it claims the
 * idempotency key, upserts the applicant, allocates the day's serial of the receiving agency and
 * writes the dossier row, its first event, its papers, the outbox row and the hooks' writes (the
 * roll-ups). The serial row is locked from the moment the statement takes it until its commit,
 * with no round trip to the application in between, so concurrent intakes queue for the shortest
 * possible time; a failure anywhere rolls the number back (DOMAIN §2.1: no gap, no duplicate).
 * The code (`codePrefix` + serial, at least 4 digits) replaces the code token in the row, in the
 * event's payload and in the hashed text, and the applicant's id replaces its token (a JSON string
 * in the payload becomes a number), and the hash is event-hash.ts's definition (intake-event-sql.ts).
 * Returns null when the key was already used (nothing is written); a concurrent request with the
 * same key fails on the key's primary key and writes nothing.
 */
export async function writeIntake(db: Kysely<DB>, w: IntakeWriteInput): Promise<DossierRow | null> {
  const filled = intakeEventSql(w.event, w.tokens, sql<string>`c.code`, sql<number>`a.id`, sql<number | null>`l.last_number`);
  // the receipt ledger's number is taken after the code's serial (the same lock order in every intake)
  const ledger = w.ledger === null ? sql`SELECT NULL::integer AS last_number` : nextRegisterNumberSql({ ...w.ledger, register: RECEIPT_REGISTER, provinceCode: w.derived.province_code }, 's');
  const columns = Object.keys(w.derived) as (keyof DerivedIntake)[];
  const jsonb = (v: unknown) => (v === null ? sql`NULL::jsonb` : sql`${JSON.stringify(v)}::jsonb`);
  const values = columns.map((c) => (c === 'form_data' || c === 'applicant_party' ? jsonb(w.derived[c]) : sql`${w.derived[c]}`));
  const paperRows = JSON.stringify(w.papers.map((p) => ({ ...p, file_id: p.fileId, reused_document_id: p.reusedDocumentId })));
  const a = w.applicant;
  const names = new Set(['k', 'a', 's', 'l', 'c', 'h', 'd', 'e', 'p', 'o', 'i']);
  for (const hw of w.hookWrites) {
    if (names.has(hw.name) || !/^[a-z_][a-z0-9_]*$/.test(hw.name)) throw new Error(`intake hook write named ${hw.name}`);
    names.add(hw.name);
  }
  const hookCtes = w.hookWrites.map((hw) => sql`, ${sql.id(hw.name)} AS (${hw.statement})`);
  const result = await sql<DossierRow>`
    WITH k AS (
      SELECT ${w.key === null}::boolean OR NOT EXISTS (
        SELECT 1 FROM idempotency_keys WHERE actor_id = ${w.key?.actorId ?? 0} AND key = ${w.key?.key ?? ''}) AS go
    ), a AS (
      INSERT INTO applicants (personal_id, name, phone, email, birth_date, address, unit_id)
      SELECT ${a.personalId}::text, ${a.name}::text, ${a.phone}::text, ${a.email ?? null}::text, ${a.birthDate ?? null}::date, ${a.address ?? null}::text, ${a.unitId}::bigint
      FROM k WHERE k.go
      ON CONFLICT (personal_id) WHERE personal_id IS NOT NULL DO UPDATE SET
        name = excluded.name, phone = excluded.phone, email = coalesce(excluded.email, applicants.email),
        birth_date = coalesce(excluded.birth_date, applicants.birth_date), address = coalesce(excluded.address, applicants.address),
        unit_id = excluded.unit_id, updated_at = now()
      RETURNING id
    ), s AS (
      INSERT INTO dossier_serials (agency_id, day, last_serial, province_code) SELECT ${w.serial.agencyId}::bigint, ${w.serial.day}::date, 1, ${w.derived.province_code}::text FROM a
      ON CONFLICT (agency_id, day) DO UPDATE SET last_serial = dossier_serials.last_serial + 1
      RETURNING last_serial
    ), l AS (${ledger}
    ), c AS (
      SELECT ${w.serial.codePrefix}::text || CASE WHEN s.last_serial < 10000 THEN lpad(s.last_serial::text, 4, '0') ELSE s.last_serial::text END AS code FROM s
    ), h AS (
      SELECT c.code, a.id AS applicant_id, l.last_number AS ledger_serial, ${filled.payload} AS payload, ${filled.hash} AS hash
      FROM c, a, l
    ), d AS (
      INSERT INTO dossiers (code, applicant_id, ledger_serial, last_hash, ${sql.join(columns.map((c) => sql.ref(c)))})
      SELECT h.code, h.applicant_id, h.ledger_serial, h.hash, ${sql.join(values)} FROM h RETURNING *
    ), e AS (
      INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
      SELECT d.id, ${w.event.seq}, ${w.event.at}, ${w.event.action}, ${w.event.actorId}, ${w.event.actorRole}, h.payload, ${w.event.prevHash}, h.hash, ${w.event.hashVersion}::smallint,
        d.province_code, d.submitted_at FROM d, h
    ), p AS (
      INSERT INTO dossier_papers (dossier_id, province_code, dossier_submitted_at, paper_key, name, originals, copies, source, file_id, digitized, reused_document_id)
      SELECT d.id, d.province_code, d.submitted_at, x.key, x.name, x.originals, x.copies, x.source, x.file_id, x.digitized, x.reused_document_id
      FROM d, jsonb_to_recordset(${paperRows}::jsonb) AS x(key text, name text, originals int, copies int, source text, file_id bigint, digitized boolean, reused_document_id bigint)
      RETURNING id, dossier_id, paper_key, name, source, file_id, digitized, reused_document_id
    ), o AS (
      INSERT INTO outbox (kind, payload, province_code)
      SELECT CASE WHEN d.status = 'submitted' THEN 'dossier.submitted' ELSE 'dossier.received' END,
        jsonb_build_object('code', d.code, 'status', d.status, 'dueAt', d.due_at), d.province_code FROM d
    ), i AS (
      INSERT INTO idempotency_keys (actor_id, key, request_hash, dossier_code)
      SELECT ${w.key?.actorId ?? 0}::bigint, ${w.key?.key ?? ''}::text, ${w.key?.requestHash ?? ''}::text, d.code FROM d WHERE ${w.key !== null}::boolean
    )${sql.join(hookCtes, sql``)}
    SELECT * FROM d`.execute(db);
  return result.rows[0] ?? null;
}
