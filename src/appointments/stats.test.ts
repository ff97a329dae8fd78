// The appointments' figures for the dashboard: the bookings' rule as a table of concrete cases, and
// GET /api/v1/appointments/stats against the real database — tickets and bookings of one Monday,
// 07/12/2026, seen by a supervisor of the province, by one of another province, refused to a clerk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../dossiers/world.test-helper';
import { channels, type BookingChannel, type BookingStatus, bookingStatuses } from './model';
import { registerAppointmentRoutes } from './routes';
import { createSmsSimulator } from '../notifications/sms-simulator';
import { bookingFigures } from './stats-model';

describe('bookingFigures', () => {
  it('counts by outcome and channel; no-shows are a share of the bookings whose outcome is known', () => {
    const b = (status: BookingStatus, channel: BookingChannel) => ({ status, channel });
    const figures = bookingFigures([
      b('arrived', 'portal'), b('arrived', 'portal'), b('arrived', 'counter'), b('no_show', 'phone'), b('no_show', 'portal'),
      b('cancelled', 'portal'), b('booked', 'phone'),
    ]);
    expect(figures).toEqual({
      total: 7, arrived: 3, noShow: 2, cancelled: 1, booked: 1, noShowPercent: 40,
      byChannel: [
        { channel: 'portal', label: 'Cổng dịch vụ công', count: 4 },
        { channel: 'counter', label: 'Tại quầy', count: 1 },
        { channel: 'phone', label: 'Qua điện thoại', count: 2 },
      ],
    });
    expect(bookingFigures([b('arrived', 'portal'), b('arrived', 'portal'), b('no_show', 'counter')]).noShowPercent).toBe(33.3);
    expect(bookingFigures([b('booked', 'portal'), b('cancelled', 'portal')]).noShowPercent).toBeNull();
  });

  it('the channels and the outcomes each add up to the total, for any bookings', () => {
    const booking = fc.record({ status: fc.constantFrom(...bookingStatuses), channel: fc.constantFrom(...channels) });
    fc.assert(fc.property(fc.array(booking, { maxLength: 60 }), (bookings) => {
      const f = bookingFigures(bookings);
      expect(f.byChannel.reduce((n, c) => n + c.count, 0)).toBe(f.total);
      expect(f.arrived + f.noShow + f.cancelled + f.booked).toBe(f.total);
      if (f.noShowPercent !== null) expect(f.noShowPercent).toBeGreaterThanOrEqual(0);
      if (f.noShowPercent !== null) expect(f.noShowPercent).toBeLessThanOrEqual(100);
    }));
  });
});

const { t, w, app } = useWorldApp((a, t, w) => registerAppointmentRoutes(a, {
  db: t.db, clock: w.clock, sms: createSmsSimulator({ db: t.db, clock: w.clock }), publicUrl: 'https://motcua.example.vn', rateLimit: 1000,
}), '2026-12-07T18:00:00+07:00');

const vn = (hhmm: string, day = '2026-12-07') => new Date(`${day}T${hhmm}:00+07:00`);
let serial = 0;
async function booking(time: string, status: BookingStatus, channel: BookingChannel, o: { day?: string; servicePointId?: number } = {}) {
  const startsAt = vn(time, o.day);
  const code = `HGSTAT${String(++serial).padStart(4, '0')}`;
  await t.db.insertInto('bookings').values({
    code, service_point_id: o.servicePointId ?? w.servicePoint.id, province_code: w.province.code, unit_path: w.commune.path, purpose: 'intake',
    procedure_code: w.procedureCode, procedure_name: 'Đăng ký khai sinh', seat: code, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 20 * 60_000),
    status, holder_key: `id:${code}`, personal_id: null, phone: '0912000111', name: 'Nguyễn Thị Lan', channel, created_at: vn('07:00', '2026-12-01'),
  }).execute();
}
async function ticket(number: number, issued: string, called: string | null, status: 'waiting' | 'called' | 'served' | 'no_show', finished: string | null = null) {
  await t.db.insertInto('queue_tickets').values({
    service_point_id: w.servicePoint.id, unit_path: w.commune.path, province_code: w.province.code, day: '2026-12-07', number, kind: 'walk_in',
    status, issued_at: vn(issued), called_at: called ? vn(called) : null, last_called_at: called ? vn(called) : null, call_count: called ? 1 : 0,
    finished_at: finished ? vn(finished) : null,
  }).execute();
}
const get = (who: string, query: string) => app.inject({ method: 'GET', url: `/api/v1/appointments/stats?${query}`, headers: { 'x-test-actor': who } });

describe('GET /api/v1/appointments/stats', () => {
  it('gives the day\'s waits and bookings to a supervisor of the province, nothing to another province, and refuses a clerk', async () => {
    // waits: 5, 12 and 30 minutes → average 15.7, two of three called within 15 minutes; one served in 10 minutes
    await ticket(1, '08:00', '08:05', 'served', '08:15');
    await ticket(2, '08:00', '08:12', 'no_show', '08:20');
    await ticket(3, '08:10', '08:40', 'called');
    await ticket(4, '08:30', null, 'waiting');
    await booking('08:00', 'arrived', 'portal');
    await booking('08:20', 'arrived', 'counter');
    await booking('09:00', 'no_show', 'portal');
    await booking('10:00', 'cancelled', 'phone');
    await booking('08:00', 'arrived', 'portal', { day: '2026-12-08' }); // the next day: outside the period
    // 06/12 23:30 Vietnam time is 16:30 UTC on the 6th: outside a period starting on the 7th whatever the server's zone
    await booking('23:30', 'no_show', 'portal', { day: '2026-12-06' });

    const res = await get('supervisor', 'from=2026-12-07&to=2026-12-07');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: '2026-12-07', to: '2026-12-07',
      queue: { issued: 4, called: 3, served: 1, noShow: 1, averageWaitMinutes: 15.7, calledWithin15Percent: 66.7, averageServiceMinutes: 10 },
      bookings: {
        total: 4, arrived: 2, noShow: 1, cancelled: 1, booked: 0, noShowPercent: 33.3,
        byChannel: [
          { channel: 'portal', label: 'Cổng dịch vụ công', count: 2 },
          { channel: 'counter', label: 'Tại quầy', count: 1 },
          { channel: 'phone', label: 'Qua điện thoại', count: 1 },
        ],
      },
    });
    const other = await get('otherSupervisor', 'from=2026-12-07&to=2026-12-07');
    expect(other.json()).toMatchObject({ queue: { issued: 0, averageWaitMinutes: null }, bookings: { total: 0, noShowPercent: null } });
    expect((await get('clerk', 'from=2026-12-07&to=2026-12-07')).statusCode).toBe(403);
  });

  it('refuses a period that ends before it starts, or a date that is not one, with 400 and a code', async () => {
    const backwards = await get('supervisor', 'from=2026-12-08&to=2026-12-07');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('PERIOD_INVALID');
    expect((await get('supervisor', 'from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
    expect((await get('supervisor', 'from=yesterday&to=2026-03-01')).statusCode).toBe(400);
  });
});
