// Dossier search (GET /api/v1/dossiers): the dossiers of the actor's scope matching the filters,
// newest received first, with a capped count and keyset pages. Why each query has the shape it
// has, and what it costs at 1M and 3M dossiers: docs/scale.md.
import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DB } from '../platform/db/schema';
import type { ServiceContext } from '../platform/context';
import { validationFailed } from '../platform/errors';
import { agencyIdsByIdentifier, unitPathsByCode } from '../directory/references';
import { statusLabels, type Status } from './lifecycle';
import { badgeOf, iso, readerOf, type QueueItem } from './queries';
import { scopeBranches, scopeWhere, type DossierPredicate, type ScopedActor } from './scope';
import { compareSearchOrder, parseSearchCursor, searchCursor, type SearchPosition } from './search-cursor';
import { nameOnKey, normalizeNameQuery, sampledMatches, SAMPLED_COUNT_BELOW, SAMPLED_PAGE_BELOW, suffixCount, suffixesServe, suffixPageIds, type SuffixFilters } from './search-names';

export interface SearchFilters {
  /** a whole code (exact), or its end ("0001", "261207-0001") or its start */
  readonly code?: string;
  readonly personalId?: string;
  readonly phone?: string;
  /** with or without diacritics, from the start of a word, in order: "thu hang" finds "Nguyễn Thị Thu Hằng", "an" finds "Anh" but not "Trần" */
  readonly name?: string;
  readonly status?: Status;
  readonly procedureCode?: string;
  /** competent agency identifier */
  readonly agency?: string;
  /** unit code: dossiers of agencies in that unit's subtree */
  readonly unit?: string;
  /** received on or after / before (civil dates, UTC+7) */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
  /** keyset cursor: `next` of the previous page (deep pages without an offset) */
  readonly after?: string;
}

/**
 * Search counts matches up to this many ("hơn 1.000 kết quả"); beyond it `total` is this and
 * `totalIsLowerBound` true. Counting reads at most this many index entries, whatever the scope.
 */
export const SEARCH_COUNT_CAP = 1_000;

export interface SearchPage {
  /** `rated`: the applicant has rated the handling */
  readonly items: (QueueItem & { readonly rated: boolean })[];
  /** the number of matches, or SEARCH_COUNT_CAP when there are more (then totalIsLowerBound) */
  readonly total: number;
  /** true: more than `total` dossiers match (counting stopped) */
  readonly totalIsLowerBound: boolean;
  /** the cursor of the next page (`after`), null on the last page */
  readonly next: string | null;
}

/** How a name is read; `auto` (the default) decides by how common it is — tests force each way. */
export interface SearchPlan { readonly nameRead?: 'auto' | 'suffixes' | 'walk' }

const WHOLE_CODE_RE = /^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$/;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const never: DossierPredicate = () => sql<SqlBool>`false`;

/** The agency and unit filters resolved to ids and paths once (the suffix rows and the dossiers both read them). */
interface Resolved { readonly agencyIds?: readonly number[]; readonly unitPaths?: readonly string[] }

async function resolveFilters(ctx: ServiceContext, f: SearchFilters): Promise<Resolved> {
  const [agencyIds, unitPaths] = await Promise.all([
    f.agency ? agencyIdsByIdentifier(ctx.db, f.agency) : undefined,
    f.unit ? unitPathsByCode(ctx.db, f.unit) : undefined,
  ]);
  return { ...(agencyIds ? { agencyIds } : {}), ...(unitPaths ? { unitPaths } : {}) };
}

/** A part of a code: its start, its end, or either. */
type CodeSide = 'start' | 'end' | 'either';
const isPartOfCode = (code: string | undefined) => Boolean(code) && !WHOLE_CODE_RE.test((code ?? '').trim().toUpperCase());

