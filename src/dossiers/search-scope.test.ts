// The search walks each part of a scope on its own index and merges the parts (UNION ALL under one
// ORDER BY … LIMIT, search.ts): over random dossiers, scopes, filters and page sizes on the real
// database it must give the same rows in the same order as the plain query — every dossier the
// scope's rule (`isDossierInScope`, in JavaScript) admits matching the filters, `ORDER BY
// received_at DESC, id DESC` — and the same count. Some dossiers belong to an old province whose
// commune became part of the world's commune: the supervisor's scope spans two provinces (one
// part each, on the sharding key).
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor';
import { receiveDossier } from './service';
import { isDossierInScope, scopeBranches, scopedActor } from './scope';
import { searchDossiers, type SearchFilters, type SearchPlan } from './search';
import { useWorld } from './world.test-helper';

const { t, w } = useWorld();

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Nguyễn Thị An', 'Phạm Văn Cường', 'Lê Thị Hằng', 'Đặng  Thị Anh', ' Hà Thị Hà '] as const;
const PEOPLE = ['087090008001', '087090008002', '087090008003'] as const;
/** a few instants (ties broken by id) in March 2026, or null: not received yet */
const AT = [null, '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z', '2026-03-03T09:30:00Z', '2026-03-10T01:00:00Z', '2026-04-01T03:00:00Z'] as const;

interface RandomDossier { point: 0 | 1 | 2 | 3; receivingAgency: 0 | 1; competentAgency: 0 | 1 | 2; at: number; name: number; person: number }

const dossier = fc.record<RandomDossier>({
  point: fc.constantFrom(0, 1, 2, 3), receivingAgency: fc.constantFrom(0, 1), competentAgency: fc.constantFrom(0, 1, 2),
  at: fc.nat(AT.length - 1), name: fc.nat(NAMES.length - 1), person: fc.nat(PEOPLE.length - 1),
});
const NAME_TERMS = ['nguyen', 'thi an', 'Văn', 'an', 'nguyễn văn an', 'Trần  Thị Bình', 'n thi an', 'van an x', 'ha', 'dang thi a', 'Đ', 'thi'] as const;
/** one or two filters at a time, so that most searches find something */
const filters: fc.Arbitrary<SearchFilters> = fc.oneof(
  fc.constant({}),
  // from the start of a word, in order (search-names.ts): read from the suffixes or by the scope walk
  fc.record({ name: fc.constantFrom(...NAME_TERMS) }),
  fc.record({ name: fc.constantFrom(...NAME_TERMS), from: fc.constant('2026-03-03'), to: fc.constant('2026-03-10') }),
  fc.record({ from: fc.constant('2026-03-02'), to: fc.constant('2026-03-31') }),
  // a code, phone or ID: read unordered on their own index and paged in JavaScript (search.ts)
  fc.record({ personalId: fc.constantFrom(...PEOPLE) }),
  fc.record({ phone: fc.constant('0912345678') }),
  // a part of a code: its end or its start (template: the copied dossier's code, see seed)
  fc.record({ code: fc.constantFrom('-1', '1-2', 'template', '000', '-R') }),
  fc.record({ code: fc.constant('-R'), name: fc.constantFrom(...NAME_TERMS) }),
);

/** An old province (valid until 01/07/2025) whose one commune became part of the world's commune. */
const OLD_PROVINCE = '00190';
const OLD_COMMUNE_PATH = `/${OLD_PROVINCE}/001901/`;
beforeAll(async () => {
  const unit = (code: string, level: 'province' | 'commune', parent: number | null, path: string) => t.db.insertInto('admin_units').values({
    code, name: `Đơn vị cũ ${code}`, kind: level === 'province' ? 'tinh' : 'xa', level, parent_id: parent, province_code: OLD_PROVINCE, path,
    valid_from: '2008-01-01', valid_to: '2025-07-01',
  }).returning('id').executeTakeFirstOrThrow();
  const province = await unit(OLD_PROVINCE, 'province', null, `/${OLD_PROVINCE}/`);
  const commune = await unit('001901', 'commune', Number(province.id), OLD_COMMUNE_PATH);
  await t.db.insertInto('admin_unit_successions').values({ old_unit_id: Number(commune.id), new_unit_id: w.commune.id, effective_date: '2025-07-01', partial: false }).execute();
});

