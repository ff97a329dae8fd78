// The S3 store against a recorded contract of S3's REST API (no S3-compatible server installs
// from npm for Node 20 here): a loopback server answers HEAD, PUT, GET, DELETE and ListObjectsV2 as
// S3 does, records what the official client sent, and keeps the bytes, so the test checks the
// requests' shape (path style, SigV4 signature, content type and length) and a round trip.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3FileStore } from './s3-store';
import { FileMissingError, storageKeyOf, type FileStore } from './store';

interface Recorded { readonly method: string; readonly url: string; readonly headers: IncomingMessage['headers'] }

const objects = new Map<string, { body: Buffer; type: string }>();
const recorded: Recorded[] = [];
let server: Server;
let store: FileStore;
let tempDir: string;

const body = (req: IncomingMessage) => new Promise<Buffer>((resolve) => {
  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts)));
});
const notFound = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      recorded.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      const url = new URL(req.url ?? '/', 'http://s3.local');
      const [, bucket, ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      if (bucket !== 'motcua-files') { res.writeHead(404).end(); return; }
      if (req.method === 'GET' && url.searchParams.get('list-type') === '2') {
        const keys = [...objects.keys()].sort().map((k) => `<Contents><Key>${k}</Key><Size>${objects.get(k)?.body.length ?? 0}</Size></Contents>`).join('');
        res.writeHead(200, { 'content-type': 'application/xml' })
          .end(`<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>motcua-files</Name><IsTruncated>false</IsTruncated><KeyCount>${objects.size}</KeyCount>${keys}</ListBucketResult>`);
        return;
      }
      const object = objects.get(key);
      if (req.method === 'PUT') {
        objects.set(key, { body: await body(req), type: req.headers['content-type'] ?? '' });
        res.writeHead(200, { etag: '"e"' }).end();
      } else if (req.method === 'HEAD') {
        res.writeHead(object ? 200 : 404, object ? { 'content-length': object.body.length } : {}).end();
      } else if (req.method === 'GET') {
        if (!object) { res.writeHead(404, { 'content-type': 'application/xml' }).end(notFound); return; }
        res.writeHead(200, { 'content-type': object.type, 'content-length': object.body.length }).end(object.body);
      } else if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-s3-'));
  store = s3FileStore({
    kind: 's3', endpoint: `http://127.0.0.1:${port}`, bucket: 'motcua-files', region: 'ap-southeast-1',
    accessKeyId: 'AKIDMOTCUATEST', secretAccessKey: 'bi-mat-thu-nghiem', forcePathStyle: true, tempDir,
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fs.rm(tempDir, { recursive: true, force: true });
});

const tempWith = async (bytes: Buffer) => {
  const file = path.join(tempDir, `upload-${Math.random().toString(36).slice(2)}`);
  await fs.writeFile(file, bytes);
  return file;
};
const read = async (key: string) => {
  const parts: Buffer[] = [];
  for await (const c of await store.open(key)) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

describe('the S3 file store (recorded contract)', () => {
  const bytes = Buffer.from('%PDF-1.7 bản quét thử nghiệm\n');
  const key = storageKeyOf('ab'.repeat(32));

  it('puts an object path-style under its key, signed with SigV4, with its type and length, and removes the temporary file', async () => {
    const temp = await tempWith(bytes);
    await store.put(temp, key, 'application/pdf');
    const put = recorded.find((r) => r.method === 'PUT');
    expect(new URL(put?.url ?? '', 'http://s3.local').pathname).toBe(`/motcua-files/${key}`);
    expect(put?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDMOTCUATEST\/\d{8}\/ap-southeast-1\/s3\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/);
    expect(put?.headers['content-type']).toBe('application/pdf');
    expect(put?.headers['content-length']).toBe(String(bytes.length));
    expect(put?.headers['content-encoding'] ?? '').not.toContain('aws-chunked');
    expect(objects.get(key)?.body.equals(bytes)).toBe(true);
    await expect(fs.access(temp)).rejects.toThrow();
  });

  it('does not send bytes it already holds (same key, same content)', async () => {
    const before = recorded.filter((r) => r.method === 'PUT').length;
    await store.put(await tempWith(bytes), key, 'application/pdf');
    expect(recorded.filter((r) => r.method === 'PUT').length).toBe(before);
  });

  it('reads the bytes back, lists only storage keys, and a missing key is FileMissingError', async () => {
    expect((await read(key)).equals(bytes)).toBe(true);
    objects.set('not-ours.txt', { body: Buffer.from('x'), type: 'text/plain' });
    const keys: string[] = [];
    for await (const k of store.list()) keys.push(k);
    expect(keys).toEqual([key]);
    await expect(store.open(storageKeyOf('cd'.repeat(32)))).rejects.toBeInstanceOf(FileMissingError);
  });

  it('deletes, and refuses a key that is not a storage key before sending anything', async () => {
    await store.delete(key);
    expect(objects.has(key)).toBe(false);
    const before = recorded.length;
    await expect(store.open('../../etc/passwd')).rejects.toThrow(/not a storage key/);
    expect(recorded.length).toBe(before);
  });
});
