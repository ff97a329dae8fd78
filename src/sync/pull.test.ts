// The pull of national submissions: each enters once as an online submission (submitted, channel
// online, sync status 1 pushed back), idempotent by its national reference across runs and a lost
// cursor; a submission that cannot be filed is kept with its reason and does not block the feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor';
import { submitOnlineFromNational } from '../online/service';
import { useWorld } from '../dossiers/world.test-helper';
import { httpNationalPortal, type NationalSubmission } from './adapter';
import { syncHook } from './hook';
import { intakeOfSubmission, pullSubmissions, PULL_CURSOR_KEY } from './pull';
import { pushOutbox } from './push';
import { startPortalSimulator, type PortalSimulator } from './simulator';

const { w } = useWorld();
let sim: PortalSimulator;
beforeAll(async () => { sim = await startPortalSimulator(); });
afterAll(async () => { await sim.close(); });

const submission = (reference: string, personalId: string, over: Partial<NationalSubmission> = {}): NationalSubmission => ({
  reference, procedureCode: w.procedureCode, submittedAt: '2026-03-09T08:00:00+07:00',
  applicant: { fullName: 'Phạm Thị Hoa', personalId, phone: '0987654321', address: 'Ấp 2', unitCode: w.commune.code },
  formData: { fullName: 'Phạm Thị Hoa', personalId, gender: 'Nữ' },
  papers: [{ key: 'p1', name: 'Tờ khai' }, { key: 'p2', name: 'Giấy chứng sinh' }],
  ...over,
});

const portal = () => httpNationalPortal({ url: sim.url, key: sim.key });
const pull = () => pullSubmissions({ db: w.db, clock: w.clock, portal: portal(), actor: w.actors.clerk as Actor, hooks: [syncHook], submit: submitOnlineFromNational });

describe('pulling national submissions', () => {
  it('maps a submission to an online intake with its papers taken from the portal', () => {
    expect(intakeOfSubmission(submission('DVCQG-1', '087090007001'))).toEqual({
      procedureCode: w.procedureCode, channel: 'online',
      applicant: { personalId: '087090007001', name: 'Phạm Thị Hoa', phone: '0987654321', unitCode: w.commune.code, address: 'Ấp 2' },
      papers: [{ key: 'p1', source: 'national_db' }, { key: 'p2', source: 'national_db' }],
      formData: { fullName: 'Phạm Thị Hoa', personalId: '087090007001', gender: 'Nữ' },
    });
  });

  it('files each submission once as submitted online, keeps a refused one with its reason, and pushes status 1 back', async () => {
    w.clock.set(new Date('2026-03-09T09:00:00+07:00'));
    sim.addSubmission(submission('DVCQG-2026-0001', '087090007101'));
    sim.addSubmission(submission('DVCQG-2026-0002', '087090007102', { procedureCode: '9.999999' }));
    sim.addSubmission(submission('DVCQG-2026-0003', '087090007103'));
    expect(await pull()).toEqual({ read: 3, filed: 2, known: 0, refused: 1 });

    const pulled = await w.db.selectFrom('sync_pulled').selectAll().orderBy('national_reference').execute();
    expect(pulled.map((p) => [p.national_reference, p.dossier_code !== null, p.error !== null])).toEqual([
      ['DVCQG-2026-0001', true, false], ['DVCQG-2026-0002', false, true], ['DVCQG-2026-0003', true, false],
    ]);
    const code = pulled[0]?.dossier_code ?? '';
    const d = await w.db.selectFrom('dossiers').select(['status', 'channel', 'sync_code', 'personal_id']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(d).toEqual({ status: 'submitted', channel: 'online', sync_code: 1, personal_id: '087090007101' });

    // nothing new: the cursor moved past them
    expect(await pull()).toEqual({ read: 0, filed: 0, known: 0, refused: 0 });
    // the cursor is lost (a crash before it was saved): the same submissions are read again, filed once
    await w.db.deleteFrom('sync_state').where('key', '=', PULL_CURSOR_KEY).execute();
    expect(await pull()).toMatchObject({ read: 3, filed: 0, known: 2 });
    expect(await w.db.selectFrom('dossiers').select('code').where('personal_id', 'in', ['087090007101', '087090007103']).execute()).toHaveLength(2);

    await pushOutbox({ db: w.db, clock: w.clock, portal: portal(), publicUrl: 'https://motcua.example.vn' });
    expect(sim.recordsOf(code).map((r) => [r.record.KenhThucHien, r.record.TrangThaiHoSo])).toEqual([[2, 1]]);
  });
});
