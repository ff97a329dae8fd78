// Visits at home against the real database (issue 14 §2): slots from the couriers who visit the
// address's commune; a booked visit becomes a pickup assigned to its courier and shows in the
// courier's day plan; rescheduling offers and moves within the same commune; cancelling takes it
// out of the day; concurrent bookings never bring one courier's visits closer than the travel.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { courierDayPlan } from '../postal/day-plan';
import { makeUser } from '../../test/factories';
import { cancelBooking, createBooking, rescheduleBooking, type BookingInput } from './bookings';
import { getCourierAreas, saveCourierAreas } from './courier-areas';
import { homeCommunes } from './home-areas';
import { courierSeatOf } from './home-travel';
import { appointmentSecret, sign } from './keys';
import { listHomeVisits, listSlots } from './reads';
import { recordNoShows } from './staff';

const { t, w } = useWorld();
const WEEK = ['07:30-11:30', '13:30-17:00'];
const couriers: Actor[] = [];

beforeAll(async () => {
  await t.db.updateTable('service_points').set({ opening_hours: JSON.stringify({ weekly: { 1: WEEK, 2: WEEK, 3: WEEK, 4: WEEK, 5: WEEK } }), latitude: 10.46, longitude: 105.64 })
    .where('id', '=', w.servicePoint.id).execute();
  for (const name of ['tam', 'binh']) {
    const user = await makeUser(t.db, 'courier', w.servicePoint.code, { username: `courier-${name}` });
    couriers.push({ userId: user.id, username: `courier-${name}`, fullName: `Người dùng courier-${name}`, role: 'courier', scope: { kind: 'servicePoint', servicePointId: w.servicePoint.id, unitPath: w.commune.path } });
  }
});
beforeEach(() => { w.clock.set(new Date('2026-03-02T09:00:00+07:00')); });

const [tam, binh] = [() => couriers[0] as Actor, () => couriers[1] as Actor];
const deps = (actor: Actor | null = null) => ({ db: t.db, clock: w.clock, actor, publicUrl: 'https://motcua.example.vn' });
let serial = 5000;
async function visit(startsAt: string, communeCode: string, address = 'Số 5, ấp Tân Hòa'): Promise<BookingInput> {
  const phone = `0914${String(++serial).padStart(6, '0')}`;
  const phone84 = `84${phone.slice(1)}`;
  const expires = w.clock.now().getTime() + 30 * 60_000;
  const phoneVerification = `${phone84}.${expires}.${sign(await appointmentSecret(t.db), 'phone-verified', phone84, 'booking', expires)}`;
  return { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'home', startsAt, name: 'Trần Văn Bình', phone, phoneVerification, address, communeCode };
}
const slotsOf = async (communeCode: string, day: string) =>
  (await listSlots(deps(), { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'home', from: day, to: day, communeCode })).slots;

describe('courier areas', () => {
  it('are set by the point\'s administrator, audited, and refuse someone who is not a courier of the point', async () => {
    const admin = w.actors.admin;
    await expect(saveCourierAreas(w.ctx(admin), w.servicePoint.code, { items: [{ courierId: w.actors.officer.userId, communeCodes: [w.commune.code] }] })).rejects.toMatchObject({ code: 'COURIER_AREAS_INVALID' });
    const saved = await saveCourierAreas(w.ctx(admin), w.servicePoint.code, { items: [
      { courierId: tam().userId, communeCodes: [w.commune.code, w.otherCommune.code] },
      { courierId: binh().userId, communeCodes: [w.commune.code] },
    ] });
    expect(saved.items.map((i) => [i.courierId, i.communes.map((c) => c.code)])).toEqual(expect.arrayContaining([[tam().userId, [w.commune.code, w.otherCommune.code]], [binh().userId, [w.commune.code]]]));
    expect((await getCourierAreas(w.ctx(admin), w.servicePoint.code)).items).toHaveLength(2);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'appointment.courier_areas').execute();
    expect(audit).toHaveLength(1);
    await expect(getCourierAreas(w.ctx(w.actors.clerk), w.servicePoint.code)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // the portal finds the communes where couriers come, without diacritics
    const found = await homeCommunes(t.db, `xa ${w.commune.code}`, '2026-03-02');
    expect(found.items.map((i) => [i.communeCode, i.servicePoint.code])).toEqual([[w.commune.code, w.servicePoint.code]]);
  });
});

