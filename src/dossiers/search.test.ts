// Search at scale (issue 16 §2): keyset pages after a cursor and the capped count, through the
// service and the HTTP route.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { receiveDossier } from './service';
import { SEARCH_COUNT_CAP, searchDossiers } from './search';
import { registerDossierRoutes } from './routes';
import { useWorldApp } from './world.test-helper';

const { t, w, app } = useWorldApp((a, t, w) => registerDossierRoutes(a, { db: t.db, clock: w.clock, hooks: [] }));

/** `n` copies of the dossier `code` (search reads only the dossiers table), received `step` seconds apart, older; `receivedAt` null: not received yet. */
let batch = 0;
async function copiesOf(code: string, n: number, opts: { step?: number; notReceived?: boolean } = {}): Promise<void> {
  const step = opts.step ?? 1;
  const tag = `${opts.notReceived ? 'N' : 'X'}${++batch}-`;
  await sql`INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_phone,
      personal_id, receiving_service_point_id, receiving_agency_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at,
      received_at, due_at, last_hash)
    SELECT code || ${tag} || g, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_phone,
      personal_id, receiving_service_point_id, receiving_agency_id, competent_agency_id, unit_path, channel,
      ${opts.notReceived ? 'submitted' : sql`status`}, sync_code, submitted_at,
      ${opts.notReceived ? sql`NULL` : sql`received_at - g * ${step} * interval '1 second'`}, due_at, last_hash
    FROM dossiers, generate_series(1, ${n}) AS g WHERE code = ${code}`.execute(t.db);
}

/** One dossier of `personalId` received by the clerk at 09:00 on `day`; its code. */
async function receivedOn(day: string, personalId: string): Promise<string> {
  w.clock.set(new Date(`${day}T09:00:00+07:00`));
  return (await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId }))).code;
}

/** Every page of a search, following `next`. */
async function walk(personalId: string, limit: number): Promise<string[]> {
  const codes: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await searchDossiers(w.ctx(w.actors.admin), { personalId, limit, ...(after ? { after } : {}) });
    codes.push(...page.items.map((d) => d.code));
    if (!page.next) return codes;
    after = page.next;
  }
  throw new Error('no last page');
}

