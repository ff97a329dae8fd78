import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Role } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { createTestApp, countryActor, closeAll } from '../../test/http';
import { durationOf } from './national';
import { registerCatalogRoutes } from './routes';
import { seedCatalog } from './seed';
import { getProcedure, searchProcedures } from './service';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2025-09-15T02:00:00Z'));
let seeded: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  t = await createTestDatabase();
  seeded = await seedCatalog(t.db, clock);
  app = await createTestApp((role) => countryActor(role as Role, 7), (a) => registerCatalogRoutes(a, { db: t.db, clock, rateLimit: 600 }));
});
afterAll(() => closeAll(app, t));

const procedureRow = (o: Record<string, unknown> = {}) => ({
  code: '9.000001', name: 'Thủ tục thử nghiệm', field: 'Thử nghiệm', competentLevel: 'commune',
  competentAgency: 'Ủy ban nhân dân cấp xã', durationValue: 3, durationUnit: 'working_days', onlineLevel: 'partial',
  postalAllowed: true, resultType: 'paper', effectiveFrom: '2025-08-01',
  requiredPapers: [{ key: 'donxin', name: 'Đơn đề nghị', originals: 1, copies: 0 }],
  fees: [{ name: 'Lệ phí', amountVnd: 10000, note: null }],
  steps: [{ key: 'a', name: 'Thẩm định', role: 'officer', share: 0.7 }, { key: 'b', name: 'Ký', role: 'approver', share: 0.3 }],
  ...o,
});
const importAs = (role: Role | null, body: unknown) => app.inject({
  method: 'POST', url: '/api/v1/admin/catalog/import', headers: role ? { 'x-test-role': role } : {}, payload: body as object,
});

describe('seedCatalog', () => {
  it('loads the 31 real procedures, 6 of them incomplete with documented defaults', () => {
    expect(seeded).toEqual({ procedures: 31, inserted: 31, withDefaults: 6 });
  });

  it('records every default it applied instead of guessing', async () => {
    const p = await getProcedure(t.db, '1.001612', '2025-09-15');
    expect(p).toMatchObject({ durationValue: 5, durationUnit: 'working_days', requiredPapers: [] });
    expect(p?.defaultsApplied.map((d) => d.field)).toEqual(expect.arrayContaining(['durationValue', 'durationUnit', 'requiredPapers', 'fees']));
  });

  it('maps durations: the per-case unit when the channel unit is "OTHER"', async () => {
    expect(await getProcedure(t.db, '1.001193', '2025-09-15')).toMatchObject({ durationValue: 1, durationUnit: 'working_days', cutoff: '15:00' });
    expect(durationOf({ processing_time: [{ channel: 'Trực tiếp', value: 3, unit: null, unit_raw: 'OTHER' }], processing_time_cases: [] }))
      .toMatchObject({ value: 3, unit: 'working_days', defaults: [expect.objectContaining({ field: 'durationUnit' })] });
  });

  it('is idempotent', async () => {
    expect(await seedCatalog(t.db, clock)).toEqual({ procedures: 31, inserted: 0, withDefaults: 6 });
  });
});

describe('searchProcedures', () => {
  it('finds without diacritics', async () => {
    const codes = (await searchProcedures(t.db, 'giay khai sinh', '2025-09-15')).items.map((p) => p.code);
    expect(codes).toContain('1.001193');
    // what the citizen wants first: the procedure whose result is a birth certificate, not a copy of one
    expect(codes[0]).toBe('1.001193');
    expect(codes.indexOf('2.000635')).toBeGreaterThan(codes.indexOf('1.004884'));
    expect((await searchProcedures(t.db, 'dang ky ket hon', '2025-09-15')).items[0]?.name).toBe('Thủ tục đăng ký kết hôn');
    expect((await searchProcedures(t.db, 'dang ky KHAI SINH', '2025-09-15')).items[0]?.name).toBe('Thủ tục đăng ký khai sinh');
    expect((await searchProcedures(t.db, 'tạm trú', '2025-09-15')).items.map((p) => p.code)).toEqual(expect.arrayContaining(['1.004194', '1.002755']));
  });

  it('filters by level and field, and sees nothing before the catalogue starts', async () => {
    const province = await searchProcedures(t.db, null, '2025-09-15', { level: 'province' });
    expect(province.items.every((p) => p.competentLevel === 'province')).toBe(true);
    expect((await searchProcedures(t.db, null, '2025-09-15', { field: 'ho tich' })).total).toBe(10);
    expect((await searchProcedures(t.db, null, '2025-06-30')).total).toBe(0);
  });
});