/** The filters other than the scope, as predicates on `dossiers as d`. */
function filterPredicates(f: SearchFilters, r: Resolved, side: CodeSide = 'either'): DossierPredicate[] {
  const out: DossierPredicate[] = [];
  if (f.code) {
    // a whole code matches exactly; a part of one its end ("261207-0001", the slip's last digits:
    // a range of reverse(code)) or its start (a range of code) — migration 0220
    const code = f.code.trim().toUpperCase();
    const reversed = [...code].reverse().join('');
    const start = sql<SqlBool>`d.code LIKE ${`${likeEscape(code)}%`}`;
    const end = sql<SqlBool>`reverse(d.code) LIKE ${`${likeEscape(reversed)}%`}`;
    out.push(WHOLE_CODE_RE.test(code) ? (eb) => eb('d.code', '=', code)
      : side === 'start' ? () => start : side === 'end' ? () => end : () => sql<SqlBool>`(${start} OR ${end})`);
  }
  const { personalId, status, procedureCode } = f;
  if (personalId) out.push((eb) => eb('d.personal_id', '=', personalId));
  if (f.phone) {
    const phone = f.phone.replace(/[ .]/g, '');
    out.push((eb) => eb('d.applicant_phone', '=', phone));
  }
  // from the start of a word, on the stored key (migrations 0170, 0220): no unaccent() per row read
  const name = normalizeNameQuery(f.name);
  if (name) out.push(() => nameOnKey(name));
  if (status) out.push((eb) => eb('d.status', '=', status));
  if (procedureCode) out.push((eb) => eb('d.procedure_code', '=', procedureCode));
  if (r.agencyIds) {
    const ids = r.agencyIds;
    out.push(ids.length === 0 ? never : (eb) => eb('d.competent_agency_id', 'in', ids));
  }
  if (r.unitPaths) {
    const paths = r.unitPaths;
    out.push(paths.length === 0 ? never : (eb) => eb.or(paths.map((p) => eb('d.unit_path', 'like', `${likeEscape(p)}%`))));
  }
  const { from, to } = f;
  if (from) out.push((eb) => eb('d.received_at', '>=', sql<Date>`(${from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`));
  if (to) out.push((eb) => eb('d.received_at', '<', sql<Date>`((${to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`));
  return out;
}

/** Rows after the cursor in `received_at DESC NULLS FIRST, id DESC`: the same index walk continued, never an offset skipped over. */
function afterPosition(p: SearchPosition): DossierPredicate {
  return () => (p.receivedAt === null
    ? sql<SqlBool>`(d.received_at IS NOT NULL OR d.id < ${p.id})`
    : sql<SqlBool>`(d.received_at, d.id) < (${p.receivedAt}, ${p.id})`);
}

type DossierRowOfPage = { id: number | string; code: string; status: Status; procedure_code: string; applicant_name: string; received_at: Date | null; due_at: Date | null; original_due_at: Date | null; finished_at: Date | null; rated_at: Date | null };
const PAGE_COLUMNS = ['d.id', 'd.code', 'd.status', 'd.procedure_code', 'd.applicant_name', 'd.received_at', 'd.due_at', 'd.original_due_at', 'd.finished_at', 'd.rated_at'] as const;

function pageOf(shown: readonly DossierRowOfPage[], more: boolean, counted: number, now: Date): SearchPage {
  const last = shown[shown.length - 1];
  return {
    items: shown.map((d) => ({
      code: d.code, status: d.status, statusLabel: statusLabels[d.status], procedureCode: d.procedure_code, applicantName: d.applicant_name,
      receivedAt: iso(d.received_at), dueAt: iso(d.due_at), remainingWorkingMinutes: null, timeliness: badgeOf(d, now), rated: d.rated_at !== null,
    })),
    total: Math.min(counted, SEARCH_COUNT_CAP),
    totalIsLowerBound: counted > SEARCH_COUNT_CAP,
    next: more && last ? searchCursor({ receivedAt: last.received_at, id: Number(last.id) }) : null,
  };
}

type Positioned = { id: number | string; received_at: Date | null };
const at = (r: Positioned): SearchPosition => ({ receivedAt: r.received_at, id: Number(r.id) });

/**
 * A part of a code, in one statement: every match of the scope up to the cap + 1 (`m`: its start
 * and its end apart, each an index range that stops at the cap — their OR was one bitmap of every
 * match; the end is read index-only, migrations 0251–0252), counted; then the page — from `m` when
 * it holds them all, else from the scope's ordered walk (`walkedPage`: a common end such as "0001",
 * 43% of the 1M set's codes, is dense on the walk). Each branch is gated by the count (a one-time
 * filter: the other is not run), and the page's rows are read by id.
 */
