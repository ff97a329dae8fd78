// Bookings against the real database: the phone verified by a one-time code, one future booking
// per procedure, no double booking under concurrency (the exclusion constraint), cancel and
// reschedule through the signed link, reminders and no-shows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import { createSmsSimulator } from '../notifications/sms-simulator';
import { isDomainError } from '../platform/errors';
import { connectUrl } from '../platform/db/connect';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { cancelBooking, createBooking, rescheduleBooking, type BookingInput } from './bookings';
import { bookingCalendar } from './ics';
import { appointmentSecret, sign } from './keys';
import { sendOneTimeCode, verifyOneTimeCode } from './one-time-codes';
import { bookingByLink, listSlots } from './reads';
import { recordNoShows, sendReminders } from './staff';

let t: TestDatabase;
let w: World;
const WEEK = ['07:30-11:30', '13:30-17:00'];

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db); // Monday 2 March 2026, 09:00 Vietnam time
  await t.db.updateTable('service_points').set({ opening_hours: JSON.stringify({ weekly: { 1: WEEK, 2: WEEK, 3: WEEK, 4: WEEK, 5: WEEK } }) }).where('id', '=', w.servicePoint.id).execute();
  await t.db.insertInto('counters').values(['Q01', 'Q02', 'Q03'].map((code) => ({ service_point_id: w.servicePoint.id, code, name: `Quầy ${code}` }))).execute();
});
afterAll(async () => { await t?.close(); });
beforeEach(() => { w.clock.set(new Date('2026-03-02T09:00:00+07:00')); });

