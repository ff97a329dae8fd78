// The counter queue against the real database (issue 14 §4, §5): a kiosk opened by staff issues
// gap-free numbers per service point and day, checks a booking in with what it says, limits abuse;
// counters call in the rule's order without ever calling one ticket twice; the display and the
// figures follow; LISTEN/NOTIFY tells a change made through one connection to a listener on another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { listenTo } from '../platform/db/listen';
import { DomainError } from '../platform/errors';
import { displayBoard, queueReport } from './queue-display';
import { lookupBookedVisit } from './reads';
import { checkInBooking, closeKiosks, openKiosk, QUEUE_CHANNEL, takeWalkInTicket, type KioskDeps } from './queue-kiosk';
import { counterServes } from './queue-model';
import { actOnTicket, callNextTicket, counterQueue, type QueueContext } from './queue-service';

let t: TestDatabase;
let w: World;
let kiosk: KioskDeps;

const failure = async (p: Promise<unknown>): Promise<DomainError> => {
  try { await p; } catch (e) { if (e instanceof DomainError) return e; throw e; }
  throw new Error('expected a refusal');
};
const q = (actor: Actor | null): QueueContext => ({ db: t.db, clock: w.clock, actor, policy: { priority: 'first', bookedEarlyMinutes: 10 } });
const vn = (hhmm: string, day = '2026-12-07') => new Date(`${day}T${hhmm}:00+07:00`);

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db, '2026-12-07T07:30:00+07:00');
  for (const who of ['clerk', 'otherClerk'] as const) {
    const a = w.actors[who];
    await t.db.insertInto('users').values({
      id: a.userId, username: a.username, full_name: a.fullName, role: a.role, scope_unit_id: null, scope_agency_id: null,
      scope_service_point_id: null, scope_code: null, scope_path: null, personal_id: null, email: null, phone: null, password_hash: 'x',
    }).execute();
  }
  await t.db.insertInto('counters').values([
    { service_point_id: w.servicePoint.id, code: 'Q1', name: 'Quầy 1' },
    { service_point_id: w.servicePoint.id, code: 'Q2', name: 'Quầy 2' },
    { service_point_id: w.otherServicePoint.id, code: 'Q1', name: 'Quầy 1' },
  ]).execute();
  kiosk = { db: t.db, clock: w.clock, lookupBooking: (db, code) => lookupBookedVisit(db, code, w.clock.now()), ticketsPerMinute: 30 };
});
afterAll(async () => {
  await t?.close();
});

/** A booking as the appointments write it (src/appointments/bookings.ts), read back by the queue's check-in. */
const booking = async (code: string, time: string, o: { day?: string; servicePointId?: number; status?: 'booked' | 'cancelled'; dossierCode?: string } = {}) => {
  const startsAt = vn(time, o.day);
  await t.db.insertInto('bookings').values({
    code, service_point_id: o.servicePointId ?? w.servicePoint.id, province_code: w.province.code, unit_path: w.commune.path, purpose: o.dossierCode ? 'pickup' : 'intake', dossier_code: o.dossierCode ?? null,
    procedure_code: w.procedureCode, procedure_name: 'Đăng ký khai sinh', seat: code, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 20 * 60_000),
    status: o.status ?? 'booked', holder_key: `id:${code}`, personal_id: '087190004321', phone: '0912000111', name: 'Nguyễn Thị Lan', channel: 'portal', created_at: w.clock.now(),
  }).execute();
};

