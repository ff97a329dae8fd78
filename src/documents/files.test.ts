// Files over HTTP on the real database (issue 12 §1 and its acceptance bullet): stored once,
// refused when they are programs, truncated, encrypted, mislabelled or too large — leaving no
// temporary file, no stored bytes and no row — and handed out only to those who may read them.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDossier, receiveDossier } from '../dossiers/service';
import { mayReadPaperFile } from '../dossiers/paper-files';
import { folderFileStore } from '../platform/files/folder-store';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import type { IntakeInput } from '../dossiers/model';
import type { World } from '../dossiers/world.test-helper';
import { useWorld } from '../dossiers/world.test-helper';
import { BOUNDARY, encryptedPdfBytes, executableBytes, jpegBytes, multipart, pdfBytes, pngBytes, tiffBytes } from './fixtures.test-helper';
import { paperFilesCheck } from './files-intake';
import { registerFilesRoutes } from './files-routes';
import type { FilesDeps } from './model';
import { saveActorAsUser } from '../../test/factories';

const MAX_BYTES = 1024 * 1024;
const { t, w } = useWorld('2026-12-07T09:30:00+07:00');
let app: HttpApp;
let root: string;
let files: FilesDeps;
type Who = keyof World['actors'];

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-files-'));
  files = { store: folderFileStore(root), maxBytes: MAX_BYTES, maxPages: 5, readers: [mayReadPaperFile] };
  for (const who of ['clerk', 'otherClerk', 'citizen', 'courier'] as const) await saveActorAsUser(t.db, w.actors[who]);
  app = await createHttpServer({
    logger: false, version: 'test',
    resolveActor: async (request) => {
      const who = request.headers['x-test-actor'];
      return typeof who === 'string' && who in w.actors ? w.actors[who as Who] : null;
    },
  });
  registerFilesRoutes(app, { db: t.db, clock: w.clock, files });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await fs.rm(root, { recursive: true, force: true });
});

