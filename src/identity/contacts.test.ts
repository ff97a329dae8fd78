// Citizen accounts by e-mail as well as by phone, against PostgreSQL, a real SMTP server (the codes
// leave at once through the SMTP adapter the outbox uses) and the SMS simulator: register by an
// e-mail code, reset by it, add and verify a phone on "Tài khoản của tôi", sign in with either; wrong,
// expired and over-limit codes refused with their codes; one verified contact per account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../accounts/login';
import { actorOfUser } from '../accounts/service';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import { createSmtpSender } from '../notifications/mail';
import { createSmsSimulator } from '../notifications/sms-simulator';
import { startTestSmtpServer, type TestSmtpServer } from '../notifications/smtp.test-helper';
import { isDomainError } from '../platform/errors';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { citizenContacts, registerCitizen, resetCitizenPasswordByCode, sendAccountCode, sendContactCode, verifyContact } from './service';

let t: TestDatabase;
let w: World;
let smtp: TestSmtpServer;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db); // Monday 2 March 2026, 09:00 Vietnam time
  smtp = await startTestSmtpServer();
}, 60_000);
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

const codeOf = (e: unknown) => (isDomainError(e) ? e.code : String(e));
const ctx = () => ({ db: t.db, clock: w.clock, actor: null });
const senders = () => ({ sms: createSmsSimulator({ db: t.db, clock: w.clock }), mail: createSmtpSender({ url: smtp.url, from: 'Một cửa <motcua@dongthap.gov.vn>' }) });
const mailedCode = (to: string): string => {
  const mail = smtp.received.filter((m) => m.envelopeTo.includes(to)).at(-1);
  return /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1] ?? '';
};
async function smsCode(phone84: string): Promise<string> {
  const text = (await t.db.selectFrom('sms_simulator_messages').select('text').where('to_number', '=', phone84).orderBy('id', 'desc').executeTakeFirstOrThrow()).text;
  return /\b(\d{6})\b/.exec(text)?.[1] ?? '';
}
const signIn = (username: string, password: string) => login(ctx(), { username, password, clientAddress: '10.3.0.1' }, 12);
async function actorOf(username: string) {
  return actorOfUser(await t.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow());
}

