// The outbox consumer against the real database: real intakes and actions write the rows, SMS go
// to the simulator and mail to a real SMTP server started here; failures are retried with
// back-off and given up after the last attempt; parallel consumers never send one row twice; a
// consumer that dies after its claim leaves the row to be sent again once the lease expires.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { performAction } from '../dossiers/service';
import { receiveDossier } from '../dossiers/service';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import { trackingPinFor } from '../tracking/references';
import { idempotencyKeyOf, type SentReceipt } from './channels';
import { deliverOutbox, type DeliveryDeps } from './delivery';
import { createSmtpSender, type MailSender, type OutgoingMail } from './mail';
import { createMailSimulator } from './mail-simulator';
import { claimBatch, recordFailure, retryDelaySeconds } from './outbox';
import { notifyUsers } from './service';
import { createSmsSimulator, type SmsSimulator } from './sms-simulator';
import { startTestSmtpServer, type TestSmtpServer } from './smtp.test-helper';

let t: TestDatabase;
let w: World;
let smtp: TestSmtpServer;
let staffId = 0;
const PUBLIC_URL = 'https://motcua.example.vn';
const FROM = 'Một cửa Đồng Tháp <motcua@dongthap.gov.vn>';

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
  smtp = await startTestSmtpServer();
  staffId = (await t.db.insertInto('users').values({
    username: 'lanhdao-outbox', full_name: 'Trần Thị Bình', role: 'approver', password_hash: 'x', email: 'lanhdao@example.vn', phone: null, personal_id: null,
    scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});
beforeEach(async () => {
  await t.db.deleteFrom('outbox').execute();
  w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
});

const at = (iso: string) => w.clock.set(new Date(iso));
const receive = (o: Parameters<World['intake']>[0] = {}) => {
  at('2026-03-02T09:00:00+07:00');
  return receiveDossier(w.ctx(w.actors.clerk), w.intake(o));
};
const deps = (o: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
  db: t.db, clock: w.clock, publicUrl: PUBLIC_URL, mail: createMailSimulator({ db: t.db, clock: w.clock }), sms: createSmsSimulator({ db: t.db, clock: w.clock }), ...o,
});
const outboxRow = (id: number) => t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const onlyRow = async () => {
  const rows = await t.db.selectFrom('outbox').selectAll().execute();
  expect(rows).toHaveLength(1);
  return rows[0] as (typeof rows)[number];
};
const staffMailRows = async (n: number) => {
  const values = Array.from({ length: n }, (_, i) => ({
    kind: 'mail.notification', province_code: '00', payload: JSON.stringify({ to: `canbo${i}@example.vn`, subject: `Thông báo ${i}`, body: 'Nội dung', dossierCode: null }),
  }));
  return (await t.db.insertInto('outbox').values(values).returning('id').execute()).map((r) => r.id);
};
/** The key of a stored row (the same function the consumer uses). */
const keyOfRow = (r: { id: number; created_at: Date }) => idempotencyKeyOf({ id: r.id, createdAt: r.created_at });

/** A mail sender that counts what it is asked to send (and takes a little time, as a network does). */
function countingMail(delayMs = 0): MailSender & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    description: 'đếm', sent,
    async send(mail): Promise<SentReceipt> {
      sent.push(mail);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return { providerId: `n${sent.length}` };
    },
  };
}

