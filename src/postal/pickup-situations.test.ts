// The applicant's situation at the door (catalog/situations.ts): a procedure whose papers are listed by
// situation — here the world's procedure given 1.004222's real list — cannot be sealed until the courier
// chooses the situation and one of its papers is handed in; a situation not on the list is refused at once.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedProcedure } from '../catalog/seed.test-helper';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { useTempFiles } from './files.test-helper';
import { draftedPickup } from './pickup.test-helper';
import { saveDraft } from './pickups';

const { w } = useWorld('2026-05-06T07:00:00+07:00');
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [], files });
// the drafted papers p1, p2 are the own-home situation's (the vehicle papers): renting needs p12 or p13
const RENTED = 'Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ';

describe('the situation at the door (1.004222\'s list)', () => {
  it('asks the situation, refuses one not on the list, then wants one of its papers', async () => {
    await sql`UPDATE procedures SET required_papers = ${JSON.stringify(seedProcedure('1.004222').requiredPapers)}::jsonb WHERE code = ${w.procedureCode}`.execute(w.db);
    w.clock.set(new Date('2026-05-07T07:00:00+07:00')); // the catalogue cache reads the change
    const { s, answer } = await draftedPickup(w, ctx, '087090004222', '2026-05-07');
    expect(answer.problems.map((p) => p.code)).toContain('SITUATION_REQUIRED');

    const wrong = await saveDraft(ctx(w.actors.courier), s.id, { situation: 'Ở nhà người quen' }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ kind: 'ValidationFailed', code: 'SITUATION_UNKNOWN' });

    const chosen = await saveDraft(ctx(w.actors.courier), s.id, { situation: RENTED });
    expect(chosen.shipment.draft).toMatchObject({ situation: RENTED });
    expect(chosen.problems.filter((p) => p.code !== undefined).map((p) => p.code)).toEqual(['SITUATION_PAPER_MISSING']);

    const complete = await saveDraft(ctx(w.actors.courier), s.id, { papers: [{ key: 'p12', source: 'paper' }] });
    expect(complete.problems.filter((p) => p.code !== undefined)).toEqual([]);
    expect(complete.shipment.draft).toMatchObject({ situation: RENTED });

    const cleared = await saveDraft(ctx(w.actors.courier), s.id, { situation: null });
    expect(cleared.shipment.draft).not.toHaveProperty('situation');
    expect(cleared.problems.map((p) => p.code)).toContain('SITUATION_REQUIRED');
  });
});
