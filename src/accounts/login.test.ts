// Sign-in and password change against the real database: back-off instead of lock-out, the same
// answer for unknown names, wrong current passwords counted, sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeServicePoint, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories';
import { FixedClock } from '../platform/clock';
import type { DomainError } from '../platform/errors';
import { actorForToken, changePassword, dummyPasswordHash, login, sessionForToken } from './login';
import { hashPassword } from './passwords';
import { failure } from '../../test/failure';

describe('sign-in', () => {
  let t: TestDatabase;
  const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));
  const deps = () => ({ db: t.db, clock });
  let n = 0;
  /** A fresh client address per test, so that the per-address back-off of one test does not leak into another. */
  const freshAddress = () => `10.1.0.${++n}`;

  beforeAll(async () => {
    t = await createTestDatabase();
    const province = await makeUnit(t.db, { code: '82', level: 'province' });
    const commune = await makeUnit(t.db, { code: '28001', parent: province });
    await makeServicePoint(t.db, commune, { code: 'BD-A' });
  });
  afterAll(async () => { await t.close(); });

  it('logs in with the right password and resolves the session to an actor', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'hoa' });
    const result = await login(deps(), { username: 'HOA', password: TEST_PASSWORD, clientAddress: freshAddress() }, 12);
    expect(result.user.username).toBe('hoa');
    expect(result.user.roleLabel).toBe('Nhân viên tiếp nhận');
    const actor = await actorForToken(deps(), result.token);
    expect(actor?.role).toBe('clerk');
    expect(actor?.scope.kind).toBe('servicePoint');
  });

  it('gives the same answer for an unknown user, an inactive one and a wrong password, and slows all three alike', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'lan' });
    const gone = await makeUser(t.db, 'clerk', 'BD-A', { username: 'nghi-viec' });
    await t.db.updateTable('users').set({ active: false }).where('id', '=', gone.id).execute();
    const address = freshAddress();
    const answers: { username: string; e: DomainError }[] = [];
    for (const username of ['nobody', 'lan', 'nghi-viec']) {
      for (let i = 0; i < 5; i++) answers.push({ username, e: await failure(login(deps(), { username, password: 'sai-mat-khau', clientAddress: address }, 12)) });
    }
    // per name: 3 free failures, then a wait — the same sequence whether the name exists or not
    const codes = (u: string) => answers.filter((a) => a.username === u).map((a) => a.e.code);
    expect(codes('nobody')).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'LOGIN_THROTTLED']);
    expect(codes('lan')).toEqual(codes('nobody'));
    expect(codes('nghi-viec')).toEqual(codes('nobody'));
    const messages = new Set(answers.filter((a) => a.e.code === 'INVALID_CREDENTIALS').map((a) => a.e.message));
    expect(messages.size).toBe(1);
  });

  it('checks unknown names against a real Argon2id hash with the same parameters as users\' hashes', async () => {
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(params(await dummyPasswordHash())).toBe(params(await hashPassword('mot-mat-khau-bat-ky')));
    expect(params(await dummyPasswordHash())).toMatch(/^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
  });

  it('slows guesses down without locking the owner out: after the wait the right password works', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'khoa' });
    const address = freshAddress();
    for (let i = 0; i < 4; i++) await failure(login(deps(), { username: 'khoa', password: 'sai', clientAddress: address }, 12));
    // 4 failures: the 4th earned a 1-second wait; even the right password waits
    const waiting = await failure(login(deps(), { username: 'khoa', password: TEST_PASSWORD, clientAddress: freshAddress() }, 12));
    expect(waiting.code).toBe('LOGIN_THROTTLED');
    expect(waiting.kind).toBe('TooManyRequests');
    expect(waiting.retryAfterSeconds).toBe(1);
    clock.advanceMinutes(1);
    expect((await login(deps(), { username: 'khoa', password: TEST_PASSWORD, clientAddress: freshAddress() }, 12)).user.username).toBe('khoa');
    // success starts the name afresh: three free failures again
    for (let i = 0; i < 3; i++) expect((await failure(login(deps(), { username: 'khoa', password: 'sai', clientAddress: address }, 12))).code).toBe('INVALID_CREDENTIALS');
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'login.failed').where('entity_key', '=', String((await t.db.selectFrom('users').select('id').where('username', '=', 'khoa').executeTakeFirstOrThrow()).id)).execute();
    expect(audit.length).toBe(7);
  });

  it('never makes anyone wait more than 30 seconds for one name, however many guesses were made', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'bi-do' });
    let longest = 0;
    for (let i = 0; i < 40; i++) {
      const e = await failure(login(deps(), { username: 'bi-do', password: `sai-${i}`, clientAddress: `10.9.${i}.1` }, 12));
      if (e.code === 'LOGIN_THROTTLED') {
        longest = Math.max(longest, e.retryAfterSeconds ?? 0);
        clock.advanceMinutes(1);
      }
    }
    expect(longest).toBe(30);
  });

  it('counts parallel guesses in the database: of 12 at once, only the free ones are checked', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'song-song' });
    const address = freshAddress();
    const errors = await Promise.all(Array.from({ length: 12 }, () => failure(login(deps(), { username: 'song-song', password: 'sai', clientAddress: address }, 12))));
    // 3 free + the 4th (which earns the first wait) are checked; the other 8 wait
    expect(errors.filter((e) => e.code === 'INVALID_CREDENTIALS').length).toBe(4);
    expect(errors.filter((e) => e.code === 'LOGIN_THROTTLED').length).toBe(8);
  });

  it('slows one address that sprays many names, after 20 free failures', async () => {
    const address = freshAddress();
    const codes = [];
    for (let i = 0; i < 22; i++) codes.push((await failure(login(deps(), { username: `ten-${i}`, password: 'sai', clientAddress: address }, 12))).code);
    expect(codes.slice(0, 21).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes[21]).toBe('LOGIN_THROTTLED');
  });

  it('forgets expired sessions', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'expiring' });
    const { token } = await login(deps(), { username: 'expiring', password: TEST_PASSWORD, clientAddress: freshAddress() }, 1);
    clock.advanceMinutes(61);
    expect(await actorForToken(deps(), token)).toBeNull();
  });

  it('changes the password, ends the other sessions and keeps the current one; wrong current passwords count as guesses', async () => {
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'minh' });
    const first = await login(deps(), { username: 'minh', password: TEST_PASSWORD, clientAddress: freshAddress() }, 12);
    const second = await login(deps(), { username: 'minh', password: TEST_PASSWORD, clientAddress: freshAddress() }, 12);
    const ctx = { db: t.db, clock, actor: await actorForToken(deps(), second.token) };
    const address = freshAddress();
    const change = (currentPassword: string, newPassword: string) => changePassword(ctx, { currentPassword, newPassword, clientAddress: address }, second.token);
    const wrong = [];
    for (let i = 0; i < 5; i++) wrong.push((await failure(change(`sai-${i}`, 'mat-khau-moi-dai'))).code);
    expect(wrong).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'LOGIN_THROTTLED']);
    // the same name's sign-in waits too
    expect((await failure(login(deps(), { username: 'minh', password: TEST_PASSWORD, clientAddress: freshAddress() }, 12))).code).toBe('LOGIN_THROTTLED');
    clock.advanceMinutes(1);
    expect((await failure(change(TEST_PASSWORD, 'ngan'))).code).toBe('WEAK_PASSWORD');
    expect((await failure(change(TEST_PASSWORD, TEST_PASSWORD))).code).toBe('SAME_PASSWORD');
    await change(TEST_PASSWORD, 'mat-khau-moi-dai');
    expect(await actorForToken(deps(), first.token)).toBeNull();
    expect(await actorForToken(deps(), second.token)).not.toBeNull();
    expect((await login(deps(), { username: 'minh', password: 'mat-khau-moi-dai', clientAddress: freshAddress() }, 12)).user.username).toBe('minh');
  });

  it('marks a handed-over password as to be changed until the user changes it', async () => {
    const u = await makeUser(t.db, 'clerk', 'BD-A', { username: 'moi-vao' });
    await t.db.updateTable('users').set({ must_change_password: true }).where('id', '=', u.id).execute();
    const s = await login(deps(), { username: 'moi-vao', password: TEST_PASSWORD, clientAddress: freshAddress() }, 12);
    expect(s.user.mustChangePassword).toBe(true);
    expect((await sessionForToken(deps(), s.token))?.mustChangePassword).toBe(true);
    await changePassword({ db: t.db, clock, actor: await actorForToken(deps(), s.token) }, { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-cua-toi', clientAddress: freshAddress() }, s.token);
    expect((await sessionForToken(deps(), s.token))?.mustChangePassword).toBe(false);
  });
});