let template = '';
let batch = 0;

/** Replaces the dossiers of earlier runs by `rows`, copies of one received dossier with their own scope, time, name and person. */
async function seed(rows: readonly RandomDossier[]): Promise<void> {
  if (!template) template = (await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '087090008999' }))).code;
  await sql`DELETE FROM dossiers WHERE code LIKE '%-R%'`.execute(t.db);
  const points = [w.servicePoint.id, w.otherServicePoint.id, w.actors.communeClerk.scope.kind === 'servicePoint' ? w.actors.communeClerk.scope.servicePointId : 0, null];
  const agencies = [w.centre.id, w.communeAgency.id];
  const competent = [{ id: w.communeAgency.id, path: w.commune.path, province: null }, { id: w.otherAgency.id, path: w.otherCommune.path, province: null },
    { id: w.otherAgency.id, path: OLD_COMMUNE_PATH, province: OLD_PROVINCE }];
  batch += 1;
  for (const [i, r] of rows.entries()) {
    const at = AT[r.at] ?? null;
    const c = competent[r.competentAgency] ?? competent[0];
    await sql`INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_phone,
        personal_id, receiving_service_point_id, receiving_agency_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at,
        received_at, due_at, last_hash)
      SELECT code || ${`-R${batch}-${i}`}, code_format, coalesce(${c?.province ?? null}::text, province_code), procedure_id, procedure_code, applicant_id, ${NAMES[r.name] ?? ''}, applicant_phone,
        ${PEOPLE[r.person] ?? ''}, ${points[r.point] ?? null}, ${agencies[r.receivingAgency] ?? null}, ${c?.id ?? null}, ${c?.path ?? ''},
        ${r.point === 3 ? 'online' : 'counter'}, ${at === null ? 'submitted' : 'received'}, sync_code, submitted_at, ${at}, due_at, last_hash
      FROM dossiers WHERE code = ${template}`.execute(t.db);
  }
}

/** Without diacritics, lower case, single spaces: the words as a clerk compares them. */
const plainWords = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().trim().replace(/\s+/g, ' ');
/** The word-start rule, written apart from search-names.ts: the name's words from some word on begin with the query's words. */
const nameMatches = (name: string, query: string) => ` ${plainWords(name)}`.includes(` ${plainWords(query)}`);

