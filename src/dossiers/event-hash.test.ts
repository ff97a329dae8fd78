// The one definition of the event hash (event-hash.ts): its versions, and the intake statement's
// SQL computing byte for byte what TypeScript computes, for random events (fast-check).
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { eventHash, eventHashBody, GENESIS_HASH } from './event-hash';
import { nextEvent, normalizePayload } from './events';
import { filledBody, intakeEventSql } from './intake-event-sql';
import type { Role } from '../platform/actor';

const code = '000.00.30.H20-260302-0001';
const sample = {
  dossierCode: code, seq: 1, at: new Date('2026-03-02T02:00:00.000Z'), action: 'received', actorId: 7, actorRole: 'clerk',
  payload: { code, applicantName: 'Nguyễn Văn An', papers: [{ key: 'p1', copies: 1 }] },
};

describe('event hash versions', () => {
  it('version 1 is the hash written before migration 0045 (actor role not covered)', () => {
    // sha256('0'×64 + '{"action":"received","actorId":7,"at":"2026-03-02T02:00:00.000Z","dossierCode":…,"payload":{…},"seq":1}')
    expect(eventHash(GENESIS_HASH, { ...sample, hashVersion: 1 })).toBe('50fc7d177c477b1d481c927c11d3382bf6ee8e7e7f253c08847f4eb9ed159772');
    expect(eventHash(GENESIS_HASH, { ...sample, hashVersion: 1, actorRole: 'admin' })).toBe('50fc7d177c477b1d481c927c11d3382bf6ee8e7e7f253c08847f4eb9ed159772');
  });

  it('version 2 covers the actor role and its own version number', () => {
    expect(eventHash(GENESIS_HASH, { ...sample, hashVersion: 2 })).toBe('00692a903f91229321ad46b991c3cb8335b76097edef2412b197406d6cda1d44');
    expect(eventHashBody({ ...sample, hashVersion: 2 })).toContain('"actorRole":"clerk"');
    expect(eventHashBody({ ...sample, hashVersion: 2 })).toContain('"hashVersion":2');
    expect(eventHash(GENESIS_HASH, { ...sample, hashVersion: 2, actorRole: 'admin' })).not.toBe('00692a903f91229321ad46b991c3cb8335b76097edef2412b197406d6cda1d44');
  });

  it('changing any hashed field changes a version 2 hash', () => {
    const base = eventHash(GENESIS_HASH, { ...sample, hashVersion: 2 });
    const variants = [
      { dossierCode: `${code}x` }, { seq: 2 }, { at: new Date('2026-03-02T02:00:00.001Z') }, { action: 'forward' },
      { actorId: 8 }, { actorId: null }, { actorRole: null }, { payload: { ...sample.payload, applicantName: 'Nguyễn Văn Ân' } },
    ];
    for (const v of variants) expect(eventHash(GENESIS_HASH, { ...sample, hashVersion: 2, ...v })).not.toBe(base);
    expect(eventHash('1'.repeat(64), { ...sample, hashVersion: 2 })).not.toBe(base);
  });

  it('refuses a version it does not define', () => {
    expect(() => eventHash(GENESIS_HASH, { ...sample, hashVersion: 3 })).toThrow(RangeError);
    expect(() => eventHash(GENESIS_HASH, { ...sample, hashVersion: 0 })).toThrow(RangeError);
  });

  it('new events are hashed with version 2 and the role of their actor', () => {
    const e = nextEvent({ id: 1, code }, { seq: 0, hash: GENESIS_HASH }, 'received', { userId: 7, role: 'clerk' }, sample.payload, sample.at);
    expect(e.hashVersion).toBe(2);
    expect(e.hash).toBe('00692a903f91229321ad46b991c3cb8335b76097edef2412b197406d6cda1d44');
  });
});

// JSON values as a payload may hold them: any Unicode text without NUL (the intake refuses NUL,
// jsonb cannot store it), numbers that JSON can write, nested objects and arrays.
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
const leaf = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 5 }),
})).object as fc.Arbitrary<Record<string, unknown>>;
const roles: readonly (Role | null)[] = ['clerk', 'courier', 'citizen', 'officer', 'approver', 'admin', null];

describe('the intake statement hashes as TypeScript does', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t?.close(); });

  it('for random payloads, roles, times, codes and ledger serials: same payload, same text, same hash', async () => {
    await fc.assert(fc.asyncProperty(
      json, fc.constantFrom(...roles), fc.option(fc.integer({ min: 1, max: 2 ** 31 }), { nil: null }),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.constantFrom('received', 'submitted'),
      fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: null }),
      async (extra, role, userId, at, serial, applicantId, action, ledgerSerial) => {
        const realCode = `000.00.30.H20-260302-${String(serial).padStart(4, '0')}`;
        const tokens = {
          code: '000.00.30.H20-260302-5f0c2a9e7b1d4c3a', applicant: 'applicant-8c1e2f3a4b5d6e7f',
          ...(ledgerSerial === null ? {} : { ledgerSerial: 'ledger-1a2b3c4d5e6f7a8b' }),
        };
        const payloadOf = (c: string, a: number | string, l: number | string | null) =>
          ({ ...extra, code: c, applicantId: a, ...(l === null ? {} : { ledger: { year: 2026, serial: l } }) });
        const actor = role === null ? null : { userId: userId ?? 1, role };
        const draft = nextEvent({ id: 0, code: tokens.code }, { seq: 0, hash: GENESIS_HASH }, action, actor,
          payloadOf(tokens.code, tokens.applicant, ledgerSerial === null ? null : tokens.ledgerSerial ?? null), at);
        // what TypeScript writes for the real values
        const direct = nextEvent({ id: 0, code: realCode }, { seq: 0, hash: GENESIS_HASH }, action, actor, payloadOf(realCode, applicantId, ledgerSerial), at);
        expect(filledBody(draft, tokens, realCode, applicantId, ledgerSerial ?? undefined)).toBe(eventHashBody(direct));
        const { payload, hash } = intakeEventSql(draft, tokens, sql<string>`c.code`, sql<number>`a.id`, sql<number | null>`l.last_number`);
        const r = await sql<{ payload: Record<string, unknown>; hash: string; body: string }>`
          SELECT ${payload} AS payload, ${hash} AS hash
          FROM (SELECT ${realCode}::text AS code) c, (SELECT ${applicantId}::bigint AS id) a, (SELECT ${ledgerSerial}::integer AS last_number) l`.execute(t.db);
        const row = r.rows[0];
        expect(row?.hash).toBe(direct.hash);
        expect(row?.payload).toEqual(normalizePayload(payloadOf(realCode, applicantId, ledgerSerial)));
        // and the verifier, reading the stored jsonb back, computes the same hash again
        expect(eventHash(GENESIS_HASH, { ...direct, payload: row?.payload ?? {} })).toBe(row?.hash);
      },
    ), { numRuns: 150 });
  }, 60_000);
});