describe('the kiosk', () => {
  let token = '';

  it('is opened by a clerk of the service point, not by an officer, and refuses tickets without its token', async () => {
    expect((await failure(openKiosk(w.ctx(w.actors.officer)))).code).toBe('FORBIDDEN');
    const opened = await openKiosk(w.ctx(w.actors.clerk));
    expect(opened).toMatchObject({ servicePointCode: w.servicePoint.code, expiresAt: '2026-12-07T17:00:00.000Z' }); // midnight, Vietnam time
    token = opened.token;
    expect((await failure(takeWalkInTicket(kiosk, undefined, { priority: false }))).code).toBe('KIOSK_NOT_OPEN');
    expect((await failure(takeWalkInTicket(kiosk, 'guessed-token', { priority: false }))).code).toBe('KIOSK_NOT_OPEN');
    const stored = await t.db.selectFrom('queue_kiosks').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token); // only its hash is kept
  });

  it('numbers walk-in tickets 1, 2, 3 per service point and day, and starts again from 1 the next day', async () => {
    const a = await takeWalkInTicket(kiosk, token, { priority: false });
    const b = await takeWalkInTicket(kiosk, token, { priority: true });
    expect([a.label, a.waitingAhead, b.label, b.priority, b.waitingAhead]).toEqual(['001', 0, '002', true, 1]);
    // a booked check-in takes the next number of the same register
    await booking('HG7K2M9P', '08:00');
    const c = await checkInBooking(kiosk, token, { bookingCode: 'hg7k-2m9p' });
    expect(c).toMatchObject({ label: 'H003', kind: 'booked', procedureName: 'Đăng ký khai sinh', bookedAt: vn('08:00').toISOString() });
    // the booking is marked arrived in the same transaction (no no-show will be recorded for it)
    expect((await t.db.selectFrom('bookings').select('status').where('code', '=', 'HG7K2M9P').executeTakeFirstOrThrow()).status).toBe('arrived');
    // the same booking again: its ticket back, not a second one
    expect((await checkInBooking(kiosk, token, { bookingCode: 'HG7K2M9P' })).id).toBe(c.id);
  });

  it('refuses a booking of another day, another point, a cancelled one, and an unknown code; guesses slow the kiosk down', async () => {
    await booking('TOMORROW1', '08:00', { day: '2026-12-08' });
    await booking('ELSEWHERE', '08:00', { servicePointId: w.otherServicePoint.id });
    await booking('CANCELLED', '08:00', { status: 'cancelled' });
    expect((await failure(checkInBooking(kiosk, token, { bookingCode: 'TOMORROW1' }))).message).toBe('Lịch hẹn này vào ngày 08/12/2026, không phải hôm nay.');
    expect((await failure(checkInBooking(kiosk, token, { bookingCode: 'ELSEWHERE' }))).code).toBe('BOOKING_NOT_FOUND');
    expect((await failure(checkInBooking(kiosk, token, { bookingCode: 'CANCELLED' }))).code).toBe('BOOKING_NOT_ACTIVE');
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await failure(checkInBooking(kiosk, token, { bookingCode: `WRONG${i}` }))).code);
    expect(codes.slice(0, 7).every((c) => c === 'BOOKING_NOT_FOUND')).toBe(true);
    expect(codes.at(-1)).toBe('CHECK_IN_TOO_MANY');
    await t.db.deleteFrom('attempt_throttle').execute();
  });

  it('issues at most the configured tickets a minute', async () => {
    const other = await openKiosk(w.ctx(w.actors.otherClerk));
    const limited = { ...kiosk, ticketsPerMinute: 3 };
    for (let i = 0; i < 3; i++) await takeWalkInTicket(limited, other.token, { priority: false });
    expect((await failure(takeWalkInTicket(limited, other.token, { priority: false }))).code).toBe('KIOSK_TOO_MANY_TICKETS');
    w.clock.advanceMinutes(1);
    expect((await takeWalkInTicket(limited, other.token, { priority: false })).label).toBe('004');
    // staff close the kiosks of their point: its token opens nothing any more
    expect(await closeKiosks(w.ctx(w.actors.otherClerk))).toEqual({ closed: 1 });
    expect((await failure(takeWalkInTicket(limited, other.token, { priority: false }))).code).toBe('KIOSK_NOT_OPEN');
  });

  describe('the counters', () => {
    it('call the due booking first, then the priority walk-in, then in order; two counters never get the same ticket', async () => {
      w.clock.set(vn('07:52'));
      expect((await failure(callNextTicket(q(w.actors.clerk), { counterCode: 'Q9' }))).code).toBe('COUNTER_UNKNOWN');
      const first = await callNextTicket(q(w.actors.clerk), { counterCode: 'Q1' });
      expect(first).toMatchObject({ label: 'H003', counterName: 'Quầy 1', status: 'called', booking: { applicantName: 'Nguyễn Thị Lan', applicantPersonalId: '087190004321', procedureCode: w.procedureCode } });
      expect((await failure(callNextTicket(q(w.actors.clerk), { counterCode: 'Q1' }))).code).toBe('COUNTER_BUSY');
      const [a, b] = await Promise.all([callNextTicket(q(w.actors.clerk), { counterCode: 'Q2' }), failure(callNextTicket(q(w.actors.clerk), { counterCode: 'Q2' }))]);
      expect(a.label).toBe('002'); // the priority walk-in
      expect(b.code).toBe('COUNTER_BUSY');
    });

    it('recall counts, served and no-show close the ticket; another point\'s clerk cannot touch it', async () => {
      const view = await counterQueue(q(w.actors.clerk), 'Q1');
      const current = view.current;
      expect(current?.label).toBe('H003');
      expect(view.waiting.map((x) => x.label)).toEqual(['001']);
      if (!current) throw new Error('no current ticket');
      expect((await failure(actOnTicket(q(w.actors.otherClerk), current.id, 'served'))).code).toBe('TICKET_NOT_FOUND');
      w.clock.set(vn('07:55'));
      expect((await actOnTicket(q(w.actors.clerk), current.id, 'recall')).callCount).toBe(2);
      w.clock.set(vn('08:07'));
      expect((await actOnTicket(q(w.actors.clerk), current.id, 'served')).status).toBe('served');
      expect((await failure(actOnTicket(q(w.actors.clerk), current.id, 'noShow'))).code).toBe('TICKET_NOT_CALLED');
      const two = (await counterQueue(q(w.actors.clerk), 'Q2')).current;
      if (!two) throw new Error('no ticket at Q2');
      expect((await actOnTicket(q(w.actors.clerk), two.id, 'noShow')).status).toBe('no_show');
      const last = await callNextTicket(q(w.actors.clerk), { counterCode: 'Q1' });
      expect(last.label).toBe('001');
      expect((await failure(callNextTicket(q(w.actors.clerk), { counterCode: 'Q2' }))).code).toBe('QUEUE_EMPTY');
    });

    it('the display shows only numbers and counters, the latest call first, with what it says aloud', async () => {
      const board = await displayBoard({ db: t.db, clock: w.clock }, w.servicePoint.code);
      expect(board).toMatchObject({ servicePointCode: w.servicePoint.code, day: '2026-12-07', waiting: 0 });
      expect(board.calls.map((c) => [c.label, c.counterName])).toEqual([['001', 'Quầy 1']]);
      expect(board.calls[0]?.announcement).toBe('Mời công dân có số không không một, đến Quầy 1.');
      expect(JSON.stringify(board)).not.toContain('Nguyễn');
      expect((await failure(displayBoard({ db: t.db, clock: w.clock }, 'NO-SUCH-POINT'))).code).toBe('SERVICE_POINT_NOT_FOUND');
    });

    it('the figures: the wait and the share called within 15 minutes, for supervisors of the province only', async () => {
      const report = await queueReport(w.ctx(w.actors.supervisor), { from: '2026-12-07', to: '2026-12-07' });
      const point = report.servicePoints.find((p) => p.servicePointCode === w.servicePoint.code);
      // H003 booked 08:00, called 07:52 (early: 0 min); 002 issued 07:30, called 07:52 (22 min); 001 issued 07:30, called 08:07 (37 min)
      expect(point).toMatchObject({ issued: 3, called: 3, served: 1, noShow: 1, averageWaitMinutes: 19.7, calledWithin15Percent: 33.3, averageServiceMinutes: 15 });
      const other = await queueReport(w.ctx(w.actors.otherSupervisor), { from: '2026-12-07', to: '2026-12-07' });
      expect(other.total.issued).toBe(0);
      expect((await failure(queueReport(w.ctx(w.actors.clerk), { from: '2026-12-07', to: '2026-12-07' }))).code).toBe('FORBIDDEN');
    });
  });
});

