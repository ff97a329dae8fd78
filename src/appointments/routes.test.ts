// Booking over HTTP as the portal does it, with every answer checked against its route's response
// schema (the test server throws on a difference): the code by SMS, its verification, the booking,
// the signed link, the calendar file, the cancellation; and bad input answers 4xx with a code.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../dossiers/world.test-helper';
import { createSmsSimulator } from '../notifications/sms-simulator';
import { saveActorAsUser } from '../../test/factories';
import { registerAppointmentRoutes } from './routes';
import { storeBirthNotice } from './store.test-helper';

const WEEK = ['07:30-11:30', '13:30-17:00'];
const { t, w, app } = useWorldApp((a, t, w) => registerAppointmentRoutes(a, {
  db: t.db, clock: w.clock, sms: createSmsSimulator({ db: t.db, clock: w.clock }), publicUrl: 'https://motcua.example.vn', rateLimit: 1000,
}), '2026-03-02T09:00:00+07:00');

beforeAll(async () => {
  await t.db.updateTable('service_points').set({ opening_hours: JSON.stringify({ weekly: { 1: WEEK, 2: WEEK, 3: WEEK, 4: WEEK, 5: WEEK } }) }).where('id', '=', w.servicePoint.id).execute();
  await t.db.insertInto('counters').values([{ service_point_id: w.servicePoint.id, code: 'Q01', name: 'Quầy 01' }]).execute();
  await saveActorAsUser(t.db, w.actors.citizen);
  await saveActorAsUser(t.db, w.actors.clerk);
});

/** The verification of `phone` the way a citizen gets it: the code the SMS simulator received. */
async function verifiedBy(phone: string): Promise<string> {
  expect((await app.inject({ method: 'POST', url: '/api/v1/appointments/phone-codes', payload: { phone } })).statusCode).toBe(202);
  const sms = await t.db.selectFrom('sms_simulator_messages').select('text').where('to_number', '=', `84${phone.slice(1)}`).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const code = /\b(\d{6})\b/.exec(sms.text)?.[1] ?? '';
  const verified = await app.inject({ method: 'POST', url: '/api/v1/appointments/phone-codes/verify', payload: { phone, code } });
  expect(verified.statusCode).toBe(200);
  return verified.json<{ verification: string }>().verification;
}

describe('booking over HTTP', () => {
  it('books the first free slot and answers the point by code, name and address only', async () => {
    const slots = await app.inject({ method: 'GET', url: `/api/v1/appointments/slots?servicePointCode=${w.servicePoint.code}&procedureCode=${w.procedureCode}&purpose=intake` });
    expect(slots.statusCode).toBe(200);
    // two hours' notice from Monday 02/03/2026 09:00, 20-minute slots from 07:30 → 11:10
    const first = slots.json<{ slots: { startsAt: string }[] }>().slots[0];
    expect(first?.startsAt).toBe('2026-03-02T11:10:00+07:00');
    const phone = '0912000111';
    const booked = await app.inject({
      method: 'POST', url: '/api/v1/appointments/bookings',
      payload: { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', startsAt: first?.startsAt, name: 'Nguyễn Văn An', personalId: '087090001234', phone, phoneVerification: await verifiedBy(phone) },
    });
    expect(booked.statusCode).toBe(201);
    const body = booked.json<{ code: string; manageToken: string; servicePoint: Record<string, unknown>; startsAt: string; seat: string }>();
    expect(Object.keys(body.servicePoint).sort()).toEqual(['address', 'code', 'name']);
    expect(body).toMatchObject({ startsAt: '2026-03-02T11:10:00+07:00', seat: 'Q01' });

    const read = await app.inject({ method: 'GET', url: `/api/v1/appointments/bookings/${body.code}?token=${encodeURIComponent(body.manageToken)}` });
    expect(read.statusCode).toBe(200);
    expect(Object.keys(read.json<{ servicePoint: object }>().servicePoint).sort()).toEqual(['address', 'code', 'name']);
    const ics = await app.inject({ method: 'GET', url: `/api/v1/appointments/bookings/${body.code}/calendar.ics?token=${encodeURIComponent(body.manageToken)}` });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20260302T111000');

    const cancelled = await app.inject({ method: 'POST', url: `/api/v1/appointments/bookings/${body.code}/cancel`, payload: { token: body.manageToken } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<{ status: string }>().status).toBe('cancelled');
  });

  it('answers bad input with 4xx and a code, never 500', async () => {
    const noVerification = await app.inject({
      method: 'POST', url: '/api/v1/appointments/bookings',
      payload: { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', startsAt: '2026-03-03T08:00:00+07:00', name: 'An', phone: '0912000222', phoneVerification: 'forged' },
    });
    expect(noVerification.statusCode).toBe(400);
    expect(noVerification.json<{ error: { code: string } }>().error.code).toBe('PHONE_NOT_VERIFIED');
    const wrongCode = await app.inject({ method: 'POST', url: '/api/v1/appointments/phone-codes/verify', payload: { phone: '0912000333', code: '123456' } });
    expect(wrongCode.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrongCode.statusCode).toBeLessThan(500);
    const badLink = await app.inject({ method: 'GET', url: '/api/v1/appointments/bookings/HGAAAAAAAA?token=1.x' });
    expect(badLink.statusCode).toBe(404);
  });
});

describe('what a booking\'s answer says of the document store, over HTTP', () => {
  type Answer = { code: string; manageToken: string; papers: { inStore: boolean | null }[]; store: { held: number; of: number } | null };
  const book = async (startsAt: string, phone: string, over: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const r = await app.inject({
      method: 'POST', url: '/api/v1/appointments/bookings', headers,
      payload: { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', startsAt, name: 'Nguyễn Văn An', phone, phoneVerification: await verifiedBy(phone), ...over },
    });
    expect(r.statusCode).toBe(201);
    return r.json<Answer>();
  };
  const cancel = async (a: Answer) => expect((await app.inject({ method: 'POST', url: `/api/v1/appointments/bookings/${a.code}/cancel`, payload: { token: a.manageToken } })).statusCode).toBe(200);

  it('names the papers held only to the signed-in citizen whose verified personal ID it is; to anyone typing the ID, nothing — not even a count', async () => {
    await storeBirthNotice(w, '087090001234', { consent: true });
    const visitor = await book('2026-03-04T07:30:00+07:00', '0912000444', { personalId: '087090001234' });
    expect(visitor.store).toBeNull();
    expect(visitor.papers.every((p) => p.inStore === null)).toBe(true);
    expect(JSON.stringify(visitor)).not.toContain('held');
    await cancel(visitor);
    const staff = await book('2026-03-04T07:50:00+07:00', '0912000445', { personalId: '087090001234', channel: 'phone' }, { 'x-test-actor': 'clerk' });
    expect(staff.store).toBeNull();
    expect(staff.papers.every((p) => p.inStore === null)).toBe(true);
    await cancel(staff);
    const holder = await book('2026-03-04T08:10:00+07:00', '0912000446', {}, { 'x-test-actor': 'citizen' });
    expect(holder.store).toEqual({ held: 1, of: holder.papers.length });
    expect(holder.papers.map((p) => p.inStore)).toContain(true);
  });
});