const upload = (who: Who | null, bytes: Uint8Array, fileName = 'scan.pdf', contentType = 'application/octet-stream') => {
  const body = multipart(bytes, fileName, contentType);
  return app.inject({ method: 'POST', url: '/api/v1/files', payload: body.payload, headers: { ...body.headers, ...(who ? { 'x-test-actor': who } : {}) } });
};
const download = (who: Who, id: number) => app.inject({ method: 'GET', url: `/api/v1/files/${id}`, headers: { 'x-test-actor': who } });

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of files.store.list()) keys.push(key);
  return keys.sort();
}
const tempFiles = async () => (await fs.readdir(path.join(root, 'tmp')).catch(() => [])).length;
const rowCount = async () => Number((await t.db.selectFrom('files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Asserts a refusal changed nothing: the same rows, the same stored keys, no temporary file. */
async function expectNothingLeft(before: { rows: number; keys: string[] }): Promise<void> {
  expect(await rowCount()).toBe(before.rows);
  expect(await storedKeys()).toEqual(before.keys);
  expect(await tempFiles()).toBe(0);
}
const snapshot = async () => ({ rows: await rowCount(), keys: await storedKeys() });

describe('POST /api/v1/files', () => {
  it('stores a scan once: the same bytes uploaded twice (by two clerks) give one row, one stored file and the same answer', async () => {
    const bytes = await pdfBytes(['Trang 1', 'Trang 2', 'Trang 3']);
    const first = await upload('clerk', bytes, 'giay-khai-sinh.pdf', 'application/pdf');
    expect(first.statusCode, first.body).toBe(201);
    const meta = first.json() as { id: number; sha256: string };
    expect(meta).toMatchObject({ mediaType: 'application/pdf', sizeBytes: bytes.length, pageCount: 3 });
    const again = await upload('otherClerk', bytes, 'ban-sao.pdf');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const rows = await t.db.selectFrom('files').selectAll().where('sha256', '=', meta.sha256).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.created_by).toBe(w.actors.clerk.userId);
    expect((await storedKeys()).filter((k) => k.endsWith(meta.sha256))).toHaveLength(1);
    const uploaders = await t.db.selectFrom('file_uploads').select(['user_id', 'file_name']).where('file_id', '=', meta.id).orderBy('user_id').execute();
    expect(uploaders).toEqual([{ user_id: w.actors.clerk.userId, file_name: 'giay-khai-sinh.pdf' }, { user_id: w.actors.otherClerk.userId, file_name: 'ban-sao.pdf' }]);
    expect(await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'file').where('entity_key', '=', String(meta.id)).orderBy('id').execute())
      .toEqual([{ action: 'file.stored' }, { action: 'file.stored-again' }]);
  });

  it('gives one row to concurrent uploads of the same bytes', async () => {
    const bytes = pngBytes(7, 5, 33);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(i % 2 === 0 ? 'clerk' : 'courier', bytes, 'anh.png')));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => (a.json() as { id: number }).id)).size).toBe(1);
    const sha = (answers[0]?.json() as { sha256: string }).sha256;
    expect(await t.db.selectFrom('files').select('id').where('sha256', '=', sha).execute()).toHaveLength(1);
    expect(await tempFiles()).toBe(0);
  });

  it('accepts JPEG and TIFF with their page counts, whatever the name says when it says nothing of ours', async () => {
    const jpeg = await upload('clerk', jpegBytes(), 'IMG_0001', 'image/jpeg');
    expect(jpeg.json()).toMatchObject({ mediaType: 'image/jpeg', pageCount: 1 });
    const tiff = await upload('clerk', tiffBytes(3), 'scan-may-quet.tiff', 'image/tiff');
    expect(tiff.json()).toMatchObject({ mediaType: 'image/tiff', pageCount: 3 });
  });

  it('refuses a renamed executable (415) and leaves nothing behind', async () => {
    const before = await snapshot();
    const res = await upload('clerk', executableBytes(), 'giay-to.pdf', 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'FILE_EXECUTABLE', message: expect.stringContaining('chương trình') });
    await expectNothingLeft(before);
  });

  it('refuses a truncated PDF (400) and leaves nothing behind', async () => {
    const before = await snapshot();
    const pdf = await pdfBytes(['P1', 'P2']);
    const res = await upload('clerk', pdf.slice(0, Math.floor(pdf.length / 2)));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FILE_TRUNCATED');
    await expectNothingLeft(before);
  });

  it('refuses an encrypted PDF, a mislabelled image and a file with too many pages, leaving nothing behind', async () => {
    const before = await snapshot();
    const encrypted = await upload('clerk', await encryptedPdfBytes());
    expect([encrypted.statusCode, encrypted.json().error.code]).toEqual([400, 'FILE_ENCRYPTED']);
    const mislabelled = await upload('clerk', pngBytes(), 'CCCD.pdf');
    expect([mislabelled.statusCode, mislabelled.json().error.code]).toEqual([415, 'FILE_MISLABELLED']);
    const tooMany = await upload('clerk', tiffBytes(6), 'so-ho-khau.tif');
    expect([tooMany.statusCode, tooMany.json().error.code]).toEqual([400, 'FILE_TOO_MANY_PAGES']);
    expect(tooMany.json().error.message).toContain('6 trang');
    await expectNothingLeft(before);
  });

  it('refuses a body that is not multipart, a part that is not "file", and an anonymous or unpermitted caller', async () => {
    const json = await app.inject({ method: 'POST', url: '/api/v1/files', payload: { file: 'x' }, headers: { 'x-test-actor': 'clerk' } });
    expect([json.statusCode, json.json().error.code]).toEqual([415, 'UPLOAD_NOT_MULTIPART']);
    const other = multipart(pngBytes(), 'a.png', 'image/png', 'photo');
    const wrongField = await app.inject({ method: 'POST', url: '/api/v1/files', payload: other.payload, headers: { ...other.headers, 'x-test-actor': 'clerk' } });
    expect([wrongField.statusCode, wrongField.json().error.code]).toEqual([400, 'FILE_MISSING']);
    expect((await upload(null, pngBytes())).statusCode).toBe(401);
    expect((await upload('supervisor', pngBytes())).statusCode).toBe(403);
    expect(await tempFiles()).toBe(0);
  });

  it('answers a declared Content-Length over the limit with 413 at once', async () => {
    const before = await snapshot();
    const body = multipart(Buffer.alloc(MAX_BYTES + 2 * 1024 * 1024, 7));
    const res = await app.inject({ method: 'POST', url: '/api/v1/files', payload: body.payload, headers: { ...body.headers, 'x-test-actor': 'clerk' } });
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    await expectNothingLeft(before);
  });
});