describe('visits at home', () => {
  it('offer half-hour slots with the couriers who visit the commune; refuse a booking without a commune', async () => {
    const here = await slotsOf(w.commune.code, '2026-03-12');
    expect(here.slice(0, 2).map((s) => [s.startsAt.slice(11, 16), s.endsAt.slice(11, 16), s.capacity])).toEqual([['07:30', '08:00', 2], ['08:00', '08:30', 2]]);
    const there = await slotsOf(w.otherCommune.code, '2026-03-12');
    expect(there[0]?.capacity).toBe(1); // only Tâm goes there
    const { communeCode: _, ...noCommune } = await visit('2026-03-12T08:00+07:00', w.commune.code);
    await expect(createBooking(deps(), noCommune)).rejects.toMatchObject({ code: 'COMMUNE_REQUIRED' });
    await expect(listSlots(deps(), { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'home' })).rejects.toMatchObject({ code: 'COMMUNE_REQUIRED' });
  });

  it('a booked visit is a pickup assigned to its courier, in their day plan; a reschedule moves it, a cancellation takes it out', async () => {
    const booked = await createBooking(deps(), await visit('2026-03-12T08:00+07:00', w.otherCommune.code, 'Số 9, ấp Mỹ Phú'));
    expect(booked).toMatchObject({ seat: courierSeatOf(tam().userId), communeCode: w.otherCommune.code, startsAt: '2026-03-12T08:00:00+07:00', endsAt: '2026-03-12T08:30:00+07:00' });
    // Tâm is away in the other commune: back here no sooner than the travel allows (no centres known: 20 minutes)
    const here = await slotsOf(w.commune.code, '2026-03-12');
    expect(here.filter((s) => ['07:30', '08:30', '09:00'].includes(s.startsAt.slice(11, 16))).map((s) => s.free)).toEqual([1, 1, 2]);
    const plan = async (day: string) => {
      w.clock.set(new Date(`${day}T07:00:00+07:00`));
      const p = await courierDayPlan({ db: t.db, clock: w.clock, actor: tam() });
      w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
      return p.stops.map((s) => [s.kind, s.address, s.windowFrom, s.windowTo, s.note]);
    };
    expect(await plan('2026-03-12')).toEqual([['pickup', 'Số 9, ấp Mỹ Phú', '08:00', '08:30', `Lịch hẹn tại nhà ${booked.code}`]]);
    const visits = await listHomeVisits({ db: t.db, clock: w.clock, actor: tam() }, { servicePointCode: w.servicePoint.code, date: '2026-03-12' });
    expect(visits.items.map((v) => v.code)).toEqual([booked.code]);

    const moved = await rescheduleBooking(deps(), booked.code, booked.manageToken, '2026-03-12T14:00+07:00');
    expect(moved).toMatchObject({ seat: courierSeatOf(tam().userId), communeCode: w.otherCommune.code });
    expect(await plan('2026-03-12')).toEqual([['pickup', 'Số 9, ấp Mỹ Phú', '14:00', '14:30', `Lịch hẹn tại nhà ${booked.code}`]]);
    // nobody comes to a counter for a visit at home: the no-show job leaves it to its pickup
    await recordNoShows(t.db, new Date('2026-03-12T18:00:00+07:00'));
    expect((await t.db.selectFrom('bookings').select('status').where('code', '=', moved.code).executeTakeFirstOrThrow()).status).toBe('booked');
    await cancelBooking(deps(), moved.code, moved.manageToken);
    expect(await plan('2026-03-12')).toEqual([]);
    // the pickup ends on its trail: withdrawn, not left "assigned" with nobody
    const leg = await t.db.selectFrom('bookings as b').innerJoin('postal_legs as l', 'l.shipment_id', 'b.shipment_id')
      .select(['l.id', 'l.status', 'l.courier_id']).where('b.code', '=', moved.code).executeTakeFirstOrThrow();
    expect(leg).toMatchObject({ status: 'withdrawn', courier_id: null });
    const trail = await t.db.selectFrom('postal_leg_events').select(['kind', 'note']).where('leg_id', '=', leg.id).orderBy('id').execute();
    expect(trail.map((e) => e.kind)).toEqual(['requested', 'assigned', 'withdrawn']);
    expect(trail.at(-1)?.note).toBe(`Người dân hủy lịch hẹn ${moved.code}`);
  });

  it('concurrent bookings of the one courier of a commune at 10:00 and 10:30 (10 minutes apart by travel): exactly one is taken', async () => {
    const inputs = await Promise.all(Array.from({ length: 12 }, (_, i) => visit(i % 2 === 0 ? '2026-03-13T10:00+07:00' : '2026-03-13T10:30+07:00', w.otherCommune.code, `Số ${i + 1}`)));
    const results = await Promise.allSettled(inputs.map((input) => createBooking(deps(), input)));
    const made = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(made).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(11).fill('SLOT_FULL'));
  });
});
