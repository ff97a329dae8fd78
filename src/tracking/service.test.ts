// Public tracking with the PIN against the real database: the right PIN shows the dossier, wrong
// ones slow down per code (in the database, so every instance agrees) and never lock the owner out.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { receiveDossier } from '../dossiers/service';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import { trackingPinFor, trackingSecret } from './references';
import { isTrackingPinShape, trackingPinMatches, trackingPinOf } from './pin';
import { trackDossier } from './service';
import { failure } from '../../test/failure';

describe('tracking PIN (pure)', () => {
  it('is six digits, the same for the same code and secret, and differs between secrets', () => {
    expect(trackingPinOf('a'.repeat(64), '000.00.30.H20-260302-0001')).toMatch(/^[0-9]{6}$/);
    expect(trackingPinOf('a'.repeat(64), '000.00.30.H20-260302-0001')).toBe(trackingPinOf('a'.repeat(64), '000.00.30.H20-260302-0001'));
    const codes = Array.from({ length: 200 }, (_, i) => `000.00.30.H20-260302-${String(i + 1).padStart(4, '0')}`);
    const a = codes.map((c) => trackingPinOf('a'.repeat(64), c));
    const b = codes.map((c) => trackingPinOf('b'.repeat(64), c));
    expect(a.filter((p, i) => p === b[i]).length).toBeLessThan(3);
    expect(new Set(a).size).toBeGreaterThan(195); // consecutive codes do not give related PINs
  });

  it('matches only the exact PIN', () => {
    fc.assert(fc.property(fc.string({ minLength: 32, maxLength: 64 }), fc.string({ minLength: 10, maxLength: 40 }), fc.string({ maxLength: 8 }), (secret, code, typed) => {
      const pin = trackingPinOf(secret, code);
      expect(isTrackingPinShape(pin)).toBe(true);
      expect(trackingPinMatches(secret, code, pin)).toBe(true);
      expect(trackingPinMatches(secret, code, typed)).toBe(typed === pin);
    }));
  });
});

describe('public tracking', () => {
  let t: TestDatabase;
  let w: World;
  const deps = () => ({ db: t.db, clock: w.clock });

  beforeAll(async () => {
    t = await createTestDatabase();
    w = await buildWorld(t.db);
  });
  afterAll(async () => { await t?.close(); });

  const receive = () => receiveDossier(w.ctx(w.actors.clerk), w.intake());
  const wrongPinOf = (pin: string) => (pin === '000000' ? '000001' : '000000');

  it('shows the dossier to whoever has the code and the PIN; a wrong PIN and an unknown code get the same 404', async () => {
    const { code } = await receive();
    const pin = await trackingPinFor(t.db, code);
    expect((await trackDossier(deps(), code, pin)).code).toBe(code);
    const wrong = await failure(trackDossier(deps(), code, wrongPinOf(pin)));
    const unknown = await failure(trackDossier(deps(), '000.00.30.H20-260302-9999', pin));
    expect(wrong.code).toBe('TRACKING_NOT_FOUND');
    expect(unknown.code).toBe('TRACKING_NOT_FOUND');
    expect(wrong.message).toBe(unknown.message);
  });

  it('keeps a 256-bit-long random secret in the database (test databases are clones of one template, so they share it)', async () => {
    expect(await trackingSecret(t.db)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('slows wrong PINs for one code after 5 tries, caps the wait at a minute, and lets the owner in after it', async () => {
    const { code } = await receive();
    const pin = await trackingPinFor(t.db, code);
    const wrong = wrongPinOf(pin);
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) codes.push((await failure(trackDossier(deps(), code, wrong))).code);
    expect(codes).toEqual(['TRACKING_NOT_FOUND', 'TRACKING_NOT_FOUND', 'TRACKING_NOT_FOUND', 'TRACKING_NOT_FOUND', 'TRACKING_NOT_FOUND', 'TRACKING_NOT_FOUND', 'TRACKING_THROTTLED']);
    // the owner, during the wait, waits too (else the wait would answer the guesser) …
    const waiting = await failure(trackDossier(deps(), code, pin));
    expect(waiting.code).toBe('TRACKING_THROTTLED');
    expect(waiting.retryAfterSeconds).toBe(2);
    // … never longer than a minute, however many guesses came before
    let longest = 0;
    for (let i = 0; i < 30; i++) {
      w.clock.advanceMinutes(1);
      await failure(trackDossier(deps(), code, wrong));
      const e = await failure(trackDossier(deps(), code, wrong));
      longest = Math.max(longest, e.retryAfterSeconds ?? 0);
    }
    expect(longest).toBe(60);
    w.clock.advanceMinutes(1);
    expect((await trackDossier(deps(), code, pin)).code).toBe(code);
    // and the right PIN starts the code afresh: a later typo is free again
    expect((await failure(trackDossier(deps(), code, wrong))).code).toBe('TRACKING_NOT_FOUND');
  });

  it('counts parallel guesses in the database: of 20 at once, only the free ones are checked', async () => {
    const { code } = await receive();
    const wrong = wrongPinOf(await trackingPinFor(t.db, code));
    const errors = await Promise.all(Array.from({ length: 20 }, () => failure(trackDossier(deps(), code, wrong))));
    expect(errors.filter((e) => e.code === 'TRACKING_NOT_FOUND').length).toBe(6);
    expect(errors.filter((e) => e.code === 'TRACKING_THROTTLED').length).toBe(14);
  });
});