describe('delivering the outbox', () => {
  it('sends the applicant the receipt and the apology by SMS and the staff their mail through a real SMTP server', async () => {
    const { code } = await receive();
    await performAction(w.ctx(w.actors.clerk), code, 'forward');
    at('2026-03-05T09:00:00+07:00');
    await performAction(w.ctx(w.actors.approver), code, 'apologize', { reason: 'Cần xác minh thêm', newDueAt: '2026-03-13T16:00:00+07:00' });
    await notifyUsers(t.db, [{ userId: staffId, email: 'lanhdao@example.vn' }], {
      kind: 'dossier.atRisk', dossierCode: code, title: `Hồ sơ ${code} sắp đến hạn`, body: `Hồ sơ ${code} còn dưới 8 giờ làm việc; hạn trả 13/03/2026 16:00.`, dedupeKey: `t:${code}`, provinceCode: w.province.code,
    }, w.clock.now());

    const report = await deliverOutbox(deps({ mail: createSmtpSender({ url: smtp.url, from: FROM }) }));
    expect(report).toEqual({ claimed: 4, delivered: 3, skipped: 1, retried: 0, dead: 0, lost: 0 });

    const rows = await t.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.kind, r.channel, r.delivered_at !== null, r.processed_at !== null, r.attempts])).toEqual([
      ['dossier.received', 'sms', true, true, 1],
      ['dossier.forward', null, false, true, 1],
      ['dossier.apologize', 'sms', true, true, 1],
      ['mail.notification', 'mail', true, true, 1],
    ]);
    expect(rows[1]?.skipped_reason).toBe('Loại "dossier.forward" không gửi thông báo.');

    const texts = await t.db.selectFrom('sms_simulator_messages').selectAll().where('idempotency_key', 'in', rows.map((r) => keyOfRow(r))).orderBy('id').execute();
    expect(texts.map((s) => [s.to_number, s.text, s.encoding, s.segments])).toEqual([
      ['84912345678', `Hồ sơ ${code} đã được tiếp nhận, hẹn trả kết quả 09/03/2026. Tra cứu: https://motcua.example.vn/tra-cuu, mã tra cứu ${await trackingPinFor(t.db, code)}`, 'ucs2', 3],
      ['84912345678', `Xin lỗi ông/bà, hồ sơ ${code} được hẹn trả lại vào 13/03/2026. Tra cứu: https://motcua.example.vn/tra-cuu`, 'ucs2', 2],
    ]);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    const mailRow = rows[3];
    if (!mail || !mailRow) throw new Error('no mail');
    expect(mail.user).toBe('motcua'); // logged in with the credentials of the URL
    expect(mail.envelopeFrom).toBe('motcua@dongthap.gov.vn');
    expect(mail.envelopeTo).toEqual(['lanhdao@example.vn']);
    expect(mail.headers.get('to')).toBe('lanhdao@example.vn');
    expect(mail.subject).toBe(`[Một cửa] Hồ sơ ${code} sắp đến hạn`);
    expect(mail.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
    expect(mail.text).toContain(`Hồ sơ ${code} còn dưới 8 giờ làm việc; hạn trả 13/03/2026 16:00.`);
    expect(mail.text).toContain(`Xem hồ sơ: https://motcua.example.vn/xu-ly/ho-so/${code}`);
    expect(mail.headers.get('message-id')).toBe(`<${keyOfRow(mailRow)}@dongthap.gov.vn>`);
    expect(mail.headers.get('x-motcua-idempotency-key')).toBe(keyOfRow(mailRow));
    expect(mailRow.provider_id).toBe(`<${keyOfRow(mailRow)}@dongthap.gov.vn>`);

    expect(await deliverOutbox(deps())).toMatchObject({ claimed: 0 });
  });

  it('copies each applicant message by mail, once, when the applicant gave an e-mail (real SMTP server)', async () => {
    at('2026-03-02T09:00:00+07:00');
    const intake = w.intake({ personalId: '087090003333' });
    const { code } = await receiveDossier(w.ctx(w.actors.clerk), { ...intake, applicant: { ...intake.applicant, email: 'an.nguyen@example.vn' } });
    await performAction(w.ctx(w.actors.clerk), code, 'forward');
    const before = smtp.received.length;
    expect(await deliverOutbox(deps({ mail: createSmtpSender({ url: smtp.url, from: FROM }) }))).toMatchObject({ delivered: 2, skipped: 1, dead: 0 });
    const rows = await t.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.kind, r.channel])).toEqual([['dossier.received', 'sms'], ['dossier.forward', null], ['mail.applicant', 'mail']]);
    expect(rows[2]?.source_id).toBe(rows[0]?.id);
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => [m.envelopeTo, m.subject])).toEqual([[['an.nguyen@example.vn'], `[Một cửa] Hồ sơ ${code}`]]);
    expect(mails[0]?.text).toContain(`Hồ sơ ${code} đã được tiếp nhận, hẹn trả kết quả 09/03/2026.`);
    // the message sent again (a consumer that died before recording it) makes no second copy
    await t.db.updateTable('outbox').set({ processed_at: null, delivered_at: null }).where('kind', '=', 'dossier.received').execute();
    await deliverOutbox(deps());
    expect((await t.db.selectFrom('outbox').select('id').where('kind', '=', 'mail.applicant').execute())).toHaveLength(1);
  });

  it('copies a postal step\'s SMS by mail: to the e-mail the step carries, or to the dossier\'s once there is one (real SMTP server)', async () => {
    at('2026-03-02T09:00:00+07:00');
    const intake = w.intake({ personalId: '087090004444' });
    const { code } = await receiveDossier(w.ctx(w.actors.clerk), { ...intake, applicant: { ...intake.applicant, email: 'binh.le@example.vn' } });
    await t.db.deleteFrom('outbox').execute();
    await t.db.insertInto('outbox').values([
      { kind: 'postal.pickupRequested', province_code: w.province.code, payload: JSON.stringify({ phone: '0912345678', trackingNumber: 'EB100000015VN', date: '2026-03-04T08:00:00+07:00', email: 'an.nguyen@example.vn' }) },
      { kind: 'postal.resultOnItsWay', province_code: w.province.code, payload: JSON.stringify({ phone: '0912345678', trackingNumber: 'EB100000029VN', dossierCode: code }) },
      { kind: 'postal.collected', province_code: w.province.code, payload: JSON.stringify({ phone: '0912345678', trackingNumber: 'EB100000032VN' }) },
    ]).execute();
    const before = smtp.received.length;
    expect(await deliverOutbox(deps({ mail: createSmtpSender({ url: smtp.url, from: FROM }) }))).toMatchObject({ delivered: 5, dead: 0 });
    const rows = await t.db.selectFrom('outbox').select(['kind', 'channel', 'source_id']).orderBy('id').execute();
    expect(rows.map((r) => [r.kind, r.channel])).toEqual([
      ['postal.pickupRequested', 'sms'], ['postal.resultOnItsWay', 'sms'], ['postal.collected', 'sms'], ['mail.applicant', 'mail'], ['mail.applicant', 'mail'],
    ]);
    const mails = smtp.received.slice(before).map((m) => [m.envelopeTo, m.subject, m.text.split('\n')[0]]);
    expect(mails).toEqual(expect.arrayContaining([
      [['an.nguyen@example.vn'], '[Một cửa] Bưu gửi EB100000015VN', 'Bưu điện đã nhận yêu cầu lấy hồ sơ tại nhà ngày 04/03/2026, số hiệu EB100000015VN.'],
      [['binh.le@example.vn'], `[Một cửa] Hồ sơ ${code}`, `Kết quả hồ sơ ${code} sẽ được bưu điện phát tới ông/bà, số hiệu EB100000029VN.`],
    ]));
    expect(mails).toHaveLength(2);
  });

  it('skips the SMS of an applicant whose number is a landline', async () => {
    await receive({ phone: '02773123456', personalId: '087090002222' });
    expect(await deliverOutbox(deps())).toMatchObject({ skipped: 1, delivered: 0 });
    expect((await onlyRow()).skipped_reason).toContain('không phải số di động');
  });
});

