import { describe, expect, it } from 'vitest';
import { performAction } from './service';
import { compareWithFold, verifyChain } from './audit';
import { receiveDossier } from './service';
import { assigneesOf, getDossier, trackingViewOf } from './queries';
import { searchDossiers } from './search';
import { workQueue } from './work-queue';
import { runAuditCommand } from '../cli/audit';
import { loadEvents } from './events';
import { eventHash, GENESIS_HASH } from './event-hash';
import { rollupHook } from '../reports/hook';
import { useWorld, type World } from './world.test-helper';

const { t, w } = useWorld();

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

describe('assignment (ND 61 art. 19.1)', () => {
  it('names an officer or approver of the competent agency; anyone else is refused and nothing is written', async () => {
    const { code } = await receive();
    at('2026-03-02T10:00:00+07:00');
    await act('clerk', code, 'forward');
    const list = await assigneesOf(w.ctx(w.actors.approver), code);
    expect(list.items.map((a) => [a.fullName, a.role])).toEqual([['Nguyễn Minh Khoa', 'officer'], ['Phạm Quốc Bảo', 'approver']]);
    await expect(assigneesOf(w.ctx(w.actors.clerk), code)).rejects.toMatchObject({ kind: 'Forbidden' });
    await expect(assigneesOf(w.ctx(w.actors.otherOfficer), code)).rejects.toMatchObject({ kind: 'NotFound' });
    const before = (await getDossier(w.ctx(w.actors.approver), code)).version;
    await expect(act('approver', code, 'assign', { officerId: w.actors.otherOfficer.userId })).rejects.toMatchObject({ code: 'OFFICER_INVALID', kind: 'ValidationFailed' });
    await expect(act('approver', code, 'assign', {})).rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID' });
    expect((await getDossier(w.ctx(w.actors.approver), code)).version).toBe(before);
    // an officer takes the dossier without naming anyone: assigned to themself
    await act('officer', code, 'assign');
    const events = (await getDossier(w.ctx(w.actors.approver), code)).timeline.filter((e) => e.action === 'assign');
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ officerId: w.actors.officer.userId, officerName: 'Nguyễn Minh Khoa' })]);
  });
});

