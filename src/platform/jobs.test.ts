// The pg-boss wrapper against a real database: a job queued at start runs its plain handler once,
// and the runner starts twice on the same database (a second instance) without failing; a run
// that meets a database outage is a warning, not a job failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { createJobRunner, everyMinutesCron, outageRejectionHandler } from './jobs';

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

  it('a run that meets a database outage is a logged warning; any other error is a job failure', async () => {
    const lines: string[] = [];
    const failures: string[] = [];
    let settled: () => void = () => {};
    const both = new Promise<void>((resolve) => { settled = resolve; });
    const check = () => { if (failures.length > 0 && lines.some((l) => l.includes('database unavailable'))) settled(); };
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const runner = createJobRunner({
      connectionString: t.url,
      jobs: [
        { name: 'test.outage', runAtStart: true, handler: async () => { throw refused; } },
        { name: 'test.broken', runAtStart: true, handler: async () => { throw new Error('column "x" does not exist'); } },
      ],
      log: (line) => { lines.push(line); check(); },
      onFailure: (job) => { failures.push(job); check(); },
    });
    try {
      await runner.start();
      await both;
      expect(lines).toContain('jobs: test.outage: database unavailable (connect ECONNREFUSED 127.0.0.1:5432); the next run tries again');
      expect(failures.every((job) => job === 'test.broken')).toBe(true);
    } finally {
      await runner.stop();
    }
  }, 30_000);
});

describe('an unhandled rejection in the server', () => {
  it('is logged when the database is unavailable (pg-boss\'s un-awaited complete during a restart), and still ends the process otherwise', () => {
    const lines: string[] = [];
    const handler = outageRejectionHandler((line) => lines.push(line));
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    handler(refused);
    handler(shutdown);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('ECONNREFUSED');
    const bug = new TypeError('cannot read properties of undefined');
    expect(() => handler(bug)).toThrow(bug);
    expect(() => handler(Object.assign(new Error('duplicate key'), { code: '23505' }))).toThrow('duplicate key');
  });
});
