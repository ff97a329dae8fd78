// Online submission over the services on the real database: a citizen's draft to a submitted
// dossier, the payment rule of level 4, assisted filing confirmed by the citizen's one-time code,
// the one-stop's inbox and acceptance with form 01's ledger number, the online share.
import { describe, expect, it } from 'vitest';
import { getDossier, performAction } from '../dossiers/service';
import { createSmsSimulator } from '../notifications/sms-simulator';
import type { Actor } from '../platform/actor';
import { useWorld } from '../dossiers/world.test-helper';
import { makeProcedure } from '../../test/factories';
import { createDraft, getDraft, inbox, onlineStats, reviewDraft, sendConfirmationCode, submitDraft, updateDraft, type OnlineContext, type OnlinePayments } from './service';
import type { PaymentState } from './model';

const { w } = useWorld('2026-12-07T09:00:00+07:00');

const ctxOf = (actor: Actor, payments: OnlinePayments | null = null): OnlineContext => ({
  ...w.ctx(actor), payments, sms: createSmsSimulator({ db: w.db, clock: w.clock }),
});

const answers = () => ({
  applicant: { name: 'Nguyễn Văn An', phone: '0912345678', unitCode: w.commune.code },
  formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', gender: 'Nam' },
  papers: [{ key: 'p1', source: 'uploaded' as const, fileId: 101 }, { key: 'p2', source: 'uploaded' as const, fileId: 102 }],
  delivery: { method: 'post' as const, address: 'Số 12 đường Lý Thường Kiệt, xã Một' },
});

