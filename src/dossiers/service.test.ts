import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { performAction } from './actions';
import { compareWithFold, verifyChain } from './audit';
import { receiveDossier } from './intake';
import { getDossier, searchDossiers, trackDossier, workQueue } from './queries';
import { runAuditCommand } from '../cli/audit';
import { buildWorld, type World } from './world.test-helper';

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
});
afterAll(async () => { await t?.close(); });

const at = (iso: string) => w.clock.set(new Date(iso));
const receive = async (o: Parameters<World['intake']>[0] = {}) => {
  at('2026-03-02T09:00:00+07:00');
  return receiveDossier(w.ctx(w.actors.clerk), w.intake(o));
};
const act = (who: keyof World['actors'], code: string, action: Parameters<typeof performAction>[2], input: Parameters<typeof performAction>[3] = {}) =>
  performAction(w.ctx(w.actors[who]), code, action, input);

describe('intake at the counter', () => {
  it('receives a dossier with a code of the receiving agency and a due time 5 working days later', async () => {
    const r = await receive();
    expect(r.code).toMatch(/^000\.00\.30\.H20-260302-\d{4}$/);
    expect(r.status).toBe('received');
    expect(r.competentAgency).toBe('000.01.61.H20');
    expect(r.dueAt).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
    const d = await getDossier(w.ctx(w.actors.clerk), r.code);
    expect(d.timeline.map((e) => e.action)).toEqual(['received']);
    expect(d.papers.map((p) => p.key)).toEqual(['p1', 'p2']);
    expect(d.allowedActions).toEqual(expect.arrayContaining(['forward', 'withdraw', 'stop']));
  });

  it('lists the missing required papers in Vietnamese and refuses unknown ones', async () => {
    await expect(receiveDossier(w.ctx(w.actors.clerk), { ...w.intake(), papers: [{ key: 'p1', source: 'paper' }, { key: 'zz', source: 'paper' }] }))
      .rejects.toMatchObject({ code: 'DOSSIER_INVALID', details: expect.arrayContaining([
        expect.objectContaining({ message: 'Thiếu thành phần hồ sơ: Giấy chứng sinh' }),
        expect.objectContaining({ path: 'papers/1/key' }),
      ]) });
  });

  it('validates the applicant and the e-form', async () => {
    const bad = { ...w.intake({ personalId: '12345' }), formData: { fullName: 'A', personalId: 'x', gender: 'Khác', extra: 1 } };
    const e = await receiveDossier(w.ctx(w.actors.clerk), bad).catch((x: unknown) => x) as { details: { path: string }[] };
    const paths = e.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['applicant.personalId', '/formData/personalId', '/formData/gender', '/formData/extra']));
  });

  it('refuses intake to officers', async () => {
    await expect(receiveDossier(w.ctx(w.actors.officer), w.intake())).rejects.toMatchObject({ kind: 'Forbidden' });
  });
});

