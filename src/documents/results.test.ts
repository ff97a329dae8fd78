// Electronic results over HTTP on the real database (issue 12 §5): the officer attaches the signed
// result file once the leader approved; the clerk, the citizen and public tracking with the PIN
// download it (always as an attachment); the result enters the applicant's store; refusals change nothing.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDossierRoutes } from '../dossiers/routes';
import { performAction } from '../dossiers/service';
import { mayReadPaperFile } from '../dossiers/paper-files';
import { folderFileStore } from '../platform/files/folder-store';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { rollupHook } from '../reports/hook';
import { trackingPinFor } from '../tracking/references';
import { useWorld, type World } from '../dossiers/world.test-helper';
import { multipart, pdfBytes } from './fixtures.test-helper';
import { registerFilesRoutes } from './files-routes';
import type { FilesDeps } from './model';
import { registerResultRoutes } from './results-routes';
import { registerCopyRoutes } from './copies-routes';
import { certifyCopy } from './copies';
import { signingSimulator } from './signing-simulator';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { reusedPapersCheck } from './store';
import { storeHook } from './store-hook';
import { registerStoreRoutes } from './store-routes';

const { t, w } = useWorld('2026-03-02T09:00:00+07:00');
type Who = keyof World['actors'];
let app: HttpApp;
let root: string;
let files: FilesDeps;
const hooks = [storeHook, rollupHook];
const signer = signingSimulator();

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-results-'));
  files = { store: folderFileStore(root), maxBytes: 1024 * 1024, maxPages: 5, readers: [mayReadPaperFile] };
  app = await createHttpServer({
    logger: false, version: 'test',
    resolveActor: async (request) => {
      const who = request.headers['x-test-actor'];
      return typeof who === 'string' && who in w.actors ? w.actors[who as Who] : null;
    },
  });
  const deps = { db: t.db, clock: w.clock };
  registerDossierRoutes(app, { ...deps, hooks, intakeChecks: [reusedPapersCheck] });
  registerFilesRoutes(app, { ...deps, files });
  registerStoreRoutes(app, deps);
  registerResultRoutes(app, { ...deps, hooks, files, trackRateLimit: 10_000 });
  registerCopyRoutes(app, { ...deps, hooks, files, signer, publicUrl: 'https://motcua.example.vn/', rateLimit: 10_000 });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await fs.rm(root, { recursive: true, force: true });
});