describe('failures', () => {
  const settings = { maxAttempts: 3, backoffBaseSeconds: 60, backoffMaxSeconds: 3600 };

  it('backs off exponentially, honours a Retry-After and stays under the ceiling', () => {
    const s = { backoffBaseSeconds: 60, backoffMaxSeconds: 6 * 3600 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => retryDelaySeconds(n, s))).toEqual([60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600]);
    expect(retryDelaySeconds(1, s, 300)).toBe(300);
    expect(retryDelaySeconds(3, s, 30)).toBe(240);
    expect(retryDelaySeconds(1, s, 86_400)).toBe(21_600);
  });

  it('retries a failing SMS after 1, then 2 minutes and gives it up after the third attempt, with the error', async () => {
    await receive();
    const sms: SmsSimulator = createSmsSimulator({ db: t.db, clock: w.clock });
    sms.failNext(3, { message: 'Cổng SMS bận' });
    const run = () => deliverOutbox(deps({ sms, settings }));

    expect(await run()).toMatchObject({ claimed: 1, retried: 1 });
    let row = await onlyRow();
    expect(row).toMatchObject({ attempts: 1, last_error: 'Cổng SMS bận', processed_at: null, locked_until: null, dead_at: null });
    expect(row.next_attempt_at?.toISOString()).toBe(new Date('2026-03-02T09:01:00+07:00').toISOString());
    expect(await run()).toMatchObject({ claimed: 0 }); // not before its time

    w.clock.advanceMinutes(1);
    expect(await run()).toMatchObject({ claimed: 1, retried: 1 });
    row = await onlyRow();
    expect(row.next_attempt_at?.toISOString()).toBe(new Date('2026-03-02T09:03:00+07:00').toISOString());

    w.clock.advanceMinutes(1);
    expect(await run()).toMatchObject({ claimed: 0 });
    w.clock.advanceMinutes(1);
    expect(await run()).toMatchObject({ claimed: 1, dead: 1 });
    row = await onlyRow();
    expect(row).toMatchObject({ attempts: 3, last_error: 'Cổng SMS bận', channel: 'sms', delivered_at: null });
    expect(row.dead_at?.toISOString()).toBe(new Date('2026-03-02T09:03:00+07:00').toISOString());
    expect(row.processed_at).not.toBeNull();

    w.clock.advanceMinutes(600);
    expect(await run()).toMatchObject({ claimed: 0 }); // dead rows stay dead until an administrator retries them
  });

  it('sends one dossier\'s SMS in the order of its events, even when the first must be retried', async () => {
    const settings = { maxAttempts: 5, backoffBaseSeconds: 60, backoffMaxSeconds: 3600 };
    const { code } = await receive();
    const sms: SmsSimulator = createSmsSimulator({ db: t.db, clock: w.clock });
    sms.failNext(1, { message: 'Cổng SMS bận' });
    const run = () => deliverOutbox(deps({ sms, settings }));
    expect(await run()).toMatchObject({ claimed: 1, retried: 1 });
    // the receipt waits for its retry; the supplement request written meanwhile waits behind it
    await performAction(w.ctx(w.actors.clerk), code, 'forward', {});
    await performAction(w.ctx(w.actors.officer), code, 'requestSupplement', { reason: 'Thiếu giấy', items: ['Giấy chứng sinh'] });
    const before = await t.db.selectFrom('sms_simulator_messages').select('id').execute();
    await run();
    expect(await t.db.selectFrom('sms_simulator_messages').select('id').execute()).toHaveLength(before.length);
    w.clock.advanceMinutes(1);
    await run();
    const sent = await t.db.selectFrom('sms_simulator_messages').select(['text']).where('id', 'not in', before.length ? before.map((r) => r.id) : [0]).orderBy('id').execute();
    expect(sent).toHaveLength(2);
    expect(sent[0]?.text).toMatch(/tiếp nhận/i);
    expect(sent[1]?.text).toMatch(/bổ sung/i);
  });

  it('gives up at once on a permanent refusal', async () => {
    await receive();
    const sms = createSmsSimulator({ db: t.db, clock: w.clock });
    sms.failNext(1, { message: 'Số thuê bao không tồn tại', permanent: true });
    expect(await deliverOutbox(deps({ sms, settings }))).toMatchObject({ dead: 1 });
    expect(await onlyRow()).toMatchObject({ attempts: 1, last_error: 'Số thuê bao không tồn tại' });
  });

  it('retries a mail the SMTP server defers (451) and gives up one it rejects (550)', async () => {
    const [deferred = 0, rejected = 0] = await staffMailRows(2);
    const mail = createSmtpSender({ url: smtp.url, from: FROM });
    const before = smtp.received.length;
    smtp.refuseNext(1, 451);
    smtp.refuseNext(1, 550);
    expect(await deliverOutbox(deps({ mail, settings: { ...settings, concurrency: 1 } }))).toMatchObject({ claimed: 2, retried: 1, dead: 1 });
    expect(await outboxRow(deferred)).toMatchObject({ attempts: 1, dead_at: null, last_error: expect.stringContaining('451') });
    expect(await outboxRow(rejected)).toMatchObject({ attempts: 1, dead_at: expect.any(Date), last_error: expect.stringContaining('550') });
    w.clock.advanceMinutes(1);
    expect(await deliverOutbox(deps({ mail, settings }))).toMatchObject({ claimed: 1, delivered: 1 });
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)?.subject).toBe('[Một cửa] Thông báo 0');
  });
});

