import { describe, expect, it } from 'vitest';
import { majorOf, pgToolFits } from './backup';

describe('choosing pg_dump for DATABASE_URL', () => {
  it.each([
    ['pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)', 15],
    ['pg_restore (PostgreSQL) 18.1', 18],
    ['pg_dump (PostgreSQL) 9.6.24', 9],
    ['nonsense', null],
  ])('reads the major version of %j', (text, major) => {
    expect(majorOf(text)).toBe(major);
  });

  it('uses pg_dump only when its major version is the server\'s, and says why not otherwise', () => {
    expect(pgToolFits('pg_dump', 18, 18)).toEqual({ fits: true });
    expect(pgToolFits('pg_dump', 15, 18)).toEqual({ fits: false, why: 'pg_dump 15 không khớp máy chủ PostgreSQL 18' });
    expect(pgToolFits('pg_restore', null, 17)).toEqual({ fits: false, why: 'không có pg_restore trên máy này' });
  });
});