describe('an upload over the limit, streamed without a length (real HTTP)', () => {
  it('is answered 413 after reading at most the limit plus 1 MiB, and leaves no file and no row', async () => {
    const server = await createHttpServer({ logger: false, version: 'test', resolveActor: async () => w.actors.clerk });
    registerFilesRoutes(server, { db: t.db, clock: w.clock, files });
    const sockets: import('node:net').Socket[] = [];
    server.addHook('onRequest', async (request) => { sockets.push(request.raw.socket); });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const before = await snapshot();
    try {
      const { port } = server.server.address() as AddressInfo;
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const totalToSend = 16 * MAX_BYTES; // the client would send 16 MiB if the server let it
      const outcome = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
        let sent = 0;
        let answered = false;
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/files', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'transfer-encoding': 'chunked' } }, (res) => {
          answered = true;
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => { body += d; });
          res.on('end', () => { resolve({ status: res.statusCode ?? 0, body, sent }); req.destroy(); });
        });
        req.on('error', (e) => { if (!answered) reject(e); });
        req.write(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
        const pump = () => {
          while (!answered && sent < totalToSend) {
            sent += chunk.length;
            if (!req.write(chunk)) { req.once('drain', pump); return; }
          }
          if (!answered) req.end(`\r\n--${BOUNDARY}--\r\n`);
        };
        pump();
      });
      expect(outcome.status).toBe(413);
      expect(JSON.parse(outcome.body).error.code).toBe('FILE_TOO_LARGE');
      const read = sockets.reduce((n, s) => n + s.bytesRead, 0);
      expect(read).toBeGreaterThan(MAX_BYTES);
      expect(read).toBeLessThanOrEqual(MAX_BYTES + 1024 * 1024);
      await expectNothingLeft(before);
    } finally {
      for (const s of sockets) s.destroy();
      await server.close();
    }
  });
});

