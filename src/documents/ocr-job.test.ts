/**
 * The OCR job on the real database and the real engine (issue 12 acceptance: OCR of a generated
 * Vietnamese scan returns its lines; searching the text without diacritics finds it), then a scan
 * whose bytes are gone: retried with back-off, given up, shown to staff, queued again. One real
 * OCR run for the file (tesseract is slow); the rest never reaches the engine.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_TEXT, fixturePdf, fixturePng } from '../../test/ocr-fixture';
import { receiveDossier } from '../dossiers/service';
import { papersOfFilesInScope } from '../dossiers/paper-search';
import { useWorld, type World } from '../dossiers/world.test-helper';
import { folderFileStore } from '../platform/files/folder-store';
import { storageKeyOf } from '../platform/files/store';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { openFile, storeFile } from './service';
import type { FilesDeps } from './model';
import { characterErrorRate } from './ocr-cer';
import { runOcr, type OcrJobDeps } from './ocr-job';
import { registerOcrRoutes } from './ocr-routes';
import { saveActorAsUser } from '../../test/factories';

const { t, w } = useWorld('2026-12-07T09:30:00+07:00');
type Who = keyof World['actors'];
let app: HttpApp;
let root: string;
let files: FilesDeps;
let job: OcrJobDeps;
let scan: { id: number; sha256: string };
let lost: { id: number; sha256: string };
let dossierCode: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-ocr-'));
  files = { store: folderFileStore(root), maxBytes: 20 * 1024 * 1024, maxPages: 10, readers: [] };
  const clerk = w.actors.clerk;
  await saveActorAsUser(t.db, clerk);
  const ctx = { db: t.db, clock: w.clock, actor: clerk, files };
  scan = await storeFile(ctx, { buffer: await fixturePdf(1), fileName: 'to-khai.pdf' });
  lost = await storeFile(ctx, { buffer: fixturePng(['Giấy chứng sinh']), fileName: 'giay-chung-sinh.png' });
  const dossier = await receiveDossier(w.ctx(clerk), w.intake({
    papers: [{ key: 'p1', source: 'scanned', fileId: scan.id, digitized: true }, { key: 'p2', source: 'scanned', fileId: lost.id, digitized: true }],
  }));
  dossierCode = dossier.code;
  // the second scan's bytes are gone from the store (a disk restored without them)
  await files.store.delete(storageKeyOf(lost.sha256));
  job = {
    // a tick reads every due run however slow a loaded machine reads a page (the default budget is 50 s)
    db: t.db, clock: w.clock, budgetMs: 600_000,
    openScan: async (id) => (await openFile({ db: t.db, clock: w.clock, actor: null, files }, id))?.stream ?? null,
  };
  app = await createHttpServer({
    logger: false, version: 'test',
    resolveActor: async (request) => {
      const who = request.headers['x-test-actor'];
      return typeof who === 'string' && who in w.actors ? w.actors[who as Who] : null;
    },
  });
  registerOcrRoutes(app, { db: t.db, clock: w.clock, locatePapers: papersOfFilesInScope });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await fs.rm(root, { recursive: true, force: true });
});

const get = (who: Who | null, url: string) => app.inject({ method: 'GET', url, headers: who ? { 'x-test-actor': who } : {} });
const retry = (who: Who, id: number) => app.inject({ method: 'POST', url: `/api/v1/documents/ocr/${id}/retry`, headers: { 'x-test-actor': who } });
const search = (who: Who, q: string) => get(who, `/api/v1/documents/search?q=${encodeURIComponent(q)}`);

describe('the OCR job', () => {
  it('reads the stored Vietnamese scan into text per page, and records the unreadable one for a retry', async () => {
    const report = await runOcr(job);
    expect(report).toMatchObject({ queued: 2, done: 1, retried: 1, failed: 0, lost: 0, pages: 1 });
    const pages = await t.db.selectFrom('ocr_pages').selectAll().where('file_id', '=', scan.id).execute();
    expect(pages.map((p) => p.page_number)).toEqual([1]);
    expect(characterErrorRate(FIXTURE_TEXT, pages[0]?.text ?? '').rate).toBeLessThan(0.02);
    // nothing is due until the back-off has passed: a second tick reads nothing
    expect(await runOcr(job)).toMatchObject({ queued: 0, done: 0, retried: 0, failed: 0 });
  }, 180_000);

  it('finds the scan by its text without diacritics, for staff of the dossier only', async () => {
    const res = await search('clerk', 'nguyen thi huong');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      items: [{ fileId: scan.id, pageNumber: 1, snippet: 'Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Hường', papers: [expect.objectContaining({ dossierCode })] }],
      truncated: false,
    });
    // with diacritics, in any case, any order of words
    expect((await search('officer', 'HƯỜNG Nguyễn')).json().items).toHaveLength(1);
    expect((await search('supervisor', '087301004512')).json().items).toHaveLength(1);
    expect((await search('clerk', 'nguyen van an')).json().items).toEqual([]);
    // another service point's clerk, another agency's officer: as if it did not exist
    for (const who of ['otherClerk', 'otherOfficer', 'otherSupervisor'] as const) expect((await search(who, 'nguyen thi huong')).json().items, who).toEqual([]);
  });

  it('refuses a citizen, a sign-in missing and a query too short, changing nothing', async () => {
    expect((await search('citizen', 'nguyen')).statusCode).toBe(403);
    expect((await get(null, '/api/v1/documents/search?q=nguyen')).statusCode).toBe(401);
    const short = await search('clerk', ' a ');
    expect([short.statusCode, short.json().error.code]).toEqual([400, 'SEARCH_TOO_SHORT']);
    expect((await search('clerk', 'x'.repeat(101))).json().error.code).toBe('SEARCH_TOO_LONG');
    expect((await search('clerk', '%_%')).statusCode).toBe(400);
  });

  it('retries the unreadable scan after 1, 5 and 25 minutes, then gives it up and shows it to staff of its dossier', async () => {
    for (const minutes of [1, 5, 25]) {
      w.clock.advanceMinutes(minutes);
      const report = await runOcr(job);
      expect(report, `after ${minutes} min`).toMatchObject(minutes === 25 ? { failed: 1, retried: 0 } : { failed: 0, retried: 1 });
    }
    const failures = await get('clerk', '/api/v1/documents/ocr/failures');
    expect(failures.statusCode, failures.body).toBe(200);
    expect(failures.json().items).toEqual([expect.objectContaining({
      fileId: lost.id, status: 'failed', attempts: 4, nextAttemptAt: null,
      reason: expect.stringMatching(/^Không nhận dạng được chữ: /),
      papers: [expect.objectContaining({ dossierCode })],
    })]);
    expect((await get('otherClerk', '/api/v1/documents/ocr/failures')).json().items).toEqual([]);
    expect((await get('citizen', '/api/v1/documents/ocr/failures')).statusCode).toBe(403);
  });

  it('queues a given-up scan again from its first attempt, audited; refuses one out of scope or without the permission', async () => {
    expect((await retry('courier', lost.id)).statusCode).toBe(403);
    expect((await retry('otherOfficer', lost.id)).json().error.code).toBe('FILE_NOT_FOUND');
    expect((await retry('officer', 999_999)).statusCode).toBe(404);
    const res = await retry('officer', lost.id);
    expect([res.statusCode, res.json()]).toEqual([200, { fileId: lost.id, status: 'pending' }]);
    const run = await t.db.selectFrom('ocr_runs').selectAll().where('file_id', '=', lost.id).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'file').where('entity_key', '=', String(lost.id))
      .where('action', '=', 'documents.ocr.retry').execute();
    expect(audit).toEqual([{ action: 'documents.ocr.retry', actor_id: w.actors.officer.userId }]);
    // still pending (failed again at once, retried later): listed with its next attempt
    expect(await runOcr(job)).toMatchObject({ retried: 1 });
    expect((await get('clerk', '/api/v1/documents/ocr/failures')).json().items[0]).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
