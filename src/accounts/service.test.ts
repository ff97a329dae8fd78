import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgency, makeServicePoint, makeUnit, makeUser, tableScopeLookup, TEST_PASSWORD } from '../../test/factories';
import { FixedClock } from '../platform/clock';
import { actorForToken, login } from './login';
import { createUser, getUser, listUsers } from './service';
import { failure } from '../../test/failure';

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

  it('refuses unknown scopes, missing scopes and taken usernames', async () => {
    const cli = { db: t.db, clock, actor: null };
    const lookup = tableScopeLookup(t.db);
    expect((await failure(createUser(cli, { username: 'xx1', fullName: 'X', role: 'clerk', scopeCode: 'BD-NOPE' }, lookup))).code).toBe('UNKNOWN_SCOPE');
    expect((await failure(createUser(cli, { username: 'xx2', fullName: 'X', role: 'officer' }, lookup))).code).toBe('SCOPE_REQUIRED');
    await createUser(cli, { username: 'tam', fullName: 'Tâm', role: 'courier', scopeCode: 'BD-A' }, lookup);
    expect((await failure(createUser(cli, { username: 'TAM', fullName: 'Tâm', role: 'courier', scopeCode: 'BD-A' }, lookup))).code).toBe('USERNAME_TAKEN');
    expect((await failure(createUser(cli, { username: 'tam', fullName: 'Tâm', role: 'courier', scopeCode: 'BD-A' }, lookup))).code).toBe('USERNAME_TAKEN');
    expect((await failure(createUser(cli, { username: 'an-danh', fullName: 'Quản\u202E trị', role: 'courier', scopeCode: 'BD-A' }, lookup))).code).toBe('INVALID_NAME');
    const nfd = await createUser(cli, { username: 'nfd-ten', fullName: ' Nguye\u0302\u0303n Va\u0306n Tâm ', role: 'courier', scopeCode: 'BD-A' }, lookup);
    expect(nfd.user.fullName).toBe('Nguyễn Văn Tâm');
  });

  it('lets only administrators create users', async () => {
    const clerk = await makeUser(t.db, 'clerk', 'BD-A');
    const { token } = await login(deps(), { username: clerk.username, password: TEST_PASSWORD, clientAddress: '10.0.0.1' }, 12);
    const actor = await actorForToken(deps(), token);
    const err = await failure(createUser({ db: t.db, clock, actor }, { username: 'newbie', fullName: 'N', role: 'clerk', scopeCode: 'BD-A' }, tableScopeLookup(t.db)));
    expect(err.kind).toBe('Forbidden');
  });

  it('lets a province administrator create staff of the province, but not an unscoped administrator or a citizen', async () => {
    const provinceAdmin = await makeUser(t.db, 'admin', '82');
    const { token } = await login(deps(), { username: provinceAdmin.username, password: TEST_PASSWORD, clientAddress: '10.0.0.1' }, 12);
    const ctx = { db: t.db, clock, actor: await actorForToken(deps(), token) };
    const lookup = tableScopeLookup(t.db);
    const clerk = await createUser(ctx, { username: 'nvmoi', fullName: 'Nhân viên mới', role: 'clerk', scopeCode: 'BD-A' }, lookup);
    expect(clerk.user.scopeCode).toBe('BD-A');
    expect((await failure(createUser(ctx, { username: 'rootadmin2', fullName: 'X', role: 'admin' }, lookup))).code).toBe('SYSTEM_ADMIN_ONLY');
    expect((await failure(createUser(ctx, { username: 'congdan2', fullName: 'X', role: 'citizen', personalId: '087090009999' }, lookup))).code).toBe('SYSTEM_ADMIN_ONLY');
  });

  it('lets the system administrator read a citizen account, which a province administrator does not see', async () => {
    const cli = { db: t.db, clock, actor: null };
    const lookup = tableScopeLookup(t.db);
    const root = await createUser(cli, { username: 'quantri-he-thong', fullName: 'Quản trị hệ thống', role: 'admin', password: TEST_PASSWORD }, lookup);
    const citizen = await createUser(cli, { username: 'cong-dan-a', fullName: 'Nguyễn Văn A', role: 'citizen', personalId: '087090001234' }, lookup);
    const provinceAdmin = await makeUser(t.db, 'admin', '82');
    const ctxOf = async (username: string) => {
      const { token } = await login(deps(), { username, password: TEST_PASSWORD, clientAddress: '10.0.0.1' }, 12);
      return { db: t.db, clock, actor: await actorForToken(deps(), token) };
    };
    expect((await getUser(await ctxOf(root.user.username), citizen.user.id)).role).toBe('citizen');
    expect((await listUsers(await ctxOf(root.user.username), { limit: 200, offset: 0 })).items.map((u) => u.id)).toContain(citizen.user.id);
    expect((await failure(getUser(await ctxOf(provinceAdmin.username), citizen.user.id))).kind).toBe('NotFound');
  });

  it('lets a clerk read their own account but not another clerk\'s (no users.read: 403, asked before any lookup)', async () => {
    const a = await makeUser(t.db, 'clerk', 'BD-A');
    const b = await makeUser(t.db, 'clerk', 'BD-B');
    const { token } = await login(deps(), { username: a.username, password: TEST_PASSWORD, clientAddress: '10.0.0.1' }, 12);
    const ctx = { db: t.db, clock, actor: await actorForToken(deps(), token) };
    expect((await getUser(ctx, a.id)).id).toBe(a.id);
    expect((await failure(getUser(ctx, b.id))).kind).toBe('Forbidden');
    expect((await failure(getUser(ctx, 2_000_000_000))).kind).toBe('Forbidden');
    expect((await failure(listUsers(ctx, { limit: 50, offset: 0 }))).kind).toBe('Forbidden');
  });

  it('shows a commune supervisor only the users of that commune; the province supervisor sees both', async () => {
    const a = await makeUser(t.db, 'clerk', 'BD-A');
    const b = await makeUser(t.db, 'clerk', 'BD-B');
    const local = await makeUser(t.db, 'supervisor', '28001');
    const provincial = await makeUser(t.db, 'supervisor', '82');
    const ctxOf = async (username: string) => {
      const { token } = await login(deps(), { username, password: TEST_PASSWORD, clientAddress: '10.0.0.1' }, 12);
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