const as = (who: Who | null) => (who ? { 'x-test-actor': who } : {});
const upload = async (who: Who, bytes: Uint8Array) => {
  const body = multipart(bytes, 'giay-khai-sinh.pdf', 'application/pdf');
  const res = await app.inject({ method: 'POST', url: '/api/v1/files', payload: body.payload, headers: { ...body.headers, ...as(who) } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; sha256: string };
};
const attach = (who: Who, code: string, body: object) => app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/result-files`, headers: as(who), payload: body });
const get = (who: Who | null, url: string) => app.inject({ method: 'GET', url, headers: as(who) });
const events = async (code: string) => (await t.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id').select('e.action').where('d.code', '=', code).execute()).length;

describe('electronic results', () => {
  let code = '';
  let file = { id: 0, sha256: '' };
  let bytes: Uint8Array;

  it('refuses to attach before the leader approved (409), for a clerk (403), out of scope (404), a file not uploaded by the officer (400)', async () => {
    const intake = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: as('clerk'), payload: { ...w.intake(), storeConsent: true } });
    expect(intake.statusCode, intake.body).toBe(201);
    code = (intake.json() as { code: string }).code;
    await performAction({ ...w.ctx(w.actors.clerk), hooks }, code, 'forward');
    bytes = await pdfBytes(['GIAY KHAI SINH', 'Ban chinh']);
    file = await upload('officer', bytes);
    const before = await events(code);
    const early = await attach('officer', code, { fileId: file.id, title: 'Giấy khai sinh' });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error.code).toBe('RESULT_NOT_APPROVED');
    await performAction({ ...w.ctx(w.actors.approver), hooks }, code, 'approve');
    expect((await attach('clerk', code, { fileId: file.id, title: 'Giấy khai sinh' })).statusCode).toBe(403);
    expect((await attach('otherOfficer', code, { fileId: file.id, title: 'Giấy khai sinh' })).statusCode).toBe(404);
    const notMine = await attach('approver', code, { fileId: file.id, title: 'Giấy khai sinh' });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error).toMatchObject({ code: 'RESULT_FILE_UNKNOWN' });
    expect(notMine.json().error.message).toMatch(/tải tệp lên/);
    expect((await attach('officer', code, { fileId: file.id, title: 'G' })).statusCode).toBe(400);
    expect(await events(code)).toBe(before + 1); // only the approval
  });

  it('attaches the officer\'s file as the signed result: an event with the file\'s SHA-256, and a result in the applicant\'s store', async () => {
    w.clock.set(new Date('2026-03-05T10:00:00+07:00'));
    const res = await attach('officer', code, { fileId: file.id, title: 'Giấy khai sinh', validFrom: '2026-03-05' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code, status: 'processing', file: { id: file.id, sha256: file.sha256, mediaType: 'application/pdf' } });
    const event = await t.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id').select('e.payload')
      .where('d.code', '=', code).where('e.action', '=', 'attachResult').executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ fileId: file.id, sha256: file.sha256, title: 'Giấy khai sinh', docType: 'birthCertificate', validFrom: '2026-03-05', first: true });
    const store = (await get('clerk', `/api/v1/documents/store?personalId=087090001234`)).json();
    expect(store.documents.find((d: { sourceKind: string }) => d.sourceKind === 'result')).toMatchObject({ title: 'Giấy khai sinh', fileId: file.id, docType: 'birthCertificate', validFrom: '2026-03-05', reusable: true });
  });

  it('lists and downloads it as an attachment for the clerk and the citizen; not for another clerk', async () => {
    const list = await get('clerk', `/api/v1/dossiers/${code}/result-files`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([{ fileId: file.id, title: 'Giấy khai sinh', sha256: file.sha256, mediaType: 'application/pdf', attachedAt: '2026-03-05T03:00:00.000Z', validFrom: '2026-03-05', validUntil: null }]);
    for (const who of ['clerk', 'citizen', 'officer'] as const) {
      const dl = await get(who, `/api/v1/dossiers/${code}/result-files/${file.id}`);
      expect(dl.statusCode, `${who}: ${dl.body.slice(0, 200)}`).toBe(200);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="ket-qua-/);
      expect(Buffer.compare(dl.rawPayload, Buffer.from(bytes))).toBe(0);
    }
    expect((await get('otherClerk', `/api/v1/dossiers/${code}/result-files/${file.id}`)).statusCode).toBe(404);
    expect((await get('otherClerk', `/api/v1/dossiers/${code}/result-files`)).statusCode).toBe(404);
  });

  it('downloads it with the tracking PIN, without signing in; a wrong PIN or another file is 404', async () => {
    const pin = await trackingPinFor(t.db, code);
    const dl = await get(null, `/api/v1/track/${code}/result-files/${file.id}?pin=${pin}`);
    expect(dl.statusCode, dl.body.slice(0, 200)).toBe(200);
    expect(Buffer.compare(dl.rawPayload, Buffer.from(bytes))).toBe(0);
    const wrong = pin === '000000' ? '111111' : '000000';
    expect((await get(null, `/api/v1/track/${code}/result-files/${file.id}?pin=${wrong}`)).statusCode).toBe(404);
    const other = await upload('officer', await pdfBytes(['Khac']));
    expect((await get(null, `/api/v1/track/${code}/result-files/${other.id}?pin=${pin}`)).json().error.code).toBe('RESULT_FILE_NOT_FOUND');
  });
});

describe('certified electronic copies', () => {
  let code = '';
  let resultId = 0;
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const certify = (who: Who, body: object) => app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/certified-copies`, headers: as(who), payload: body });

  it('issues a copy without a signing service: the original\'s pages and a certification page; verification says who, when, which agency and no signature', async () => {
    w.clock.set(new Date('2026-03-06T08:00:00+07:00'));
    code = (await t.db.selectFrom('dossiers').select('code').orderBy('id', 'desc').executeTakeFirstOrThrow()).code;
    resultId = (await get('officer', `/api/v1/dossiers/${code}/result-files`)).json().items[0].fileId;
    w.clock.set(new Date('2026-03-06T14:20:00+07:00'));
    const copy = await certifyCopy({ ...w.ctx(w.actors.officer), hooks, files }, { signer: null, publicUrl: 'https://motcua.example.vn' }, code, resultId);
    expect(copy).toMatchObject({ dossierCode: code, title: 'Giấy khai sinh', agencyName: 'Ủy ban nhân dân xã Một', certifiedByName: 'Nguyễn Minh Khoa', certifiedAt: '2026-03-06T07:20:00.000Z', signature: null });
    expect(copy.verifyUrl).toBe(`https://motcua.example.vn/xac-minh/${copy.id}`);
    const pdf = await get('officer', `/api/v1/files/${copy.fileId}`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    const doc = await PDFDocument.load(pdf.rawPayload);
    expect(doc.getPageCount()).toBe(3); // the two pages of the original, then the certification page
    expect(doc.getTitle()).toBe(`Bản sao điện tử ${copy.id} – Giấy khai sinh`);
    const v = await get(null, `/api/v1/public/certified-copies/${copy.id}`);
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toEqual({
      id: copy.id, title: 'Giấy khai sinh', dossierCode: code, agencyName: 'Ủy ban nhân dân xã Một', certifiedByName: 'Nguyễn Minh Khoa',
      certifiedAt: '2026-03-06T07:20:00.000Z', originalSha256: copy.originalSha256, copySha256: sha(pdf.rawPayload), storedCopyIntact: true, signature: null,
    });
    const check = (sha256: string) => app.inject({ method: 'POST', url: `/api/v1/public/certified-copies/${copy.id.toLowerCase()}/check`, payload: { sha256 } });
    expect((await check(sha(pdf.rawPayload))).json()).toEqual({ matches: 'copy' });
    expect((await check(copy.originalSha256.toUpperCase())).json()).toEqual({ matches: 'original' });
    expect((await check('0'.repeat(64))).json()).toEqual({ matches: 'none' });
  });

  it('signs through the simulator when one is configured: verified valid, never of legal value; a failing signer issues nothing', async () => {
    const res = await certify('approver', { fileId: resultId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().signature).toEqual({ provider: 'Trình mô phỏng ký số motcua', legal: false });
    const v = (await get(null, `/api/v1/public/certified-copies/${res.json().id}`)).json();
    expect(v.signature).toEqual({ provider: 'Trình mô phỏng ký số motcua', legal: false, valid: true });
    const before = Number((await t.db.selectFrom('certified_copies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    signer.failNext();
    const failed = await certify('approver', { fileId: resultId });
    expect(failed.statusCode).toBe(409);
    expect(failed.json().error).toMatchObject({ code: 'SIGNING_UNAVAILABLE' });
    expect(Number((await t.db.selectFrom('certified_copies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
  });

  it('refuses a clerk (403), another agency (404), a file that is not a result (404), an unknown copy (404), a malformed id (400)', async () => {
    expect((await certify('clerk', { fileId: resultId })).statusCode).toBe(403);
    expect((await certify('otherOfficer', { fileId: resultId })).statusCode).toBe(404);
    const other = await upload('officer', await pdfBytes(['Khong phai ket qua']));
    expect((await certify('officer', { fileId: other.id })).json().error.code).toBe('RESULT_FILE_NOT_FOUND');
    expect((await get(null, '/api/v1/public/certified-copies/ABCDEFGHJK12')).statusCode).toBe(404);
    expect((await get(null, '/api/v1/public/certified-copies/abc')).statusCode).toBe(400);
  });
});