async function codePartPage(ctx: ServiceContext, actor: ScopedActor, f: SearchFilters, r: Resolved, position: SearchPosition | null,
  walkedPage: SelectQueryBuilder<DB & { w: { id: number; received_at: Date | null } }, 'w', { id: number; received_at: Date | null }>,
  limit: number, offset: number): Promise<{ rows: DossierRowOfPage[]; matched: number }> {
  const side = (s: CodeSide) => filterPredicates(f, r, s).reduce((q, p) => q.where(p), ctx.db.selectFrom('dossiers as d').where(scopeWhere(actor)))
    .select(['d.id', 'd.received_at']).limit(SEARCH_COUNT_CAP + 1);
  const cursor = position === null ? sql`` : position.receivedAt === null
    ? sql` AND (m.received_at IS NOT NULL OR m.id < ${position.id})`
    : sql` AND (m.received_at, m.id) < (${position.receivedAt}, ${position.id})`;
  const cap = SEARCH_COUNT_CAP;
  const result = await sql<DossierRowOfPage & { matched: string; id: string | null }>`
    WITH m AS MATERIALIZED ((${side('start')}) UNION (${side('end')})), n AS (SELECT count(*) AS n FROM m)
    SELECT d.id, d.code, d.status, d.procedure_code, d.applicant_name, d.received_at, d.due_at, d.original_due_at, d.finished_at, d.rated_at, n.n AS matched
      FROM n LEFT JOIN (
        (SELECT m.id, m.received_at FROM m WHERE (SELECT n FROM n) <= ${cap}${cursor}
          ORDER BY m.received_at DESC, m.id DESC LIMIT ${limit + 1} OFFSET ${offset})
        UNION ALL
        (SELECT w.id, w.received_at FROM (${walkedPage}) w WHERE (SELECT n FROM n) > ${cap})
      ) k ON true
      LEFT JOIN dossiers d ON d.id = k.id
     ORDER BY k.received_at DESC, k.id DESC`.execute(ctx.db);
  const matched = Number(result.rows[0]?.matched ?? 0);
  return { rows: result.rows.filter((x) => x.id !== null), matched };
}

/**
 * Dossiers of the actor's scope matching the filters, newest received first (`received_at DESC,
 * id DESC`; not yet received ones first). Deep pages follow `next` (keyset, search-cursor.ts);
 * counting stops after SEARCH_COUNT_CAP + 1 rows.
 *
 * A code, phone or personal ID finds few dossiers on its own index: they are read once, unordered
 * (at most the cap, in one statement), and paged here — one index lookup instead of one per part
 * of the scope for the page and again for the count (a part of a code: its start and its end, the
 * end index-only, codePartMatches). More than the cap, and every other search: each part of the
 * scope (scope.ts `scopeBranches`: a supervisor's provinces, a clerk's point and online dossiers) is
 * walked in the search order on its covering index (migration 0189) for the page's ids only; two
 * parts (a clerk's point and its agency's online dossiers) are merged by one ORDER BY … LIMIT
 * over their UNION ALL; then the page's rows are read by id.
 */