describe('lifecycle paths', () => {
  it('counter → processing → result ready → returned', async () => {
    const { code } = await receive();
    at('2026-03-02T10:00:00+07:00');
    await act('clerk', code, 'forward');
    await act('approver', code, 'assign', { officerName: 'Nguyễn Minh Khoa' });
    await act('approver', code, 'approve');
    await act('officer', code, 'markResultReady');
    at('2026-03-04T10:00:00+07:00');
    const r = await act('clerk', code, 'return', { channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: '2026-03-04T10:00:00+07:00' } });
    expect(r.status).toBe('returned');
    expect(r.syncCode).toBe(10);
    const d = await getDossier(w.ctx(w.actors.supervisor), code);
    expect(d.timeliness).toBe('early');
    expect(d.controlSlip.map((c) => c.action)).toEqual(['forward', 'assign', 'markResultReady', 'return']);
    expect(d.steps.map((s) => s.key)).toEqual(['appraise', 'approve', 'issue']);
    expect(d.steps[0]?.dueAt).toBe(new Date('2026-03-05T09:00:00+07:00').toISOString()); // 60% of 5 days = 3 working days
    expect(d.allowedActions).toEqual([]);
  });

  it('restarts the clock when the supplement is complete', async () => {
    const { code } = await receive();
    await act('clerk', code, 'forward');
    at('2026-03-04T10:00:00+07:00');
    await act('officer', code, 'requestSupplement', { reason: 'Thiếu chữ ký', items: ['Tờ khai có chữ ký'] });
    at('2026-03-05T14:00:00+07:00');
    const r = await act('clerk', code, 'supplementReceived');
    expect(r.status).toBe('processing');
    expect(r.dueAt).toBe(new Date('2026-03-12T14:00:00+07:00').toISOString());
    const row = await t.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.supplement_requested_at?.toISOString()).toBe(new Date('2026-03-04T10:00:00+07:00').toISOString());
    expect(row.supplement_completed_at?.toISOString()).toBe(new Date('2026-03-05T14:00:00+07:00').toISOString());
    expect(row.received_at?.toISOString()).toBe(new Date('2026-03-02T09:00:00+07:00').toISOString());
    await expect(act('officer', code, 'requestSupplement', { reason: 'Lần hai', items: ['x'] })).rejects.toMatchObject({ code: 'SUPPLEMENT_ALREADY_REQUESTED' });
  });

  it('refuses a supplement request more than 3 working days after receipt', async () => {
    const { code } = await receive();
    await act('clerk', code, 'forward');
    at('2026-03-06T09:30:00+07:00');
    await expect(act('officer', code, 'requestSupplement', { reason: 'Muộn', items: ['x'] })).rejects.toMatchObject({ code: 'SUPPLEMENT_TOO_LATE' });
  });

  it('moves the due time once with an apology and refuses a second one', async () => {
    const { code } = await receive();
    await act('clerk', code, 'forward');
    at('2026-03-05T09:00:00+07:00');
    const r = await act('approver', code, 'apologize', { reason: 'Cần xác minh', newDueAt: '2026-03-13T16:00:00+07:00' });
    expect(r.dueAt).toBe(new Date('2026-03-13T16:00:00+07:00').toISOString());
    const row = await t.db.selectFrom('dossiers').select(['original_due_at', 'apology_used']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.original_due_at?.toISOString()).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
    await expect(act('approver', code, 'apologize', { reason: 'Lần hai', newDueAt: '2026-03-20T16:00:00+07:00' })).rejects.toMatchObject({ code: 'APOLOGY_ALREADY_USED' });
  });

  it('refuses an apology less than one working day before the due time', async () => {
    const { code } = await receive();
    await act('clerk', code, 'forward');
    at('2026-03-06T10:00:00+07:00');
    await expect(act('approver', code, 'apologize', { reason: 'Muộn', newDueAt: '2026-03-13T16:00:00+07:00' })).rejects.toMatchObject({ code: 'APOLOGY_TOO_LATE' });
  });

  it('refuses an online dossier at intake', async () => {
    at('2026-03-02T09:00:00+07:00');
    const r = await receiveDossier(w.ctx(w.actors.citizen), w.intake());
    expect(r).toMatchObject({ status: 'submitted', syncCode: 1, dueAt: null });
    await expect(act('clerk', r.code, 'refuse', { reason: 'x' })).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' }); // not its agency
    await expect(act('communeClerk', r.code, 'refuse', {})).rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID' });
    const done = await act('communeClerk', r.code, 'refuse', { reason: 'Không thuộc thẩm quyền' });
    expect(done).toMatchObject({ status: 'refused', syncCode: 3 });
  });

  it('receives an online dossier, then rejects it after appraisal with a reason', async () => {
    at('2026-03-02T09:00:00+07:00');
    const { code } = await receiveDossier(w.ctx(w.actors.citizen), w.intake());
    const received = await act('communeClerk', code, 'receive');
    expect(received.dueAt).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
    await act('communeClerk', code, 'forward');
    await expect(act('approver', code, 'reject', { reason: ' ' })).rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID' });
    expect(await act('approver', code, 'reject', { reason: 'Không đủ điều kiện' })).toMatchObject({ status: 'rejected', syncCode: 8 });
    await expect(act('communeClerk', code, 'return', { channel: 'counter' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('lets the applicant withdraw, and the agency stop', async () => {
    const a = await receive();
    expect(await act('citizen', a.code, 'withdraw', { reason: 'Không còn nhu cầu' })).toMatchObject({ status: 'withdrawn', syncCode: 7 });
    const b = await receive();
    await act('clerk', b.code, 'forward');
    expect(await act('approver', b.code, 'stop', { reason: 'Người dân đề nghị dừng' })).toMatchObject({ status: 'stopped', syncCode: 8 });
  });

  it('checks the version the user saw', async () => {
    const { code } = await receive();
    await expect(act('clerk', code, 'forward', { expectedVersion: 7 })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await act('clerk', code, 'forward', { expectedVersion: 1 })).toMatchObject({ version: 2 });
  });
});

describe('scope', () => {
  it('hides dossiers outside the scope with the same 404 as a missing one, and refuses roles not in the table', async () => {
    const { code } = await receive();
    for (const who of ['otherClerk', 'otherOfficer', 'otherSupervisor'] as const) {
      await expect(getDossier(w.ctx(w.actors[who]), code)).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    }
    await expect(act('otherClerk', code, 'forward')).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    await expect(getDossier(w.ctx(w.actors.clerk), '000.00.30.H20-260302-9999')).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    await expect(act('supervisor', code, 'forward')).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED_FOR_ROLE', kind: 'Forbidden' });
    await expect(act('courier', code, 'approve')).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED_FOR_ROLE' });
    expect((await getDossier(w.ctx(w.actors.officer), code)).code).toBe(code);
    expect((await getDossier(w.ctx(w.actors.citizen), code)).code).toBe(code);
  });
});

describe('reads', () => {
  it('finds "nguyen van an" as "Nguyễn Văn An", restricted to the scope', async () => {
    await receive({ personalId: '087090009999', name: 'Trần Thị Bình', phone: '0987000111' });
    const found = await searchDossiers(w.ctx(w.actors.supervisor), { name: 'nguyen van an' });
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((i) => i.applicantName === 'Nguyễn Văn An')).toBe(true);
    expect((await searchDossiers(w.ctx(w.actors.otherSupervisor), { name: 'nguyen van an' })).total).toBe(0);
    expect((await searchDossiers(w.ctx(w.actors.clerk), { phone: '0987000111' })).total).toBe(1);
    expect((await searchDossiers(w.ctx(w.actors.clerk), { from: '2026-03-02', to: '2026-03-02', limit: 2 })).items).toHaveLength(2);
  });

  it('orders the work queue by time left', async () => {
    const q = await workQueue(w.ctx(w.actors.officer));
    const dues = q.items.map((i) => i.dueAt ?? '');
    expect(dues).toEqual([...dues].sort());
    expect(q.items.every((i) => ['processing', 'awaitingSupplement', 'awaitingPayment'].includes(i.status))).toBe(true);
  });

  it('tracks publicly with the phone suffix only, without personal data', async () => {
    const { code } = await receive();
    const view = await trackDossier(t.db, code, '5678');
    expect(JSON.stringify(view)).not.toContain('Nguyễn');
    expect(JSON.stringify(view)).not.toContain('087090001234');
    expect(view.steps[0]?.label).toBe('Tiếp nhận hồ sơ');
    for (const phone of ['1234', undefined, 'abcd']) {
      await expect(trackDossier(t.db, code, phone)).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND', message: `Không tìm thấy hồ sơ ${code}.` });
    }
  });
});

describe('audit', () => {
  it('verifies every chain and the rows equal the fold of their events', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
    expect((await compareWithFold(t.db)).differences).toEqual([]);
  });

  it('detects an event altered by a superuser at its seq', async () => {
    const { code } = await receive();
    await act('clerk', code, 'forward');
    await act('approver', code, 'assign', { officerName: 'A' });
    const id = (await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    await expect(t.pool.query(`UPDATE dossier_events SET payload = '{"officerName":"B"}' WHERE dossier_id = $1 AND seq = 3`, [id])).rejects.toThrow(/append-only/);
    await t.pool.query('ALTER TABLE dossier_events DISABLE TRIGGER ALL');
    await t.pool.query(`UPDATE dossier_events SET payload = '{"officerName":"B"}' WHERE dossier_id = $1 AND seq = 3`, [id]);
    await t.pool.query('ALTER TABLE dossier_events ENABLE TRIGGER ALL');
    const report = await verifyChain(t.db, code);
    expect(report).toMatchObject({ ok: false, broken: { dossierCode: code, seq: 3, reason: 'hash' } });
    const cli = await runAuditCommand(t.db, 'verify', undefined);
    expect(cli.exitCode).toBe(1);
    expect(cli.stdout).toContain(`hồ sơ ${code}, sự kiện số 3`);
  });

  it('audit rebuild reports a stored row that differs from the fold of its events', async () => {
    const { code } = await receive();
    expect((await runAuditCommand(t.db, 'rebuild', undefined)).exitCode).toBe(0);
    await t.pool.query(`UPDATE dossiers SET status = 'returned', sync_code = 10 WHERE code = $1`, [code]);
    const out = await runAuditCommand(t.db, 'rebuild', undefined);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain(`${code} status: lưu "returned" ≠ dựng lại "received"`);
  });
});
