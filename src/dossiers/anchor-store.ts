// Anchors in the database: the heads of a day's chains, anchoring the days not yet anchored
// (the daily job and `motcua audit anchor`), and checking the stored anchors against the trusted
// key and the heads recomputed from the event log (`motcua audit verify --anchors`).
import type { KeyObject } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../platform/db/connect';
import { checkAnchors, GENESIS_ANCHOR, makeAnchor, type Anchor, type AnchorProblem, type ChainHead } from './anchors';
import { vnDateOfInstant } from '../shared/civil-date';

const ANCHOR_LOCK = 7_340_245; // advisory lock: one anchoring at a time (job, CLI)
const dayStart = (day: string) => sql<Date>`(${day}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`;
const dayEnd = (day: string) => sql<Date>`((${day}::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`;

/** The civil date (Vietnam time) of an instant. */
export const vnDate = (at: Date): string => vnDateOfInstant(at.getTime());
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The log and, when verifying, the detached tables of archived years still in the database (ADR 022). */
const eventsIn = (archivedTables: readonly string[], where: RawBuilder<unknown>) => sql.join(
  ['dossier_events', ...archivedTables].map((t) => sql`SELECT dossier_id, seq, hash, at FROM ${sql.id(t)} WHERE ${where}`),
  sql` UNION ALL `,
);

/** For each dossier with events on the day: its newest event of that day (in the log, and in `archivedTables`). */
export async function headsOfDay(db: Database, day: string, archivedTables: readonly string[] = []): Promise<ChainHead[]> {
  const r = await sql<ChainHead>`
    SELECT DISTINCT ON (e.dossier_id) d.code, e.seq, e.hash
    FROM (${eventsIn(archivedTables, sql`at >= ${dayStart(day)} AND at < ${dayEnd(day)}`)}) e JOIN dossiers d ON d.id = e.dossier_id
    ORDER BY e.dossier_id, e.seq DESC`.execute(db);
  return r.rows;
}

/** The days (Vietnam time) with at least one event in [from, before), in order. */
async function daysWithEvents(db: Database, from: string | null, before: string, archivedTables: readonly string[] = []): Promise<string[]> {
  const r = await sql<{ day: string }>`
    SELECT DISTINCT (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS day
    FROM (${eventsIn(archivedTables, sql`at < ${dayStart(before)} ${from === null ? sql`` : sql`AND at >= ${dayStart(from)}`}`)}) e
    ORDER BY day`.execute(db);
  return r.rows.map((x) => x.day);
}

/** An archived year as verify --anchors sees it: its anchored days recomputed from its detached table, or (table gone) counted. */
export interface ArchivedAnchorYear {
  readonly year: number;
  readonly tableName: string;
  /** whether the detached table is still in the database (dumped and dropped: false) */
  readonly tablePresent: boolean;
  /** anchored days on which the year's dossiers moved */
  readonly anchoredDays: number;
}

async function archivedForVerify(db: Database): Promise<{ years: { year: number; tableName: string; tablePresent: boolean; days: Map<string, number> }[] }> {
  const years = await sql<{ year: number; table_name: string; present: boolean }>`
    SELECT year, table_name, to_regclass(format('public.%I', table_name)) IS NOT NULL AS present FROM dossier_event_archives ORDER BY year`.execute(db);
  const days = await db.selectFrom('dossier_event_archive_days').select(['year', sql<string>`day::text`.as('day'), 'heads']).execute();
  return {
    years: years.rows.map((y) => ({
      year: y.year, tableName: y.table_name, tablePresent: y.present,
      days: new Map(days.filter((d) => d.year === y.year).map((d) => [d.day, d.heads])),
    })),
  };
}

const toAnchor = (r: { day: string; heads: number; prev_digest: string; digest: string; key_id: string; public_key: string; signature: string }): Anchor => ({
  day: r.day, heads: r.heads, prevDigest: r.prev_digest, digest: r.digest, keyId: r.key_id, publicKey: r.public_key, signature: r.signature,
});

export async function loadAnchors(db: Database): Promise<Anchor[]> {
  const rows = await db.selectFrom('audit_anchors').select(['day', 'heads', 'prev_digest', 'digest', 'key_id', 'public_key', 'signature']).orderBy('day').execute();
  return rows.map(toAnchor);
}

