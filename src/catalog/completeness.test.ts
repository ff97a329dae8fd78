// F766 1.3 over the catalogue: the four parts it holds decide; the three it does not hold never
// fail a procedure. The real Đồng Tháp list: 25 of 31 procedures complete, the 6 without a
// published dossier-component list are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { FixedClock } from '../platform/clock';
import { publicationCompleteness } from './completeness';
import type { ProcedureInput } from './model';
import { publicationFigures } from './publication';
import { seedCatalog } from './seed';

type Checked = Pick<ProcedureInput, 'name' | 'requiredPapers' | 'durationValue' | 'competentAgency' | 'defaultsApplied'>;
const full: Checked = {
  name: 'Đăng ký khai sinh',
  requiredPapers: [{ key: 'p1', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, note: null }],
  durationValue: 0, // within the day
  competentAgency: 'Ủy ban nhân dân cấp xã',
  defaultsApplied: [{ field: 'onlineLevel', default: 'partial', reason: 'x' }, { field: 'steps', default: [], reason: 'x' }],
};

describe('publicationCompleteness', () => {
  it('is complete when the held parts are given, whatever the defaults of other fields', () => {
    const c = publicationCompleteness(full);
    expect(c.complete).toBe(true);
    expect(c.parts).toEqual({ name: 'present', sequence: 'notHeld', method: 'notHeld', papers: 'present', timeLimit: 'present', targetUsers: 'notHeld', agency: 'present' });
  });

  it('names each part the source left out', () => {
    const c = publicationCompleteness({
      ...full, requiredPapers: [], durationValue: 15, competentAgency: 'Chưa xác định (chờ xác nhận)',
      defaultsApplied: [
        { field: 'requiredPapers', default: [], reason: 'x' }, { field: 'durationValue', default: 15, reason: 'x' },
        { field: 'competentAgency', default: 'Chưa xác định (chờ xác nhận)', reason: 'x' },
      ],
    });
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual(['papers', 'timeLimit', 'agency']);
    expect(publicationCompleteness({ ...full, name: '  ' }).missing).toEqual(['name']);
    expect(publicationCompleteness({ ...full, requiredPapers: [] }).missing).toEqual(['papers']);
  });
});

describe('publicationFigures over the seeded Đồng Tháp catalogue', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedCatalog(t.db, new FixedClock(new Date('2025-09-15T02:00:00Z')));
  });
  afterAll(async () => { await t?.close(); });

  it('25 of 31 in force on 2025-09-15 are complete; the six without a component list are named', async () => {
    const f = await publicationFigures(t.db, '82', '2025-09-15');
    expect({ complete: f.complete, total: f.total }).toEqual({ complete: 25, total: 31 });
    expect(f.incomplete.map((p) => p.code).sort()).toEqual(['1.001612', '1.001776', '2.000815', '2.000884', '3.000333', '3.000347']);
    for (const p of f.incomplete) expect(p.missing).toContain('papers');
    expect(f.incomplete.find((p) => p.code === '3.000333')?.missing).toContain('agency');
    expect(f.incomplete.find((p) => p.code === '1.001612')?.missing).toContain('timeLimit');
    expect((await publicationFigures(t.db, '87', '2025-09-15')).total).toBe(0);
    expect((await publicationFigures(t.db, null, '2025-09-15')).total).toBe(31); // national: every province's catalogue
  });
});
