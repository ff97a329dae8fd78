// Reads and writes of the catalogue: the version of a procedure in force on a date, search
// without diacritics, and the versioned write that the import, the edit and the seed share (a new
// version closes the previous one). The admin use cases are in import.ts and versions.ts.
import { sql, type Selectable, type Transaction } from 'kysely';
import type { RowProblems } from '../directory/model';
import type { Database } from '../platform/db/connect';
import type { DB, ProceduresTable } from '../platform/db/schema';
import { toCompetentBody } from './competent-body';
import { paperRequirement, type ProcedureCase, type CompetentLevel, type PaperRequirement, type ProcedureInput, type RequiredPaper } from './model';

export type ProcedureView = Omit<ProcedureInput, 'requiredPapers'> & {
  /** each paper with its requirement resolved (see paperRequirement) */
  requiredPapers: (RequiredPaper & { requirement: PaperRequirement })[];
  version: number;
  effectiveTo: string | null;
};

export const toView = (r: Selectable<ProceduresTable>): ProcedureView => ({
  code: r.code, fullCode: r.full_code, version: r.version, name: r.name, field: r.field,
  competentLevel: r.competent_level, competentAgency: r.competent_agency,
  competentBody: r.competent_body ? toCompetentBody(r.competent_body) : null,
  placeTied: r.place_tied, filingAnywhere: r.filing_anywhere, cases: r.cases as ProcedureCase[],
  durationValue: r.duration_value, durationUnit: r.duration_unit, cutoff: r.cutoff,
  requiredPapers: (r.required_papers as RequiredPaper[]).map((p) => ({ ...p, requirement: paperRequirement(p) })), fees: r.fees as ProcedureView['fees'],
  onlineLevel: r.online_level, postalAllowed: r.postal_allowed, resultType: r.result_type,
  resultDescription: r.result_description, eformSchema: r.eform_schema, steps: r.steps as ProcedureView['steps'],
  defaultsApplied: r.defaults_applied as ProcedureView['defaultsApplied'], source: r.source,
  effectiveFrom: r.effective_from, effectiveTo: r.effective_to,
});

/**
 * The version of a procedure in force on a civil date (`effective_from <= day < effective_to`),
 * by national code ('1.001193') or full code ('1.001193.000.00.00.H20'); null when none.
 */
export async function getProcedure(db: Database, code: string, onDate: string): Promise<ProcedureView | null> {
  const row = await db.selectFrom('procedures').selectAll()
    .where((eb) => eb.or([eb('code', '=', code), eb('full_code', '=', code)]))
    .where('effective_from', '<=', onDate)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', onDate)]))
    .orderBy('effective_from', 'desc').executeTakeFirst();
  return row ? toView(row) : null;
}

export interface ProcedureFilter {
  readonly field?: string;
  readonly level?: CompetentLevel;
  readonly limit?: number;
  readonly offset?: number;
}

export type ProcedureSummary = Pick<ProcedureView,
  'code' | 'fullCode' | 'version' | 'name' | 'field' | 'competentLevel' | 'competentAgency' | 'durationValue'
  | 'durationUnit' | 'onlineLevel' | 'postalAllowed' | 'effectiveFrom' | 'effectiveTo'>;

/**
 * The rank of a procedure for what was typed, best first (0–4): its name is what was typed ("Thủ tục"
 * aside), its result is, its name begins with it, its name contains it, anything else. "giay khai
 * sinh" puts "Thủ tục đăng ký khai sinh" (result: Giấy khai sinh) before "Cấp bản sao … Giấy khai sinh".
 */
function searchRank(q: string) {
  const name = sql`regexp_replace(search_key(name), '^thu tuc ', '')`;
  const key = sql`search_key(${q})`;
  return sql`CASE WHEN ${name} = ${key} THEN 0 WHEN search_key(coalesce(result_description, '')) = ${key} THEN 1
    WHEN ${name} LIKE ${key} || '%' THEN 2 WHEN ${name} LIKE '%' || ${key} || '%' THEN 3 ELSE 4 END`;
}

/**
 * Procedures in force on a date whose name, result or field contain every word of `q`, compared
 * without diacritics ("giay khai sinh" finds "Đăng ký khai sinh", whose result is "Giấy khai sinh").
 */
