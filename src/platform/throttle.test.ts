// The back-off rule: free tries, doubling waits, a cap nobody can push past, forgotten failures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffSeconds, decideClaim, type BackoffPolicy } from './throttle';

const policy: BackoffPolicy = { free: 3, baseSeconds: 1, capSeconds: 30, forgetAfterSeconds: 3600 };
const at = (iso: string) => new Date(iso);

describe('back-off', () => {
  it.each([[0, 0], [3, 0], [4, 1], [5, 2], [6, 4], [8, 16], [9, 30], [500, 30]])('%i failures → wait %i s', (failures, seconds) => {
    expect(backoffSeconds(failures, policy)).toBe(seconds);
  });

  it('never waits longer than the cap and never less after one more failure', () => {
    fc.assert(fc.property(fc.nat(10_000), (n) => {
      expect(backoffSeconds(n, policy)).toBeLessThanOrEqual(policy.capSeconds);
      expect(backoffSeconds(n + 1, policy)).toBeGreaterThanOrEqual(backoffSeconds(n, policy));
    }));
  });

  it('refuses while the wait runs, saying how long is left, and counts nothing', () => {
    const state = { failures: 5, lastAttemptAt: at('2026-03-02T02:00:00Z'), nextAllowedAt: at('2026-03-02T02:00:02Z') };
    expect(decideClaim(state, at('2026-03-02T02:00:00.500Z'), policy)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('lets the attempt go on after the wait, counted as one more failure until it succeeds', () => {
    const state = { failures: 5, lastAttemptAt: at('2026-03-02T02:00:00Z'), nextAllowedAt: at('2026-03-02T02:00:02Z') };
    expect(decideClaim(state, at('2026-03-02T02:00:02Z'), policy)).toEqual({
      allowed: true, next: { failures: 6, lastAttemptAt: at('2026-03-02T02:00:02Z'), nextAllowedAt: at('2026-03-02T02:00:06Z') },
    });
  });

  it('forgets failures older than an hour', () => {
    const state = { failures: 40, lastAttemptAt: at('2026-03-02T01:00:00Z'), nextAllowedAt: at('2026-03-02T01:00:30Z') };
    expect(decideClaim(state, at('2026-03-02T02:00:00Z'), policy)).toMatchObject({ allowed: true, next: { failures: 1 } });
  });
});
