// The pg-boss wrapper against a real database: a job queued at start runs its plain handler once,
// and the runner starts twice on the same database (a second instance) without failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { createJobRunner, everyMinutesCron } from './jobs';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.close(); });

describe('job runner', () => {
  it('turns an interval into cron', () => {
    expect(everyMinutesCron(15)).toBe('*/15 * * * *');
    expect(everyMinutesCron(60)).toBe('0 * * * *');
    expect(() => everyMinutesCron(0)).toThrow(RangeError);
  });

  it('runs a job sent at start through pg-boss, in the same database', async () => {
    let runs = 0;
    let done: () => void = () => {};
    const ran = new Promise<void>((resolve) => { done = resolve; });
    const job = { name: 'test.once', runAtStart: true, cron: everyMinutesCron(15), handler: async () => { runs++; done(); } };
    const first = createJobRunner({ connectionString: t.url, jobs: [job] });
    const second = createJobRunner({ connectionString: t.url, jobs: [{ ...job, runAtStart: false }] });
    try {
      await first.start();
      await second.start();
      await ran;
      expect(runs).toBe(1);
      const schedules = await t.db.selectFrom('pgboss.schedule' as never).selectAll().execute() as unknown as { name: string }[];
      expect(schedules.map((s) => s.name)).toEqual(['test.once']);
    } finally {
      await first.stop();
      await second.stop();
    }
  }, 30_000);
});
