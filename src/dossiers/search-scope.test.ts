// The search walks each part of a scope on its own index and merges the parts (UNION ALL under one
// ORDER BY … LIMIT, search.ts): over random dossiers, scopes, filters and page sizes on the real
// database it must give the same rows in the same order as the plain query — every dossier of
// `scopeWhere` matching the filters, `ORDER BY received_at DESC, id DESC` — and the same count.
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor';
import { receiveDossier } from './service';
import { scopeBranches, scopedActor, scopeWhere } from './scope';
import { searchDossiers, type SearchFilters } from './search';
import { useWorld } from './world.test-helper';

const { t, w } = useWorld();

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Nguyễn Thị An', 'Phạm Văn Cường', 'Lê Thị Hằng'] as const;
const PEOPLE = ['087090008001', '087090008002', '087090008003'] as const;
/** a few instants (ties broken by id) in March 2026, or null: not received yet */
const AT = [null, '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z', '2026-03-03T09:30:00Z', '2026-03-10T01:00:00Z', '2026-04-01T03:00:00Z'] as const;

interface RandomDossier { point: 0 | 1 | 2 | 3; receivingAgency: 0 | 1; competentAgency: 0 | 1; at: number; name: number; person: number }

const dossier = fc.record<RandomDossier>({
  point: fc.constantFrom(0, 1, 2, 3), receivingAgency: fc.constantFrom(0, 1), competentAgency: fc.constantFrom(0, 1),
  at: fc.nat(AT.length - 1), name: fc.nat(NAMES.length - 1), person: fc.nat(PEOPLE.length - 1),
});
const NAME_TERMS = ['nguyen', 'thi an', 'Văn', 'an', 'nguyễn văn an', 'Trần  Thị Bình', 'n thi an', 'van an x'] as const;
/** one or two filters at a time, so that most searches find something */
const filters: fc.Arbitrary<SearchFilters> = fc.oneof(
  fc.constant({}),
  // three words or more: the index looks up the last two, the whole name is checked on the rows (search.ts)
  fc.record({ name: fc.constantFrom(...NAME_TERMS) }),
  fc.record({ name: fc.constantFrom(...NAME_TERMS), from: fc.constant('2026-03-03'), to: fc.constant('2026-03-10') }),
  fc.record({ from: fc.constant('2026-03-02'), to: fc.constant('2026-03-31') }),
  // a code, phone or ID: read unordered on their own index and paged in JavaScript (search.ts)
  fc.record({ personalId: fc.constantFrom(...PEOPLE) }),
  fc.record({ phone: fc.constant('0912345678') }),
  fc.record({ code: fc.constantFrom('-R', '-1', 'r') }),
  fc.record({ code: fc.constant('-R'), name: fc.constantFrom(...NAME_TERMS) }),
);

let template = '';
let batch = 0;

/** Replaces the dossiers of earlier runs by `rows`, copies of one received dossier with their own scope, time, name and person. */
async function seed(rows: readonly RandomDossier[]): Promise<void> {
  if (!template) template = (await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '087090008999' }))).code;
  await sql`DELETE FROM dossiers WHERE code LIKE '%-R%'`.execute(t.db);
  const points = [w.servicePoint.id, w.otherServicePoint.id, w.actors.communeClerk.scope.kind === 'servicePoint' ? w.actors.communeClerk.scope.servicePointId : 0, null];
  const agencies = [w.centre.id, w.communeAgency.id];
  const competent = [{ id: w.communeAgency.id, path: w.commune.path }, { id: w.otherAgency.id, path: w.otherCommune.path }];
  batch += 1;
  for (const [i, r] of rows.entries()) {
    const at = AT[r.at] ?? null;
    const c = competent[r.competentAgency] ?? competent[0];
    await sql`INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_phone,
        personal_id, receiving_service_point_id, receiving_agency_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at,
        received_at, due_at, last_hash)
      SELECT code || ${`-R${batch}-${i}`}, code_format, province_code, procedure_id, procedure_code, applicant_id, ${NAMES[r.name] ?? ''}, applicant_phone,
        ${PEOPLE[r.person] ?? ''}, ${points[r.point] ?? null}, ${agencies[r.receivingAgency] ?? null}, ${c?.id ?? null}, ${c?.path ?? ''},
        ${r.point === 3 ? 'online' : 'counter'}, ${at === null ? 'submitted' : 'received'}, sync_code, submitted_at, ${at}, due_at, last_hash
      FROM dossiers WHERE code = ${template}`.execute(t.db);
  }
}

