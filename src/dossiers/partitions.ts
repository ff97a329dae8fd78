// The yearly partitions of the event log and the papers (migrations 0210, 0230, ADR 022): the events
// and papers of a dossier live in the partition of the year (Vietnam time) in which it was filed. Partitions are created ahead (at every
// start of the server, by the owner); an old year is archived by detaching its partition, never by
// deleting rows. Run as the database owner: the app role may neither create nor detach.
import { sql, type Kysely, type Transaction } from 'kysely';
import { connectUrl } from '../platform/db/connect';
import type { DB } from '../platform/db/schema';
import { conflict, validationFailed } from '../platform/errors';
import { vnWallClock } from '../shared/civil-date';
import { terminalStatuses } from './lifecycle';

/** TT 17 (DOMAIN): electronic records are kept at least 5 years from acceptance. */
export const RETENTION_YEARS = 5;

/** The year (Vietnam time) of an instant: the partition its dossier's events go to. */
export const vietnamYear = (at: Date): number => vnWallClock(at.getTime()).year;

/** The tables partitioned by their dossier's filing year, archived together. */
export const PARTITIONED_TABLES = ['dossier_events', 'dossier_papers'] as const;

/**
 * The events' and the papers' partitions of a year, created if missing (rows of that year in a
 * DEFAULT partition are moved into it); true when either was created.
 */
export async function ensureEventYear(db: Kysely<DB>, year: number): Promise<boolean> {
  const r = await sql<{ events: boolean; papers: boolean }>`SELECT dossier_events_ensure_year(${year}::integer) AS events,
    dossier_papers_ensure_year(${year}::integer) AS papers`.execute(db);
  return r.rows[0]?.events === true || r.rows[0]?.papers === true;
}

/** This year's and next year's partitions (Vietnam time), created ahead at every start; returns the years created. */
export async function ensureEventPartitions(db: Kysely<DB>, now: Date): Promise<number[]> {
  const year = vietnamYear(now);
  const created: number[] = [];
  for (const y of [year, year + 1]) if (await ensureEventYear(db, y)) created.push(y);
  return created;
}

/** The same at start-up, on a connection of its own as the owner (`url`), closed after (src/cli/serve.ts). */
export async function ensureEventPartitionsAs(url: string, now: Date): Promise<number[]> {
  const { db } = connectUrl(url, 1);
  try {
    return await ensureEventPartitions(db, now);
  } finally {
    await db.destroy();
  }
}

export interface ArchivedYear {
  readonly year: number;
  /** the detached table holding the year's events until it is dumped and dropped */
  readonly tableName: string;
  readonly dossiers: number;
  readonly events: number;
  /** the detached table of the year's papers; null for a year archived before migration 0230 (its papers stayed attached) */
  readonly papersTable: string | null;
  readonly papers: number | null;
}

export async function archivedYears(db: Kysely<DB>): Promise<ArchivedYear[]> {
  const rows = await db.selectFrom('dossier_event_archives').select(['year', 'table_name', 'dossiers', 'events', 'papers_table', 'papers']).orderBy('year').execute();
  return rows.map((r) => ({
    year: r.year, tableName: r.table_name, dossiers: r.dossiers, events: Number(r.events),
    papersTable: r.papers_table, papers: r.papers === null ? null : Number(r.papers),
  }));
}

/** Whether a failed insert hit an archived year's guard partition (CHECK (false) named dossier_events_archived or dossier_papers_archived). */
export const isArchivedYear = (e: unknown): boolean =>
  (e as { code?: unknown })?.code === '23514'
  && ['dossier_events_archived', 'dossier_papers_archived'].includes(String((e as { constraint?: unknown }).constraint));

export const dossierArchived = (code: string) =>
  conflict('DOSSIER_ARCHIVED', `Nhật ký của hồ sơ ${code} đã được lưu trữ (tách khỏi cơ sở dữ liệu đang dùng): không ghi thêm được.`);

const yearBounds = (year: number) => ({
  from: sql<Date>`make_timestamptz(${year}::integer, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')`,
  to: sql<Date>`make_timestamptz(${year + 1}::integer, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')`,
});

/** How many dossiers and rows a partition holds (before it is detached). */
async function countRows(trx: Transaction<DB>, part: string): Promise<{ dossiers: number; rows: number }> {
  const r = await sql<{ dossiers: number; rows: string }>`SELECT count(DISTINCT dossier_id)::integer AS dossiers, count(*)::bigint AS rows FROM ${sql.id(part)}`.execute(trx);
  return { dossiers: r.rows[0]?.dossiers ?? 0, rows: Number(r.rows[0]?.rows ?? 0) };
}