describe('SMTP login', () => {
  it('retries, rather than gives up, a mail the server refuses to log in for (the configuration, not the message)', async () => {
    const [id = 0] = await staffMailRows(1);
    const mail = createSmtpSender({ url: smtp.url.replace(/:[^:@/]+@/, ':sai-mat-khau@'), from: FROM });
    expect(await deliverOutbox(deps({ mail }))).toMatchObject({ retried: 1, dead: 0 });
    expect(await outboxRow(id)).toMatchObject({ dead_at: null, last_error: expect.stringContaining('EAUTH') });
  });
});

describe('concurrency and crashes', () => {
  it('never sends one row twice when four consumers run at once', async () => {
    const ids = await staffMailRows(60);
    const mail = countingMail(3);
    const reports = await Promise.all(Array.from({ length: 4 }, () => deliverOutbox(deps({ mail, settings: { batchSize: 5, concurrency: 2 } }))));
    expect(reports.reduce((n, r) => n + r.delivered, 0)).toBe(60);
    expect(mail.sent).toHaveLength(60);
    const stored = await t.db.selectFrom('outbox').select(['id', 'created_at']).where('id', 'in', ids).execute();
    expect(new Set(mail.sent.map((m) => m.idempotencyKey))).toEqual(new Set(stored.map(keyOfRow)));
    const left = await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('delivered_at', 'is', null).executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
  });

  it('sends a row again, with the same idempotency key, once the lease of a consumer that crashed expires', async () => {
    const [id = 0] = await staffMailRows(1);
    const mail = countingMail();
    // consumer A claims the row, sends it and dies before recording anything
    const [claimed] = await claimBatch(t.db, w.clock.now(), 10, 300);
    expect(claimed?.id).toBe(id);
    if (!claimed) throw new Error('nothing claimed');
    const key = idempotencyKeyOf(claimed);
    const simulator = createMailSimulator({ db: t.db, clock: w.clock });
    await simulator.send({ to: 'canbo0@example.vn', subject: 'Thông báo 0', text: 'Nội dung', idempotencyKey: key });

    const b = deps({ mail: { description: 'B', send: async (m) => { await mail.send(m); return simulator.send(m); } }, settings: { leaseSeconds: 300 } });
    expect(await deliverOutbox(b)).toMatchObject({ claimed: 0 }); // the lease holds
    w.clock.advanceMinutes(4);
    expect(await deliverOutbox(b)).toMatchObject({ claimed: 0 });
    w.clock.advanceMinutes(2);
    expect(await deliverOutbox(b)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(mail.sent.map((m) => m.idempotencyKey)).toEqual([key]);
    expect(await outboxRow(id)).toMatchObject({ attempts: 2, channel: 'mail', delivered_at: expect.any(Date) });
    // the simulator, like a de-duplicating gateway, kept one message for the key
    const kept = await t.db.selectFrom('mail_simulator_messages').select('id').where('idempotency_key', '=', key).execute();
    expect(kept).toHaveLength(1);

    // the crashed consumer coming back late cannot overwrite the outcome
    if (!claimed) throw new Error('no claim');
    expect(await recordFailure(t.db, claimed, w.clock.now(), { message: 'trễ', permanent: false, retryAfterSeconds: null }, { maxAttempts: 10, backoffBaseSeconds: 60, backoffMaxSeconds: 3600 }, 'mail')).toBe('lost');
  });

  it('a slow consumer whose lease passed to another cannot reschedule the row', async () => {
    const [id = 0] = await staffMailRows(1);
    const [first] = await claimBatch(t.db, w.clock.now(), 1, 60);
    w.clock.advanceMinutes(2);
    const [second] = await claimBatch(t.db, w.clock.now(), 1, 60);
    expect([first?.attempts, second?.attempts]).toEqual([1, 2]);
    if (!first || !second) throw new Error('no claim');
    const s = { maxAttempts: 10, backoffBaseSeconds: 60, backoffMaxSeconds: 3600 };
    expect(await recordFailure(t.db, first, w.clock.now(), { message: 'A', permanent: true, retryAfterSeconds: null }, s, 'mail')).toBe('lost');
    expect(await recordFailure(t.db, second, w.clock.now(), { message: 'B', permanent: false, retryAfterSeconds: null }, s, 'mail')).toBe('retry');
    expect(await outboxRow(id)).toMatchObject({ attempts: 2, last_error: 'B', dead_at: null });
  });

  it('gives up a row whose consumers kept dying before recording an outcome', async () => {
    const [id = 0] = await staffMailRows(1);
    for (let i = 0; i < 3; i++) {
      await claimBatch(t.db, w.clock.now(), 1, 60);
      w.clock.advanceMinutes(2);
    }
    const mail = countingMail();
    expect(await deliverOutbox(deps({ mail, settings: { maxAttempts: 3, leaseSeconds: 60 } }))).toMatchObject({ claimed: 1, dead: 1 });
    expect(mail.sent).toHaveLength(0);
    expect(await outboxRow(id)).toMatchObject({ attempts: 4, last_error: expect.stringContaining('dừng giữa chừng') });
  });
});