describe('citizen accounts by e-mail', () => {
  it('opens an account with the code mailed to Mai.Le@Example.vn, then resets its password by a new mailed code', async () => {
    const sent = await sendAccountCode({ ...ctx(), ...senders() }, { email: ' Mai.Le@Example.vn ', purpose: 'register', clientAddress: '10.3.0.1' });
    expect(sent).toMatchObject({ channel: 'mail', sentTo: 'm****e@example.vn', validMinutes: 5 });
    const mail = smtp.received.at(-1);
    expect(mail?.envelopeTo).toEqual(['mai.le@example.vn']);
    expect(mail?.subject).toMatch(/^\[Một cửa\] Mã xác thực \d{6}$/);
    expect(mail?.text).toContain('hiệu lực 5 phút');

    // a weak password is refused before the code is used up; a wrong code does not open the account
    const input = { email: 'mai.le@example.vn', fullName: 'Lê Thị Mai', password: 'mai-2026-mat-khau' };
    expect(await registerCitizen(ctx(), { ...input, code: mailedCode('mai.le@example.vn'), password: '123' }).catch(codeOf)).toBe('WEAK_PASSWORD');
    expect(await registerCitizen(ctx(), { ...input, code: '000000' }).catch(codeOf)).toBe('ONE_TIME_CODE_WRONG');
    const account = await registerCitizen(ctx(), { ...input, code: mailedCode('mai.le@example.vn') });
    expect(account).toMatchObject({ username: 'mai.le@example.vn', personalIdVerified: false });
    expect((await signIn('Mai.Le@example.vn', 'mai-2026-mat-khau')).user.role).toBe('citizen');
    expect(await citizenContacts({ ...ctx(), actor: await actorOf('mai.le@example.vn') })).toMatchObject({ email: 'mai.le@example.vn', emailVerified: true, phone: null, phoneVerified: false });

    // a second account for the address is refused, even with a fresh code
    await sendAccountCode({ ...ctx(), ...senders() }, { email: 'mai.le@example.vn', purpose: 'register', clientAddress: '10.3.0.1' });
    expect(await registerCitizen(ctx(), { ...input, code: mailedCode('mai.le@example.vn') }).catch(codeOf)).toBe('ACCOUNT_EXISTS');

    w.clock.set(new Date('2026-03-02T09:20:00+07:00')); // past the address's 3 codes in 15 minutes
    await sendAccountCode({ ...ctx(), ...senders() }, { email: 'mai.le@example.vn', purpose: 'reset', clientAddress: '10.3.0.1' });
    const resetCode = mailedCode('mai.le@example.vn');
    w.clock.set(new Date('2026-03-02T09:26:00+07:00')); // the code lived 5 minutes
    expect(await resetCitizenPasswordByCode(ctx(), { email: 'mai.le@example.vn', code: resetCode, password: 'mai-moi-2026-03' }).catch(codeOf)).toBe('ONE_TIME_CODE_EXPIRED');
    await sendAccountCode({ ...ctx(), ...senders() }, { email: 'mai.le@example.vn', purpose: 'reset', clientAddress: '10.3.0.1' });
    await resetCitizenPasswordByCode(ctx(), { email: 'mai.le@example.vn', code: mailedCode('mai.le@example.vn'), password: 'mai-moi-2026-03' });
    expect((await signIn('mai.le@example.vn', 'mai-moi-2026-03')).user.username).toBe('mai.le@example.vn');
    expect(await signIn('mai.le@example.vn', 'mai-2026-mat-khau').catch(codeOf)).toBe('INVALID_CREDENTIALS');
  });

  it('limits the codes an address is sent, and says when the mail server would not take one', async () => {
    for (let i = 0; i < 3; i++) await sendAccountCode({ ...ctx(), ...senders() }, { email: 'han@example.vn', purpose: 'register', clientAddress: '10.3.0.2' });
    expect(await sendAccountCode({ ...ctx(), ...senders() }, { email: 'han@example.vn', purpose: 'register', clientAddress: '10.3.0.2' }).catch(codeOf)).toBe('ONE_TIME_CODE_RATE_LIMITED');
    smtp.refuseNext(1, 451);
    expect(await sendAccountCode({ ...ctx(), ...senders() }, { email: 'lan@example.vn', purpose: 'register', clientAddress: '10.3.0.2' }).catch(codeOf)).toBe('MAIL_NOT_SENT');
    expect(await t.db.selectFrom('one_time_codes').select('id').where('email', '=', 'lan@example.vn').execute()).toEqual([]);
    expect(await sendAccountCode({ ...ctx(), ...senders() }, { email: 'not-an-address', purpose: 'register', clientAddress: '10.3.0.2' }).catch(codeOf)).toBe('EMAIL_INVALID');
    expect(await sendAccountCode({ ...ctx(), ...senders() }, { phone: '0912000999', email: 'lan@example.vn', purpose: 'register', clientAddress: '10.3.0.2' }).catch(codeOf)).toBe('CONTACT_REQUIRED');
  });

  it('adds a phone verified by its code to an e-mail account; it signs in with either, and the phone is nobody else’s', async () => {
    const { sms, mail } = senders();
    await sendAccountCode({ ...ctx(), sms, mail }, { email: 'tuan@example.vn', purpose: 'register', clientAddress: '10.3.0.3' });
    await registerCitizen(ctx(), { email: 'tuan@example.vn', code: mailedCode('tuan@example.vn'), fullName: 'Phạm Minh Tuấn', password: 'tuan-2026-mat-khau' });
    const me = { ...ctx(), actor: await actorOf('tuan@example.vn') };
    const sent = await sendContactCode({ ...me, sms, mail }, { phone: '0912 000 444', clientAddress: '10.3.0.3' });
    expect(sent).toMatchObject({ channel: 'sms', sentTo: '********444' });
    // a code for adding a contact does not open an account (purposes differ)
    expect(await registerCitizen(ctx(), { phone: '0912000444', code: await smsCode('84912000444'), fullName: 'X Y', password: 'khac-2026-mat-khau' }).catch(codeOf)).toBe('ONE_TIME_CODE_EXPIRED');
    expect(await verifyContact(me, { phone: '0912000444', code: await smsCode('84912000444') })).toMatchObject({ phone: '0912000444', phoneVerified: true, email: 'tuan@example.vn', emailVerified: true });
    expect((await signIn('0912000444', 'tuan-2026-mat-khau')).user.username).toBe('tuan@example.vn');
    // a second account cannot be opened with that phone, nor can another account take it
    await sendAccountCode({ ...ctx(), sms, mail }, { phone: '0912000444', purpose: 'register', clientAddress: '10.3.0.3' });
    expect(await registerCitizen(ctx(), { phone: '0912000444', code: await smsCode('84912000444'), fullName: 'Lê Văn Tám', password: 'tam-2026-mat-khau' }).catch(codeOf)).toBe('ACCOUNT_EXISTS');
    expect(await sendContactCode({ ...ctx(), sms, mail }, { phone: '0912000444', clientAddress: '10.3.0.3' }).catch(codeOf)).toBe('FORBIDDEN');
    const audit = await t.db.selectFrom('audit_log').select('payload').where('action', '=', 'citizen.contactVerified').executeTakeFirstOrThrow();
    expect(audit.payload).toEqual({ before: { phone: null }, after: { phone: '84912000444' } });
  });
});
