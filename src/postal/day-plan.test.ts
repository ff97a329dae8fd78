// The courier's day on the real database: today's assigned pickups and carried results, placed at
// their commune's centre (or where the phone last confirmed the address) and ordered by window.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../dossiers/world.test-helper';
import { courierDayPlan } from './day-plan';
import { assignCourier, requestPickup } from './service';

const { w } = useWorld('2026-12-08T07:00:00+07:00');

async function pickup(name: string, windowFrom: string, windowTo: string, assign = true) {
  const s = await requestPickup(w.ctx(w.actors.clerk), {
    procedureCode: w.procedureCode, origin: 'phone', applicant: { name, phone: '0912345678' }, address: `Nhà của ${name}`,
    communeCode: w.commune.code, windowFrom: `2026-12-08T${windowFrom}:00+07:00`, windowTo: `2026-12-08T${windowTo}:00+07:00`,
  });
  const leg = s.legs[0];
  if (!leg) throw new Error('no pickup leg');
  if (assign) await assignCourier(w.ctx(w.actors.courier), leg.trackingNumber);
  return leg.trackingNumber;
}

describe('the courier day plan', () => {
  it('refuses without a post office position, then orders today\'s pickups by their windows from the commune centre', async () => {
    await expect(courierDayPlan(w.ctx(w.actors.courier))).rejects.toMatchObject({ code: 'POST_OFFICE_POSITION_UNKNOWN' });
    await sql`UPDATE service_points SET latitude = 10.4597, longitude = 105.6326 WHERE id = ${w.servicePoint.id}`.execute(w.db);
    await sql`UPDATE admin_units SET centre_latitude = 10.50, centre_longitude = 105.70, centre_precision = 'districtSeat' WHERE id = ${w.commune.id}`.execute(w.db);
    const late = await pickup('Trần Văn Chiều', '14:00', '15:00');
    const early = await pickup('Nguyễn Thị Sáng', '08:00', '09:00');
    await pickup('Lê Văn Chưa Giao', '08:00', '09:00', false); // not assigned to this courier: not in their day

    const plan = await courierDayPlan(w.ctx(w.actors.courier));
    expect(plan.date).toBe('2026-12-08');
    expect(plan.stops.map((s) => s.trackingNumber)).toEqual([early, late]);
    expect(plan.stops[0]).toMatchObject({ kind: 'pickup', applicantName: 'Nguyễn Thị Sáng', windowFrom: '08:00', windowTo: '09:00', positionSource: 'communeCentre', latitude: 10.5, lateMinutes: 0 });
    // 07:30 start; the commune centre is 12.1 km away by road (8.63 km straight × 1.4) at 25 km/h: there at 07:59, waits for 08:00
    expect(plan.startAt).toBe('07:30');
    expect(plan.stops[0]?.arriveAt).toBe('08:00');
    expect(plan.stops[1]?.arriveAt).toBe('14:00');
    expect(plan.lengthKm).toBe(24.2);

    // a task added later in the day is planned in from the courier's time
    w.clock.set(new Date('2026-12-08T13:00:00+07:00'));
    const added = await pickup('Phạm Thị Thêm', '13:00', '13:45');
    const again = await courierDayPlan(w.ctx(w.actors.courier));
    expect(again.startAt).toBe('13:00');
    expect(again.stops.map((s) => s.trackingNumber)).toEqual([added, early, late]);
    expect(again.stops.find((s) => s.trackingNumber === early)?.lateMinutes).toBeGreaterThan(0); // its window has passed: shown late
  });

  it('is the courier\'s alone: a clerk is refused', async () => {
    await expect(courierDayPlan(w.ctx(w.actors.clerk))).rejects.toMatchObject({ kind: 'Forbidden' });
  });
});
