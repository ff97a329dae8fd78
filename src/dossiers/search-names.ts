// The name filter of the dossier search: a name matches from the start of a word, in order —
// "thu hang" finds "Nguyễn Thị Thu Hằng" and "Thu Hằng", "an" finds "An" and "Anh" but not "Trần".
// Two ways to read it (docs/scale.md "Session 3"): the word-start suffixes of the name key
// (migration 0220, one btree range whose entries carry the order and the scope) for a name that
// few dossiers carry, and the scope's ordered walk checking the key on each index entry for a
// common one, which stops after a page or the capped count.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ScopedActor } from './scope';
import type { SearchPosition } from './search-cursor';

/** What a clerk typed, as it is compared: NFC, trimmed, single spaces; '' for nothing. */
export const normalizeNameQuery = (name: string | undefined): string => (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The word-start rule on `dossiers as d` (the key is on every covering index of the scope walk):
 * the key starts with the name, or a word of it does. Two LIKEs on the column, not one on
 * `' ' || key`: the planner estimates them from the column's statistics — on the expression it
 * guessed 300 rows of 3M for "nguyen van" (340,000) and read the whole table instead of walking.
 */
export function nameOnKey(name: string): RawBuilder<SqlBool> {
  const key = sql`search_key(${likeEscape(name)})`;
  return sql<SqlBool>`(d.applicant_name_key LIKE ${key} || '%' OR d.applicant_name_key LIKE '% ' || ${key} || '%')`;
}

/**
 * The word-start rule on `dossier_name_suffixes as d`: the suffix starts with the name, and the
 * rest of it does not start a match again — each dossier is found once, at its last matching word
 * ("ha" in "Hà Thị Hà": the suffix "ha", not "ha thi ha"), so counts and pages need no DISTINCT.
 */
function nameOnSuffix(name: string): RawBuilder<SqlBool> {
  const key = sql`search_key(${likeEscape(name)})`;
  return sql<SqlBool>`d.suffix LIKE ${key} || '%' AND d.suffix NOT LIKE '% ' || ${key} || '%'`;
}

/** Sampled one dossier in SAMPLE (the partial index of migration 0220): the estimate's unit. */
const SAMPLE = 64;
/** The sample is read up to this many entries: beyond, the name is "very common". */
const SAMPLE_CAP = 1_600;

/**
 * How common the name is (all scopes), as a scalar subquery the page's and the count's statements
 * gate their reads on (no round trip of its own): the matches in the one-in-64 sample, read in at
 * most 1,600 entries of the sample's index (~0.3 ms). × 64 it estimates the matches; 1,600 means
 * "very common" (beyond 102,400). `plan` forces it in tests: 0 reads the suffixes, the cap walks.
 */
export function sampledMatches(name: string, plan: 'auto' | 'suffixes' | 'walk' = 'auto'): RawBuilder<number> {
  if (plan !== 'auto') return sql<number>`${plan === 'suffixes' ? 0 : SAMPLE_CAP}::bigint`;
  return sql<number>`(SELECT count(*) FROM (SELECT 1 FROM dossier_name_suffixes d
    WHERE d.dossier_id % ${sql.raw(String(SAMPLE))} = 0 AND ${nameOnSuffix(name)} LIMIT ${SAMPLE_CAP}) s)`;
}

/**
 * Below ~10,000 estimated matches the page is read from the suffixes (every match of the range,
 * index-only, the newest kept: ~0.3 µs an entry); above it the scope's walk finds a page sooner
 * (it reads ~51 × dossiers / matches entries). Both cost ~3 ms here at 3M. In sampled matches.
 */
export const SAMPLED_PAGE_BELOW = Math.ceil(10_000 / SAMPLE);
/** Below this many sampled matches (~102,400 estimated) the count is read from the suffixes (it stops at the cap); above it the walk reaches the cap sooner. */
export const SAMPLED_COUNT_BELOW = SAMPLE_CAP;

/** The scope of `isDossierInScope` on the suffix rows (they carry the scope's columns); null: a scope they do not carry (citizens). */
function scopeOnSuffix(actor: ScopedActor): RawBuilder<SqlBool> | null {
  const s = actor.scope;
  switch (s.kind) {
    case 'servicePoint':
      return actor.servicePointAgencyId === null
        ? sql<SqlBool>`d.receiving_service_point_id = ${s.servicePointId}`
        : sql<SqlBool>`(d.receiving_service_point_id = ${s.servicePointId} OR (d.receiving_service_point_id IS NULL AND d.receiving_agency_id = ${actor.servicePointAgencyId}))`;
    case 'agency': return sql<SqlBool>`d.competent_agency_id = ${s.agencyId}`;
    case 'unit': {
      const subtree = sql<SqlBool>`d.unit_path LIKE ${`${likeEscape(s.unitPath)}%`}`;
      const extra = actor.successorPaths ?? [];
      return extra.length === 0 ? subtree : sql<SqlBool>`(${subtree} OR d.unit_path IN (${sql.join(extra)}))`;
    }
    case 'self': return null;
    case 'none': return sql<SqlBool>`false`;
  }
}

/** The filters a suffix row can answer on its own entry (the rest need the dossier). */
export interface SuffixFilters {
  readonly name: string;
  /** competent agency ids (the `agency` filter), undefined: no such filter */
  readonly agencyIds?: readonly number[];
  /** unit paths (the `unit` filter: their subtrees) */
  readonly unitPaths?: readonly string[];
  readonly from?: string;
  readonly to?: string;
}

function suffixWhere(actor: ScopedActor, f: SuffixFilters): RawBuilder<SqlBool> | null {
  const scope = scopeOnSuffix(actor);
  if (!scope) return null;
  const parts: RawBuilder<SqlBool>[] = [nameOnSuffix(f.name), scope];
  if (f.agencyIds) parts.push(f.agencyIds.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`d.competent_agency_id IN (${sql.join(f.agencyIds)})`);
  if (f.unitPaths) parts.push(f.unitPaths.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(f.unitPaths.map((p) => sql`d.unit_path LIKE ${`${likeEscape(p)}%`}`), sql` OR `)})`);
  if (f.from) parts.push(sql<SqlBool>`d.received_at >= (${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to) parts.push(sql<SqlBool>`d.received_at < ((${f.to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  return sql.join(parts, sql` AND `) as RawBuilder<SqlBool>;
}

export const suffixesServe = (actor: ScopedActor): boolean => scopeOnSuffix(actor) !== null;

/** The page's ids in the search order, from the suffix range: every match read index-only, the newest kept. */
export function suffixPageIds(actor: ScopedActor, f: SuffixFilters, after: SearchPosition | null, offset: number, limit: number): RawBuilder<{ id: number; received_at: Date | null }> {
  const where = suffixWhere(actor, f) ?? sql<SqlBool>`false`;
  const cursor = after === null ? sql`` : after.receivedAt === null
    ? sql` AND (d.received_at IS NOT NULL OR d.dossier_id < ${after.id})`
    : sql` AND (d.received_at, d.dossier_id) < (${after.receivedAt}, ${after.id})`;
  return sql`(SELECT d.dossier_id AS id, d.received_at FROM dossier_name_suffixes d WHERE ${where}${cursor}
    ORDER BY d.received_at DESC, d.dossier_id DESC LIMIT ${limit + 1} OFFSET ${offset})`;
}

/** How many dossiers of the scope match, reading at most cap + 1 entries of the range (a scalar subquery). */
export function suffixCount(actor: ScopedActor, f: SuffixFilters, cap: number): RawBuilder<number> {
  const where = suffixWhere(actor, f) ?? sql<SqlBool>`false`;
  return sql<number>`(SELECT count(*) FROM (SELECT 1 FROM dossier_name_suffixes d WHERE ${where} LIMIT ${cap + 1}) s)`;
}