describe('lifecycle paths', () => {
  it('counter → processing → result ready → returned', async () => {
    const { code } = await receive();
    at('2026-03-02T10:00:00+07:00');
    await act('clerk', code, 'forward');
    await act('approver', code, 'assign', { officerId: w.actors.officer.userId });
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
    // the clerk records which papers came: all the requested ones, or nothing is written
    await expect(act('clerk', code, 'supplementReceived')).rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID', details: [{ path: 'receivedPapers' }] });
    const r = await act('clerk', code, 'supplementReceived', { receivedPapers: ['Tờ khai có chữ ký'] });
    expect(r.status).toBe('processing');
    const d = await getDossier(w.ctx(w.actors.clerk), code);
    expect(d.timeline.at(-1)?.payload).toMatchObject({ receivedPapers: ['Tờ khai có chữ ký'] });
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

  it('issues an apology less than one working day before the due time, recorded as late (DOMAIN §3.2)', async () => {
    const { code } = await receive();
    await act('clerk', code, 'forward');
    at('2026-03-06T10:00:00+07:00'); // due Mon 9 Mar 09:00: less than 8 working hours left
    const r = await act('approver', code, 'apologize', { reason: 'Muộn', newDueAt: '2026-03-13T16:00:00+07:00' });
    expect(r.dueAt).toBe(new Date('2026-03-13T16:00:00+07:00').toISOString());
    const ev = await t.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id').select('e.payload')
      .where('d.code', '=', code).where('e.action', '=', 'apologize').executeTakeFirstOrThrow();
    expect(ev.payload).toMatchObject({ late: true, originalDueAt: new Date('2026-03-09T09:00:00+07:00').toISOString() });
    const row = await t.db.selectFrom('dossiers').select(['original_due_at', 'apology_used']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ apology_used: true, original_due_at: new Date('2026-03-09T09:00:00+07:00') });
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
    // an online dossier is handed over electronically at once (ND 61 art. 18.1; handover.ts)
    expect(received.status).toBe('processing');
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

  it('shows public tracking without personal data, and nothing for an unknown code', async () => {
    const { code } = await receive();
    const view = await trackingViewOf(t.db, code);
    expect(JSON.stringify(view)).not.toContain('Nguyễn');
    expect(JSON.stringify(view)).not.toContain('087090001234');
    expect(view?.steps[0]?.label).toBe('Tiếp nhận hồ sơ');
    expect(await trackingViewOf(t.db, '000.00.30.H20-260302-9999')).toBeNull();
  });
});

describe('satisfaction rating', () => {
  const toResult = async (o: Parameters<World['intake']>[0] = {}) => {
    const { code } = await receive(o);
    at('2026-03-02T10:00:00+07:00');
    await act('clerk', code, 'forward');
    await act('approver', code, 'approve');
    await act('officer', code, 'markResultReady');
    return code;
  };
  const handOver = (code: string) => {
    at('2026-03-04T10:00:00+07:00');
    return act('clerk', code, 'return', { channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: '2026-03-04T10:00:00+07:00' } });
  };
  const ratingOf = (code: string) => t.db.selectFrom('dossiers').select(['status', 'rated_at', 'rating_stars', 'version']).where('code', '=', code).executeTakeFirstOrThrow();

  it('the clerk records the applicant’s choice from the counter device once; the row keeps the stars, the status stays', async () => {
    const code = await toResult();
    await handOver(code);
    at('2026-03-04T10:05:00+07:00');
    const r = await act('clerk', code, 'rate', { stars: 4, dislike: ['time', 'time'], comment: '  Nhanh, chu đáo  ' });
    expect(r).toMatchObject({ status: 'returned', syncCode: 10 });
    expect(await ratingOf(code)).toMatchObject({ status: 'returned', rated_at: new Date('2026-03-04T10:05:00+07:00'), rating_stars: 4 });
    const d = await getDossier(w.ctx(w.actors.clerk), code);
    expect(d.timeline.at(-1)).toMatchObject({
      action: 'rate', label: 'Đánh giá mức độ hài lòng', payload: { stars: 4, dislike: ['time'], comment: 'Nhanh, chu đáo', via: 'counter' },
    });
    expect(d.allowedActions).toEqual([]);
    at('2026-03-04T10:06:00+07:00');
    await expect(act('citizen', code, 'rate', { stars: 5 })).rejects.toMatchObject({ kind: 'InvalidTransition', code: 'ALREADY_RATED' });
    await expect(act('clerk', code, 'rate', { stars: 1 })).rejects.toMatchObject({ code: 'ALREADY_RATED', message: expect.stringContaining('một lần') });
    expect((await ratingOf(code)).rating_stars).toBe(4);
  });

  it('the clerk records a rating only for the result just handed over at the counter, on that day', async () => {
    const code = await toResult();
    at('2026-03-03T08:00:00+07:00');
    // ready but not handed over: the applicant is not at the counter
    await expect(act('clerk', code, 'rate', { stars: 5 })).rejects.toMatchObject({ kind: 'InvalidTransition', code: 'RATING_AT_COUNTER_ONLY' });
    const byPost = await toResult({ personalId: '087090006666', phone: '0912000666' });
    at('2026-03-04T10:00:00+07:00');
    await act('clerk', byPost, 'return', { channel: 'post', signature: { name: 'Bưu cục Tân Hồng', signedAt: '2026-03-04T10:00:00+07:00' } });
    await expect(act('clerk', byPost, 'rate', { stars: 5 })).rejects.toMatchObject({ code: 'RATING_AT_COUNTER_ONLY' });
    expect((await getDossier(w.ctx(w.actors.clerk), code)).allowedActions).toEqual(['return']);
    await handOver(code);
    // another clerk of the same counter did not hand it over: no rating from them
    const colleague = { ...w.actors.clerk, userId: w.actors.clerk.userId + 500, username: 'dongnghiep' };
    expect((await getDossier(w.ctx(colleague), code)).allowedActions).toEqual([]);
    await expect(performAction(w.ctx(colleague), code, 'rate', { stars: 5 })).rejects.toMatchObject({ code: 'RATING_AT_COUNTER_ONLY' });
    expect((await getDossier(w.ctx(w.actors.clerk), code)).allowedActions).toEqual(['rate']);
    at('2026-03-05T08:00:00+07:00'); // the next day: only the applicant, on the portal
    expect((await getDossier(w.ctx(w.actors.clerk), code)).allowedActions).toEqual([]);
    await expect(act('clerk', code, 'rate', { stars: 5 })).rejects.toMatchObject({ code: 'RATING_AT_COUNTER_ONLY' });
    expect((await ratingOf(code)).rated_at).toBeNull();
    expect(await act('citizen', code, 'rate', { stars: 3 })).toMatchObject({ status: 'returned' });
  });

  it('the applicant rates their own dossier on the portal once the result is ready; it is returned afterwards', async () => {
    const code = await toResult();
    at('2026-03-03T08:00:00+07:00');
    expect((await getDossier(w.ctx(w.actors.citizen), code)).allowedActions).toEqual(['rate']);
    expect(await act('citizen', code, 'rate', { stars: 2, dislike: ['guidance'] })).toMatchObject({ status: 'resultReady', syncCode: 9 });
    const d = await getDossier(w.ctx(w.actors.clerk), code);
    expect(d.timeline.at(-1)?.payload).toEqual({ stars: 2, dislike: ['guidance'], via: 'portal' });
    // the applicant sees their own rating (not how it was entered)
    expect((await getDossier(w.ctx(w.actors.citizen), code)).timeline.at(-1)?.payload).toEqual({ stars: 2, dislike: ['guidance'] });
    expect(d.allowedActions).toEqual(['return']);
    expect(await handOver(code)).toMatchObject({ status: 'returned' });
    expect(await ratingOf(code)).toMatchObject({ status: 'returned', rating_stars: 2, rated_at: new Date('2026-03-03T08:00:00+07:00') });
  });

  it('refuses a rating before the result like any invalid transition (409)', async () => {
    const { code } = await receive();
    await expect(act('citizen', code, 'rate', { stars: 5 })).rejects.toMatchObject({ kind: 'InvalidTransition', code: 'INVALID_TRANSITION' });
    at('2026-03-02T10:00:00+07:00');
    await act('clerk', code, 'forward');
    await expect(act('clerk', code, 'rate', { stars: 5 })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION', message: 'Không thể "Đánh giá mức độ hài lòng" khi hồ sơ đang ở trạng thái "Đang xử lý".',
    });
  });

  it('allows a rating after a rejection, not after a refusal, a withdrawal or a stop', async () => {
    const rejected = (await receive()).code;
    at('2026-03-02T10:00:00+07:00');
    await act('clerk', rejected, 'forward');
    await act('approver', rejected, 'reject', { reason: 'Không đủ điều kiện' });
    expect(await act('citizen', rejected, 'rate', { stars: 1, dislike: ['procedure'] })).toMatchObject({ status: 'rejected' });

    at('2026-03-02T09:00:00+07:00');
    const refused = (await receiveDossier(w.ctx(w.actors.citizen), w.intake())).code;
    await act('communeClerk', refused, 'refuse', { reason: 'Không thuộc thẩm quyền' });
    const withdrawn = (await receive()).code;
    await act('citizen', withdrawn, 'withdraw', { reason: 'Không còn nhu cầu' });
    const stopped = (await receive()).code;
    await act('clerk', stopped, 'stop', { reason: 'Người dân đề nghị dừng' });
    for (const code of [refused, withdrawn, stopped]) {
      await expect(act('citizen', code, 'rate', { stars: 3 })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    }
  });

  it('validates the stars, the reasons and the comment with their own codes (400), writing nothing', async () => {
    const code = await toResult();
    const before = await ratingOf(code);
    const input = (o: Record<string, unknown>) => o as Parameters<typeof performAction>[3];
    for (const stars of [undefined, 0, 6, 3.5, Number.NaN]) {
      await expect(act('citizen', code, 'rate', input({ stars }))).rejects.toMatchObject({
        kind: 'ValidationFailed', code: 'RATING_STARS_INVALID', details: [expect.objectContaining({ path: 'stars' })],
      });
    }
    await expect(act('citizen', code, 'rate', input({ stars: 3, dislike: ['time', 'rude'] }))).rejects.toMatchObject({
      kind: 'ValidationFailed', code: 'RATING_REASON_UNKNOWN', details: [expect.objectContaining({ path: 'dislike/1' })],
    });
    await expect(act('citizen', code, 'rate', { stars: 3, comment: 'ạ'.repeat(501) })).rejects.toMatchObject({ kind: 'ValidationFailed', code: 'RATING_COMMENT_TOO_LONG' });
    expect(await ratingOf(code)).toEqual(before);
    expect(await act('citizen', code, 'rate', { stars: 3, comment: 'ạ'.repeat(500) })).toMatchObject({ version: before.version + 1 });
  });

  it('is refused outside the actor’s scope (404) and to roles not in the table (403)', async () => {
    const code = await toResult();
    const someoneElses = await toResult({ personalId: '087090005555', phone: '0912000555' });
    await expect(act('otherClerk', code, 'rate', { stars: 5 })).rejects.toMatchObject({ kind: 'NotFound', code: 'DOSSIER_NOT_FOUND' });
    await expect(act('citizen', someoneElses, 'rate', { stars: 5 })).rejects.toMatchObject({ kind: 'NotFound', code: 'DOSSIER_NOT_FOUND' });
    for (const who of ['officer', 'approver', 'courier', 'supervisor', 'admin'] as const) {
      await expect(act(who, code, 'rate', { stars: 5 })).rejects.toMatchObject({ kind: 'Forbidden', code: 'ACTION_NOT_ALLOWED_FOR_ROLE' });
    }
    expect((await ratingOf(code)).rated_at).toBeNull();
  });

  it('a second rating racing the first is refused as ALREADY_RATED, not as a version conflict', async () => {
    const code = await toResult();
    const results = await Promise.allSettled([act('citizen', code, 'rate', { stars: 5 }), act('citizen', code, 'rate', { stars: 1 })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ code: 'ALREADY_RATED' });
  });

  it('adds to the roll-up in the same transaction: a rating of 2 stars is a dislike', async () => {
    const code = await toResult();
    const totals = () => t.db.selectFrom('stats_daily')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('ratings'), eb.lit(0)).as('ratings'), eb.fn.coalesce(eb.fn.sum<number>('rating_sum'), eb.lit(0)).as('stars'), eb.fn.coalesce(eb.fn.sum<number>('dislikes'), eb.lit(0)).as('dislikes')])
      .executeTakeFirstOrThrow();
    const before = await totals();
    await performAction({ ...w.ctx(w.actors.citizen), hooks: [rollupHook] }, code, 'rate', { stars: 2 });
    const after = await totals();
    expect([Number(after.ratings) - Number(before.ratings), Number(after.stars) - Number(before.stars), Number(after.dislikes) - Number(before.dislikes)]).toEqual([1, 2, 1]);
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
    await act('approver', code, 'assign', { officerId: w.actors.officer.userId });
    const id = (await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    await expect(t.pool.query(`UPDATE dossier_events SET payload = '{"officerId":1,"officerName":"B"}' WHERE dossier_id = $1 AND seq = 3`, [id])).rejects.toThrow(/append-only/);
    await t.pool.query('ALTER TABLE dossier_events DISABLE TRIGGER ALL');
    await t.pool.query(`UPDATE dossier_events SET payload = '{"officerId":1,"officerName":"B"}' WHERE dossier_id = $1 AND seq = 3`, [id]);
    await t.pool.query('ALTER TABLE dossier_events ENABLE TRIGGER ALL');
    const report = await verifyChain(t.db, code);
    expect(report).toMatchObject({ ok: false, broken: { dossierCode: code, seq: 3, reason: 'hash' } });
    const cli = await runAuditCommand(t.db, 'verify', undefined);
    expect(cli.exitCode).toBe(1);
    expect(cli.stdout).toContain(`hồ sơ ${code}, sự kiện số 3`);
  });

  it('detects an actor_role changed by the owner behind the trigger (hash version 2)', async () => {
    const { code } = await receive();
    await act('clerk', code, 'forward');
    const id = (await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    expect((await runAuditCommand(t.db, 'verify', code)).exitCode).toBe(0);
    await t.pool.query('ALTER TABLE dossier_events DISABLE TRIGGER ALL');
    await t.pool.query(`UPDATE dossier_events SET actor_role = 'approver' WHERE dossier_id = $1 AND seq = 2`, [id]);
    await t.pool.query('ALTER TABLE dossier_events ENABLE TRIGGER ALL');
    const cli = await runAuditCommand(t.db, 'verify', code);
    expect(cli.exitCode).toBe(1);
    expect(cli.stdout).toContain(`hồ sơ ${code}, sự kiện số 2 (hash)`);
    // relabelling it as version 1 (whose hash does not cover the role) after a version 2 event does not help
    await t.pool.query('ALTER TABLE dossier_events DISABLE TRIGGER ALL');
    await t.pool.query('UPDATE dossier_events SET hash_version = 1 WHERE dossier_id = $1 AND seq = 2', [id]);
    await t.pool.query('ALTER TABLE dossier_events ENABLE TRIGGER ALL');
    expect(await verifyChain(t.db, code)).toMatchObject({ ok: false, broken: { seq: 2, reason: 'hash_version' } });
  });

  it('keeps verifying a chain written under hash version 1, and refuses a newer event relabelled as version 1', async () => {
    const { code } = await receive();
    await act('clerk', code, 'forward');
    const d = await t.db.selectFrom('dossiers').select(['id', 'version', 'last_hash']).where('code', '=', code).executeTakeFirstOrThrow();
    const events = await loadEvents(t.db, { id: d.id, code });
    // re-written as a chain from before migration 0045 would be: version 1 hashes
    let prev = GENESIS_HASH;
    await t.pool.query('ALTER TABLE dossier_events DISABLE TRIGGER ALL');
    for (const e of events) {
      const hash = eventHash(prev, { ...e, hashVersion: 1 });
      await t.pool.query('UPDATE dossier_events SET hash_version = 1, prev_hash = $3, hash = $4 WHERE dossier_id = $1 AND seq = $2', [d.id, e.seq, prev, hash]);
      prev = hash;
    }
    await t.pool.query('ALTER TABLE dossier_events ENABLE TRIGGER ALL');
    await t.pool.query('UPDATE dossiers SET last_hash = $2 WHERE id = $1', [d.id, prev]);
    expect(await verifyChain(t.db, code)).toMatchObject({ ok: true, events: 2 });
    // a version 2 event may follow version 1 ones (a chain continued after the migration)…
    await act('approver', code, 'assign', { officerId: w.actors.officer.userId });
    expect(await verifyChain(t.db, code)).toMatchObject({ ok: true, events: 3 });
    // …but never the reverse
    await t.pool.query('ALTER TABLE dossier_events DISABLE TRIGGER ALL');
    await t.pool.query('UPDATE dossier_events SET hash_version = 1 WHERE dossier_id = $1 AND seq = 3', [d.id]);
    await t.pool.query('ALTER TABLE dossier_events ENABLE TRIGGER ALL');
    expect(await verifyChain(t.db, code)).toMatchObject({ ok: false, broken: { seq: 3, reason: 'hash' } });
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
