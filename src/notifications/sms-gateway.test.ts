// The HTTP SMS adapter against a local HTTP server playing the gateway: the request it makes (the
// documented contract) and how it reads each answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmsGateway } from './sms-gateway';

interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: unknown }
let server: http.Server;
let url = '';
const seen: Seen[] = [];
let answer: (res: http.ServerResponse) => void = (res) => res.end();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sms/send`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => { seen.length = 0; });

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const sms = { to: '0912 345 678', text: 'Hồ sơ 000.00.30.H20-260302-0001 đã có kết quả.', idempotencyKey: 'motcua-outbox-42' };
const gateway = (timeoutMs = 2000) => createSmsGateway({ url, token: 'tok_0123456789', brandname: 'UBND DT', timeoutMs });

describe('SMS gateway adapter', () => {
  it('posts the documented JSON with the bearer token and the idempotency key, and returns the gateway id', async () => {
    answer = json(202, { id: 'gw-7781', status: 'accepted' });
    expect(await gateway().send(sms)).toEqual({ providerId: 'gw-7781' });
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req).toMatchObject({ method: 'POST', url: '/api/sms/send' });
    expect(req?.headers).toMatchObject({ authorization: 'Bearer tok_0123456789', 'idempotency-key': 'motcua-outbox-42', 'content-type': 'application/json; charset=utf-8' });
    expect(req?.body).toEqual({ to: '84912345678', text: sms.text, encoding: 'ucs2', segments: 1, idempotencyKey: 'motcua-outbox-42', sender: 'UBND DT' });
  });

  it('counts a 409 (key already accepted) as sent', async () => {
    answer = json(409, { id: 'gw-7781' });
    expect(await gateway().send(sms)).toEqual({ providerId: 'gw-7781', duplicate: true });
  });

  it('reads a 422 as a permanent refusal with the gateway\'s reason', async () => {
    answer = json(422, { error: 'Thuê bao không tồn tại' });
    await expect(gateway().send(sms)).rejects.toMatchObject({ permanent: true, message: 'Cổng SMS trả lời 422: Thuê bao không tồn tại' });
  });

  it.each([
    [503, { 'retry-after': '120' }, 120],
    [429, {}, null],
    [401, {}, null],
  ])('reads a %i as a transient failure (Retry-After honoured)', async (status, headers, retryAfter) => {
    answer = json(status, { message: 'bận' }, headers);
    await expect(gateway().send(sms)).rejects.toMatchObject({ permanent: false, retryAfterSeconds: retryAfter });
  });

  it('gives up waiting after its timeout: a transient failure', async () => {
    answer = () => {}; // never answers
    await expect(gateway(200).send(sms)).rejects.toMatchObject({ permanent: false, message: expect.stringContaining('không trả lời') });
  });

  it('a connection refused is transient', async () => {
    const closed = createSmsGateway({ url: 'http://127.0.0.1:1/send', token: 'tok_0123456789' });
    await expect(closed.send(sms)).rejects.toMatchObject({ permanent: false, message: expect.stringContaining('Không kết nối được') });
  });

  it('never calls the gateway with a message it would refuse', async () => {
    await expect(gateway().send({ ...sms, to: '02773123456' })).rejects.toMatchObject({ permanent: true });
    await expect(gateway().send({ ...sms, text: 'ơ'.repeat(400) })).rejects.toMatchObject({ permanent: true });
    expect(seen).toHaveLength(0);
  });

  it('describes itself by host, without the token', () => {
    expect(gateway().description).toMatch(/^cổng SMS HTTP 127\.0\.0\.1:\d+ \(tên định danh UBND DT\)$/);
  });
});
