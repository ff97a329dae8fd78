// The event log of a dossier: append-only, one hash chain per dossier (DESIGN §2: "the event log
// is the truth"). What the hash covers, per hash version, is defined once in event-hash.ts; the
// first event chains to GENESIS_HASH.
import type { CodeSystem } from './codes';
import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { Actor, Role } from '../platform/actor';
import type { HandoffSource } from './handoffs';
import type { ActionRefusalSource } from './action-refusals';
import type { ServiceContext } from '../platform/context';
import type { DB, DossiersTable } from '../platform/db/schema';
import type { Action } from './lifecycle';
import type { ErrorDetail } from '../platform/errors';
import type { PaperInput } from './model';
import { CURRENT_HASH_VERSION, eventHash } from './event-hash';
import { dossierArchived, isArchivedYear } from './partitions';
export type { ActionRefusalSource } from './action-refusals';

export { canonicalJson, eventHash, eventHashBody, GENESIS_HASH, type HashInput, type HashVersion } from './event-hash';

/** Intake events plus one event per lifecycle action. */
export type EventAction = 'received' | 'submitted' | Action;

export type DossierRow = Selectable<DossiersTable>;

export interface DossierEvent {
  readonly dossierId: number;
  readonly dossierCode: string;
  readonly seq: number;
  readonly at: Date;
  readonly action: EventAction;
  readonly actorId: number | null;
  readonly actorRole: Role | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
  /** which definition of event-hash.ts the hash follows (stored in `hash_version`; verification refuses an unknown one) */
  readonly hashVersion: number;
}

/**
 * A listener in the dossier's write path (e.g. the statistics roll-up of reports/, wired in
 * src/app.ts). Throwing, or a failing statement, rolls the whole change back.
 */
export interface DossierHook {
  /** Runs inside the transaction that appends a lifecycle action's event. */
  readonly afterEvent: (trx: Transaction<DB>, event: DossierEvent, dossier: DossierRow) => Promise<void>;
  /**
   * An intake is written by one statement (see dossiers/intake-statement.ts): a hook adds its writes to it
   * as data-modifying common table expressions, built from the intake event and the new row alone
   * (no reads). Each may read the CTE `d` (the inserted dossier row; empty when the intake does
   * not happen, so every write must come from `d` or be gated on it) and the CTEs listed before it.
   */
  readonly intakeWrites: (event: DossierEvent, dossier: DerivedIntake) => readonly IntakeWrite[];
}

/** What an intake check sees of the request (after the request's own rules passed). */
export interface IntakeCheckFacts {
  readonly actor: Actor;
  readonly now: Date;
  readonly procedureCode: string;
  readonly requiredPapers: readonly { readonly key: string; readonly name: string }[];
  readonly applicant: { readonly personalId: string };
  /** the organisation the dossier is filed for, if any (its store is keyed by the tax code) */
  readonly organisationTaxCode: string | null;
  readonly papers: readonly PaperInput[];
}

export interface IntakeCheckResult {
  /** each a reason to refuse the intake (400 DOSSIER_INVALID), with the paper's path */
  readonly problems: readonly ErrorDetail[];
  /** the file a paper taken from elsewhere (e.g. the applicant's document store) brings, by the paper's index */
  readonly files?: ReadonlyMap<number, number>;
}

/**
 * A check of an intake's papers by a capability above dossiers (e.g. the document store: a reused
 * document belongs to the applicant, who consented, and is valid), wired in src/app.ts. Reads only.
 */
export type IntakeCheck = (db: Kysely<DB>, facts: IntakeCheckFacts) => Promise<IntakeCheckResult>;

/** What the dossier services receive beyond the platform context: the hooks of the write path. */
export interface DossierContext extends ServiceContext {
  /** In-transaction hooks run after every appended event (wired in src/app.ts). */
  readonly hooks?: readonly DossierHook[];
  /** Checks of an intake's papers by other capabilities, run before the intake statement (wired in src/app.ts). */
  readonly intakeChecks?: readonly IntakeCheck[];
  /** the configured kind of system for dossier codes (Config.codeSystem); default provincial */
  readonly codeSystem?: CodeSystem;
  /** Hand-offs recorded by other capabilities (the post's legs), shown on the control slip (wired in src/app.ts). */
  readonly handoffs?: HandoffSource;
  /** Actions other capabilities refuse on a dossier (a bundle's members), left out of its allowed actions (wired in src/app.ts). */
  readonly refusedActions?: ActionRefusalSource;
}

/** A data-modifying statement (INSERT/UPDATE … RETURNING) that joins the intake statement as `WITH name AS (statement)`. */
export interface IntakeWrite {
  readonly name: string;
  readonly statement: RawBuilder<unknown>;
}

/** The new dossier row as an intake hook sees it (code and ids are the statement's; read them from `d`). */
export type DerivedIntake = Omit<DossierRow, 'id' | 'created_at' | 'code' | 'applicant_id' | 'last_hash' | 'ledger_serial'>;

