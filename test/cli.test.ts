// The `motcua` command as operators use it: --help everywhere, one-line errors with exit 2,
// and `user add` as the way a real deployment gets its first administrator.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../src/accounts/login';
import { systemClock } from '../src/platform/clock';
import { createTestDatabase, type TestDatabase } from './db';

const motcua = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, ['bin/motcua.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('motcua CLI', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.close(); });

  it('lists its commands with --help', () => {
    const r = motcua(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'seed', 'user', 'calendar']) expect(r.out).toContain(c);
  });

  it.each(['serve', 'migrate', 'seed', 'user'])('answers "%s --help" without doing anything', (command) => {
    const r = motcua([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`motcua ${command}`);
  });

  it.each([
    [['frobnicate'], 'không có lệnh'],
    [['serve', '--port', 'abc'], 'cổng không hợp lệ'],
    [['serve', '--bogus'], 'Lỗi'],
    [['seed'], 'seed --demo'],
    [['user', 'add', '--role', 'clerk'], 'thiếu --username'],
    [['user', 'add', '--username', 'x', '--role', 'king'], '--role phải là'],
  ])('refuses %j with one line and exit status 2', (args, text) => {
    const r = motcua(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('creates the first administrator and prints the generated password once', async () => {
    const r = motcua(['user', 'add', '--username', 'quantri', '--role', 'admin', '--full-name', 'Quản trị viên'], { DATABASE_URL: t.url });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const password = /Mật khẩu \(chỉ hiện một lần\): (\S+)/.exec(r.out)?.[1] ?? '';
    expect(password).toHaveLength(16);
    const session = await login({ db: t.db, clock: systemClock }, { username: 'quantri', password, clientAddress: '127.0.0.1' }, 1);
    expect(session.user.role).toBe('admin');
    const again = motcua(['user', 'add', '--username', 'quantri', '--role', 'admin'], { DATABASE_URL: t.url });
    expect(again.code).toBe(1);
    expect(again.err).toContain('đã được dùng');
  }, 60_000);

  it('reports an unknown scope clearly', () => {
    const r = motcua(['user', 'add', '--username', 'nv01', '--role', 'clerk', '--scope', 'NOWHERE'], { DATABASE_URL: t.url });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không tìm thấy điểm phục vụ có mã NOWHERE');
  }, 60_000);
});