describe('GET /api/v1/files/{id}', () => {
  it('streams the bytes as an attachment to the uploader, never inline, and 404 to a clerk of another point', async () => {
    const bytes = await pdfBytes(['Tai ve']);
    const { id } = (await upload('clerk', bytes, 'to-khai.pdf')).json() as { id: number };
    const res = await download('clerk', id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(Buffer.from(bytes))).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="tep-${id}.pdf"; filename*=UTF-8''tep-${id}.pdf`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const other = await download('otherClerk', id);
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'FILE_NOT_FOUND']);
    expect((await download('clerk', 999_999)).statusCode).toBe(404);
  });

  it('lets staff who may read the dossier naming the scan, and its applicant, download it — nobody else', async () => {
    const bytes = jpegBytes(20, 30, 0x22);
    const { id } = (await upload('clerk', bytes, 'cccd.jpg')).json() as { id: number };
    expect((await download('officer', id)).statusCode).toBe(404);
    await receiveDossier(w.ctx(w.actors.clerk), w.intake({ papers: [{ key: 'p1', source: 'scanned', fileId: id }, { key: 'p2', source: 'paper' }] }));
    for (const who of ['officer', 'approver', 'supervisor', 'citizen', 'clerk'] as const) {
      const res = await download(who, id);
      expect(res.statusCode, who).toBe(200);
      expect(res.rawPayload.equals(Buffer.from(bytes)), who).toBe(true);
    }
    for (const who of ['otherOfficer', 'otherSupervisor', 'otherClerk'] as const) expect((await download(who, id)).statusCode, who).toBe(404);
  });
});

describe('intake with scans (papers[].fileId)', () => {
  const receiveAs = (who: Who, papers: IntakeInput['papers']) =>
    receiveDossier({ ...w.ctx(w.actors[who]), intakeChecks: [paperFilesCheck] }, w.intake({ papers }));

  it('records the clerk\'s own scan on the paper, digitized; a paper without a scan is not digitized', async () => {
    const { id } = (await upload('clerk', pngBytes(9, 9, 99), 'giay-khai-sinh.png')).json() as { id: number };
    const { code } = await receiveAs('clerk', [{ key: 'p1', source: 'scanned', fileId: id }, { key: 'p2', source: 'scanned', digitized: true }]);
    const detail = await getDossier(w.ctx(w.actors.officer), code);
    expect(detail.papers.map((p) => ({ key: p.key, digitized: p.digitized, fileId: p.fileId }))).toEqual([
      { key: 'p1', digitized: true, fileId: id }, { key: 'p2', digitized: false, fileId: null },
    ]);
  });

  it('refuses a scan another user uploaded, or one that does not exist, naming the paper (400 DOSSIER_INVALID), and receives nothing', async () => {
    const { id } = (await upload('otherClerk', pngBytes(11, 2, 5), 'cua-nguoi-khac.png')).json() as { id: number };
    const dossiersBefore = Number((await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    for (const fileId of [id, 987_654]) {
      const refused = await receiveAs('clerk', [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned', fileId }]).then(() => null, (e: unknown) => e);
      expect(refused).toMatchObject({ code: 'DOSSIER_INVALID', details: [{ path: 'papers/1/fileId', message: expect.stringContaining(`bản quét số ${fileId}`) }] });
    }
    expect(Number((await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(dossiersBefore);
  });
});

describe('POST /api/v1/files/compose', () => {
  const compose = (who: Who, pages: readonly { fileId: number; rotation: number }[]) =>
    app.inject({ method: 'POST', url: '/api/v1/files/compose', payload: { pages }, headers: { 'x-test-actor': who } });
  const idOf = async (bytes: Uint8Array, name: string) => ((await upload('clerk', bytes, name)).json() as { id: number }).id;

  it('makes one PDF of the pages in the clerk\'s order, each turned as chosen (JPEG and PNG embedded, PDF pages copied)', async () => {
    const photo = await idOf(pngBytes(40, 80, 10), 'trang-1.png');
    const scanned = await idOf(await pdfBytes(['A', 'B'], [300, 400]), 'trang-2-3.pdf');
    const camera = await idOf(jpegBytes(120, 60), 'trang-4.jpg');
    const res = await compose('clerk', [{ fileId: scanned, rotation: 0 }, { fileId: photo, rotation: 90 }, { fileId: camera, rotation: 180 }]);
    expect(res.statusCode, res.body).toBe(201);
    const meta = res.json() as { id: number; mediaType: string; pageCount: number };
    expect(meta).toMatchObject({ mediaType: 'application/pdf', pageCount: 4 });
    const out = await PDFDocument.load((await download('clerk', meta.id)).rawPayload);
    const pages = out.getPages().map((p) => ({ size: [Math.round(p.getWidth()), Math.round(p.getHeight())], rotation: p.getRotation().angle }));
    // A4-fitted images: 40×80 → 421×842, 120×60 → 595×298
    expect(pages).toEqual([
      { size: [300, 400], rotation: 0 }, { size: [300, 400], rotation: 0 },
      { size: [421, 842], rotation: 90 }, { size: [595, 298], rotation: 180 },
    ]);
    // the other order gives another file
    const reversed = await compose('clerk', [{ fileId: camera, rotation: 0 }, { fileId: photo, rotation: 0 }]);
    const again = await PDFDocument.load((await download('clerk', (reversed.json() as { id: number }).id)).rawPayload);
    expect(again.getPages().map((p) => [Math.round(p.getWidth()), p.getRotation().angle])).toEqual([[595, 0], [421, 0]]);
  });

  it('refuses a page the clerk may not read (404), a TIFF page (415) and a rotation that is not a quarter turn (400); stores nothing', async () => {
    const before = await snapshot();
    const others = ((await upload('otherClerk', pngBytes(3, 3, 3), 'x.png')).json() as { id: number }).id;
    const tiff = await idOf(tiffBytes(1), 'may-quet.tif');
    const mid = await snapshot();
    expect(mid.rows).toBeGreaterThanOrEqual(before.rows);
    const notMine = await compose('clerk', [{ fileId: others, rotation: 0 }]);
    expect([notMine.statusCode, notMine.json().error.code]).toEqual([404, 'FILE_NOT_FOUND']);
    const tiffPage = await compose('clerk', [{ fileId: tiff, rotation: 0 }]);
    expect([tiffPage.statusCode, tiffPage.json().error.code]).toEqual([415, 'COMPOSE_TIFF_UNSUPPORTED']);
    expect((await compose('clerk', [{ fileId: tiff, rotation: 45 }])).statusCode).toBe(400);
    expect((await compose('clerk', [])).statusCode).toBe(400);
    await expectNothingLeft(mid);
  });
});
