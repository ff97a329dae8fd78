// The CSRF rule (pure) and the hook in the real HTTP server: a forged request changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfVerdict } from './csrf';
import { createHttpServer, SESSION_COOKIE, type HttpApp } from './server';

const actor = { userId: 1, username: 'clerk', fullName: 'Clerk', role: 'clerk' as const, scope: { kind: 'none' as const } };

describe('CSRF rule', () => {
  const own = ['https://motcua.dongthap.gov.vn'];
  const base = { method: 'POST', hasBearer: false, hasSessionCookie: true, origin: undefined, secFetchSite: undefined, ownOrigins: own };

  it.each([
    ['same origin by Origin', { origin: 'https://motcua.dongthap.gov.vn' }, 'allowed'],
    ['same origin by Sec-Fetch-Site', { secFetchSite: 'same-origin' }, 'allowed'],
    ['a sibling site (same-site) with its own Origin', { origin: 'https://blog.dongthap.gov.vn', secFetchSite: 'same-site' }, 'cross-origin'],
    ['a sibling site announced only by Sec-Fetch-Site', { secFetchSite: 'same-site' }, 'cross-origin'],
    ['another site', { origin: 'https://evil.example', secFetchSite: 'cross-site' }, 'cross-origin'],
    ['a sandboxed frame (Origin: null)', { origin: 'null' }, 'cross-origin'],
    ['the cookie and neither header', {}, 'origin-unknown'],
    ['the same host on another scheme', { origin: 'http://motcua.dongthap.gov.vn' }, 'cross-origin'],
    ['the Vite dev proxy (another port, but the browser says same-origin)', { origin: 'http://localhost:5173', secFetchSite: 'same-origin' }, 'allowed'],
    ['a forged Origin that the browser contradicts', { origin: 'https://motcua.dongthap.gov.vn', secFetchSite: 'same-site' }, 'cross-origin'],
    ['a bearer token from anywhere', { hasBearer: true, origin: 'https://evil.example', secFetchSite: 'cross-site' }, 'allowed'],
    ['no cookie and no headers (a script with no session)', { hasSessionCookie: false }, 'allowed'],
    ['sign-in posted from another site', { hasSessionCookie: false, origin: 'https://evil.example' }, 'cross-origin'],
  ] as const)('%s → %s', (_name, facts, expected) => {
    expect(csrfVerdict({ ...base, ...facts })).toBe(expected);
  });

  it('never refuses a safe method, whatever the headers', () => {
    fc.assert(fc.property(fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'get'), fc.option(fc.webUrl()), fc.option(fc.string()), fc.boolean(), (method, origin, site, cookie) => {
      expect(csrfVerdict({ ...base, method, origin: origin ?? undefined, secFetchSite: site ?? undefined, hasSessionCookie: cookie })).toBe('allowed');
    }), { numRuns: 200 });
  });

  it('never lets a cookie-authenticated unsafe request through from an origin that is not ours', () => {
    fc.assert(fc.property(fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'), fc.webUrl().map((u) => new URL(u).origin), (method, origin) => {
      fc.pre(!own.includes(origin));
      expect(csrfVerdict({ ...base, method, origin })).not.toBe('allowed');
    }), { numRuns: 200 });
  });
});

describe('CSRF hook in the server', () => {
  let app: HttpApp;
  let moved = 0;

  beforeAll(async () => {
    app = await createHttpServer({
      logger: false, version: 'test', publicUrl: 'https://motcua.dongthap.gov.vn',
      resolveActor: async (request) => (request.cookies[SESSION_COOKIE] === 'good' || request.headers.authorization === 'Bearer good' ? actor : null),
    });
    // a body-less action, like moving a dossier to the next step
    app.post('/api/v1/move', async (request) => {
      if (!request.actor) return { moved: false };
      moved += 1;
      return { moved: true };
    });
    await app.ready();
  });
  afterAll(async () => { await app.close(); });

  it('refuses a body-less POST from a sibling site that carries the session cookie, and nothing moves', async () => {
    const before = moved;
    const res = await app.inject({
      method: 'POST', url: '/api/v1/move', cookies: { [SESSION_COOKIE]: 'good' },
      headers: { origin: 'https://news.dongthap.gov.vn', 'sec-fetch-site': 'same-site' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REFUSED');
    expect(moved).toBe(before);
  });

  it('refuses a cookie-authenticated POST that shows no origin at all', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/move', cookies: { [SESSION_COOKIE]: 'good' } });
    expect(res.statusCode).toBe(403);
  });

  it('accepts our own pages: the public URL, the Host the request came to, or Sec-Fetch-Site same-origin', async () => {
    for (const headers of [
      { origin: 'https://motcua.dongthap.gov.vn', 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost:80' },
      { 'sec-fetch-site': 'same-origin' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/move', cookies: { [SESSION_COOKIE]: 'good' }, headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
      expect(res.json()).toEqual({ moved: true });
    }
  });

  it('leaves bearer-token clients alone, wherever they run', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/move', headers: { authorization: 'Bearer good', origin: 'https://tool.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ moved: true });
  });
});
