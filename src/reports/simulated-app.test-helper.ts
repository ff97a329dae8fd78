// The report routes over a small simulated pilot province (old Đồng Tháp, 87) for the route
// tests: a database of its own, the simulator's dossiers, the routes with actors chosen by the
// `x-test-actor` header, and the clock of the day after the pilot. With `exportJobs`, the report
// exports job runs through pg-boss in that database, sent at each request as `motcua serve` does.
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { runSimulate } from '../cli/simulate';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { createJobRunner, type JobRunner } from '../platform/jobs';
import { REPORT_EXPORTS_JOB, reportExportsJob } from './exports';
import { registerReportRoutes } from './routes';

export interface SimulatedApp {
  readonly t: TestDatabase;
  readonly app: HttpApp;
  readonly clock: FixedClock;
  /** With `exportJobs`: the pg-boss runner of the export job (e.g. to send a tick as its cron would). */
  readonly jobs?: JobRunner;
}

/** Registers beforeAll/afterAll; the returned object is filled in before the first test. */
export function simulatedReportsApp(o: { seed: number; dossiers: number; actors: Record<string, Actor>; exportJobs?: boolean }): SimulatedApp {
  const s = { clock: new FixedClock(new Date('2022-08-12T02:00:00Z')) } as { t: TestDatabase; app: HttpApp; clock: FixedClock; jobs?: JobRunner };
  beforeAll(async () => {
    s.t = await createTestDatabase();
    await runSimulate(s.t.db, { scenario: 'dong-thap-pilot', seed: o.seed, dossiers: o.dossiers });
    s.app = await createHttpServer({ logger: false, version: 'test', resolveActor: async (request) => o.actors[String(request.headers['x-test-actor'])] ?? null });
    if (o.exportJobs) {
      const jobs = createJobRunner({ connectionString: s.t.url, jobs: [reportExportsJob({ db: s.t.db, clock: s.clock })] });
      await jobs.start();
      s.jobs = jobs;
    }
    const jobs = s.jobs;
    registerReportRoutes(s.app, { db: s.t.db, clock: s.clock }, jobs ? { startExports: () => jobs.send(REPORT_EXPORTS_JOB) } : {});
    await s.app.ready();
  }, 120_000);
  afterAll(async () => {
    await s.app?.close();
    await s.jobs?.stop();
    await s.t?.close();
  });
  return s;
}
