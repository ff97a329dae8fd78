// The sharding key in the SQL of the background jobs (issue 16 §5, docs/scale.md "The query
// guard"): every job `motcua serve` registers (src/app.ts appJobs, with the national pull
// configured) runs once, through its registered handler, with work to do (test/sharding-job-work.ts:
// the main flows first, then what each job needs), while its statements are recorded
// (test/sharding-sql.ts). Each statement over a distributed table names `province_code`, looks
// one row up by its key, or is listed in test/sharding-allowlist.ts `ALLOWED_IN_JOBS` with why (a
// documented sweep over every province: a cluster runs it per shard). The guard fails on a
// registered job it does not run (or an entry no job has), a job that found nothing to do, an
// unlisted statement, a listed one no job sends any more, and an INSERT that does not set
// `province_code` itself.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJobs, dossierHooksOf, filesDepsOf } from '../src/app';
import { receiveDossier } from '../src/dossiers/service';
import { useWorld } from '../src/dossiers/world.test-helper';
import { loadConfig } from '../src/platform/config';
import { CarrierSimulator } from '../src/postal/carrier-simulator';
import { startPortalSimulator, type PortalSimulator } from '../src/sync/simulator';
import { ALLOWED_IN_JOBS, JOINS_WITHOUT_PROVINCE_IN_JOBS } from './sharding-allowlist';
import { mainFlows } from './sharding-flows';
import { jobWork } from './sharding-job-work';
import { distributedTablesIn, findings, insertsSetProvince, joinsWithoutProvince, keyOf, recordSql, type Finding, type Sent } from './sharding-sql';

const { w } = useWorld('2026-04-29T07:00:00+07:00');
const root = mkdtempSync(path.join(os.tmpdir(), 'motcua-sharding-jobs-'));
const dataDir = path.join(root, 'data');
let portal: PortalSimulator;
beforeAll(async () => { portal = await startPortalSimulator(); });
afterAll(async () => {
  await portal?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the sharding key in the SQL of the background jobs', () => {
  it('runs every registered job with work to do; each statement names the province, looks a row up by its key, or is a listed sweep', async () => {
    const pullUser = 'tiep-nhan-dvcqg-shj';
    const config = {
      ...loadConfig({ MOTCUA_DATA_DIR: dataDir, MOTCUA_ANCHOR_KEY_FILE: path.join(root, 'anchor-key.pem'), MOTCUA_NATIONAL_PORTAL_URL: portal.url, MOTCUA_NATIONAL_PORTAL_KEY: portal.key, MOTCUA_NATIONAL_PORTAL_PULL_USER: pullUser }),
    };
    const files = filesDepsOf({ config });
    const carrier = new CarrierSimulator();
    const flows = await mainFlows(w, files);
    // the jobs run the next morning (the flows' day is anchored, reminders are for tomorrow)
    w.clock.set(new Date('2026-04-30T09:00:00+07:00'));
    const { code: atRiskCode } = await receiveDossier({ ...w.ctx(w.actors.clerk), hooks: dossierHooksOf([]) }, w.intake({ personalId: '087090004321', name: 'Lê Văn Cường' }));
    const jobs = appJobs({ db: w.db, clock: w.clock, config, carrier, log: () => undefined });
    const work = jobWork({ w, files, flows, carrier, portal, anchorKeyFile: config.anchorKeyFile, pullUser, atRiskCode });

    // every registered job is run, and nothing else
    expect(jobs.map((j) => j.name).sort()).toEqual(Object.keys(work).sort());

    const sent: Sent[] = [];
    const idle: string[] = [];
    for (const job of jobs) {
      const entry = work[job.name];
      await entry?.prepare?.();
      const recorder = recordSql();
      let result: unknown;
      try {
        result = await job.handler();
      } finally {
        recorder.stop();
      }
      sent.push(...recorder.sent);
      if (!entry || !((await entry.done(result)) > 0)) idle.push(`${job.name}: ${JSON.stringify(result)}`);
    }
    expect(idle, 'jobs that found nothing to do').toEqual([]);

    const found = findings(sent);
    if (process.env.SHARDING_SQL_PRINT) console.log(JSON.stringify(found, null, 1));
    expect(sent.filter((s) => insertsSetProvince(s.text) === false).map((s) => `${s.site}: ${s.text.slice(0, 120)}`)).toEqual([]);
    const unscoped = found.filter((f) => f.verdict === 'unscoped');
    const unlisted = unscoped.filter((f) => !(keyOf(f) in ALLOWED_IN_JOBS)).map((f: Finding) => `${keyOf(f)} — ${f.example}`);
    expect(unlisted, 'statements of jobs over distributed tables without province_code, not in test/sharding-allowlist.ts ALLOWED_IN_JOBS').toEqual([]);
    // a statement reading two distributed tables equates their province_code (colocated on Citus), or is listed with why
    const joins = [...new Set(sent.filter((s) => joinsWithoutProvince(s.text)).map((s) => `${s.site} ${distributedTablesIn(s.text).join(',')}`))];
    expect(joins.filter((k) => !(k in JOINS_WITHOUT_PROVINCE_IN_JOBS)), 'job statements joining distributed tables without equating province_code').toEqual([]);
    expect(Object.keys(JOINS_WITHOUT_PROVINCE_IN_JOBS).filter((k) => !joins.includes(k)), 'JOINS_WITHOUT_PROVINCE_IN_JOBS entries no job sends any more').toEqual([]);
    const seen = new Set(unscoped.map(keyOf));
    expect(Object.keys(ALLOWED_IN_JOBS).filter((k) => !seen.has(k)), 'ALLOWED_IN_JOBS entries no job sends any more').toEqual([]);
  }, 180_000);
});
