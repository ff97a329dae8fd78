// Public transparency figures: median and p90 in working days over resolved dossiers (hand-computed
// on a working-day grid), the on-time share, stale open dossiers reported apart, the backfill
// giving the same figures, and the public route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { backfillResolutions, procedureTransparency, transparencyList } from './transparency';
import { registerTransparencyRoutes } from './transparency-routes';
import { buildSupervisedWorld, type SupervisedWorld } from '../supervision/world.test-helper';

let t: TestDatabase;
let w: SupervisedWorld;
let app: HttpApp;

// Received Monday 2 March 2026 09:00 (due Monday 9 March 09:00); results after 1, 2, 3, 4 working
// days (on time) and 7 working days (Wednesday 11 March 09:00, late).
const RESULT_DAYS = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-11'];

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildSupervisedWorld(t.db);
  for (const day of RESULT_DAYS) {
    const code = await w.receiveAt('2026-03-02T09:00:00+07:00', 1);
    await w.act(w.actors.clerk, code, 'forward', '2026-03-02T09:30:00+07:00');
    await w.act(w.users.approver1, code, 'approve', '2026-03-02T10:00:00+07:00');
    await w.act(w.users.officer1, code, 'markResultReady', `${day}T09:00:00+07:00`);
  }
  // one open in the window, one open and stale (received long before the window)
  const open = await w.receiveAt('2026-03-02T09:00:00+07:00', 2);
  await w.act(w.actors.clerk, open, 'forward', '2026-03-02T09:30:00+07:00');
  const stale = await w.receiveAt('2026-03-02T09:00:00+07:00', 2);
  await t.db.updateTable('dossiers').set({ received_at: new Date('2024-12-02T09:00:00+07:00'), due_at: new Date('2024-12-09T09:00:00+07:00') })
    .where('code', '=', stale).execute();
  w.clock.set(new Date('2026-03-12T10:00:00+07:00'));
  app = await createHttpServer({ logger: false, version: 'test', resolveActor: async () => null });
  registerTransparencyRoutes(app, { db: t.db, clock: w.clock, rateLimit: 1000 });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const expected = {
  resolved: 5, onTime: 4, onTimeShare: 80,
  medianWorkingDays: 3, // 1 2 3 4 7
  p90WorkingDays: 5.8, // 4 + 0.6 × (7 − 4)
  openInWindow: 1, staleOpen: 1,
  openOverdue: 2, // both open ones are past their due time on 12 March
};

describe('transparency per procedure', () => {
  it('gives median and p90 in working days, the on-time share, and stale dossiers apart', async () => {
    const f = await procedureTransparency({ db: t.db, clock: w.clock }, w.procedureCode);
    expect(f).toMatchObject({ code: w.procedureCode, duration: { value: 5, unit: 'working_days' }, ...expected });
    expect(f.window).toEqual({ from: '2025-03-12', to: '2026-03-12', workingDayHours: 8 });
  });

  it('leaves resolutions older than 12 months out', async () => {
    w.clock.set(new Date('2027-03-12T10:00:00+07:00'));
    try {
      const f = await procedureTransparency({ db: t.db, clock: w.clock }, w.procedureCode);
      expect(f).toMatchObject({ resolved: 0, medianWorkingDays: null, p90WorkingDays: null, onTimeShare: null, openInWindow: 0, staleOpen: 2 });
    } finally {
      w.clock.set(new Date('2026-03-12T10:00:00+07:00'));
    }
  });

  it('the backfill rebuilds the same figures for dossiers written without the hook', async () => {
    await t.db.deleteFrom('dossier_resolutions').execute();
    expect((await procedureTransparency({ db: t.db, clock: w.clock }, w.procedureCode)).resolved).toBe(0);
    expect(await backfillResolutions(t.db, 2)).toEqual({ inserted: 5 });
    expect(await backfillResolutions(t.db)).toEqual({ inserted: 0 });
    expect(await procedureTransparency({ db: t.db, clock: w.clock }, w.procedureCode)).toMatchObject(expected);
  });

  it('lists procedures with their figures', async () => {
    const list = await transparencyList({ db: t.db, clock: w.clock }, { q: 'khai sinh thu' });
    expect(list.items.find((p) => p.code === w.procedureCode)).toMatchObject(expected);
  });

  it('is public over HTTP; an unknown procedure is 404', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/v1/transparency/procedures/${w.procedureCode}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject(expected);
    expect((await app.inject({ method: 'GET', url: '/api/v1/transparency/procedures/0.000000' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/transparency/procedures?limit=5' })).statusCode).toBe(200);
  });
});
