import { describe, expect, it } from 'vitest';
import { accepts, hostListOf, isMultiHost, resolveUrl } from './hosts';
import { isDatabaseUnavailable } from './unavailable';

describe('multi-host connection strings', () => {
  it('reads the hosts in order, their ports and target_session_attrs, and gives each host its own URL', () => {
    const list = hostListOf('postgres://app:p%40ss@10.0.0.1:5433,db2,[::1]:6000/motcua?target_session_attrs=read-write&sslmode=disable');
    expect(list.hosts).toEqual([{ host: '10.0.0.1', port: 5433 }, { host: 'db2', port: 5432 }, { host: '::1', port: 6000 }]);
    expect(list.target).toBe('read-write');
    expect(list.urlOf(0)).toBe('postgres://app:p%40ss@10.0.0.1:5433/motcua?sslmode=disable');
    expect(list.urlOf(2)).toBe('postgres://app:p%40ss@[::1]:6000/motcua?sslmode=disable');
  });

  it('leaves a single-host URL alone', async () => {
    const url = 'postgres://motcua@127.0.0.1:5432/motcua';
    expect(isMultiHost(url)).toBe(false);
    expect(await resolveUrl(url)).toBe(url);
    expect(isMultiHost('postgres://a@h1,h2/motcua')).toBe(true);
    expect(isMultiHost('postgres://a@h1/motcua?target_session_attrs=read-write')).toBe(true);
  });

  it('refuses an unknown target_session_attrs', () => {
    expect(() => hostListOf('postgres://a@h1,h2/motcua?target_session_attrs=writable')).toThrow(/target_session_attrs/);
  });

  it('accepts a session as libpq does', () => {
    const primary = { inRecovery: false, readOnly: false };
    const standby = { inRecovery: true, readOnly: true };
    expect(accepts('read-write', primary)).toBe(true);
    expect(accepts('read-write', standby)).toBe(false);
    expect(accepts('read-only', standby)).toBe(true);
    expect(accepts('primary', standby)).toBe(false);
    expect(accepts('standby', standby)).toBe(true);
    expect(accepts('any', standby)).toBe(true);
  });

  it('says which hosts it tried when none answers', async () => {
    const failure = resolveUrl('postgres://a@127.0.0.1:1,127.0.0.1:2/motcua?target_session_attrs=read-write');
    await expect(failure).rejects.toThrow(/127\.0\.0\.1:1.*127\.0\.0\.1:2/);
    expect(isDatabaseUnavailable(await failure.catch((e: unknown) => e))).toBe(true); // 503 while a failover is under way, never a 500
  });
});