export async function searchProcedures(
  db: Database, q: string | null, onDate: string, filter: ProcedureFilter = {},
): Promise<{ items: ProcedureSummary[]; total: number }> {
  let base = db.selectFrom('procedures')
    .where('effective_from', '<=', onDate)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', onDate)]));
  const words = (q ?? '').split(/\s+/).filter((w) => w !== '').slice(0, 8);
  for (const w of words) base = base.where('search_text', 'like', sql<string>`'%' || search_key(${w}) || '%'`);
  if (filter.field) base = base.where(sql`search_key(field)`, '=', sql`search_key(${filter.field})`);
  if (filter.level) base = base.where('competent_level', '=', filter.level);
  const ranked = words.length > 0 ? base.orderBy(searchRank(words.join(' '))).orderBy(sql`word_similarity(search_key(${words.join(' ')}), search_key(name))`, 'desc')
    .orderBy(sql`length(name)`) : base;
  const [rows, count] = await Promise.all([
    ranked.select([
      'code', 'full_code', 'version', 'name', 'field', 'competent_level', 'competent_agency', 'duration_value',
      'duration_unit', 'online_level', 'postal_allowed', 'effective_from', 'effective_to',
    ]).orderBy('code').limit(filter.limit ?? 50).offset(filter.offset ?? 0).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      code: r.code, fullCode: r.full_code, version: r.version, name: r.name, field: r.field,
      competentLevel: r.competent_level, competentAgency: r.competent_agency, durationValue: r.duration_value,
      durationUnit: r.duration_unit, onlineLevel: r.online_level, postalAllowed: r.postal_allowed,
      effectiveFrom: r.effective_from, effectiveTo: r.effective_to,
    })),
    total: Number(count.n),
  };
}

/** What to do when a version with the same code and effective date already exists. */
export type OnExistingVersion = 'skip' | 'error';

/**
 * Writes procedure versions: a row whose date is after the latest version closes it
 * (`effective_to` = the new date) and becomes version n+1. Problems are collected per row.
 */
export async function writeProcedures(
  trx: Transaction<DB>, rows: readonly (ProcedureInput & { row?: number })[], problems: RowProblems, provinceCode: string, onExisting: OnExistingVersion,
): Promise<{ inserted: number; skipped: number; closed: number }> {
  let inserted = 0, skipped = 0, closed = 0;
  for (const [i, p] of rows.entries()) {
    const n = p.row ?? i + 1;
    const versions = await trx.selectFrom('procedures').select(['id', 'version', 'effective_from', 'effective_to'])
      .where('code', '=', p.code).orderBy('effective_from', 'desc').forUpdate().execute();
    const latest = versions[0];
    if (versions.some((v) => v.effective_from === p.effectiveFrom)) {
      if (onExisting === 'skip') { skipped++; continue; }
      problems.add(n, 'effectiveFrom', `thủ tục ${p.code} đã có phiên bản hiệu lực từ ${p.effectiveFrom}`);
      continue;
    }
    if (latest && p.effectiveFrom < latest.effective_from) {
      problems.add(n, 'effectiveFrom', `phải sau ngày hiệu lực của phiên bản hiện có (${latest.effective_from})`);
      continue;
    }
    if (latest && (latest.effective_to === null || latest.effective_to > p.effectiveFrom)) {
      await trx.updateTable('procedures').set({ effective_to: p.effectiveFrom }).where('id', '=', latest.id).execute();
      closed++;
    }
    await trx.insertInto('procedures').values({
      code: p.code, full_code: p.fullCode, version: (latest?.version ?? 0) + 1, name: p.name, field: p.field,
      competent_level: p.competentLevel, competent_agency: p.competentAgency,
      competent_body: p.competentBody === null ? null : JSON.stringify(p.competentBody),
      place_tied: p.placeTied, filing_anywhere: p.filingAnywhere, cases: JSON.stringify(p.cases),
      duration_value: p.durationValue, duration_unit: p.durationUnit, cutoff: p.cutoff,
      fees: JSON.stringify(p.fees), required_papers: JSON.stringify(p.requiredPapers),
      online_level: p.onlineLevel, postal_allowed: p.postalAllowed, result_type: p.resultType,
      result_description: p.resultDescription, eform_schema: JSON.stringify(p.eformSchema),
      steps: JSON.stringify(p.steps), defaults_applied: JSON.stringify(p.defaultsApplied), source: p.source,
      province_code: provinceCode, effective_from: p.effectiveFrom, effective_to: null,
    }).execute();
    inserted++;
  }
  return { inserted, skipped, closed };
}

/** The province whose catalogue this is (new Đồng Tháp). */
export const CATALOGUE_PROVINCE = '82';
