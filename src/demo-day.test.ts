// The demo's last working days (src/demo-day.ts), told on Monday 07/12/2026 10:00 Vietnam time:
// each dossier in the state the story leaves it, on the dates the working calendar gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { seedDemoDay } from './demo-day';
import { isOverdue } from './dossiers/overdue';
import { FixedClock } from './platform/clock';
import { loadConfig } from './platform/config';
import { seedDemo } from './seed';

const NOW = new Date('2026-12-07T10:00:00+07:00');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, new FixedClock(NOW));
  expect(await seedDemoDay(t.db, loadConfig({ MOTCUA_WEB_DIR: '/nonexistent' }), NOW)).toEqual({ dossiers: 8, pickups: 1 });
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const dossiers = () => t.db.selectFrom('dossiers').select(['procedure_code', 'status', 'channel', 'received_at', 'due_at', 'finished_at', 'returned_at']).orderBy('id').execute();

describe('the demo day', () => {
  it('leaves each dossier where a working day finds it', async () => {
    const rows = await dossiers();
    expect(rows.map((d) => [d.procedure_code, d.status, d.channel])).toEqual([
      ['1.001776', 'processing', 'counter'], // past its due time, with the officer
      ['1.004884', 'returned', 'counter'], // done and handed back
      ['1.001022', 'resultReady', 'counter'], // for the clerk to return
      ['1.013229', 'awaitingApproval', 'counter'], // for the approver
      ['1.004884', 'awaitingSupplement', 'counter'], // for the applicant
      ['3.000347', 'processing', 'counter'], // at the commune police
      ['1.004873', 'submitted', 'online'], // in the online inbox
      ['1.001193', 'received', 'counter'], // this morning's, still to hand on
    ]);
  });

  it('counts days on the working calendar: the allowance received on Thursday 26/11 is late since Thursday 03/12 09:40', async () => {
    const [allowance, done] = await dossiers();
    // seven working days before Monday 07/12 is Thursday 26/11 (the weekend skipped); five working days later is Thursday 03/12
    expect(allowance?.received_at?.toISOString()).toBe(new Date('2026-11-26T09:40:00+07:00').toISOString());
    expect(allowance?.due_at?.toISOString()).toBe(new Date('2026-12-03T09:40:00+07:00').toISOString());
    expect(allowance && isOverdue(allowance, NOW)).toBe(true);
    expect(done?.returned_at?.toISOString()).toBe(new Date('2026-12-01T09:00:00+07:00').toISOString());
    expect(done && isOverdue(done, NOW)).toBe(false);
  });

  it('asks the courier to collect a dossier at home today', async () => {
    const pickups = await t.db.selectFrom('postal_shipments').select(['procedure_code', 'window_from']).execute();
    expect(pickups).toEqual([{ procedure_code: '1.001193', window_from: new Date('2026-12-07T11:00:00+07:00') }]);
  });
});