describe('catalogue routes', () => {
  it('lets anyone browse without logging in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/procedures?q=chung%20thuc' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['2.000815', '2.000884']));
    const one = await app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193.000.00.00.H20' });
    expect(one.json()).toMatchObject({ code: '1.001193', version: 1, requiredPapers: expect.any(Array), eformSchema: { type: 'object' } });
  });

  it('answers 404 before the first version and 400 for a bad date', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193?onDate=2025-01-01' })).statusCode).toBe(404);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/procedures?onDate=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
  });

  it('refuses the import without login (401) and for non-admins (403)', async () => {
    const body = { format: 'json', content: JSON.stringify([procedureRow()]) };
    expect((await importAs(null, body)).statusCode).toBe(401);
    expect((await importAs('officer', body)).statusCode).toBe(403);
  });

  it('names row and field of every problem and writes nothing', async () => {
    const content = JSON.stringify([
      procedureRow({ code: '9.000002' }),
      procedureRow({ code: '9.000003', durationUnit: 'weeks', effectiveFrom: '2025-13-01',
        steps: [{ key: 'a', name: 'Thẩm định', role: 'officer', share: 0.5 }] }),
    ]);
    const res = await importAs('admin', { format: 'json', content });
    expect(res.statusCode).toBe(400);
    const messages: string[] = res.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Dòng 2, cột "durationUnit"/),
      'Dòng 2, cột "effectiveFrom": ngày không hợp lệ ("2025-13-01"; cần YYYY-MM-DD)',
      'Dòng 2, cột "steps": tổng tỷ lệ các bước phải bằng 1 (đang là 0.5)',
    ]));
    expect(await getProcedure(t.db, '9.000002', '2025-09-15')).toBeNull();
  });

  it('imports a new version that closes the previous one; history stays readable by date', async () => {
    const res = await importAs('admin', { format: 'json', content: JSON.stringify([
      procedureRow({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', durationValue: 2, effectiveFrom: '2025-10-01' }),
    ]) });
    expect(res.json()).toMatchObject({ dryRun: false, rows: 1, inserted: 1, closed: 1 });
    expect(await getProcedure(t.db, '1.001193', '2025-09-30')).toMatchObject({ version: 1, durationValue: 1, effectiveTo: '2025-10-01' });
    expect(await getProcedure(t.db, '1.001193', '2025-10-01')).toMatchObject({ version: 2, durationValue: 2, effectiveTo: null });
    const again = await importAs('admin', { format: 'json', content: JSON.stringify([procedureRow({ code: '1.001193', effectiveFrom: '2025-10-01' })]) });
    expect(again.json().error.details[0].message).toMatch(/^Dòng 1, cột "effectiveFrom": thủ tục 1.001193 đã có phiên bản/);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'catalog.import').execute();
    expect(audit).toHaveLength(1);
  });

  it('imports an XLSX sheet whose structured cells hold JSON text', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('procedures');
    const row = procedureRow({ code: '9.000010', name: 'Cấp giấy xác nhận thử', effectiveFrom: '2025-09-01' });
    const columns = Object.keys(row);
    sheet.addRow(columns);
    sheet.addRow(columns.map((c) => {
      const v = (row as Record<string, unknown>)[c];
      return typeof v === 'object' ? JSON.stringify(v) : v;
    }));
    const bad = { ...row, code: '9.000011', durationValue: 'ba' };
    sheet.addRow(columns.map((c) => {
      const v = (bad as Record<string, unknown>)[c];
      return typeof v === 'object' ? JSON.stringify(v) : v;
    }));
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const refused = await importAs('admin', { format: 'xlsx', content });
    expect(refused.statusCode).toBe(400);
    // the sheet's own row number: row 1 is the header, the bad procedure is on row 3
    expect(refused.json().error.details[0].message).toBe('Dòng 3, cột "durationValue": số không hợp lệ ("ba")');
    sheet.spliceRows(3, 1);
    const ok = await importAs('admin', { format: 'xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(ok.json()).toMatchObject({ rows: 1, inserted: 1, closed: 0, versions: [{ row: 2, code: '9.000010', kind: 'new', version: 1 }] });
    expect(await getProcedure(t.db, '9.000010', '2025-09-15')).toMatchObject({
      name: 'Cấp giấy xác nhận thử', postalAllowed: true, steps: [expect.objectContaining({ role: 'officer', share: 0.7 }), expect.anything()],
    });
  });
});