/**
 * Anchors every day with events after the last anchored day and before `today` (Vietnam time), in
 * order, each chained to the one before. Returns the new anchors. `signedLast` is the last anchor
 * this key signed, as recorded outside the database: when the database's newest anchor is not
 * that one (anchors deleted or replaced), nothing is signed — re-anchoring would bless a
 * rewritten history.
 */
export async function anchorPendingDays(db: Database, privateKey: KeyObject, now: Date, signedLast: { day: string; digest: string } | null = null): Promise<Anchor[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${ANCHOR_LOCK})`.execute(trx);
    const last = await trx.selectFrom('audit_anchors').select(['day', 'digest']).orderBy('day', 'desc').limit(1).executeTakeFirst();
    if (signedLast !== null && (last?.day !== signedLast.day || last.digest !== signedLast.digest)) {
      throw new Error(`neo mới nhất trong cơ sở dữ liệu (${last ? `${last.day} ${last.digest}` : 'không có'}) không phải neo cuối khóa này đã ký (${signedLast.day} ${signedLast.digest}): không ký tiếp; hãy chạy "motcua audit verify --anchors"`);
    }
    const days = await daysWithEvents(trx, last ? addDays(last.day, 1) : null, vnDate(now));
    let prev = last?.digest ?? GENESIS_ANCHOR;
    const made: Anchor[] = [];
    for (const day of days) {
      const a = makeAnchor(privateKey, day, prev, await headsOfDay(trx, day));
      await trx.insertInto('audit_anchors').values({
        day: a.day, heads: a.heads, prev_digest: a.prevDigest, digest: a.digest, key_id: a.keyId, public_key: a.publicKey, signature: a.signature,
      }).execute();
      made.push(a);
      prev = a.digest;
    }
    return made;
  });
}

export interface AnchorReport {
  readonly anchors: number;
  readonly problems: readonly AnchorProblem[];
  /** the archived years (ADR 022) and how their days were checked */
  readonly archived: readonly ArchivedAnchorYear[];
}

/**
 * Checks every stored anchor with the trusted public key (from the key file, never from the
 * database) against the heads recomputed from the event log; every day with events before
 * yesterday must be anchored (the daily job runs after midnight). With `copy` (anchors the
 * operator kept elsewhere), each of them must still be in the database, unchanged.
 * An archived year (ADR 022): an anchor covers the chains that existed when it was signed, so the
 * year's events are read from its detached table while it is in the database; once dumped and
 * dropped, the days its dossiers moved are checked without their digest (checkAnchors) and
 * reported with the year, never as a mismatch.
 */
export async function verifyAnchors(db: Database, publicKey: KeyObject, now: Date, copy?: readonly Anchor[]): Promise<AnchorReport> {
  const anchors = await loadAnchors(db);
  const { years } = await archivedForVerify(db);
  const present = years.filter((y) => y.tablePresent).map((y) => y.tableName);
  const archivedHeads = new Map<string, number>();
  for (const y of years.filter((x) => !x.tablePresent)) for (const [day, n] of y.days) archivedHeads.set(day, (archivedHeads.get(day) ?? 0) + n);
  const recomputed = new Map<string, ChainHead[]>();
  for (const a of anchors) recomputed.set(a.day, await headsOfDay(db, a.day, present));
  const problems = checkAnchors(publicKey, anchors, recomputed, archivedHeads);
  const anchored = new Set(anchors.map((a) => a.day));
  for (const day of await daysWithEvents(db, null, addDays(vnDate(now), -1), present)) {
    if (!anchored.has(day)) problems.push({ day, reason: 'not_anchored', detail: 'ngày có sự kiện nhưng không có neo' });
  }
  const byDay = new Map(anchors.map((a) => [a.day, a]));
  for (const c of copy ?? []) {
    const stored = byDay.get(c.day);
    if (!stored || stored.digest !== c.digest || stored.signature !== c.signature) {
      problems.push({ day: c.day, reason: 'copy', detail: stored ? `bản sao ${c.digest}, cơ sở dữ liệu ${stored.digest}` : 'neo trong bản sao không còn trong cơ sở dữ liệu' });
    }
  }
  problems.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const archived = years.map((y) => ({ year: y.year, tableName: y.tableName, tablePresent: y.tablePresent, anchoredDays: [...y.days.keys()].filter((d) => anchored.has(d)).length }));
  return { anchors: anchors.length, problems, archived };
}