const deps = () => ({ db: t.db, clock: w.clock, actor: null, publicUrl: 'https://motcua.example.vn' });
let phoneSerial = 1000;
/** A distinct mobile number and a genuine verification of it (as POST /phone-codes/verify gives). */
async function verifiedPhone(): Promise<{ phone: string; phoneVerification: string }> {
  const phone = `0912${String(++phoneSerial).padStart(6, '0')}`;
  const phone84 = `84${phone.slice(1)}`;
  const expires = w.clock.now().getTime() + 30 * 60_000;
  return { phone, phoneVerification: `${phone84}.${expires}.${sign(await appointmentSecret(t.db), 'phone-verified', phone84, 'booking', expires)}` };
}
async function booking(startsAt: string, over: Partial<BookingInput> = {}): Promise<BookingInput> {
  return { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', startsAt, name: 'Nguyễn Thị Hoa', ...(await verifiedPhone()), ...over };
}
const codeOf = (e: unknown) => (isDomainError(e) ? e.code : String(e));

describe('one-time codes', () => {
  it('sends a 6-digit code at once through the SMS adapter, stores only its hash, and a right code verifies the phone', async () => {
    const sms = createSmsSimulator({ db: t.db, clock: w.clock });
    const sent = await sendOneTimeCode({ db: t.db, clock: w.clock, sms }, { phone: '0987 654 321', purpose: 'booking', clientAddress: '10.1.1.1' });
    expect(sent).toMatchObject({ maskedPhone: '********321', validMinutes: 5 });
    const message = await t.db.selectFrom('sms_simulator_messages').select(['to_number', 'text']).where('to_number', '=', '84987654321').executeTakeFirstOrThrow();
    const code = /(\d{6})/.exec(message.text)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const stored = await t.db.selectFrom('one_time_codes').select('code_hash').where('phone', '=', '84987654321').executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code);
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(verifyOneTimeCode(deps(), { phone: '0987654321', purpose: 'booking', code: wrong })).rejects.toMatchObject({ code: 'ONE_TIME_CODE_WRONG' });
    const ok = await verifyOneTimeCode(deps(), { phone: '+84987654321', purpose: 'booking', code });
    expect(ok.phone).toBe('84987654321');
    // used once only
    await expect(verifyOneTimeCode(deps(), { phone: '0987654321', purpose: 'booking', code })).rejects.toMatchObject({ code: 'ONE_TIME_CODE_EXPIRED' });
  });

  it('expires after 5 minutes and gives up after 5 wrong tries', async () => {
    const sms = createSmsSimulator({ db: t.db, clock: w.clock });
    await sendOneTimeCode({ db: t.db, clock: w.clock, sms }, { phone: '0977000111', purpose: 'booking', clientAddress: '10.1.1.2' });
    w.clock.advanceMinutes(6);
    await expect(verifyOneTimeCode(deps(), { phone: '0977000111', purpose: 'booking', code: '123456' })).rejects.toMatchObject({ code: 'ONE_TIME_CODE_EXPIRED' });
    await sendOneTimeCode({ db: t.db, clock: w.clock, sms }, { phone: '0977000111', purpose: 'booking', clientAddress: '10.1.1.2' });
    const text = (await t.db.selectFrom('sms_simulator_messages').select('text').where('to_number', '=', '84977000111').orderBy('id', 'desc').executeTakeFirstOrThrow()).text;
    const code = /(\d{6})/.exec(text)?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(await verifyOneTimeCode(deps(), { phone: '0977000111', purpose: 'booking', code: wrong }).then(() => 'ok', codeOf));
    expect(codes).toEqual(['ONE_TIME_CODE_WRONG', 'ONE_TIME_CODE_WRONG', 'ONE_TIME_CODE_WRONG', 'ONE_TIME_CODE_WRONG', 'ONE_TIME_CODE_ATTEMPTS']);
    await expect(verifyOneTimeCode(deps(), { phone: '0977000111', purpose: 'booking', code })).rejects.toMatchObject({ code: 'ONE_TIME_CODE_ATTEMPTS' });
  });

  it('limits a phone to 3 codes in 15 minutes, then tells how long to wait', async () => {
    const sms = createSmsSimulator({ db: t.db, clock: w.clock });
    const send = () => sendOneTimeCode({ db: t.db, clock: w.clock, sms }, { phone: '0966000222', purpose: 'booking', clientAddress: '10.1.1.3' });
    await send(); await send(); await send();
    const refused = await send().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'ONE_TIME_CODE_RATE_LIMITED', retryAfterSeconds: 900 });
    w.clock.advanceMinutes(16);
    await expect(send()).resolves.toMatchObject({ validMinutes: 5 });
  });

  it('refuses a landline and an SMS gateway failure leaves no code behind', async () => {
    const sms = createSmsSimulator({ db: t.db, clock: w.clock });
    await expect(sendOneTimeCode({ db: t.db, clock: w.clock, sms }, { phone: '02773 851 234', purpose: 'booking', clientAddress: '10.1.1.4' })).rejects.toMatchObject({ code: 'PHONE_NOT_MOBILE' });
    const failing = { description: 'hỏng', send: () => Promise.reject(new Error('gateway down')) };
    await expect(sendOneTimeCode({ db: t.db, clock: w.clock, sms: failing }, { phone: '0955000333', purpose: 'booking', clientAddress: '10.1.1.4' })).rejects.toMatchObject({ code: 'SMS_NOT_SENT' });
    expect(await t.db.selectFrom('one_time_codes').select('id').where('phone', '=', '84955000333').execute()).toEqual([]);
  });
});

