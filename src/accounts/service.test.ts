import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgency, makeServicePoint, makeUnit, makeUser, tableScopeLookup, TEST_PASSWORD } from '../../test/factories';
import { FixedClock } from '../platform/clock';
import type { DomainError } from '../platform/errors';
import { actorForToken, changePassword, createUser, getUser, listUsers, login } from './service';

const failure = async (p: Promise<unknown>): Promise<DomainError> => {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a failure');
};

describe('accounts service', () => {
  let t: TestDatabase;
  const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));
  let province: Awaited<ReturnType<typeof makeUnit>>;
  let communeA: Awaited<ReturnType<typeof makeUnit>>;
  let communeB: Awaited<ReturnType<typeof makeUnit>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    province = await makeUnit(t.db, { code: '82', level: 'province' });
    communeA = await makeUnit(t.db, { code: '28001', parent: province });
    communeB = await makeUnit(t.db, { code: '28002', parent: province });
    await makeServicePoint(t.db, communeA, { code: 'BD-A' });
    await makeServicePoint(t.db, communeB, { code: 'BD-B' });
    await makeAgency(t.db, communeA, { identifier: '000.01.01.H20' });
  });
  afterAll(async () => { await t.close(); });

  const deps = () => ({ db: t.db, clock });

  it('logs in with the right password and resolves the session to an actor', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'hoa' });
    const result = await login(deps(), { username: 'HOA', password: TEST_PASSWORD }, 12);
    expect(result.user.username).toBe('hoa');
    expect(result.user.roleLabel).toBe('Nhân viên tiếp nhận');
    const actor = await actorForToken(deps(), result.token);
    expect(actor?.role).toBe('clerk');
    expect(actor?.scope.kind).toBe('servicePoint');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'lan' });
    const unknown = await failure(login(deps(), { username: 'nobody', password: 'x' }, 12));
    const wrong = await failure(login(deps(), { username: 'lan', password: 'sai-mat-khau' }, 12));
    expect(unknown.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.message).toBe(unknown.message);
  });

  it('locks the account after 5 failures for 15 minutes, even with the right password', async () => {
    await makeUser(t.db, 'officer', '000.01.01.H20', { username: 'khoa' });
    for (let i = 0; i < 5; i++) await failure(login(deps(), { username: 'khoa', password: 'sai' }, 12));
    expect((await failure(login(deps(), { username: 'khoa', password: TEST_PASSWORD }, 12))).code).toBe('ACCOUNT_LOCKED');
    clock.advanceMinutes(16);
    expect((await login(deps(), { username: 'khoa', password: TEST_PASSWORD }, 12)).user.username).toBe('khoa');
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'account.locked').execute();
    expect(audit.length).toBe(1);
  });

  it('forgets expired sessions', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'expiring' });
    const { token } = await login(deps(), { username: 'expiring', password: TEST_PASSWORD }, 1);
    clock.advanceMinutes(61);
    expect(await actorForToken(deps(), token)).toBeNull();
  });

  it('changes the password, ends the other sessions and keeps the current one', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'minh' });
    const first = await login(deps(), { username: 'minh', password: TEST_PASSWORD }, 12);
    const second = await login(deps(), { username: 'minh', password: TEST_PASSWORD }, 12);
    const actor = await actorForToken(deps(), second.token);
    const ctx = { db: t.db, clock, actor };
    expect((await failure(changePassword(ctx, { currentPassword: 'sai', newPassword: 'mat-khau-moi-dai' }, second.token))).code).toBe('WRONG_PASSWORD');
    expect((await failure(changePassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: 'ngan' }, second.token))).code).toBe('WEAK_PASSWORD');
    await changePassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-dai' }, second.token);
    expect(await actorForToken(deps(), first.token)).toBeNull();
    expect(await actorForToken(deps(), second.token)).not.toBeNull();
    expect((await login(deps(), { username: 'minh', password: 'mat-khau-moi-dai' }, 12)).user.username).toBe('minh');
  });

  it('refuses unknown scopes, missing scopes and taken usernames', async () => {
    const cli = { db: t.db, clock, actor: null };
    const lookup = tableScopeLookup(t.db);
    expect((await failure(createUser(cli, { username: 'xx1', fullName: 'X', role: 'clerk', scopeCode: 'BD-NOPE' }, lookup))).code).toBe('UNKNOWN_SCOPE');
    expect((await failure(createUser(cli, { username: 'xx2', fullName: 'X', role: 'officer' }, lookup))).code).toBe('SCOPE_REQUIRED');
    await createUser(cli, { username: 'tam', fullName: 'Tâm', role: 'courier', scopeCode: 'BD-A' }, lookup);
    expect((await failure(createUser(cli, { username: 'TAM', fullName: 'Tâm', role: 'courier', scopeCode: 'BD-A' }, lookup))).code).toBe('USERNAME_TAKEN');
    expect((await failure(createUser(cli, { username: 'tam', fullName: 'Tâm', role: 'courier', scopeCode: 'BD-A' }, lookup))).code).toBe('USERNAME_TAKEN');
  });

  it('lets only administrators create users', async () => {
    const clerk = await makeUser(t.db, 'clerk', 'BD-A');
    const { token } = await login(deps(), { username: clerk.username, password: TEST_PASSWORD }, 12);
    const actor = await actorForToken(deps(), token);
    const err = await failure(createUser({ db: t.db, clock, actor }, { username: 'newbie', fullName: 'N', role: 'clerk', scopeCode: 'BD-A' }, tableScopeLookup(t.db)));
    expect(err.kind).toBe('Forbidden');
  });

  it('lets a province administrator create staff of the province, but not an unscoped administrator or a citizen', async () => {
    const provinceAdmin = await makeUser(t.db, 'admin', '82');
    const { token } = await login(deps(), { username: provinceAdmin.username, password: TEST_PASSWORD }, 12);
    const ctx = { db: t.db, clock, actor: await actorForToken(deps(), token) };
    const lookup = tableScopeLookup(t.db);
    const clerk = await createUser(ctx, { username: 'nvmoi', fullName: 'Nhân viên mới', role: 'clerk', scopeCode: 'BD-A' }, lookup);
    expect(clerk.user.scopeCode).toBe('BD-A');
    expect((await failure(createUser(ctx, { username: 'rootadmin2', fullName: 'X', role: 'admin' }, lookup))).code).toBe('SYSTEM_ADMIN_ONLY');
    expect((await failure(createUser(ctx, { username: 'congdan2', fullName: 'X', role: 'citizen', personalId: '087090009999' }, lookup))).code).toBe('SYSTEM_ADMIN_ONLY');
  });

  it('counts failed logins in the database: parallel guesses still lock the account', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'song-song' });
    await Promise.all(Array.from({ length: 8 }, () => failure(login(deps(), { username: 'song-song', password: 'sai' }, 12))));
    const row = await t.db.selectFrom('users').select(['locked_until']).where('username', '=', 'song-song').executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
  });

  it('hides users outside the scope: a clerk of one post office cannot read a clerk of another', async () => {
    const a = await makeUser(t.db, 'clerk', 'BD-A');
    const b = await makeUser(t.db, 'clerk', 'BD-B');
    const { token } = await login(deps(), { username: a.username, password: TEST_PASSWORD }, 12);
    const ctx = { db: t.db, clock, actor: await actorForToken(deps(), token) };
    expect((await getUser(ctx, a.id)).id).toBe(a.id);
    expect((await failure(getUser(ctx, b.id))).kind).toBe('NotFound');
    expect((await failure(listUsers(ctx, { limit: 50, offset: 0 }))).kind).toBe('Forbidden');
  });

  it('shows a commune supervisor only the users of that commune; the province supervisor sees both', async () => {
    const a = await makeUser(t.db, 'clerk', 'BD-A');
    const b = await makeUser(t.db, 'clerk', 'BD-B');
    const local = await makeUser(t.db, 'supervisor', '28001');
    const provincial = await makeUser(t.db, 'supervisor', '82');
    const ctxOf = async (username: string) => {
      const { token } = await login(deps(), { username, password: TEST_PASSWORD }, 12);
      return { db: t.db, clock, actor: await actorForToken(deps(), token) };
    };
    const localList = (await listUsers(await ctxOf(local.username), { limit: 200, offset: 0 })).items.map((u) => u.id);
    expect(localList).toContain(a.id);
    expect(localList).not.toContain(b.id);
    expect((await failure(getUser(await ctxOf(local.username), b.id))).kind).toBe('NotFound');
    const all = (await listUsers(await ctxOf(provincial.username), { limit: 200, offset: 0 })).items.map((u) => u.id);
    expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
  });
});