/**
 * Detaches year `year`'s partition of `table` (it stays in the database, append-only, as
 * `<table>_yYYYY` until dumped) and attaches in its place an empty guard partition whose
 * CHECK (false) constraint `<table>_archived` refuses a new row of that year.
 */
async function detachYear(trx: Transaction<DB>, table: (typeof PARTITIONED_TABLES)[number], year: number): Promise<void> {
  const part = `${table}_y${year}`;
  await sql`ALTER TABLE ${sql.id(table)} DETACH PARTITION ${sql.id(part)}`.execute(trx);
  // the cloned row trigger (events) leaves with the detach: the archived table is append-only
  await sql`CREATE TRIGGER ${sql.id(`${table}_archived_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.id(part)} FOR EACH ROW EXECUTE FUNCTION forbid_change()`.execute(trx);
  const guard = `${part}_archived`;
  // DDL takes no parameters: the bounds as literals (year is an integer)
  const bound = (y: number) => sql.raw(`'${y}-01-01 00:00:00+07'`);
  await sql`CREATE TABLE ${sql.id(guard)} PARTITION OF ${sql.id(table)} FOR VALUES FROM (${bound(year)}) TO (${bound(year + 1)})`.execute(trx);
  await sql`ALTER TABLE ${sql.id(guard)} ADD CONSTRAINT ${sql.id(`${table}_archived`)} CHECK (false)`.execute(trx);
  if (table === 'dossier_events') await sql`SELECT dossier_events_guard_truncate(${guard})`.execute(trx);
}

/**
 * Takes year `year` out of the event log and the papers (`motcua audit archive --year`): refused
 * unless the year is at least RETENTION_YEARS full years old, has its own partition of the log and
 * none of its dossiers is open. Detaches both partitions in one transaction (each stays in the
 * database as `dossier_events_yYYYY` / `dossier_papers_yYYYY` until dumped), records the year and
 * attaches empty guard partitions that refuse new events and papers. The dossier rows stay.
 */
export async function archiveEventYear(db: Kysely<DB>, year: number, now: Date): Promise<ArchivedYear> {
  const newest = vietnamYear(now) - RETENTION_YEARS;
  if (!Number.isInteger(year) || year > newest) {
    throw validationFailed('ARCHIVE_TOO_RECENT', `Chỉ lưu trữ được năm ${newest} trở về trước (giữ hồ sơ điện tử ít nhất ${RETENTION_YEARS} năm).`);
  }
  const part = `dossier_events_y${year}`;
  return db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('dossier_event_archives').select('year').where('year', '=', year).executeTakeFirst();
    if (known) throw conflict('ARCHIVE_DONE', `Năm ${year} đã được lưu trữ.`);
    const attached = await sql<{ ok: boolean }>`SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'dossier_events'::regclass AND c.relname = ${part}) AS ok`.execute(trx);
    if (attached.rows[0]?.ok !== true) throw conflict('ARCHIVE_NO_PARTITION', `Năm ${year} không có phân vùng riêng của nhật ký: không có gì để lưu trữ.`);
    // the papers' year exists whenever the log's does (both are created together); made here if not
    await sql`SELECT dossier_papers_ensure_year(${year}::integer)`.execute(trx);
    for (const table of PARTITIONED_TABLES) await sql`LOCK TABLE ${sql.id(table)} IN ACCESS EXCLUSIVE MODE`.execute(trx);
    const { from, to } = yearBounds(year);
    const open = await trx.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('submitted_at', '>=', from).where('submitted_at', '<', to)
      .where('status', 'not in', [...terminalStatuses]).executeTakeFirstOrThrow();
    if (Number(open.n) > 0) throw conflict('ARCHIVE_OPEN_DOSSIERS', `Năm ${year} còn ${open.n} hồ sơ chưa kết thúc: chưa lưu trữ được.`);
    const events = await countRows(trx, part);
    const papersTable = `dossier_papers_y${year}`;
    const papers = await countRows(trx, papersTable);
    // the days its dossiers moved: the anchors of those days fold their chains (verify --anchors, once the table is gone)
    await sql`INSERT INTO dossier_event_archive_days (year, day, heads)
      SELECT ${year}::integer, (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(DISTINCT dossier_id) FROM ${sql.id(part)} GROUP BY 2`.execute(trx);
    for (const table of PARTITIONED_TABLES) await detachYear(trx, table, year);
    const archived = { year, tableName: part, dossiers: events.dossiers, events: events.rows, papersTable, papers: papers.rows };
    await trx.insertInto('dossier_event_archives').values({
      year, table_name: part, dossiers: events.dossiers, events: events.rows, papers_table: papersTable, papers: papers.rows,
    }).execute();
    return archived;
  });
}