/** A payload as it will read back from jsonb (plain JSON values only). */
export const normalizePayload = (payload: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;

/** Builds the next event of a dossier whose newest event has `prevSeq` and `prevHash`. */
export function nextEvent(
  dossier: { id: number; code: string },
  prev: { seq: number; hash: string },
  action: EventAction,
  actor: Pick<Actor, 'userId' | 'role'> | null,
  payload: Record<string, unknown>,
  at: Date,
): DossierEvent {
  const clean = normalizePayload(payload);
  const seq = prev.seq + 1;
  const actorId = actor?.userId ?? null;
  const actorRole = actor?.role ?? null;
  const hashVersion = CURRENT_HASH_VERSION;
  const hash = eventHash(prev.hash, { hashVersion, dossierCode: dossier.code, seq, at, action, actorId, actorRole, payload: clean });
  return {
    dossierId: dossier.id, dossierCode: dossier.code, seq, at, action, actorId, actorRole,
    payload: clean, prevHash: prev.hash, hash, hashVersion,
  };
}

/**
 * Appends the event after the dossier's newest one (seq = dossier.version + 1, chained to
 * dossier.last_hash). The caller holds the dossier row (FOR UPDATE or just inserted) and writes
 * the row's new version and last_hash in the same transaction.
 */
export async function appendEvent(
  trx: Transaction<DB>,
  dossier: Pick<DossierRow, 'id' | 'code' | 'version' | 'last_hash'>,
  action: EventAction,
  actor: Pick<Actor, 'userId' | 'role'> | null,
  payload: Record<string, unknown>,
  at: Date,
): Promise<DossierEvent> {
  const event = nextEvent(dossier, { seq: dossier.version, hash: dossier.last_hash }, action, actor, payload, at);
  await insertEvent(trx, event);
  return event;
}

/**
 * Inserts an event into the partition of its dossier's year (ADR 022). Its province and filing
 * time are read from the dossier row in the statement itself: a JavaScript Date keeps
 * milliseconds, the column microseconds, and the foreign key wants them equal. A year archived by
 * `motcua audit archive` holds a guard partition that refuses it: 409 DOSSIER_ARCHIVED.
 */
export async function insertEvent(trx: Transaction<DB> | Kysely<DB>, e: DossierEvent): Promise<void> {
  try {
    await trx.insertInto('dossier_events').columns([
      'dossier_id', 'seq', 'at', 'action', 'actor_id', 'actor_role', 'payload', 'prev_hash', 'hash', 'hash_version', 'province_code', 'dossier_submitted_at',
    ]).expression((eb) => eb.selectFrom('dossiers as d').where('d.id', '=', e.dossierId).select([
      sql<number>`${e.dossierId}::bigint`.as('dossier_id'), sql<number>`${e.seq}::integer`.as('seq'), sql<Date>`${e.at}::timestamptz`.as('at'),
      sql<string>`${e.action}::text`.as('action'), sql<number | null>`${e.actorId}::bigint`.as('actor_id'), sql<string | null>`${e.actorRole}::text`.as('actor_role'),
      sql<string>`${JSON.stringify(e.payload)}::jsonb`.as('payload'), sql<string>`${e.prevHash}::text`.as('prev_hash'), sql<string>`${e.hash}::text`.as('hash'),
      sql<number>`${e.hashVersion}::smallint`.as('hash_version'), 'd.province_code', 'd.submitted_at',
    ])).execute();
  } catch (err) {
    if (isArchivedYear(err)) throw dossierArchived(e.dossierCode);
    throw err;
  }
}

export async function runHooks(trx: Transaction<DB>, hooks: readonly DossierHook[], event: DossierEvent, dossier: DossierRow): Promise<void> {
  for (const hook of hooks) await hook.afterEvent(trx, event, dossier);
}

type EventRow = Selectable<DB['dossier_events']>;

const eventOf = (r: EventRow, dossierCode: string): DossierEvent => ({
  dossierId: r.dossier_id, dossierCode, seq: r.seq, at: r.at, action: r.action as EventAction,
  actorId: r.actor_id, actorRole: r.actor_role as Role | null, payload: r.payload, prevHash: r.prev_hash, hash: r.hash,
  hashVersion: r.hash_version,
});

/**
 * A dossier whose events are read; with its filing time (`submitted_at`), the read goes to its
 * year's partition only (ADR 022) instead of probing every year's index.
 */
export interface EventOwner {
  readonly id: number;
  readonly code: string;
  readonly submitted_at?: Date;
}

/** Events of one dossier in order. */
export async function loadEvents(db: Kysely<DB> | Transaction<DB>, dossier: EventOwner): Promise<DossierEvent[]> {
  let q = db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossier.id);
  // a range of one millisecond: the Date has milliseconds, the column may hold microseconds
  if (dossier.submitted_at) q = q.where('dossier_submitted_at', '>=', dossier.submitted_at).where('dossier_submitted_at', '<', new Date(dossier.submitted_at.getTime() + 1));
  const rows = await q.orderBy('seq').execute();
  return rows.map((r) => eventOf(r, dossier.code));
}

/** Events of a batch of dossiers, each dossier's in order (one query; limited to the years the batch was filed in when known). */
export async function loadEventsOf(db: Kysely<DB> | Transaction<DB>, dossiers: readonly EventOwner[]): Promise<Map<number, DossierEvent[]>> {
  const byDossier = new Map<number, DossierEvent[]>();
  if (dossiers.length === 0) return byDossier;
  const codeOf = new Map(dossiers.map((d) => [d.id, d.code]));
  let q = db.selectFrom('dossier_events').selectAll().where('dossier_id', 'in', [...codeOf.keys()]);
  const filed = dossiers.map((d) => d.submitted_at?.getTime());
  if (filed.every((t) => t !== undefined)) {
    const times = filed as number[];
    q = q.where('dossier_submitted_at', '>=', new Date(Math.min(...times))).where('dossier_submitted_at', '<', new Date(Math.max(...times) + 1));
  }
  const rows = await q.orderBy('dossier_id').orderBy('seq').execute();
  for (const r of rows) {
    const list = byDossier.get(r.dossier_id) ?? [];
    list.push(eventOf(r, codeOf.get(r.dossier_id) ?? ''));
    byDossier.set(r.dossier_id, list);
  }
  return byDossier;
}
