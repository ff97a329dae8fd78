import { describe, expect, it } from 'vitest';
import { verifyChain } from './audit';
import { receiveDossier } from './service';
import { intakesWithOneFailing, useWideWorld } from './world.test-helper';

const { w, wide } = useWideWorld(24);

const pid = (i: number) => `0870${String(i).padStart(8, '0')}`;
const serialsOf = (codes: string[]) => codes.map((c) => Number(c.split('-')[2])).sort((a, b) => a - b);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('code serials under concurrency', () => {
  it('gives 200 concurrent intakes at one agency on one day the serials 0001–0200, no gap, no duplicate', async () => {
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const results = await Promise.all(range(1, 200).map((i) =>
      receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: pid(i), name: `Nguyễn Văn Số ${String.fromCharCode(65 + (i % 26))}` }))));
    const codes = results.map((r) => r.code);
    expect(new Set(codes).size).toBe(200);
    expect(serialsOf(codes)).toEqual(range(1, 200));
    expect(codes).toContain('000.00.30.H20-260302-0001');
    expect(codes).toContain('000.00.30.H20-260302-0200');
    expect(await verifyChain(wide.db)).toMatchObject({ ok: true, dossiers: 200, events: 200 });
  }, 60_000);

  it('leaves no gap when an intake rolls back in the middle', async () => {
    w.clock.set(new Date('2026-03-03T09:00:00+07:00'));
    // fails inside the intake statement, after the serial was taken (a NULL in outbox.kind)
    const outcomes = await intakesWithOneFailing(w, 41, 20, (i) => pid(1000 + i));
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const codes = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.code] : []));
    expect(serialsOf(codes)).toEqual(range(1, 40));
    const orphans = await wide.db.selectFrom('dossiers').select('code').where('applicant_name', '=', 'Lỗi Giữa Chừng').execute();
    expect(orphans).toEqual([]);
    // the next intake takes 41, not 42
    const next = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: pid(2000), name: 'Lê Thị Hoa' }));
    expect(next.code).toBe('000.00.30.H20-260303-0041');
  }, 60_000);

  it('makes one dossier of 50 concurrent retries with one Idempotency-Key', async () => {
    w.clock.set(new Date('2026-03-04T09:00:00+07:00'));
    const input = w.intake({ personalId: pid(3000), name: 'Phạm Văn Lặp' });
    const results = await Promise.all(range(1, 50).map(() => receiveDossier(w.ctx(w.actors.clerk), input, 'retry-key-0001')));
    expect(new Set(results.map((r) => r.code)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const rows = await wide.db.selectFrom('dossiers').select('code').where('applicant_name', '=', 'Phạm Văn Lặp').execute();
    expect(rows).toHaveLength(1);
    // the same key with another body is refused; another actor may use the same key
    await expect(receiveDossier(w.ctx(w.actors.clerk), { ...input, formData: { ...input.formData, gender: 'Nữ' } }, 'retry-key-0001'))
      .rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', kind: 'Conflict' });
    const other = await receiveDossier(w.ctx(w.actors.otherClerk), input, 'retry-key-0001');
    expect(other.code).not.toBe(results[0]?.code);
  }, 60_000);
});
