// Sign-in over HTTP: the throttle's Retry-After, and a handed-over password that must be changed
// before the server answers anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/db';
import { makeServicePoint, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories';
import type { HttpApp } from '../platform/http/server';
import { accountsServer } from './routes.test-helper';

describe('accounts routes', () => {
  let t: TestDatabase;
  let app: HttpApp;

  beforeAll(async () => {
    ({ t, app } = await accountsServer({ loginRateLimit: 1000 }));
    const province = await makeUnit(t.db, { code: '82' });
    const commune = await makeUnit(t.db, { code: '28001', parent: province });
    await makeServicePoint(t.db, commune, { code: 'BD-A' });
  });
  afterAll(async () => { await app.close(); await t.close(); });

  const signIn = (username: string, password: string, remoteAddress = '10.2.0.1') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password } });

  it('answers 429 LOGIN_THROTTLED with Retry-After once a name has had its free tries', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'cham' });
    for (let i = 0; i < 4; i++) expect((await signIn('cham', 'sai-mat-khau')).statusCode).toBe(401);
    const res = await signIn('cham', TEST_PASSWORD, '10.2.0.2');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('LOGIN_THROTTLED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('gives the session cookie a lifetime counted by the browser (Max-Age of the session), never a date of the server\'s clock', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'cookie' });
    const res = await signIn('cookie', TEST_PASSWORD, '10.2.0.4');
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/Max-Age=(3599|3600);/);
    expect(cookie).not.toMatch(/Expires=/);
  });

  it('lets a user with a handed-over password only ask who they are, change it or sign out', async () => {
    const u = await makeUser(t.db, 'supervisor', '82', { username: 'moi-cap' });
    await t.db.updateTable('users').set({ must_change_password: true }).where('id', '=', u.id).execute();
    const login = await signIn('moi-cap', TEST_PASSWORD, '10.2.0.3');
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const headers = { authorization: `Bearer ${login.json().token as string}` };
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json().mustChangePassword).toBe(true);
    const users = await app.inject({ method: 'GET', url: '/api/v1/users', headers });
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-rieng-cua-toi' } });
    expect(changed.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers })).statusCode).toBe(200);
  });

  it('applies the defaults of GET /api/v1/users when no paging is given', async () => {
    const admin = await makeUser(t.db, 'admin', '82', { username: 'qt-tinh' });
    const login = await signIn(admin.username, TEST_PASSWORD, '10.2.0.4');
    const res = await app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${login.json().token as string}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });
});
