// The administrator's catalogue: list and search, a procedure's versions and history, a new
// version from an edit (never rewriting what a received dossier used), and the routes' refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { closeAll, countryActor, createTestApp } from '../../test/http';
import type { Actor, Role } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { chooseCase } from './cases';
import { editableFields, type ProcedureEdit } from './edit';
import { quoteFees } from './fees';
import { procedureForIntake, procedureRules } from './references';
import { registerCatalogRoutes } from './routes';
import { seedCatalog } from './seed';
import { getProcedure, type ProcedureView } from './service';
import { listProceduresForAdmin, procedureForAdmin, saveProcedureVersion } from './versions';

let t: TestDatabase;
let app: HttpApp;
// 07/12/2026 09:00 in Vietnam
const clock = new FixedClock(new Date('2026-12-07T02:00:00Z'));
const admin = countryActor('admin', 1);
const provinceAdmin: Actor = { ...countryActor('admin', 2), scope: { kind: 'unit', unitId: 82, unitPath: '/82/' } };
const ctx = (actor: Actor | null = admin) => ({ db: t.db, clock, actor });

beforeAll(async () => {
  t = await createTestDatabase();
  await seedCatalog(t.db, clock);
  app = await createTestApp((role) => countryActor(role as Role, 7), (a) => registerCatalogRoutes(a, { db: t.db, clock, rateLimit: 600 }));
});
afterAll(() => closeAll(app, t));

const editOf = (p: ProcedureView, o: Partial<ProcedureEdit> = {}): ProcedureEdit => ({
  ...(Object.fromEntries(editableFields.map((f) => [f, p[f]])) as Pick<ProcedureView, (typeof editableFields)[number]>),
  effectiveFrom: '2027-01-01', reason: 'QĐ 1234/QĐ-UBND ngày 01/12/2026 công bố danh mục', ...o,
});
const current = async (code: string) => {
  const p = await getProcedure(t.db, code, '2026-12-07');
  if (!p) throw new Error(`${code} not seeded`);
  return p;
};
const versionCount = async (code: string) => (await t.db.selectFrom('procedures').select('id').where('code', '=', code).execute()).length;

describe('listing procedures for the administrator', () => {
  it('finds with or without diacritics, and by the start of the code', async () => {
    const plain = await listProceduresForAdmin(ctx(), 'chung thuc ban sao');
    const marked = await listProceduresForAdmin(ctx(), 'chứng thực bản sao');
    expect(plain.items.map((p) => p.code)).toContain('2.000815');
    expect(marked.items.map((p) => p.code)).toEqual(plain.items.map((p) => p.code));
    expect((await listProceduresForAdmin(ctx(), '1.00422')).items.map((p) => p.code)).toEqual(['1.004222']);
    const all = await listProceduresForAdmin(ctx(), null);
    expect(all.total).toBe(31);
    expect(all.items[0]).toMatchObject({ version: 1, effectiveFrom: '2025-07-01', scheduled: false, versions: 1 });
  });

  it('is for system administrators only', async () => {
    await expect(listProceduresForAdmin(ctx(countryActor('officer')), null)).rejects.toMatchObject({ kind: 'Forbidden' });
    await expect(listProceduresForAdmin(ctx(provinceAdmin), null)).rejects.toMatchObject({ code: 'SYSTEM_ADMIN_ONLY' });
  });
});

