// The catalogue import: CSV/XLSX/JSON rows read with the row and column of every problem named
// in Vietnamese, a dry run that shows what would change and writes nothing, then the import.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { countryActor } from '../../test/http';
import { FixedClock } from '../platform/clock';
import { quoteFees } from './fees';
import { importCatalog } from './import';
import { seedCatalog } from './seed';
import { getProcedure } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-12-07T02:00:00Z'));
const ctx = () => ({ db: t.db, clock, actor: countryActor('admin', 1) });

beforeAll(async () => {
  t = await createTestDatabase();
  await seedCatalog(t.db, clock);
});
afterAll(() => t.close());

const header = 'code,name,field,competentLevel,competentAgency,durationValue,durationUnit,onlineLevel,postalAllowed,resultType,effectiveFrom,fees';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const thuongTru = (fees: unknown, effectiveFrom = '2027-01-01') => [
  '1.004222', q('Đăng ký thường trú'), q('Đăng ký, quản lý cư trú'), 'commune', q('Công an cấp xã'), '7', 'working_days', 'partial', 'có', 'paper', effectiveFrom, q(JSON.stringify(fees)),
].join(',');
const cheaperOnline = [
  { name: 'Lệ phí đăng ký thường trú', amountVnd: 5000, note: null, channels: ['online'] },
  { name: 'Lệ phí đăng ký thường trú', amountVnd: 20000, note: null, channels: ['counter'] },
];
const auditCount = async () => (await t.db.selectFrom('audit_log').select('id').where('entity', 'in', ['procedure', 'procedures']).execute()).length;

describe('a bad import', () => {
  it('CSV: names the sheet row and the column in Vietnamese, and writes nothing', async () => {
    const csv = [
      header,
      thuongTru(cheaperOnline),
      thuongTru([{ name: 'Lệ phí', amountVnd: '5.000', note: null }], '2027-02-01'),
      ['9.000100', q('Thủ tục mới'), q('Thử'), 'xa', q('UBND'), 'ba', 'working_days', 'partial', 'có', 'paper', '01/01/2027', '[]'].join(','),
    ].join('\r\n');
    const err = await importCatalog(ctx(), { format: 'csv', content: csv }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'IMPORT_INVALID', message: 'Tệp nhập có 4 lỗi; không dòng nào được ghi.' });
    expect((err as { details: { message: string }[] }).details.map((d) => d.message)).toEqual([
      'Dòng 3, cột "fees": mục 1: "amountVnd" phải là số nguyên ≥ 0 hoặc null',
      'Dòng 4, cột "effectiveFrom": ngày không hợp lệ ("01/01/2027"; cần YYYY-MM-DD)',
      'Dòng 4, cột "competentLevel": giá trị "xa" không hợp lệ (cho phép: central, province, district, commune)',
      'Dòng 4, cột "durationValue": số không hợp lệ ("ba")',
    ]);
    expect((await getProcedure(t.db, '1.004222', '2027-01-15'))?.version).toBe(1);
  });

  it('refuses a new version of a procedure dated before today (dossiers received keep theirs), naming the row', async () => {
    const csv = [header, thuongTru(cheaperOnline, '2026-12-01')].join('\n');
    await expect(importCatalog(ctx(), { format: 'csv', content: csv })).rejects.toMatchObject({
      details: [{ message: 'Dòng 2, cột "effectiveFrom": phiên bản mới của thủ tục 1.004222 phải có hiệu lực từ hôm nay (07/12/2026) trở đi: hồ sơ đã nhận giữ phiên bản cũ' }],
    });
  });

  it('XLSX: a file that is not a workbook, and an empty sheet', async () => {
    await expect(importCatalog(ctx(), { format: 'xlsx', content: Buffer.from('not a workbook').toString('base64') }))
      .rejects.toMatchObject({ code: 'IMPORT_UNREADABLE', message: 'Không đọc được tệp: nội dung không phải tệp XLSX hợp lệ (base64).' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('thu-tuc').addRow(header.split(','));
    await expect(importCatalog(ctx(), { format: 'xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') }))
      .rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
  });
});

describe('dry run, then import', () => {
  it('1.004222: the dry run shows the fee change before and after and writes nothing; the import writes it with its audit', async () => {
    const csv = [header, thuongTru(cheaperOnline)].join('\n');
    const audits = await auditCount();
    const preview = await importCatalog(ctx(), { format: 'csv', content: csv, dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, rows: 1, inserted: 1, closed: 1 });
    expect(preview.versions).toHaveLength(1);
    expect(preview.versions[0]).toMatchObject({ row: 2, code: '1.004222', kind: 'version', version: 2, effectiveFrom: '2027-01-01' });
    const fees = preview.versions[0]!.changes.find((c) => c.field === 'fees');
    expect(quoteFees(fees!.before as never, { channel: 'online' }).totalVnd).toBe(10_000);
    expect(quoteFees(fees!.after as never, { channel: 'online' }).totalVnd).toBe(5_000);
    expect(await getProcedure(t.db, '1.004222', '2027-01-15')).toMatchObject({ version: 1, effectiveTo: null });
    expect(await auditCount()).toBe(audits);

    const done = await importCatalog(ctx(), { format: 'csv', content: csv });
    expect(done).toMatchObject({ dryRun: false, inserted: 1, closed: 1 });
    expect(done.versions).toEqual(preview.versions);
    const v2 = await getProcedure(t.db, '1.004222', '2027-01-15');
    expect(v2).toMatchObject({ version: 2, postalAllowed: true });
    expect(quoteFees(v2!.fees, { channel: 'online' }).totalVnd).toBe(5_000);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'procedure').where('entity_key', '=', '1.004222').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'catalog.procedure.version', actor_name: 'admin', payload: { version: 2, source: 'import', reason: 'Nhập tệp CSV, dòng 2' } });
  });
});