export async function searchDossiers(ctx: ServiceContext, f: SearchFilters, plan: SearchPlan = {}): Promise<SearchPage> {
  const actor = await readerOf(ctx);
  const position = f.after === undefined ? null : parseSearchCursor(f.after);
  if (f.after !== undefined && position === null) throw validationFailed('CURSOR_INVALID', 'Con trỏ trang không hợp lệ.');
  const resolved = await resolveFilters(ctx, f);
  const filters = filterPredicates(f, resolved);
  const limit = f.limit ?? 50;
  const offset = f.offset ?? 0;
  const now = ctx.clock.now();
  const matching = (part: DossierPredicate, extra: readonly DossierPredicate[] = [], preds = filters) =>
    [part, ...preds, ...extra].reduce((q, p) => q.where(p), ctx.db.selectFrom('dossiers as d'));

  const selective = Boolean(f.code || f.phone || f.personalId);
  const codePart = isPartOfCode(f.code);
  if (selective && !codePart) {
    const found = await matching(scopeWhere(actor)).select(PAGE_COLUMNS).limit(SEARCH_COUNT_CAP + 1).execute();
    if (found.length <= SEARCH_COUNT_CAP) {
      const ordered = found.sort((a, b) => compareSearchOrder(at(a), at(b)));
      const rows = (position ? ordered.filter((r) => compareSearchOrder(at(r), position) > 0) : ordered).slice(offset, offset + limit + 1);
      return pageOf(rows.slice(0, limit), rows.length > limit, found.length, now);
    }
  }
  const parts = scopeBranches(actor);

  // a name that few dossiers carry is read from its word-start suffixes (search-names.ts): how
  // common it is decides, for the page and for the count apart, which read stops sooner
  const name = normalizeNameQuery(f.name);
  const bySuffix = name !== '' && !selective && !f.status && !f.procedureCode && suffixesServe(actor);
  // how common (search-names.ts sampledMatches): a CTE of the page's and the count's own statements, no round trip of its own
  const sampled = bySuffix ? sampledMatches(name, plan.nameRead ?? 'auto') : null;
  const common = (op: '<' | '>=', below: number) => sql<SqlBool>`(SELECT f.n FROM f) ${sql.raw(op)} ${below}`;
  const suffixFilters: SuffixFilters = { name, ...resolved, ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) };

  // the page's ids: per part an ordered walk that stops after offset + limit + 1, merged
  const walked = parts
    .map((part, i) => ctx.db.selectFrom(matching(part, position ? [afterPosition(position)] : [])
      .select(['d.id', 'd.received_at']).orderBy('d.received_at', 'desc').orderBy('d.id', 'desc').limit(offset + limit + 1).as(`p${i}`))
      .select(['id', 'received_at']))
    .reduce((a, b) => a.unionAll(b));
  const walkedPage = ctx.db.selectFrom(walked.as('w')).select(['w.id', 'w.received_at'])
    .orderBy('w.received_at', 'desc').orderBy('w.id', 'desc').limit(limit + 1).offset(offset) as unknown as SelectQueryBuilder<DB & { w: { id: number; received_at: Date | null } }, 'w', { id: number; received_at: Date | null }>;
  if (codePart) {
    const { rows, matched } = await codePartPage(ctx, actor, f, resolved, position, walkedPage, limit, offset);
    return pageOf(rows.slice(0, limit), rows.length > limit, matched, now);
  }
  // a rare name's page from the suffixes, a common one's by the walk: each branch gated by the sample (a one-time filter)
  const ids = sampled === null ? sql<{ id: number; received_at: Date | null }>`(${walkedPage})` : sql<{ id: number; received_at: Date | null }>`(
    (SELECT s.id, s.received_at FROM ${suffixPageIds(actor, suffixFilters, position, offset, limit)} s WHERE ${common('<', SAMPLED_PAGE_BELOW)})
    UNION ALL (SELECT w.id, w.received_at FROM (${walkedPage}) w WHERE ${common('>=', SAMPLED_PAGE_BELOW)}))`;
  const withSample = sampled === null ? ctx.db : ctx.db.with('f', (db) => db.selectNoFrom(sampled.as('n')));
  const page = withSample.selectFrom(ids.as('k')).innerJoin('dossiers as d', 'd.id', 'k.id').select(PAGE_COLUMNS)
    .orderBy('k.received_at', 'desc').orderBy('k.id', 'desc');
  // more than the cap by a phone or ID (just read): only the page is left to read
  if (selective) {
    const rows = await page.execute();
    return pageOf(rows.slice(0, limit), rows.length > limit, SEARCH_COUNT_CAP + 1, now);
  }

  // a common name: counted in the page's order, so that the planner walks the scope's index
  // (stopping at the cap) instead of reading every match
  const inOrder = name !== '';
  const counted = parts
    .map((part, i) => {
      const q = matching(part).select(sql<number>`1`.as('one'));
      return ctx.db.selectFrom((inOrder ? q.orderBy('d.received_at', 'desc').orderBy('d.id', 'desc') : q).limit(SEARCH_COUNT_CAP + 1).as(`c${i}`)).select('one');
    })
    .reduce((a, b) => a.unionAll(b));
  const walkCount = ctx.db.selectFrom(ctx.db.selectFrom(counted.as('u')).select('u.one').limit(SEARCH_COUNT_CAP + 1).as('m'))
    .select((eb) => eb.fn.countAll<string>().as('n'));
  // a name under ~102,400 estimated matches counted from the suffixes (CASE runs one branch only)
  const count = (sampled === null ? walkCount : withSample.selectNoFrom(sql<string>`CASE WHEN ${common('<', SAMPLED_COUNT_BELOW)}
      THEN ${suffixCount(actor, suffixFilters, SEARCH_COUNT_CAP)} ELSE (${walkCount}) END`.as('n')))
    .executeTakeFirstOrThrow().then((r) => Number(r.n));
  const [rows, n] = await Promise.all([page.execute(), count]);
  return pageOf(rows.slice(0, limit), rows.length > limit, n, now);
}