/** The plain query: the scope's OR and the filters, in the search order. */
async function plainSearch(actor: Actor, f: SearchFilters): Promise<string[]> {
  const scoped = await scopedActor(t.db, actor);
  let q = t.db.selectFrom('dossiers as d').where(scopeWhere(scoped));
  if (f.name) q = q.where(sql<boolean>`d.applicant_name_key LIKE '%' || search_key(${f.name}) || '%'`);
  if (f.personalId) q = q.where('d.personal_id', '=', f.personalId);
  if (f.phone) q = q.where('d.applicant_phone', '=', f.phone);
  if (f.code) q = q.where('d.code', 'like', `%${f.code.toUpperCase()}%`);
  if (f.from) q = q.where('d.received_at', '>=', sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to) q = q.where('d.received_at', '<', sql<Date>`((${f.to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  return (await q.select('d.code').orderBy('d.received_at', 'desc').orderBy('d.id', 'desc').execute()).map((r) => r.code);
}

/** Every page of the search, following `next`; the count of the first page. */
async function walk(actor: Actor, f: SearchFilters, limit: number): Promise<{ codes: string[]; total: number }> {
  const codes: string[] = [];
  let after: string | undefined;
  let total = -1;
  for (let i = 0; i < 200; i++) {
    const page = await searchDossiers(w.ctx(actor), { ...f, limit, ...(after ? { after } : {}) });
    if (total < 0) total = page.total;
    codes.push(...page.items.map((d) => d.code));
    if (!page.next) return { codes, total };
    after = page.next;
  }
  throw new Error('no last page');
}

const ROLES = ['clerk', 'communeClerk', 'otherClerk', 'officer', 'otherOfficer', 'supervisor', 'admin'] as const;

describe('search: a scope in parts (UNION ALL) finds what the scope\'s OR finds', () => {
  it('a clerk\'s scope has two parts, the service point and its agency\'s online dossiers; the others one', async () => {
    expect(scopeBranches(await scopedActor(t.db, w.actors.clerk))).toHaveLength(2);
    for (const role of ['officer', 'supervisor', 'admin', 'citizen'] as const) expect(scopeBranches(await scopedActor(t.db, w.actors[role])), role).toHaveLength(1);
  });

  it('same rows, same order, same count, page after page, for random dossiers, scopes, filters and page sizes', async () => {
    await fc.assert(fc.asyncProperty(fc.array(dossier, { minLength: 0, maxLength: 24 }), fc.constantFrom(...ROLES), filters, fc.integer({ min: 1, max: 7 }), async (rows, role, f, limit) => {
      await seed(rows);
      const expected = await plainSearch(w.actors[role], f);
      const { codes, total } = await walk(w.actors[role], f, limit);
      expect(codes).toEqual(expected);
      expect(total).toBe(expected.length);
      // an offset page cuts the same list
      const byOffset = await searchDossiers(w.ctx(w.actors[role]), { ...f, limit, offset: 2 });
      const all = await searchDossiers(w.ctx(w.actors[role]), { ...f, limit: 200 });
      expect(byOffset.items.map((d) => d.code)).toEqual(all.items.slice(2, 2 + limit).map((d) => d.code));
      expect(all.total).toBe(all.items.length);
    }), { numRuns: 60 });
  });

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
