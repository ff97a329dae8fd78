// The pull of national submissions as the pg-boss job `motcua serve` runs (issue 15 §5): the job of
// appJobs, on its configured interval, reads the portal simulator's feed and files each submission
// once as an online submission, as the configured account; without that account there is no job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJobs } from '../app';
import { loadConfig } from '../platform/config';
import { useWorld } from '../dossiers/world.test-helper';
import { makeUser } from '../../test/factories';
import { SYNC_PULL_JOB } from './jobs';
import { startPortalSimulator, type PortalSimulator } from './simulator';

const { w } = useWorld('2026-03-09T09:00:00+07:00');
let sim: PortalSimulator;
beforeAll(async () => { sim = await startPortalSimulator(); });
afterAll(async () => { await sim.close(); });

const configWith = (env: Record<string, string>) => loadConfig({ MOTCUA_NATIONAL_PORTAL_URL: sim.url, MOTCUA_NATIONAL_PORTAL_KEY: sim.key, ...env });

describe('the national pull job', () => {
  it('pulls on the configured interval and files each national submission once, as the configured account', async () => {
    // the provincial centre's clerk account that receives national submissions
    const clerk = await makeUser(w.db, 'clerk', w.servicePoint.code, { username: 'tiep-nhan-dvcqg' });
    const config = configWith({ MOTCUA_NATIONAL_PORTAL_PULL_MINUTES: '10', MOTCUA_NATIONAL_PORTAL_PULL_USER: 'tiep-nhan-dvcqg' });
    const job = appJobs({ db: w.db, clock: w.clock, config }).find((j) => j.name === SYNC_PULL_JOB);
    expect(job).toMatchObject({ cron: '*/10 * * * *', runAtStart: true });
    sim.addSubmission({
      reference: 'DVCQG-JOB-0001', procedureCode: w.procedureCode, submittedAt: '2026-03-09T08:00:00+07:00',
      applicant: { fullName: 'Võ Thị Hạnh', personalId: '087090008801', phone: '0987000111', address: null, unitCode: w.commune.code },
      formData: { fullName: 'Võ Thị Hạnh', personalId: '087090008801', gender: 'Nữ' },
      papers: [{ key: 'p1', name: 'Tờ khai' }, { key: 'p2', name: 'Giấy chứng sinh' }],
    });
    expect(await job?.handler()).toEqual({ read: 1, filed: 1, known: 0, refused: 0 });
    expect(await job?.handler()).toEqual({ read: 0, filed: 0, known: 0, refused: 0 });
    const d = await w.db.selectFrom('dossiers').select(['status', 'channel', 'filed_by_user_id']).where('personal_id', '=', '087090008801').execute();
    expect(d).toEqual([{ status: 'submitted', channel: 'online', filed_by_user_id: clerk.id }]);
    // the sync hook ran in the intake: status 1 waits in the outbox to be pushed back
    expect(await w.db.selectFrom('sync_outbox').select('sync_code').where('dossier_code', 'in',
      w.db.selectFrom('dossiers').select('code').where('personal_id', '=', '087090008801')).execute()).toHaveLength(1);
  });

  it('has no pull without the account, and skips a run when the account is gone', async () => {
    expect(appJobs({ db: w.db, clock: w.clock, config: configWith({}) }).some((j) => j.name === SYNC_PULL_JOB)).toBe(false);
    const job = appJobs({ db: w.db, clock: w.clock, config: configWith({ MOTCUA_NATIONAL_PORTAL_PULL_USER: 'khong-co-ai' }) }).find((j) => j.name === SYNC_PULL_JOB);
    expect(await job?.handler()).toBeNull();
  });
});
