// Booking a result's pickup on the real database (issue 14 §2): at the point that received the
// dossier, for its procedure, not before the result is due; by the citizen whose dossier it is,
// staff in scope, or a visitor giving the applicant's personal ID — others are told it does not exist.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { receiveDossier } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { makeUser } from '../../test/factories';
import { createBooking, type BookingInput } from './bookings';
import { appointmentSecret, sign } from './keys';
import { pickupForCaller } from './pickup';
import { lookupBookedVisit } from './reads';
import { counterQueue } from './queue-service';

const { t, w } = useWorld();
const WEEK = ['07:30-11:30', '13:30-17:00'];
const AN = '087090008001';
let ready = '';
let underWay = '';
let citizen: Actor;

beforeAll(async () => {
  await t.db.updateTable('service_points').set({ opening_hours: JSON.stringify({ weekly: { 1: WEEK, 2: WEEK, 3: WEEK, 4: WEEK, 5: WEEK } }) }).where('id', '=', w.servicePoint.id).execute();
  await t.db.insertInto('counters').values(['Q01', 'Q02'].map((code) => ({ service_point_id: w.servicePoint.id, code, name: `Quầy ${code}` }))).execute();
  ready = (await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: AN }))).code;
  underWay = (await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: AN }))).code;
  await t.db.updateTable('dossiers').set({ status: 'resultReady' }).where('code', '=', ready).execute();
  // the other is due on Friday 13/03/2026
  await t.db.updateTable('dossiers').set({ status: 'processing', due_at: new Date('2026-03-13T17:00:00+07:00') }).where('code', '=', underWay).execute();
  const user = await makeUser(t.db, 'citizen', undefined, { personalId: AN });
  citizen = { ...w.actors.citizen, userId: user.id, scope: { kind: 'self', personalId: AN } };
});
beforeEach(() => { w.clock.set(new Date('2026-03-02T09:00:00+07:00')); });

let serial = 5000;
async function pickup(dossierCode: string, startsAt: string, over: Partial<BookingInput> = {}): Promise<BookingInput> {
  const phone = `0914${String(++serial).padStart(6, '0')}`;
  const phone84 = `84${phone.slice(1)}`;
  const expires = w.clock.now().getTime() + 30 * 60_000;
  const phoneVerification = `${phone84}.${expires}.${sign(await appointmentSecret(t.db), 'phone-verified', phone84, 'booking', expires)}`;
  return { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'pickup', startsAt, name: 'Trần Văn An', phone, phoneVerification, dossierCode, ...over };
}
const as = (actor: Actor | null) => ({ db: t.db, clock: w.clock, actor, publicUrl: 'https://motcua.example.vn' });

describe('booking a result\'s pickup', () => {
  it('tells the citizen where and from when; a result under way from its due date', async () => {
    expect(await pickupForCaller(as(citizen), ready)).toMatchObject({
      dossierCode: ready, procedureCode: w.procedureCode, servicePoint: { code: w.servicePoint.code }, ready: true, fromDate: '2026-03-02',
    });
    expect(await pickupForCaller(as(citizen), underWay)).toMatchObject({ ready: false, fromDate: '2026-03-13' });
    // another citizen, a courier: the dossier does not exist for them, or they may not book
    await expect(pickupForCaller(as({ ...citizen, userId: 1, scope: { kind: 'self', personalId: '087090008999' } }), ready)).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    await expect(pickupForCaller(as(w.actors.officer), ready)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('books a pickup of a ready result (10 minutes) at the point that received it', async () => {
    const made = await createBooking(as(citizen), await pickup(ready, '2026-03-03T07:30+07:00'));
    expect(made).toMatchObject({ purpose: 'pickup', dossierCode: ready, startsAt: '2026-03-03T07:30:00+07:00', endsAt: '2026-03-03T07:40:00+07:00' });
    expect(await lookupBookedVisit(t.db, made.code, w.clock.now())).toMatchObject({ procedureCode: w.procedureCode, active: true });
    // its queue ticket sends the counter to the return of that dossier, not to an intake
    w.clock.set(new Date('2026-03-03T07:25:00+07:00'));
    await t.db.insertInto('queue_tickets').values({
      service_point_id: w.servicePoint.id, unit_path: w.commune.path, province_code: w.province.code, day: '2026-03-03', number: 1, kind: 'booked', priority: false,
      booking_code: made.code, booked_at: new Date('2026-03-03T07:30:00+07:00'), procedure_code: w.procedureCode, procedure_name: 'x', applicant_name: 'Trần Văn An', issued_at: w.clock.now(),
    }).execute();
    const queue = await counterQueue({ db: t.db, clock: w.clock, actor: w.actors.clerk, policy: { priority: 'first', bookedEarlyMinutes: 10 } }, 'Q01');
    expect(queue.waiting[0]?.booking).toMatchObject({ code: made.code, resultDossierCode: ready });
  });

  it('refuses a day before the result is due, another point, and a visitor without the applicant\'s personal ID', async () => {
    await expect(createBooking(as(null), await pickup(underWay, '2026-03-12T07:30+07:00', { personalId: AN }))).rejects.toMatchObject({ code: 'RESULT_NOT_DUE' });
    await expect(createBooking(as(null), await pickup(underWay, '2026-03-13T07:30+07:00', { personalId: AN }))).resolves.toMatchObject({ purpose: 'pickup', dossierCode: underWay });
    await expect(createBooking(as(null), await pickup(underWay, '2026-03-16T07:30+07:00', { servicePointCode: w.otherServicePoint.code, personalId: '087090008002' })))
      .rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    await expect(createBooking(as(null), await pickup('KHONG-CO', '2026-03-16T07:30+07:00', { personalId: AN }))).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    await expect(createBooking(as(null), await pickup('', '2026-03-16T07:30+07:00', { personalId: AN }))).rejects.toMatchObject({ code: 'DOSSIER_CODE_REQUIRED' });
  });
});