/** The plain query: the filters in the search order, the scope's rule, the name and the code checked in JavaScript. */
async function plainSearch(actor: Actor, f: SearchFilters): Promise<string[]> {
  const scoped = await scopedActor(t.db, actor);
  let q = t.db.selectFrom('dossiers as d');
  if (f.personalId) q = q.where('d.personal_id', '=', f.personalId);
  if (f.phone) q = q.where('d.applicant_phone', '=', f.phone);
  if (f.from) q = q.where('d.received_at', '>=', sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to) q = q.where('d.received_at', '<', sql<Date>`((${f.to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  const rows = await q.select(['d.code', 'd.applicant_name', 'd.receiving_service_point_id', 'd.receiving_agency_id', 'd.competent_agency_id', 'd.unit_path', 'd.personal_id', 'd.filed_by_user_id'])
    .orderBy('d.received_at', 'desc').orderBy('d.id', 'desc').execute();
  const code = f.code?.trim().toUpperCase();
  return rows.filter((r) => isDossierInScope(scoped, r)).filter((r) => (!f.name || nameMatches(r.applicant_name, f.name)) && (!code || r.code === code || r.code.startsWith(code) || r.code.endsWith(code))).map((r) => r.code);
}

/** Every page of the search, following `next`; the count of the first page. */
async function walk(actor: Actor, f: SearchFilters, limit: number, plan: SearchPlan = {}): Promise<{ codes: string[]; total: number }> {
  const codes: string[] = [];
  let after: string | undefined;
  let total = -1;
  for (let i = 0; i < 200; i++) {
    const page = await searchDossiers(w.ctx(actor), { ...f, limit, ...(after ? { after } : {}) }, plan);
    if (total < 0) total = page.total;
    codes.push(...page.items.map((d) => d.code));
    if (!page.next) return { codes, total };
    after = page.next;
  }
  throw new Error('no last page');
}

const ROLES = ['clerk', 'communeClerk', 'otherClerk', 'officer', 'otherOfficer', 'supervisor', 'admin'] as const;

describe('search: a scope in parts (UNION ALL) finds what the scope\'s OR finds', () => {
  it('a clerk\'s scope has two parts, the service point and its agency\'s online dossiers; a supervisor\'s one per province; the others one', async () => {
    expect(scopeBranches(await scopedActor(t.db, w.actors.clerk))).toHaveLength(2);
    const supervisor = await scopedActor(t.db, w.actors.supervisor);
    expect(supervisor.provinceCodes).toEqual([OLD_PROVINCE, w.province.path.split('/')[1]].sort());
    expect(scopeBranches(supervisor)).toHaveLength(2);
    expect((await scopedActor(t.db, w.actors.admin)).provinceCodes).toBeUndefined();
    for (const role of ['officer', 'admin', 'citizen'] as const) expect(scopeBranches(await scopedActor(t.db, w.actors[role])), role).toHaveLength(1);
  });

  it('same rows, same order, same count, page after page, for random dossiers, scopes, filters and page sizes', async () => {
    const reads = ['suffixes', 'walk', 'auto'] as const;
    await fc.assert(fc.asyncProperty(fc.array(dossier, { minLength: 0, maxLength: 24 }), fc.constantFrom(...ROLES), filters, fc.integer({ min: 1, max: 7 }), fc.constantFrom(...reads), async (rows, role, f0, limit, nameRead) => {
      await seed(rows);
      const f = f0.code === 'template' ? { ...f0, code: template.slice(0, 9) } : f0;
      const expected = await plainSearch(w.actors[role], f);
      const { codes, total } = await walk(w.actors[role], f, limit, { nameRead });
      expect(codes).toEqual(expected);
      expect(total).toBe(expected.length);
      // an offset page cuts the same list
      const byOffset = await searchDossiers(w.ctx(w.actors[role]), { ...f, limit, offset: 2 }, { nameRead });
      const all = await searchDossiers(w.ctx(w.actors[role]), { ...f, limit: 200 }, { nameRead });
      expect(byOffset.items.map((d) => d.code)).toEqual(all.items.slice(2, 2 + limit).map((d) => d.code));
      expect(all.total).toBe(all.items.length);
    }), { numRuns: 90 });
  }, 180_000); // ~10 s alone; a loaded machine has taken it past the default 30 s

  it('concrete: a point\'s dossier and its agency\'s online one received at the same instant come newest id first, in both parts', async () => {
    await seed([
      { point: 0, receivingAgency: 0, competentAgency: 0, at: 1, name: 0, person: 0 },
      { point: 3, receivingAgency: 0, competentAgency: 0, at: 2, name: 0, person: 0 },
      { point: 3, receivingAgency: 1, competentAgency: 0, at: 2, name: 0, person: 0 }, // another agency's online dossier: not the clerk's
      { point: 1, receivingAgency: 0, competentAgency: 0, at: 3, name: 0, person: 0 }, // another point: not the clerk's
      { point: 3, receivingAgency: 0, competentAgency: 1, at: 0, name: 0, person: 0 }, // not received yet: first
    ]);
    const { codes } = await walk(w.actors.clerk, {}, 1);
    expect(codes.filter((c) => c.includes('-R')).map((c) => c.replace(/^.*-R\d+-/, ''))).toEqual(['4', '1', '0']);
    // a full name (three words: the last two looked up, the whole checked), with and without diacritics
    for (const name of ['Nguyễn Văn An', 'nguyen van an', 'NGUYEN VAN AN']) {
      expect((await walk(w.actors.clerk, { name }, 2)).codes.filter((c) => c.includes('-R')).map((c) => c.replace(/^.*-R\d+-/, '')), name).toEqual(['4', '1', '0']);
    }
    expect((await walk(w.actors.clerk, { name: 'tran van an' }, 2)).codes).toEqual([]);
  });
});
