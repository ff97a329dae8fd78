// The database watch: one alert line when the database goes, none while it stays away, one when
// it is back (with the outage's length); the restart back-off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import type { AlertEvent } from '../alerts';
import { connectUrl } from './connect';
import { freePort } from './embedded';
import { restartBackoffSeconds, watchDatabase } from './watch';

describe('database watch', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t?.close(); });

  it('backs off restarts 1, 2, 4, 8 s, then every 15 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(restartBackoffSeconds)).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });

  it('stays quiet while the database answers', async () => {
    const alerts: AlertEvent[] = [];
    const watch = watchDatabase({ pool: t.pool, alert: (e) => alerts.push(e), intervalMs: 60_000 });
    expect(await watch.check()).toBe(true);
    expect(watch.status()).toMatchObject({ up: true, outages: 0, lastError: null });
    expect(alerts).toEqual([]);
    watch.stop();
  });

  it('raises one alert when the database cannot be reached, however many probes fail', async () => {
    const { pool, db } = connectUrl(`postgres://motcua:x@127.0.0.1:${await freePort()}/motcua`, 2);
    const alerts: { event: AlertEvent; fields: Record<string, unknown> }[] = [];
    const watch = watchDatabase({ pool, alert: (event, _m, fields = {}) => alerts.push({ event, fields }), intervalMs: 60_000 });
    expect(await watch.check()).toBe(false);
    expect(await watch.check()).toBe(false);
    expect(watch.status()).toMatchObject({ up: false, outages: 1 });
    expect(watch.status().lastError).toContain('ECONNREFUSED');
    expect(alerts.map((a) => a.event)).toEqual(['database.unavailable']);
    watch.stop();
    await db.destroy();
  });
});