describe('a citizen\'s online submission', () => {
  it('keeps the answers, lists every problem, then submits one dossier however often it is sent', async () => {
    const ctx = ctxOf(w.actors.citizen);
    const draft = await createDraft(ctx, { procedureCode: w.procedureCode });
    // the account's own personal ID, and its name to start from
    expect(draft.applicant).toEqual({ personalId: '087090001234', name: 'Người citizen' });
    const review = await reviewDraft(ctx, draft.id);
    expect(review.ready).toBe(false);
    expect(review.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['applicant.phone', 'applicant.unitCode', 'papers', '/formData/fullName', 'delivery.method']));
    await expect(submitDraft(ctx, draft.id, {})).rejects.toMatchObject({ code: 'DRAFT_INCOMPLETE' });

    // a citizen cannot write someone else's personal ID into their own draft
    const saved = await updateDraft(ctx, draft.id, { ...answers(), applicant: { ...answers().applicant, personalId: '087090009999' } });
    expect(saved.applicant.personalId).toBe('087090001234');
    expect((await reviewDraft(ctx, draft.id))).toMatchObject({ problems: [], paymentRequired: false, ready: true });

    const [first, again] = [await submitDraft(ctx, draft.id, {}), await submitDraft(ctx, draft.id, {})];
    expect(first).toMatchObject({ status: 'submitted', channel: 'online', receivedAt: null, ledger: null, replayed: false });
    expect(first.trackingPin).toMatch(/^[0-9]{6}$/);
    expect(again).toMatchObject({ code: first.code, replayed: true });
    expect((await getDraft(ctx, draft.id)).dossierCode).toBe(first.code);
    await expect(updateDraft(ctx, draft.id, { storeConsent: true })).rejects.toMatchObject({ code: 'DRAFT_SUBMITTED' });
    const outbox = await w.db.selectFrom('outbox').select('kind').where(({ eb }) => eb(eb.ref('payload', '->>').key('code' as never), '=', first.code)).execute();
    expect(outbox.map((o) => o.kind)).toEqual(['dossier.submitted']);
    const d = await getDossier(w.ctx(w.actors.citizen), first.code);
    expect(d).toMatchObject({ channel: 'online', delivery: { method: 'post' } });
  });

  it('hides a draft from anyone but its owner, and refuses roles that do not file', async () => {
    const draft = await createDraft(ctxOf(w.actors.citizen), { procedureCode: w.procedureCode });
    await expect(getDraft(ctxOf(w.actors.clerk), draft.id)).rejects.toMatchObject({ code: 'DRAFT_NOT_FOUND' });
    await expect(createDraft(ctxOf(w.actors.officer), { procedureCode: w.procedureCode })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('payment before submitting a full online procedure with a fee (level 4)', () => {
  const state = (paid: boolean): PaymentState => ({ paidVnd: paid ? 8000 : 0, dueVnd: 8000, paid, receiptNumbers: paid ? ['TT-2026-000001'] : [] });
  const port = (paid: boolean, moved: string[]): OnlinePayments => ({
    paymentStateOf: async () => state(paid),
    moveSubject: async (_ctx, from, to) => { moved.push(`${from.kind}:${from.id}→${to.kind}:${to.id}`); },
  });

  it('refuses it unpaid (409 PAYMENT_REQUIRED) and submits it paid, the payment following the draft to the dossier', async () => {
    // a procedure of its own (the catalogue's reads are memoized per database): full online with an 8.000 đồng fee
    const { code: procedureCode } = await makeProcedure(w.db, { code: '9.900001', provinceCode: w.province.code });
    await w.db.updateTable('procedures').set({ online_level: 'full', fees: JSON.stringify([{ name: 'Lệ phí', amountVnd: 8000, note: null }]) })
      .where('code', '=', procedureCode).execute();
    const moved: string[] = [];
    const unpaid = ctxOf(w.actors.citizen, port(false, moved));
    const draft = await createDraft(unpaid, { procedureCode, ...answers() });
    expect(await reviewDraft(unpaid, draft.id)).toMatchObject({ paymentRequired: true, ready: false, fee: { totalVnd: 8000 }, payment: { paid: false } });
    await expect(submitDraft(unpaid, draft.id, {})).rejects.toMatchObject({ code: 'PAYMENT_REQUIRED' });
    // no payments capability at all: never submitted unpaid either
    await expect(submitDraft(ctxOf(w.actors.citizen, null), draft.id, {})).rejects.toMatchObject({ code: 'PAYMENT_REQUIRED' });
    const done = await submitDraft(ctxOf(w.actors.citizen, port(true, moved)), draft.id, {});
    expect(done.status).toBe('submitted');
    expect(moved).toEqual([`draft:${draft.id}→dossier:${done.code}`]);
  });
});

describe('assisted online filing (issue 15 §3)', () => {
  it('files an online dossier for the citizen only with the code sent to their phone; accepted, it takes the point\'s ledger number', async () => {
    const clerk = ctxOf(w.actors.communeClerk);
    const draft = await createDraft(clerk, {
      procedureCode: w.procedureCode, ...answers(),
      applicant: { ...answers().applicant, personalId: '087090005678', name: 'Trần Thị Bích', phone: '0987654321' },
      formData: { fullName: 'Trần Thị Bích', personalId: '087090005678' },
    });
    expect(draft.assisted).toBe(true);
    await expect(submitDraft(clerk, draft.id, {})).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    const sent = await sendConfirmationCode(clerk, draft.id, '127.0.0.9');
    expect(sent.maskedPhone).toMatch(/321$/);
    const sms = await w.db.selectFrom('sms_simulator_messages').select('text').where('to_number', '=', '84987654321').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const code = /([0-9]{6})/.exec(sms.text)?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(submitDraft(clerk, draft.id, { code: wrong })).rejects.toMatchObject({ code: 'ONE_TIME_CODE_WRONG' });
    const filed = await submitDraft(clerk, draft.id, { code });
    expect(filed).toMatchObject({ status: 'submitted', channel: 'online' });
    const row = await w.db.selectFrom('dossiers').select(['assisted', 'channel', 'sync_code']).where('code', '=', filed.code).executeTakeFirstOrThrow();
    expect(row).toEqual({ assisted: true, channel: 'online', sync_code: 1 });

    // the one-stop's inbox, oldest first; accepting gives the code's receipt and form 01's ledger number
    const waiting = await inbox(w.ctx(w.actors.communeClerk));
    expect(waiting.map((i) => i.code)).toContain(filed.code);
    expect(waiting.map((i) => i.submittedAt)).toEqual([...waiting.map((i) => i.submittedAt)].sort());
    expect(waiting.find((i) => i.code === filed.code)).toMatchObject({ assisted: true, deliveryMethod: 'post', supplementUsed: false });
    w.clock.set(new Date('2026-12-07T10:00:00+07:00'));
    await performAction(w.ctx(w.actors.communeClerk), filed.code, 'receive');
    const accepted = await getDossier(w.ctx(w.actors.communeClerk), filed.code);
    expect(accepted.ledger).toEqual({ book: '01/2026', year: 2026, serial: 1 });
    expect(accepted.receivedAt).toBe('2026-12-07T03:00:00.000Z');
    expect((await inbox(w.ctx(w.actors.communeClerk))).map((i) => i.code)).not.toContain(filed.code);

    // the online share of the day counts it online and assisted
    const share = await onlineStats(w.ctx(w.actors.supervisor), { from: '2026-12-07', to: '2026-12-07' });
    expect(share.assisted).toBe(1);
    expect(share.online).toBe(3);
    expect(share.total).toBe(share.online + share.counter + share.postal);
  });

  it('returns once with the missing items listed, and refuses a second return', async () => {
    const ctx = ctxOf(w.actors.citizen);
    const draft = await createDraft(ctx, { procedureCode: w.procedureCode, ...answers() });
    const { code } = await submitDraft(ctx, draft.id, {});
    await performAction(w.ctx(w.actors.communeClerk), code, 'requestSupplement', { reason: 'Thiếu bản sao giấy chứng sinh', items: ['p2'] });
    await performAction(w.ctx(w.actors.communeClerk), code, 'supplementReceived', { receivedPapers: ['p2'] });
    expect((await inbox(w.ctx(w.actors.communeClerk))).find((i) => i.code === code)).toMatchObject({ supplementUsed: true });
    await expect(performAction(w.ctx(w.actors.communeClerk), code, 'requestSupplement', { reason: 'Thiếu tờ khai', items: ['p1'] }))
      .rejects.toMatchObject({ code: 'SUPPLEMENT_ALREADY_REQUESTED' });
  });
});
