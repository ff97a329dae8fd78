import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { HttpApp } from '../platform/http/server';
import { createTestApp, closeAll, expectError } from '../../test/http';
import { LEDGER_SHEET_NAME } from './ledger-xlsx';
import { registerFormsRoutes } from './routes';
import { buildScenario, type Scenario } from './scenario.test-helper';

let t: TestDatabase;
let s: Scenario;
let app: HttpApp;

beforeAll(async () => {
  t = await createTestDatabase();
  s = await buildScenario(t.db);
  app = await createTestApp((who) => (who in s.w.actors ? s.w.actors[who as Who] : null),
    (a) => registerFormsRoutes(a, { db: t.db, clock: s.w.clock, publicUrl: 'https://motcua.example.vn' }));
});
afterAll(() => closeAll(app, t));

type Who = keyof Scenario['w']['actors'];
const get = (url: string, who: Who | null) => app.inject({ method: 'GET', url, headers: who ? { 'x-test-actor': who } : {} });

const A5 = { width: 419.53, height: 595.28 };

describe('GET /api/v1/dossiers/{code}/slips/{kind}.pdf', () => {
  const cases: [string, keyof Scenario, Who, string][] = [
    ['receipt', 'received', 'clerk', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả'],
    ['supplement', 'supplement', 'officer', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ'],
    ['refusal', 'refused', 'communeClerk', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ'],
    ['refusal', 'rejected', 'approver', 'Phiếu từ chối giải quyết hồ sơ'],
    ['apology', 'apologized', 'approver', 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết'],
    ['stop', 'stopped', 'clerk', 'Thông báo dừng giải quyết hồ sơ'],
    ['control', 'returned', 'clerk', 'Phiếu kiểm soát quá trình giải quyết hồ sơ'],
  ];
  it.each(cases)('renders the %s slip of the %s dossier as an A5 PDF', async (kind, dossier, who, title) => {
    const code = s[dossier] as string;
    const res = await get(`/api/v1/dossiers/${code}/slips/${kind}.pdf`, who);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${code}-${kind}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(res.rawPayload, { updateMetadata: false });
    for (const page of doc.getPages()) {
      expect(Math.abs(page.getWidth() - A5.width)).toBeLessThan(1);
      expect(Math.abs(page.getHeight() - A5.height)).toBeLessThan(1);
    }
    expect(doc.getTitle()).toBe(`${title} – ${code}`);
  });

  it('answers 409 SLIP_NOT_AVAILABLE in Vietnamese when the dossier has no such event', async () => {
    for (const kind of ['supplement', 'refusal', 'apology', 'stop', 'control']) {
      const res = await get(`/api/v1/dossiers/${s.received}/slips/${kind}.pdf`, 'clerk');
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('SLIP_NOT_AVAILABLE');
      expect(res.json().error.message).toMatch(/Hồ sơ/);
    }
    expect((await get(`/api/v1/dossiers/${s.refused}/slips/receipt.pdf`, 'communeClerk')).statusCode).toBe(409); // never received
  });

  it('answers 404 outside the scope, as for an unknown code, and 401 without a session', async () => {
    const outside = await get(`/api/v1/dossiers/${s.received}/slips/receipt.pdf`, 'otherClerk');
    const unknown = await get('/api/v1/dossiers/000.00.30.H20-260302-9999/slips/receipt.pdf', 'clerk');
    expect(outside.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(outside.json().error.code).toBe(unknown.json().error.code);
    expect((await get(`/api/v1/dossiers/${s.rejected}/slips/refusal.pdf`, 'otherOfficer')).statusCode).toBe(404);
    expect((await get(`/api/v1/dossiers/${s.received}/slips/receipt.pdf`, null)).statusCode).toBe(401);
  });

  it('answers 400 to an unknown slip kind', async () => {
    expect((await get(`/api/v1/dossiers/${s.received}/slips/other.pdf`, 'clerk')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/ledger.pdf and .xlsx', () => {
  it('downloads the ledger as an A4 landscape PDF', async () => {
    const res = await get('/api/v1/ledger.pdf?from=2026-03-01&to=2026-03-31', 'clerk');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="so-theo-doi-ho-so-2026-03-01-2026-03-31.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(res.rawPayload, { updateMetadata: false });
    const first = doc.getPages()[0];
    expect(first && first.getWidth() > first.getHeight()).toBe(true);
  });

  it('downloads the ledger as XLSX holding the received dossiers of the scope', async () => {
    const res = await get('/api/v1/ledger.xlsx?from=2026-03-01&to=2026-03-31', 'supervisor');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(LEDGER_SHEET_NAME);
    const values: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => { values.push(String(cell.value)); }));
    expect(values).toContain(s.returned);
    expect(values).toContain(s.received);
    expect(values).not.toContain(s.refused);
  });

  it('refuses a period over 366 days (400), bad dates (400), citizens (403) and anonymous callers (401)', async () => {
    expectError(await get('/api/v1/ledger.xlsx?from=2025-01-01&to=2026-01-02', 'clerk'), 400, 'PERIOD_TOO_LONG');
    expect((await get('/api/v1/ledger.pdf?from=2026-13-01&to=2026-03-31', 'clerk')).statusCode).toBe(400);
    expect((await get('/api/v1/ledger.pdf?from=2026-03-01', 'clerk')).statusCode).toBe(400);
    expect((await get('/api/v1/ledger.pdf?from=2026-03-01&to=2026-03-31', 'citizen')).statusCode).toBe(403);
    expect((await get('/api/v1/ledger.pdf?from=2026-03-01&to=2026-03-31', null)).statusCode).toBe(401);
  });
});
