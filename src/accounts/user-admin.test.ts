// Users administration against PostgreSQL and over HTTP: the filtered list, disabling (never
// oneself, never the last administrator), enabling, resetting a password; each change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { failure } from '../../test/failure';
import { makeServicePoint, makeUnit, makeUser, tableScopeLookup, TEST_PASSWORD } from '../../test/factories';
import { FixedClock } from '../platform/clock';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { actorForToken, login } from './login';
import { actorResolver, registerAccountsRoutes } from './routes';
import { listUsers } from './service';
import { disableProblem, resetUserPassword, setUserActive } from './user-admin';

describe('disableProblem (pure)', () => {
  it('refuses oneself, and the last active administrator, and allows the rest', () => {
    expect(disableProblem(7, { id: 7, role: 'admin', active: true }, 3)?.code).toBe('CANNOT_DISABLE_SELF');
    expect(disableProblem(7, { id: 8, role: 'admin', active: true }, 0)?.code).toBe('LAST_ADMINISTRATOR');
    expect(disableProblem(7, { id: 8, role: 'admin', active: true }, 1)).toBeNull();
    expect(disableProblem(7, { id: 8, role: 'clerk', active: true }, 0)).toBeNull();
  });
});

describe('users administration', () => {
  let t: TestDatabase;
  let app: HttpApp;
  const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));
  const deps = () => ({ db: t.db, clock });

  beforeAll(async () => {
    t = await createTestDatabase();
    const province = await makeUnit(t.db, { code: '82', level: 'province' });
    const commune = await makeUnit(t.db, { code: '28001', parent: province });
    const other = await makeUnit(t.db, { code: '79', level: 'province' });
    await makeServicePoint(t.db, commune, { code: 'BD-A' });
    await makeServicePoint(t.db, await makeUnit(t.db, { code: '26700', parent: other }), { code: 'BD-HCM' });
    app = await createHttpServer({ logger: false, resolveActor: actorResolver(deps()), version: 'test' });
    registerAccountsRoutes(app, deps(), { sessionTtlHours: 1, loginRateLimit: 1000, secureCookies: false, lookupScope: tableScopeLookup(t.db) });
    await app.ready();
  });
  afterAll(async () => { await app.close(); await t.close(); });

  const ctxOf = async (username: string) => {
    const { token } = await login(deps(), { username, password: TEST_PASSWORD, clientAddress: '10.0.0.1' }, 12);
    return { db: t.db, clock, actor: await actorForToken(deps(), token), token };
  };
  const auditOf = (id: number) => t.db.selectFrom('audit_log').select(['action', 'actor_name', 'payload'])
    .where('entity', '=', 'user').where('entity_key', '=', String(id)).orderBy('id').execute();

  it('filters the list by role, scope, name and state', async () => {
    const root = await makeUser(t.db, 'admin', undefined, { username: 'qt-loc' });
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'nv-loc-a' });
    await makeUser(t.db, 'clerk', 'BD-HCM', { username: 'nv-loc-hcm' });
    await makeUser(t.db, 'supervisor', '82', { username: 'gs-loc' });
    const ctx = await ctxOf(root.username);
    const clerksA = await listUsers(ctx, { role: 'clerk', scopeCode: 'BD-A', limit: 50, offset: 0 });
    expect(clerksA.items.map((u) => u.username)).toContain('nv-loc-a');
    expect(clerksA.items.every((u) => u.role === 'clerk' && u.scopeCode === 'BD-A')).toBe(true);
    expect((await listUsers(ctx, { q: 'LOC-HCM', limit: 50, offset: 0 })).items.map((u) => u.username)).toEqual(['nv-loc-hcm']);
    // the full name is searched without diacritics
    expect((await listUsers(ctx, { q: 'nguoi dung gs-loc', limit: 50, offset: 0 })).items.map((u) => u.username)).toEqual(['gs-loc']);
    expect((await listUsers(ctx, { active: false, limit: 50, offset: 0 })).items).toEqual([]);
  });

  it('disables a clerk (ending their sessions), enables them again, and audits both with before and after', async () => {
    const root = await makeUser(t.db, 'admin', undefined, { username: 'qt-khoa' });
    const clerk = await makeUser(t.db, 'clerk', 'BD-A', { username: 'nv-khoa' });
    const clerkSession = await ctxOf(clerk.username);
    const ctx = await ctxOf(root.username);
    const off = await setUserActive(ctx, clerk.id, false);
    expect(off.active).toBe(false);
    expect(await actorForToken(deps(), clerkSession.token)).toBeNull();
    expect((await failure(login(deps(), { username: clerk.username, password: TEST_PASSWORD, clientAddress: '10.0.0.9' }, 12))).kind).toBe('Unauthenticated');
    expect((await failure(setUserActive(ctx, clerk.id, false))).code).toBe('USER_ALREADY_DISABLED');
    expect((await setUserActive(ctx, clerk.id, true)).active).toBe(true);
    const audit = (await auditOf(clerk.id)).filter((a) => a.action.startsWith('user.'));
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'user.disabled', 'user.enabled']);
    expect(audit[1]).toMatchObject({ actor_name: 'qt-khoa', payload: { before: { active: true }, after: { active: false } } });
  });

  it('refuses to disable oneself or the last active administrator', async () => {
    // every other administrator of this database is switched off first
    const root = await makeUser(t.db, 'admin', undefined, { username: 'qt-cuoi' });
    const ctx = await ctxOf(root.username);
    expect((await failure(setUserActive(ctx, root.id, false))).code).toBe('CANNOT_DISABLE_SELF');
    const others = await t.db.selectFrom('users').select('id').where('role', '=', 'admin').where('id', '!=', root.id).where('active', '=', true).execute();
    for (const o of others) await setUserActive(ctx, o.id, false);
    const provinceAdmin = await makeUser(t.db, 'admin', '82', { username: 'qt-tinh-cuoi' });
    const provinceCtx = await ctxOf(provinceAdmin.username);
    // the province administrator does not manage the system administrator: not found, never a hint
    expect((await failure(setUserActive(provinceCtx, root.id, false))).code).toBe('USER_NOT_FOUND');
    await setUserActive(ctx, provinceAdmin.id, false);
    const err = await failure(setUserActive({ ...ctx, actor: { ...ctx.actor!, userId: 999_999 } }, root.id, false));
    expect(err).toMatchObject({ kind: 'Conflict', code: 'LAST_ADMINISTRATOR' });
    expect((await t.db.selectFrom('users').select('active').where('id', '=', root.id).executeTakeFirstOrThrow()).active).toBe(true);
    for (const o of others) await setUserActive(ctx, o.id, true);
  });

  it('resets a password: shown once, a change is required at the next sign-in, old sessions end', async () => {
    const root = await makeUser(t.db, 'admin', undefined, { username: 'qt-datlai' });
    const clerk = await makeUser(t.db, 'clerk', 'BD-A', { username: 'nv-datlai' });
    const before = await ctxOf(clerk.username);
    const ctx = await ctxOf(root.username);
    const { user, password } = await resetUserPassword(ctx, clerk.id);
    expect(user.mustChangePassword).toBe(true);
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(await actorForToken(deps(), before.token)).toBeNull();
    const again = await login(deps(), { username: clerk.username, password, clientAddress: '10.0.0.3' }, 12);
    expect(again.user.mustChangePassword).toBe(true);
    expect((await failure(resetUserPassword(ctx, root.id))).code).toBe('CANNOT_RESET_OWN_PASSWORD');
    const stored = await t.db.selectFrom('users').select('password_hash').where('id', '=', clerk.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain(password);
    expect((await auditOf(clerk.id)).map((a) => a.action)).toContain('user.passwordReset');
  });

  describe('over HTTP', () => {
    const bearer = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.3.0.1', payload: { username, password: TEST_PASSWORD } });
      return { authorization: `Bearer ${res.json().token as string}` };
    };

    it('answers 403 to a supervisor or a clerk who tries to disable, reset or create', async () => {
      const target = await makeUser(t.db, 'clerk', 'BD-A', { username: 'nv-dich' });
      for (const [role, scope] of [['supervisor', '82'], ['clerk', 'BD-A']] as const) {
        const headers = await bearer((await makeUser(t.db, role, scope)).username);
        const off = await app.inject({ method: 'PUT', url: `/api/v1/users/${target.id}/active`, headers, payload: { active: false } });
        expect(off.statusCode).toBe(403);
        expect(off.json().error.code).toBe('FORBIDDEN');
        expect((await app.inject({ method: 'POST', url: `/api/v1/users/${target.id}/password-reset`, headers })).statusCode).toBe(403);
        const created = await app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'ai-do', fullName: 'Ai Đó', role: 'clerk', scopeCode: 'BD-A' } });
        expect(created.statusCode).toBe(403);
      }
      expect((await t.db.selectFrom('users').select('active').where('id', '=', target.id).executeTakeFirstOrThrow()).active).toBe(true);
    });

    it('lets an administrator filter, disable with 409 LAST/SELF codes, and reset with the password in the answer', async () => {
      const root = await makeUser(t.db, 'admin', undefined, { username: 'qt-http' });
      const headers = await bearer(root.username);
      const target = await makeUser(t.db, 'courier', 'BD-A', { username: 'bt-http' });
      const list = await app.inject({ method: 'GET', url: '/api/v1/users?role=courier&scopeCode=BD-A&active=true', headers });
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((u: { username: string }) => u.username)).toContain('bt-http');
      const self = await app.inject({ method: 'PUT', url: `/api/v1/users/${root.id}/active`, headers, payload: { active: false } });
      expect(self.statusCode).toBe(409);
      expect(self.json().error).toMatchObject({ code: 'CANNOT_DISABLE_SELF', message: expect.stringContaining('không thể') });
      const off = await app.inject({ method: 'PUT', url: `/api/v1/users/${target.id}/active`, headers, payload: { active: false } });
      expect(off.statusCode).toBe(200);
      expect(off.json().active).toBe(false);
      const reset = await app.inject({ method: 'POST', url: `/api/v1/users/${target.id}/password-reset`, headers });
      expect(reset.statusCode).toBe(200);
      expect(reset.json()).toMatchObject({ user: { mustChangePassword: true }, password: expect.any(String) });
      const bad = await app.inject({ method: 'PUT', url: `/api/v1/users/${target.id}/active`, headers, payload: { active: 'maybe' } });
      expect(bad.statusCode).toBe(400);
      expect((await app.inject({ method: 'PUT', url: '/api/v1/users/2000000000/active', headers, payload: { active: false } })).statusCode).toBe(404);
    });
  });
});