describe('search: keyset pages', () => {
  it('follows the cursor through every match once, in the order of the first page, equal ties broken by id', async () => {
    const personalId = '087090007001';
    const code = await receivedOn('2026-03-02', personalId);
    await copiesOf(code, 30, { step: 60 });
    await copiesOf(code, 12, { step: 0 }); // twelve received at the very same instant as the original
    await copiesOf(code, 5, { notReceived: true }); // online, not yet received: first
    const all = (await searchDossiers(w.ctx(w.actors.admin), { personalId, limit: 200 })).items.map((d) => d.code);
    expect(all).toHaveLength(48);
    expect(all.slice(0, 5).every((c) => c.includes('N'))).toBe(true);
    const walked = await walk(personalId, 7);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(48);
    // the same pages by offset
    const byOffset = await searchDossiers(w.ctx(w.actors.admin), { personalId, limit: 7, offset: 21 });
    expect(byOffset.items.map((d) => d.code)).toEqual(all.slice(21, 28));
  });

  it('gives no cursor on the last page and counts every match on every page', async () => {
    const personalId = '087090007002';
    const code = await receivedOn('2026-03-03', personalId);
    await copiesOf(code, 3);
    const first = await searchDossiers(w.ctx(w.actors.admin), { personalId, limit: 3 });
    expect(first).toMatchObject({ total: 4, totalIsLowerBound: false });
    expect(first.next).not.toBeNull();
    const second = await searchDossiers(w.ctx(w.actors.admin), { personalId, limit: 3, after: first.next ?? '' });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.code).toMatch(/X\d+-3$/);
    expect(second).toMatchObject({ total: 4, next: null });
    const exactly = await searchDossiers(w.ctx(w.actors.admin), { personalId, limit: 4 });
    expect(exactly.next).toBeNull();
  });

  it('keeps the scope on deep pages: another service point\'s clerk sees nothing after any cursor', async () => {
    const personalId = '087090007003';
    const code = await receivedOn('2026-03-04', personalId);
    await copiesOf(code, 4);
    const first = await searchDossiers(w.ctx(w.actors.clerk), { personalId, limit: 2 });
    expect(first.items).toHaveLength(2);
    const other = await searchDossiers(w.ctx(w.actors.otherClerk), { personalId, limit: 2, after: first.next ?? '' });
    expect(other).toMatchObject({ items: [], total: 0, next: null });
  });

  it(`says "more than ${SEARCH_COUNT_CAP.toLocaleString('vi')}" and stops counting there`, async () => {
    expect(SEARCH_COUNT_CAP).toBe(1000);
    const personalId = '087090007004';
    const code = await receivedOn('2026-03-05', personalId);
    await copiesOf(code, SEARCH_COUNT_CAP - 1);
    expect(await searchDossiers(w.ctx(w.actors.admin), { personalId, limit: 1 })).toMatchObject({ total: 1000, totalIsLowerBound: false });
    await copiesOf(code, 1, { notReceived: true });
    expect(await searchDossiers(w.ctx(w.actors.admin), { personalId, limit: 1 })).toMatchObject({ total: 1000, totalIsLowerBound: true });
  });

  it('a part of a code that more than the cap match: "more than 1.000", the page and the next ones by the ordered walk', async () => {
    const code = await receivedOn('2026-03-06', '087090007005');
    await copiesOf(code, SEARCH_COUNT_CAP + 1, { step: 60 });
    // the copies' codes start with `code` + the copy's tag: a start shared by 1,001 dossiers (the original does not have it)
    const start = `${code}X${batch}-`;
    const first = await searchDossiers(w.ctx(w.actors.admin), { code: start, limit: 3 });
    expect(first).toMatchObject({ total: 1000, totalIsLowerBound: true });
    expect(first.items.map((d) => d.code)).toEqual([`${start}1`, `${start}2`, `${start}3`]);
    const second = await searchDossiers(w.ctx(w.actors.admin), { code: start, limit: 3, after: first.next ?? '' });
    expect(second.items.map((d) => d.code)).toEqual([`${start}4`, `${start}5`, `${start}6`]);
    expect((await searchDossiers(w.ctx(w.actors.admin), { code: start, limit: 2, offset: 4 })).items.map((d) => d.code)).toEqual([`${start}5`, `${start}6`]);
    // another scope sees none of them, and says so
    expect(await searchDossiers(w.ctx(w.actors.otherClerk), { code: start, limit: 3 })).toMatchObject({ items: [], total: 0, totalIsLowerBound: false, next: null });
  });

  it('answers a cursor it did not write with 400 CURSOR_INVALID and a Vietnamese message', async () => {
    for (const after of ['abc', '-:0', '12:x', '1:2:3']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/dossiers?name=an&after=${encodeURIComponent(after)}`, headers: { 'x-test-actor': 'admin' } });
      expect(res.statusCode, after).toBe(400);
    }
    await expect(searchDossiers(w.ctx(w.actors.admin), { name: 'an', after: '1:2:3' })).rejects.toMatchObject({ kind: 'ValidationFailed', code: 'CURSOR_INVALID', message: 'Con trỏ trang không hợp lệ.' });
    const ok = await app.inject({ method: 'GET', url: '/api/v1/dossiers?name=an&limit=1', headers: { 'x-test-actor': 'admin' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toHaveProperty('next');
  });
});

describe('search: the stored name key (migration 0170)', () => {
  it('follows the name whatever writes the row, and is found with or without diacritics', async () => {
    const personalId = '087090007005';
    w.clock.set(new Date('2026-03-06T09:00:00+07:00'));
    const { code } = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId, name: 'Huỳnh Thị Ngọc Đào' }));
    const key = async () => (await sql<{ k: string }>`SELECT applicant_name_key AS k FROM dossiers WHERE code = ${code}`.execute(t.db)).rows[0]?.k;
    expect(await key()).toBe('huynh thi ngoc dao');
    for (const name of ['ngoc dao', 'Ngọc Đào', 'HUYNH THI']) {
      expect((await searchDossiers(w.ctx(w.actors.admin), { name, personalId })).items.map((d) => d.code), name).toEqual([code]);
    }
    // an update that even writes a stale key gets the key of the new name
    await sql`UPDATE dossiers SET applicant_name = 'Đặng Văn Ước', applicant_name_key = 'stale' WHERE code = ${code}`.execute(t.db);
    expect(await key()).toBe('dang van uoc');
    expect((await searchDossiers(w.ctx(w.actors.admin), { name: 'van uoc', personalId })).total).toBe(1);
    expect((await searchDossiers(w.ctx(w.actors.admin), { name: 'ngoc dao', personalId })).total).toBe(0);
  });
});
