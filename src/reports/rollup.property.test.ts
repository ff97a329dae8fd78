// A random mix of intakes and actions through the dossier services (with the roll-up hook), then
// a rebuild from the event log: the stored roll-ups and the derived ones are identical.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { performAction } from '../dossiers/service';
import { receiveDossier, receivePostalDossier } from '../dossiers/service';
import { actionPermissions, actions, type Action } from '../dossiers/lifecycle';
import { rolesWith } from '../accounts/model';
import { useWorld, type World } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { isDomainError } from '../platform/errors';
import { rollupHook } from './hook';
import { rebuildRollups } from './rebuild';
import { totalsUpTo } from './queries';
import { sql } from 'kysely';

const { t, w } = useWorld();

type Step =
  | { kind: 'intake'; channel: 'counter' | 'online' | 'postal'; minutes: number }
  | { kind: 'action'; dossier: number; action: Action; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('intake' as const), channel: fc.constantFrom('counter' as const, 'online' as const, 'postal' as const), minutes: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('action' as const), dossier: fc.nat(50), action: fc.constantFrom(...actions), minutes: fc.integer({ min: 1, max: 3000 }) }) },
);

function inputFor(action: Action, w: World) {
  const now = w.clock.now();
  const later = new Date(now.getTime() + 10 * 86_400_000);
  later.setUTCHours(2, 0, 0, 0); // 09:00 in Vietnam
  return {
    reason: 'Lý do thử nghiệm', items: ['Bản sao giấy tờ'], newDueAt: later.toISOString(), channel: 'counter' as const,
    signature: { name: 'Nguyễn Văn An', signedAt: now.toISOString() }, consultedAgency: 'Công an xã', replyDueAt: later.toISOString(),
  };
}

async function run(w: World, steps: readonly Step[]): Promise<void> {
  const codes: string[] = [];
  const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [rollupHook] });
  let n = 0;
  for (const s of steps) {
    w.clock.advanceMinutes(s.minutes);
    try {
      if (s.kind === 'intake') {
        const actor = s.channel === 'online' ? w.actors.citizen : s.channel === 'postal' ? w.actors.courier : w.actors.clerk;
        const pid = s.channel === 'online' ? '087090001234' : `0870900${String(10000 + n++).slice(-5)}`;
        const input = w.intake({ personalId: pid, channel: s.channel });
        codes.push((s.channel === 'postal'
          ? await receivePostalDossier(ctx(actor), input, new Date(w.clock.now().getTime() - 3_600_000))
          : await receiveDossier(ctx(actor), input)).code);
      } else if (codes.length > 0) {
        const code = codes[s.dossier % codes.length] ?? '';
        const candidates = Object.values(w.actors).filter((a) => rolesWith(actionPermissions[s.action]).includes(a.role));
        for (const actor of candidates) {
          try {
            await performAction(ctx(actor), code, s.action, inputFor(s.action, w));
            break;
          } catch (e) {
            if (!isDomainError(e)) throw e;
          }
        }
      }
    } catch (e) {
      if (!isDomainError(e)) throw e; // refused by a rule: nothing was written
    }
  }
}

describe('roll-ups rebuilt from the event log', () => {
  it('match the in-transaction roll-ups after a random mix of actions', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), async (steps) => {
      await run(w, steps);
      const report = await rebuildRollups(t.db);
      expect(report.differences).toEqual([]);
      // the marks kept by the hook (apologies, recomputed due times, supplements, forwards, ratings)
      // give the indicators' counts over the dossiers table (marks.ts)
      const today = w.clock.now().toISOString().slice(0, 10);
      for (const to of [today, new Date(w.clock.now().getTime() + 20 * 86_400_000).toISOString().slice(0, 10)]) {
        const end = new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000);
        const direct = await sql<{ n: number; disliked: number }>`SELECT
            count(*) FILTER (WHERE received_at < ${end} AND (finished_at IS NULL OR finished_at >= ${end}) AND coalesce(original_due_at, due_at) < ${end})::int AS n,
            count(*) FILTER (WHERE received_at < ${end} AND rating_stars <= 2)::int AS disliked FROM dossiers`.execute(t.db);
        const m = await totalsUpTo(t.db, { unitPath: '/' }, to);
        expect({ n: m.due - m.due_settled, disliked: m.disliked_received }).toEqual(direct.rows[0]);
      }
    }), { numRuns: 8 });
    const totals = await t.db.selectFrom('stats_daily').select((eb) => [eb.fn.sum<number>('received').as('received'), eb.fn.sum<number>('closed').as('closed')]).executeTakeFirstOrThrow();
    expect(Number(totals.received)).toBeGreaterThan(0);
    expect(Number(totals.closed)).toBeGreaterThan(0);
  }, 240_000);

  it('reports a tampered roll-up, and apply restores it', async () => {
    await t.db.updateTable('stats_daily').set((eb) => ({ received: eb('received', '+', 1) })).where('received', '>', 0).execute();
    const tampered = await rebuildRollups(t.db, { apply: true });
    expect(tampered.differences.length).toBeGreaterThan(0);
    expect(tampered.differences.every((d) => d.metric === 'received' && d.stored === d.derived + 1)).toBe(true);
    expect((await rebuildRollups(t.db)).differences).toEqual([]);
  }, 60_000);
});
