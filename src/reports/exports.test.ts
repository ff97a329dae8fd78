// Report exports as durable jobs: request → 202 {id} → the pg-boss job (sent at the request) →
// poll progress → the file; a PDF with the periodic report's title; scope of who may read it; an
// export left 'running' by a dead process (stale heartbeat) or 'queued' is picked up again.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor';
import { monthsOf, REPORT_EXPORTS_JOB, runOneExport } from './exports';
import { PERIODIC_REPORT_TITLE } from './pdf';
import { simulatedReportsApp } from './simulated-app.test-helper';
import { unitActor } from '../../test/http';

const actors: Record<string, Actor> = {
  province: unitActor('supervisor', 1, '/87/'),
  district: unitActor('supervisor', 2, '/87/866/'),
  district2: unitActor('supervisor', 4, '/87/867/'),
};

const sim = simulatedReportsApp({ seed: 3, dossiers: 400, actors, exportJobs: true });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  sim.app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function waitDone(id: string, who: string): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < 300; i++) {
    const s = (await call('GET', `/api/v1/reports/exports/${id}`, who)).json();
    seen.push(s.progress);
    if (s.status === 'done' || s.status === 'failed') {
      expect(s.status).toBe('done');
      return seen;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('export did not finish');
}

describe('report exports', () => {
  it('periodic PDF: 202 with an id, progress up to 100, an A4 PDF titled as the periodic report', async () => {
    const res = await call('POST', '/api/v1/reports/exports', 'district', { kind: 'periodic-pdf', from: '2018-08-01', to: '2022-08-11' });
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const seen = await waitDone(id, 'district');
    expect(seen[seen.length - 1]).toBe(100);
    expect(seen.every((p, i) => i === 0 || p >= (seen[i - 1] ?? 0))).toBe(true);
    const file = await call('GET', `/api/v1/reports/exports/${id}/file`, 'district');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(file.rawPayload);
    expect(pdf.getTitle()).toContain(PERIODIC_REPORT_TITLE);
    expect(pdf.getTitle()).toContain('01/08/2018');
    const [w, h] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
    expect(Math.round(w)).toBe(595);
    expect(Math.round(h)).toBe(842);
    expect(pdf.getPageCount()).toBeGreaterThan(1); // 49 months and the indicators
  }, 60_000);

  it('who may read it: the requester and a supervisor whose scope covers it; not another district', async () => {
    const { id } = (await call('POST', '/api/v1/reports/exports', 'district', { kind: 'breakdown-xlsx', from: '2021-01-01', to: '2021-12-31' })).json();
    await waitDone(id, 'district');
    expect((await call('GET', `/api/v1/reports/exports/${id}`, 'province')).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/reports/exports/${id}`, 'district2')).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/reports/exports/${id}/file`, 'district2')).statusCode).toBe(404);
    const file = await call('GET', `/api/v1/reports/exports/${id}/file`, 'province');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Theo đơn vị', 'Theo cấp', 'Theo cơ quan', 'Theo kênh', 'Theo thủ tục']);
    expect(wb.worksheets[0]?.getRow(5).getCell(1).value).toBe('866');
    // a unit outside the requester's scope cannot be asked for
    expect((await call('POST', '/api/v1/reports/exports', 'district', { kind: 'periodic-pdf', from: '2021-01-01', to: '2021-12-31', unit: '867' })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/reports/exports', 'district', { kind: 'periodic-pdf', from: '2021-12-31', to: '2021-01-01' })).statusCode).toBe(400);
  }, 60_000);

  it('an export a dead process left running (stale heartbeat) or queued is picked up again', async () => {
    const params = { from: '2021-01-01', to: '2021-03-31', asOf: 'was', actor: actors.province };
    const rows = await sql<{ id: string }>`
      INSERT INTO report_exports (requested_by, scope_path, kind, params, status, progress, heartbeat_at, attempts)
      VALUES (1, '/87/', 'periodic-pdf', ${JSON.stringify(params)}::jsonb, 'running', 40, now() - interval '10 minutes', 1),
             (1, '/87/', 'periodic-pdf', ${JSON.stringify(params)}::jsonb, 'running', 40, now(), 1)
      RETURNING id`.execute(sim.t.db);
    const [stale, alive] = rows.rows.map((r) => r.id);
    await sim.jobs?.send(REPORT_EXPORTS_JOB); // the job's next tick (its cron runs every minute)
    await waitDone(String(stale), 'province');
    const still = (await call('GET', `/api/v1/reports/exports/${alive}`, 'province')).json();
    expect(still).toMatchObject({ status: 'running', progress: 40 }); // a live worker's export is left alone
    expect(await runOneExport(sim.t.db, sim.clock)).toBe(false);
  }, 60_000);

  it('months of a period are clipped to it', () => {
    expect(monthsOf('2021-01-15', '2021-03-10')).toEqual([
      { month: '2021-01', from: '2021-01-15', to: '2021-01-31' },
      { month: '2021-02', from: '2021-02-01', to: '2021-02-28' },
      { month: '2021-03', from: '2021-03-01', to: '2021-03-10' },
    ]);
  });
});
