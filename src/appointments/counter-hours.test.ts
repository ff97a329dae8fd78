// Opening hours per counter over HTTP on the real database (issue 14 §1): the point's administrator
// gives Q02 mornings only and Q03 Saturday intake; slots follow, capacity per slot = counters open
// and serving; bad input answers 400 with a code, other roles 403.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../dossiers/world.test-helper';
import { createSmsSimulator } from '../notifications/sms-simulator';
import { registerAppointmentRoutes } from './routes';

const WEEK = ['07:30-11:30', '13:30-17:00'];
const MORNING = ['07:30-11:30'];
const { t, w, app } = useWorldApp((a, t, w) => registerAppointmentRoutes(a, {
  db: t.db, clock: w.clock, sms: createSmsSimulator({ db: t.db, clock: w.clock }), publicUrl: 'https://motcua.example.vn', rateLimit: 1000,
}), '2025-04-01T09:00:00+07:00');

beforeAll(async () => {
  await t.db.updateTable('service_points').set({ opening_hours: JSON.stringify({ weekly: { 1: WEEK, 2: WEEK, 3: WEEK, 4: WEEK, 5: WEEK } }), valid_from: '2025-01-01' }).where('id', '=', w.servicePoint.id).execute();
  await t.db.insertInto('counters').values(['Q01', 'Q02', 'Q03'].map((code) => ({ service_point_id: w.servicePoint.id, code, name: `Quầy ${code}` }))).execute();
});

const url = () => `/api/v1/appointments/service-points/${w.servicePoint.code}/counter-hours`;
const put = (who: string, payload: unknown) => app.inject({ method: 'PUT', url: url(), headers: { 'x-test-actor': who }, payload: payload as object });
const slotsOf = async (date: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/appointments/slots?servicePointCode=${w.servicePoint.code}&procedureCode=${w.procedureCode}&purpose=intake&from=${date}&to=${date}` });
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json<{ slots: { startsAt: string; capacity: number }[] }>().slots.map((s) => [s.startsAt.slice(11, 16), s.capacity]));
};
const items = [
  { counterCode: 'Q02', weekly: { 1: MORNING, 2: MORNING, 3: MORNING, 4: MORNING, 5: MORNING }, exceptions: [] },
  { counterCode: 'Q03', weekly: { 1: WEEK, 2: WEEK, 3: WEEK, 4: WEEK, 5: WEEK, 6: MORNING }, exceptions: [{ date: '2025-04-09', periods: [], reason: 'Cán bộ quầy 3 đi tập huấn' }] },
];

describe('opening hours per counter', () => {
  it('saves the counters\' own hours with an audit row, and the slots follow them', async () => {
    // before: every counter keeps the point's hours
    expect((await slotsOf('2025-04-08'))['13:30']).toBe(3);
    const saved = await put('admin', { items });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ servicePointCode: w.servicePoint.code, counters: ['Q01', 'Q02', 'Q03'], items });
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'appointment.counterHours').execute();
    expect(audit).toHaveLength(1);
    // Tuesday 08/04/2025: three counters in the morning, two in the afternoon
    const tuesday = await slotsOf('2025-04-08');
    expect([tuesday['07:30'], tuesday['11:10'], tuesday['13:30']]).toEqual([3, 3, 2]);
    // Wednesday 09/04/2025: Q03 away
    const wednesday = await slotsOf('2025-04-09');
    expect([wednesday['07:30'], wednesday['13:30']]).toEqual([2, 1]);
    // an ordinary Saturday (12/04/2025): Q03 alone, mornings
    const saturday = await slotsOf('2025-04-12');
    expect(Object.keys(saturday)).toHaveLength(12);
    expect(new Set(Object.values(saturday))).toEqual(new Set([1]));
    // the make-up Saturday 26/04/2025 is worked as a weekday by every counter
    const makeUp = await slotsOf('2025-04-26');
    expect([makeUp['07:30'], makeUp['13:30']]).toEqual([3, 2]);
    // and the read gives back what was saved
    const read = await app.inject({ method: 'GET', url: url(), headers: { 'x-test-actor': 'admin' } });
    expect(read.json<{ items: unknown[] }>().items).toEqual(items);
  });

  it('answers bad hours with 400 and a code, other roles 403', async () => {
    const badPeriod = await put('admin', { items: [{ counterCode: 'Q02', weekly: { 1: ['11:30-07:30'] }, exceptions: [] }] });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json()).toMatchObject({ error: { code: 'COUNTER_HOURS_INVALID', details: [{ path: 'items[0].weekly.1[0]' }] } });
    const unknown = await put('admin', { items: [{ counterCode: 'Q09', weekly: {}, exceptions: [] }] });
    expect(unknown.json()).toMatchObject({ error: { code: 'COUNTER_HOURS_INVALID', details: [{ path: 'items[0].counterCode' }] } });
    const weekday = await put('admin', { items: [{ counterCode: 'Q02', weekly: { 8: MORNING }, exceptions: [] }] });
    expect(weekday.statusCode).toBe(400);
    const twice = await put('admin', { items: [items[0], items[0]] });
    expect(twice.statusCode).toBe(400);
    const shape = await put('admin', { items: [{ counterCode: 'Q02', weekly: { 1: ['sáng'] }, exceptions: [] }] });
    expect(shape.statusCode).toBe(400);
    expect((await put('clerk', { items: [] })).statusCode).toBe(403);
    expect((await put('otherSupervisor', { items: [] })).statusCode).toBe(403);
    // nothing of the refused requests was written
    expect((await slotsOf('2025-04-08'))['13:30']).toBe(2);
  });
});
