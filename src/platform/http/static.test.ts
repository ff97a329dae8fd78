// The web app's files as the server sends them: the precompressed copy the browser accepts
// (brotli, else gzip), the file itself otherwise; the SPA's pages still get index.html.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpApp } from './server';

describe('the web app\'s files', () => {
  const script = `export const greeting = ${JSON.stringify('Xin chào '.repeat(200))};\n`;
  let dir: string;
  let app: HttpApp;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'motcua-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>motcua</title>');
    writeFileSync(path.join(dir, 'assets/app.js'), script);
    writeFileSync(path.join(dir, 'assets/app.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(dir, 'assets/app.js.gz'), gzipSync(script));
    app = await createHttpServer({ logger: false, resolveActor: async () => null, version: 'test', webDir: dir });
    await app.ready();
  });
  afterAll(async () => { await app.close(); rmSync(dir, { recursive: true, force: true }); });

  const get = (url: string, acceptEncoding?: string, accept = '*/*') =>
    app.inject({ method: 'GET', url, headers: { accept, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });

  it('sends the brotli copy to a browser that accepts it', async () => {
    const res = await get('/assets/app.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the gzip copy over plain HTTP, where browsers do not ask for brotli', async () => {
    const res = await get('/assets/app.js', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the file itself to a client that accepts no encoding', async () => {
    const res = await get('/assets/app.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.payload).toBe(script);
  });

  it('still answers a page of the app with index.html', async () => {
    const res = await get('/tra-cuu', 'gzip, br', 'text/html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
