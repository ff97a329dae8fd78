// The desk's work lists (issue 9 "The agency desk"): procedure name, applicant, assignee, due time,
// remaining working time, and the filters — awaiting supplement, results ready at this service
// point, due soon, overdue — the last two by the one definition of overdue.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { performAction, receiveDossier } from './service';
import { buildWorld, type World } from './world.test-helper';
import { workQueue } from './work-queue';

let t: TestDatabase;
let w: World;
const codes: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db); // Monday 02/03/2026 09:00: 5 working days → due Monday 09/03 09:00
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường']) {
    const r = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ name }));
    await performAction(w.ctx(w.actors.clerk), r.code, 'forward', {});
    codes.push(r.code);
  }
  const [a, b, c] = codes as [string, string, string];
  await performAction(w.ctx(w.actors.approver), a, 'assign', { officerId: w.actors.officer.userId });
  await performAction(w.ctx(w.actors.officer), b, 'requestSupplement', { reason: 'Thiếu giấy', items: ['Giấy chứng sinh'] });
  await performAction(w.ctx(w.actors.approver), c, 'approve', {});
  await performAction(w.ctx(w.actors.officer), c, 'markResultReady', {});
});
afterAll(async () => {
  await t?.close();
});

const at = (iso: string) => w.clock.set(new Date(iso));

describe('work lists', () => {
  it('show the procedure, applicant, assignee, due time and remaining working time', async () => {
    at('2026-03-03T09:00:00+07:00');
    const { items } = await workQueue(w.ctx(w.actors.officer));
    expect(items.map((i) => i.code).sort()).toEqual([codes[0], codes[1]].sort());
    const assigned = items.find((i) => i.code === codes[0]);
    expect(assigned).toMatchObject({
      procedureName: 'Thủ tục đăng ký khai sinh (thử)', applicantName: 'Nguyễn Văn An', assigneeName: 'Nguyễn Minh Khoa',
      dueAt: '2026-03-09T02:00:00.000Z', remainingWorkingMinutes: 4 * 8 * 60,
    });
    expect(items.find((i) => i.code === codes[1])?.assigneeName).toBeNull();
  });

  it('filter: awaiting supplement; results ready at this service point', async () => {
    expect((await workQueue(w.ctx(w.actors.officer), { filter: 'awaitingSupplement' })).items.map((i) => i.code)).toEqual([codes[1]]);
    expect((await workQueue(w.ctx(w.actors.clerk), { filter: 'resultReady' })).items.map((i) => i.code)).toEqual([codes[2]]);
    expect((await workQueue(w.ctx(w.actors.otherClerk), { filter: 'resultReady' })).items).toEqual([]);
  });

  it('filter: due soon within a working day, then overdue; never the dossier awaiting a supplement', async () => {
    at('2026-03-06T09:00:00+07:00'); // Friday 09:00: one working day (8 h) left
    expect((await workQueue(w.ctx(w.actors.officer), { filter: 'dueSoon' })).items.map((i) => i.code)).toEqual([codes[0]]);
    expect((await workQueue(w.ctx(w.actors.officer), { filter: 'overdue' })).items).toEqual([]);
    at('2026-03-05T09:00:00+07:00'); // two working days left: not yet due soon
    expect((await workQueue(w.ctx(w.actors.officer), { filter: 'dueSoon' })).items).toEqual([]);
    at('2026-03-09T09:01:00+07:00');
    const overdue = (await workQueue(w.ctx(w.actors.officer), { filter: 'overdue' })).items;
    expect(overdue.map((i) => i.code)).toEqual([codes[0]]);
    expect(overdue[0]?.remainingWorkingMinutes).toBe(-1);
    // past the old due time too, the dossier awaiting the applicant's supplement has no clock: no time left, no "late" badge
    const waiting = (await workQueue(w.ctx(w.actors.officer), { filter: 'awaitingSupplement' })).items[0];
    expect(waiting).toMatchObject({ code: codes[1], remainingWorkingMinutes: null, timeliness: null });
    expect(overdue[0]?.timeliness).toBe('late');
  });

  it('the officer submits for approval ("Trình phê duyệt"); the approver\'s queue shows it; approval sends it back to processing', async () => {
    at('2026-03-03T09:00:00+07:00');
    const code = codes[0] as string;
    await expect(performAction(w.ctx(w.actors.clerk), code, 'submitForApproval', {})).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED_FOR_ROLE' });
    const submitted = await performAction(w.ctx(w.actors.officer), code, 'submitForApproval', { note: 'Đủ điều kiện, trình ký' });
    expect(submitted).toMatchObject({ status: 'awaitingApproval', syncCode: 4 });
    const awaiting = (await workQueue(w.ctx(w.actors.approver), { filter: 'awaitingApproval' })).items;
    expect(awaiting.map((i) => [i.code, i.statusLabel])).toEqual([[code, 'Chờ lãnh đạo phê duyệt']]);
    // the clock keeps running while the leader has it: it still counts as due soon / overdue
    at('2026-03-09T09:01:00+07:00');
    expect((await workQueue(w.ctx(w.actors.approver), { filter: 'overdue' })).items.map((i) => i.code)).toEqual([code]);
    at('2026-03-03T10:00:00+07:00');
    await expect(performAction(w.ctx(w.actors.officer), code, 'markResultReady', {})).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await performAction(w.ctx(w.actors.approver), code, 'approve', {})).toMatchObject({ status: 'processing' });
    expect((await workQueue(w.ctx(w.actors.approver), { filter: 'awaitingApproval' })).items).toEqual([]);
    expect(await performAction(w.ctx(w.actors.officer), code, 'markResultReady', {})).toMatchObject({ status: 'resultReady' });
  });

  it('is refused to roles without a desk', async () => {
    await expect(workQueue(w.ctx(w.actors.supervisor))).rejects.toMatchObject({ code: 'NO_QUEUE' });
    await expect(workQueue(w.ctx(null))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