describe('a result\'s pickup at the counters', () => {
  it('is called only to a counter that returns its procedure\'s results; the other counter calls the walk-in', async () => {
    w.clock.set(vn('08:00', '2026-12-09'));
    await t.db.insertInto('appointment_counter_procedures').values([
      { service_point_id: w.servicePoint.id, counter_code: 'Q1', procedure_code: '1.000000.000.00.00.H20' },
      { service_point_id: w.servicePoint.id, counter_code: 'Q2', procedure_code: w.procedureCode },
    ]).execute();
    try {
      const opened = await openKiosk(w.ctx(w.actors.clerk));
      await booking('HGPICKUP9', '08:05', { day: '2026-12-09', dossierCode: '000.01.61.H20-261201-0001' });
      expect((await checkInBooking(kiosk, opened.token, { bookingCode: 'HGPICKUP9' })).label).toBe('H001');
      expect((await takeWalkInTicket(kiosk, opened.token, { priority: false })).label).toBe('002');
      // Q1 does not serve the procedure: the due pickup waits for Q2, Q1 takes the walk-in
      expect((await callNextTicket(q(w.actors.clerk), { counterCode: 'Q1' })).label).toBe('002');
      const atQ2 = await callNextTicket(q(w.actors.clerk), { counterCode: 'Q2' });
      expect(atQ2).toMatchObject({ label: 'H001', counterCode: 'Q2', booking: { resultDossierCode: '000.01.61.H20-261201-0001' } });
    } finally {
      await t.db.deleteFrom('appointment_counter_procedures').where('service_point_id', '=', w.servicePoint.id).execute();
    }
  });

  it('the rule alone: a counter without configured procedures serves all; one with some serves only those', () => {
    const served = [{ counter_code: 'Q2', procedure_code: 'P' }];
    expect([counterServes(served, 'Q1', 'P'), counterServes(served, 'Q2', 'P'), counterServes(served, 'Q2', 'R')]).toEqual([true, true, false]);
  });
});

describe('changes told through the database', () => {
  it('a call made through one connection reaches a listener on another, at commit', async () => {
    const feed = listenTo(t.pool, QUEUE_CHANNEL, 100);
    const heard: string[] = [];
    const ready = new Promise<void>((resolve) => { feed.subscribe((p) => { heard.push(p); if (p === '*') resolve(); }); });
    await ready; // '*' once listening
    const opened = await openKiosk(w.ctx(w.actors.clerk));
    await takeWalkInTicket(kiosk, opened.token, { priority: false });
    for (let i = 0; i < 50 && !heard.includes(String(w.servicePoint.id)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toContain(String(w.servicePoint.id));
    await feed.close();
  });
});