describe('saving a new version', () => {
  it('1.004222: online fee 10.000 → 5.000 đ from 01/01/2027; 31/12/2026 still reads version 1, the audit has before and after', async () => {
    const v1 = await current('1.004222');
    expect(quoteFees(v1.fees, { channel: 'online' }).totalVnd).toBe(10_000);
    const fees = v1.fees.map((f) => (f.channels?.includes('online') ? { ...f, amountVnd: 5_000 } : f));
    const saved = await saveProcedureVersion(ctx(), '1.004222', editOf(v1, { fees }));
    expect(saved).toMatchObject({ version: 2, effectiveFrom: '2027-01-01', effectiveTo: null });

    const before = await getProcedure(t.db, '1.004222', '2026-12-31');
    const after = await getProcedure(t.db, '1.004222', '2027-01-01');
    expect(before).toMatchObject({ version: 1, effectiveTo: '2027-01-01' });
    expect(quoteFees(before!.fees, { channel: 'online' }).totalVnd).toBe(10_000);
    expect(quoteFees(after!.fees, { channel: 'online' }).totalVnd).toBe(5_000);
    expect(quoteFees(after!.fees, { channel: 'counter' }).totalVnd).toBe(20_000);

    const view = await procedureForAdmin(ctx(), '1.004222');
    expect(view.versions.map((v) => [v.version, v.effectiveFrom, v.effectiveTo])).toEqual([[2, '2027-01-01', null], [1, '2025-07-01', '2027-01-01']]);
    expect(view.inForceVersion).toBe(1);
    expect(view.history).toEqual([{
      at: '2026-12-07T02:00:00.000Z', actorName: 'admin', action: 'catalog.procedure.version', version: 2, effectiveFrom: '2027-01-01',
      reason: 'QĐ 1234/QĐ-UBND ngày 01/12/2026 công bố danh mục', changes: [{ field: 'fees', before: v1.fees, after: fees }],
    }]);
    expect((await listProceduresForAdmin(ctx(), '1.004222')).items[0]).toMatchObject({ version: 2, scheduled: true, versions: 2 });
  });

  it('2.000815: a dossier received under version 1 keeps its same-day cut-off 15:00 when version 2 moves it to 16:00', async () => {
    const v1 = await procedureForIntake(t.db, '2.000815', '2026-12-07');
    const cases = v1.cases.map((c) => (c.durationValue === 0 ? { ...c, cutoff: '16:00' } : c));
    await saveProcedureVersion(ctx(), '2.000815', editOf(v1, { cases, cutoff: '16:00', effectiveFrom: '2026-12-08' }));
    const v2 = await getProcedure(t.db, '2.000815', '2026-12-08');
    expect(chooseCase(v2!, '2.000815.trong-ngay')).toMatchObject({ ok: true, rule: { durationValue: 0, cutoff: '16:00' } });
    expect(await procedureRules(t.db, v1.id)).toMatchObject({ code: '2.000815', durationValue: 0, cutoff: '15:00' });
    expect(chooseCase(v1, '2.000815.trong-ngay')).toMatchObject({ ok: true, rule: { cutoff: '15:00' } });
  });

  it('refuses a same-day case without cut-off, a date in the past and an edit that changes nothing; nothing is written', async () => {
    const p = await current('2.000884');
    const n = await versionCount('2.000884');
    const noCutoff = p.cases.map((c) => (c.durationValue === 0 ? { ...c, cutoff: null } : c));
    await expect(saveProcedureVersion(ctx(), '2.000884', editOf(p, { cases: noCutoff }))).rejects.toMatchObject({
      code: 'PROCEDURE_EDIT_INVALID', details: [expect.objectContaining({ path: 'cases[0].cutoff', message: expect.stringMatching(/^Trường hợp 1 giải quyết trong ngày: cần giờ chốt nhận/) })],
    });
    await expect(saveProcedureVersion(ctx(), '2.000884', editOf(p, { name: 'Tên mới', effectiveFrom: '2026-12-01' }))).rejects.toMatchObject({
      details: [{ path: 'effectiveFrom', message: 'Ngày hiệu lực không được trước hôm nay (07/12/2026): hồ sơ đã nhận giữ phiên bản đã áp dụng' }],
    });
    await expect(saveProcedureVersion(ctx(), '2.000884', editOf(p))).rejects.toMatchObject({ code: 'PROCEDURE_EDIT_UNCHANGED' });
    await expect(saveProcedureVersion(ctx(provinceAdmin), '2.000884', editOf(p, { name: 'Tên mới' }))).rejects.toMatchObject({ code: 'SYSTEM_ADMIN_ONLY' });
    expect(await versionCount('2.000884')).toBe(n);
    expect((await procedureForAdmin(ctx(), '2.000884')).history).toEqual([]);
  });

  it('a documented default the administrator replaces leaves defaultsApplied (1.001612 had no published duration)', async () => {
    const v1 = await current('1.001612');
    expect(v1.defaultsApplied.map((d) => d.field)).toContain('durationValue');
    const saved = await saveProcedureVersion(ctx(), '1.001612', editOf(v1, { durationValue: 3 }));
    expect(saved.defaultsApplied.map((d) => d.field)).not.toContain('durationValue');
  });
});

describe('admin catalogue routes', () => {
  const as = (role: Role | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: role ? { 'x-test-role': role } : {}, ...(payload ? { payload } : {}) });

  it('refuses without login (401) and every role but the administrator (403)', async () => {
    const body = editOf(await current('1.001193'), { name: 'Thủ tục đăng ký khai sinh (sửa)' });
    const calls = [
      ['GET', '/api/v1/admin/catalog/procedures?q=khai%20sinh'],
      ['GET', '/api/v1/admin/catalog/procedures/1.001193'],
      ['POST', '/api/v1/admin/catalog/procedures/1.001193/versions', body],
      ['POST', '/api/v1/admin/catalog/import', { format: 'csv', content: 'code\n1.001193', dryRun: true }],
    ] as const;
    for (const [method, url, payload] of calls) {
      expect((await as(null, method, url, payload)).statusCode).toBe(401);
      for (const role of ['officer', 'clerk', 'supervisor', 'approver', 'citizen'] as const) {
        const res = await as(role, method, url, payload);
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(res.json().error.message).toMatch(/[ạ-ỹđ]/);
      }
    }
    expect(await versionCount('1.001193')).toBe(1);
  });

  it('lists, shows and saves for the administrator; 404 for an unknown code; 400 for a bad edit', async () => {
    const list = await as('admin', 'GET', '/api/v1/admin/catalog/procedures?q=khai%20sinh');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { code: string }) => p.code)).toContain('1.001193');
    expect((await as('admin', 'GET', '/api/v1/admin/catalog/procedures/9.999999')).statusCode).toBe(404);
    const p = await current('1.001193');
    const bad = await as('admin', 'POST', '/api/v1/admin/catalog/procedures/1.001193/versions', editOf(p, { fees: [{ name: 'Lệ phí', amountVnd: -5, note: null }] }));
    expect(bad.statusCode).toBe(400);
    const saved = await as('admin', 'POST', '/api/v1/admin/catalog/procedures/1.001193/versions', editOf(p, { postalAllowed: !p.postalAllowed }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ code: '1.001193', version: 2, effectiveFrom: '2027-01-01' });
    const shown = await as('admin', 'GET', '/api/v1/admin/catalog/procedures/1.001193');
    expect(shown.json()).toMatchObject({ inForceVersion: 1, history: [{ actorName: 'admin', changes: [{ field: 'postalAllowed', before: p.postalAllowed, after: !p.postalAllowed }] }] });
  });
});