describe('booking', () => {
  it('lists slots, books the first free counter, lists the papers to bring, and one citizen holds one future booking per procedure', async () => {
    const before = await listSlots(deps(), { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', from: '2026-03-03', to: '2026-03-03' });
    expect(before.slots[0]).toEqual({ startsAt: '2026-03-03T07:30:00+07:00', endsAt: '2026-03-03T07:50:00+07:00', capacity: 3, free: 3 });
    const input = await booking('2026-03-03T07:30+07:00', { personalId: '087090001111' });
    const made = await createBooking(deps(), input);
    expect(['Q01', 'Q02', 'Q03']).toContain(made.seat);
    expect(made).toMatchObject({ status: 'booked', startsAt: '2026-03-03T07:30:00+07:00', channel: 'portal', maskedPhone: expect.stringMatching(/^\*+\d{3}$/) });
    expect(made.code).toMatch(/^HG[2-9A-HJKMNP-Z]{8}$/);
    expect(made.papers.map((p) => p.name)).toEqual(['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Trường hợp ủy quyền thì có văn bản ủy quyền']);
    const after = await listSlots(deps(), { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', from: '2026-03-03', to: '2026-03-03' });
    expect(after.slots[0]?.free).toBe(2);
    // the same personal ID again, another time, another phone: refused
    await expect(createBooking(deps(), await booking('2026-03-04T07:30+07:00', { personalId: '087090001111' }))).rejects.toMatchObject({ code: 'ALREADY_BOOKED' });
    // the confirmation SMS with the signed link is queued in the outbox
    const sms = await t.db.selectFrom('outbox').select('payload').where('kind', '=', 'sms.text').execute();
    expect(sms.some((r) => String(r.payload.text).includes(made.code) && String(r.payload.text).includes('/dat-lich/'))).toBe(true);
  });

  it('refuses an unverified phone, a time off the grid, a day off and a time too soon', async () => {
    const input = await booking('2026-03-05T07:30+07:00');
    await expect(createBooking(deps(), { ...input, phone: '0912999999' })).rejects.toMatchObject({ code: 'PHONE_NOT_VERIFIED' });
    await expect(createBooking(deps(), { ...input, phoneVerification: `${input.phoneVerification}x` })).rejects.toMatchObject({ code: 'PHONE_NOT_VERIFIED' });
    await expect(createBooking(deps(), { ...input, startsAt: '2026-03-05T07:35+07:00' })).rejects.toMatchObject({ code: 'SLOT_NOT_OFFERED' });
    await expect(createBooking(deps(), { ...input, startsAt: '2026-03-07T07:30+07:00' })).rejects.toMatchObject({ code: 'SLOT_NOT_OFFERED' }); // Saturday, closed
    await expect(createBooking(deps(), { ...input, startsAt: '2026-03-02T09:30+07:00' })).rejects.toMatchObject({ code: 'SLOT_NOT_OFFERED' }); // within 2 h notice
    await expect(createBooking(deps(), { ...input, startsAt: 'mai' })).rejects.toMatchObject({ code: 'SLOT_START_INVALID' });
  });

  it('500 concurrent booking attempts on a slot of capacity 3 give exactly 3 bookings', async () => {
    const slot = '2026-03-06T13:30+07:00';
    const inputs = await Promise.all(Array.from({ length: 500 }, () => booking(slot)));
    // the application's pool (20 connections); requests wait for a connection as long as they need
    // (on a loaded test machine 500 of them queue longer than the server's 5 s connect timeout)
    const app = connectUrl(t.url, 20);
    app.pool.options.connectionTimeoutMillis = 0;
    const results = await Promise.allSettled(inputs.map((i) => createBooking({ ...deps(), db: app.db }, i)))
      .finally(() => app.pool.end());
    const made = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => codeOf(r.reason));
    expect(made.length).toBe(3);
    expect(new Set(refused)).toEqual(new Set(['SLOT_FULL']));
    const rows = await t.db.selectFrom('bookings').select('seat').where('service_point_id', '=', w.servicePoint.id)
      .where('starts_at', '=', new Date('2026-03-06T13:30:00+07:00')).where('status', '=', 'booked').execute();
    expect(rows.map((r) => r.seat).sort()).toEqual(['Q01', 'Q02', 'Q03']);
  }, 240_000);

  it('the database itself refuses a second live booking of a seat over an overlapping time', async () => {
    const row = await t.db.selectFrom('bookings').selectAll().where('starts_at', '=', new Date('2026-03-06T13:30:00+07:00')).limit(1).executeTakeFirstOrThrow();
    const { id: _id, ...copy } = row;
    const overlapping = { ...copy, code: 'HG22222222', starts_at: new Date('2026-03-06T13:40:00+07:00'), ends_at: new Date('2026-03-06T14:00:00+07:00') };
    await expect(t.db.insertInto('bookings').values(overlapping).execute()).rejects.toMatchObject({ code: '23P01', constraint: 'bookings_no_double_booking' });
    // a cancelled one does not hold its seat
    await expect(t.db.insertInto('bookings').values({ ...overlapping, status: 'cancelled' }).execute()).resolves.toBeDefined();
  });

  it('two concurrent reschedules into the last seat give one', async () => {
    const target = '2026-03-09T08:10+07:00';
    await createBooking(deps(), await booking(target));
    await createBooking(deps(), await booking(target));
    const a = await createBooking(deps(), await booking('2026-03-09T09:30+07:00'));
    const b = await createBooking(deps(), await booking('2026-03-09T09:50+07:00'));
    const results = await Promise.allSettled([
      rescheduleBooking(deps(), a.code, a.manageToken, target),
      rescheduleBooking(deps(), b.code, b.manageToken, target),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
    expect(results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => codeOf(r.reason))).toEqual(['SLOT_FULL']);
    const slots = await listSlots(deps(), { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', from: '2026-03-09', to: '2026-03-09' });
    expect(slots.slots.find((s) => s.startsAt === '2026-03-09T08:10:00+07:00')?.free).toBe(0);
  });

  it('a reschedule makes the old link useless; a cancellation offers the seat again', async () => {
    const made = await createBooking(deps(), await booking('2026-03-10T10:30+07:00'));
    const moved = await rescheduleBooking(deps(), made.code, made.manageToken, '2026-03-10T14:10+07:00');
    expect(moved.startsAt).toBe('2026-03-10T14:10:00+07:00');
    await expect(bookingByLink(deps(), made.code, made.manageToken)).rejects.toMatchObject({ code: 'BOOKING_NOT_FOUND' });
    await expect(cancelBooking(deps(), made.code, made.manageToken)).rejects.toMatchObject({ code: 'BOOKING_NOT_FOUND' });
    const freeAt = async () => (await listSlots(deps(), { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', from: '2026-03-10', to: '2026-03-10' }))
      .slots.find((s) => s.startsAt === '2026-03-10T14:10:00+07:00')?.free;
    expect(await freeAt()).toBe(2);
    const cancelled = await cancelBooking(deps(), moved.code, moved.manageToken);
    expect(cancelled.status).toBe('cancelled');
    expect(await freeAt()).toBe(3);
    await expect(cancelBooking(deps(), cancelled.code, cancelled.manageToken)).rejects.toMatchObject({ code: 'BOOKING_NOT_ACTIVE' });
  });

  it('downloads as iCalendar in Asia/Ho_Chi_Minh whatever the server zone', async () => {
    const made = await createBooking(deps(), await booking('2026-03-11T07:50+07:00'));
    const original = process.env['TZ'];
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      const ics = bookingCalendar(await bookingByLink(deps(), made.code, made.manageToken), { sequence: 1, stamp: w.clock.now(), manageUrl: 'https://motcua.example.vn/dat-lich/x' });
      expect(ics).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20260311T075000');
      expect(ics).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20260311T081000');
      expect(ics).toContain(`UID:${made.code}@motcua`);
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
  });
});

describe('reminders and no-shows', () => {
  it('reminds each booking of tomorrow once, through the outbox', async () => {
    w.clock.set(new Date('2026-03-10T08:05:00+07:00'));
    const first = await sendReminders(t.db, w.clock.now());
    expect(first).toBeGreaterThanOrEqual(1); // the 11 March booking
    expect(await sendReminders(t.db, w.clock.now())).toBe(0);
    const reminders = await t.db.selectFrom('outbox').select('payload').where('kind', '=', 'sms.text').execute();
    expect(reminders.filter((r) => String(r.payload.text).startsWith('Nhắc lịch hẹn')).length).toBe(first);
  });

  it('records as no-shows the bookings nobody came to, 30 minutes after their end', async () => {
    w.clock.set(new Date('2026-03-03T08:19:00+07:00'));
    expect(await recordNoShows(t.db, w.clock.now())).toBe(0); // 07:30–07:50 ends 07:50; +30 min = 08:20
    w.clock.set(new Date('2026-03-03T08:21:00+07:00'));
    expect(await recordNoShows(t.db, w.clock.now())).toBe(1);
  });
});
