// Form 01's ledger ("Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …"): one book per service point and
// year (Vietnam time), numbered from 1 with no gap, the number taken in the intake statement.
import { describe, expect, it } from 'vitest';
import { nextRegisterNumberSql } from '../platform/registers';
import { verifyChain } from './audit';
import { getDossier, receiveDossier } from './service';
import { intakesWithOneFailing, useWideWorld } from './world.test-helper';

const { w, wide } = useWideWorld(16);

const pid = (i: number) => `0871${String(i).padStart(8, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const serials = (rs: { ledger: { serial: number } | null }[]) => rs.map((r) => r.ledger?.serial ?? 0).sort((a, b) => a - b);

describe('the receipt ledger (form 01)', () => {
  it('gives 60 concurrent intakes at one service point the serials 1–60 of the year\'s book, and another point its own book', async () => {
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const [here, there] = await Promise.all([
      Promise.all(range(1, 60).map((i) => receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: pid(i), name: 'Nguyễn Văn Sổ' })))),
      Promise.all(range(61, 70).map((i) => receiveDossier(w.ctx(w.actors.otherClerk), w.intake({ personalId: pid(i), name: 'Trần Thị Sổ' })))),
    ]);
    expect(serials(here)).toEqual(range(1, 60));
    expect(serials(there)).toEqual(range(1, 10));
    expect(new Set(here.map((r) => r.ledger?.book))).toEqual(new Set(['01/2026']));
    // the number is in the intake event (hashed) and the row is its fold
    const one = here.find((r) => r.ledger?.serial === 37);
    if (!one) throw new Error('serial 37 missing');
    const d = await getDossier(w.ctx(w.actors.clerk), one.code);
    expect(d.ledger).toEqual({ book: '01/2026', year: 2026, serial: 37 });
    expect(d.timeline[0]?.payload.ledger).toEqual({ year: 2026, serial: 37 });
    expect(await verifyChain(wide.db)).toMatchObject({ ok: true, dossiers: 70 });
  }, 60_000);

  it('starts a new book at 1 on 1 January, Vietnam time', async () => {
    w.clock.set(new Date('2026-12-31T16:30:00Z')); // 23:30 on 31/12/2026 in Vietnam
    const late = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: pid(100) }));
    expect(late.ledger).toMatchObject({ book: '01/2026', year: 2026, serial: 61 });
    w.clock.set(new Date('2026-12-31T17:30:00Z')); // 00:30 on 01/01/2027 in Vietnam
    const first = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: pid(101) }));
    const second = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: pid(102) }));
    expect(first.ledger).toEqual({ book: '01/2027', year: 2027, serial: 1 });
    expect(second.ledger).toEqual({ book: '01/2027', year: 2027, serial: 2 });
  });

  it('takes no number for an intake that fails, in the statement or before it', async () => {
    w.clock.set(new Date('2027-01-04T09:00:00+07:00'));
    const outcomes = await intakesWithOneFailing(w, 12, 6, (i) => pid(200 + i));
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    expect(serials(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : [])))).toEqual(range(3, 13));
    // refused before the statement (400): no number either
    await expect(receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '123' }))).rejects.toMatchObject({ code: 'DOSSIER_INVALID' });
    const next = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: pid(300) }));
    expect(next.ledger?.serial).toBe(14);
  });

  it('keeps the receipt book apart from the counter outcomes\' registers of the same point, and gives online submissions none', async () => {
    w.clock.set(new Date('2027-01-05T09:00:00+07:00'));
    const outcome = await nextRegisterNumberSql({ servicePointId: w.servicePoint.id, year: 2027, register: 'refused', provinceCode: w.province.code }).execute(wide.db);
    expect(outcome.rows[0]?.last_number).toBe(1);
    const after = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: pid(301) }));
    expect(after.ledger?.serial).toBe(15);
    const online = await receiveDossier(w.ctx(w.actors.citizen), w.intake({ channel: 'online' }));
    expect(online.ledger).toBeNull();
  });
});
