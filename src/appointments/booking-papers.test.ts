// The papers to bring in the booking's answer (issue 14 §3), on the real database: what the
// applicant's document store holds is told only to the signed-in citizen whose verified personal
// ID is the booking's; to anyone else (a visitor typing an ID, staff, an unverified account)
// nothing of the store, not even a count.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { cancelBooking, createBooking, type BookingInput } from './bookings';
import { appointmentSecret, sign } from './keys';
import { makeUser } from '../../test/factories';
import { storeBirthNotice } from './store.test-helper';

const { t, w } = useWorld();
const WEEK = ['07:30-11:30', '13:30-17:00'];
const HOA = '087090007001';
const LAN = '087090007004';
const NO_CONSENT = '087090007002';
const accounts: Record<string, number> = {};

beforeAll(async () => {
  accounts['hoa'] = (await makeUser(t.db, 'citizen', undefined, { personalId: HOA })).id;
  accounts['unverified'] = (await makeUser(t.db, 'citizen', undefined, { personalId: '087090007003', unverified: true })).id;
  accounts['noConsent'] = (await makeUser(t.db, 'citizen', undefined, { personalId: NO_CONSENT })).id;
  accounts['clerk'] = (await makeUser(t.db, 'clerk', w.servicePoint.code)).id;
  await t.db.updateTable('service_points').set({ opening_hours: JSON.stringify({ weekly: { 1: WEEK, 2: WEEK, 3: WEEK, 4: WEEK, 5: WEEK } }) }).where('id', '=', w.servicePoint.id).execute();
  await t.db.insertInto('counters').values(['Q01', 'Q02'].map((code) => ({ service_point_id: w.servicePoint.id, code, name: `Quầy ${code}` }))).execute();
  // Hoa's and Lan's birth notices ("Giấy chứng sinh") were digitized at an earlier intake, with their consent
  await storeBirthNotice(w, HOA, { consent: true });
  await storeBirthNotice(w, LAN, { consent: true });
  await storeBirthNotice(w, NO_CONSENT, { consent: false });
});
beforeEach(() => { w.clock.set(new Date('2026-03-02T09:00:00+07:00')); });

let serial = 3000;
async function input(startsAt: string, personalId?: string): Promise<BookingInput> {
  const phone = `0913${String(++serial).padStart(6, '0')}`;
  const phone84 = `84${phone.slice(1)}`;
  const expires = w.clock.now().getTime() + 30 * 60_000;
  const phoneVerification = `${phone84}.${expires}.${sign(await appointmentSecret(t.db), 'phone-verified', phone84, 'booking', expires)}`;
  return { servicePointCode: w.servicePoint.code, procedureCode: w.procedureCode, purpose: 'intake', startsAt, name: 'Lê Thị Hoa', phone, phoneVerification, ...(personalId ? { personalId } : {}) };
}
const as = (actor: Actor | null) => ({ db: t.db, clock: w.clock, actor, publicUrl: 'https://motcua.example.vn' });
const citizen = (personalId: string | null): Actor => ({ ...w.actors.citizen, userId: accounts[personalId ? 'hoa' : 'unverified'] ?? 0, scope: { kind: 'self', personalId } });

describe('papers to bring and the document store', () => {
  it('names the papers the store holds ("đã có trong kho") to the signed-in citizen whose verified personal ID it is', async () => {
    const made = await createBooking(as(citizen(HOA)), await input('2026-03-03T07:30+07:00'));
    expect(made.papers.map((p) => [p.name, p.inStore])).toEqual([
      ['Tờ khai đăng ký khai sinh', false], ['Giấy chứng sinh', true], ['Trường hợp ủy quyền thì có văn bản ủy quyền', false],
    ]);
    expect(made.store).toEqual({ held: 1, of: 3 });
  });

  it('to a visitor who types the personal ID: nothing of the store, not even a count', async () => {
    const made = await createBooking(as(null), await input('2026-03-03T07:50+07:00', LAN));
    expect(made.papers.map((p) => p.inStore)).toEqual([null, null, null]);
    expect(made.store).toBeNull();
    // staff booking on the phone learn nothing of it either
    await cancelBooking(as(null), made.code, made.manageToken);
    const byPhone = await createBooking(as({ ...w.actors.clerk, userId: accounts['clerk'] ?? 0 }), { ...(await input('2026-03-03T08:10+07:00', LAN)), channel: 'phone' });
    expect(byPhone.store).toBeNull();
    expect(byPhone.papers.every((p) => p.inStore === null)).toBe(true);
  });

  it('tells nothing to an unverified account, and nothing is held without consent', async () => {
    const holder: Actor = { ...w.actors.citizen, userId: accounts['noConsent'] ?? 0, scope: { kind: 'self', personalId: NO_CONSENT } };
    const own = await createBooking(as(holder), await input('2026-03-04T07:30+07:00'));
    expect(own.papers.every((p) => p.inStore === false)).toBe(true);
    expect(own.store).toEqual({ held: 0, of: 3 }); // a document, but no consent: nothing offered
    const unverified = await createBooking(as(citizen(null)), await input('2026-03-04T07:50+07:00', '087090007003'));
    expect(unverified.papers.every((p) => p.inStore === null)).toBe(true);
    expect(unverified.store).toBeNull();
    const nobody = await createBooking(as(null), await input('2026-03-04T08:10+07:00'));
    expect(nobody.store).toBeNull();
  });
});
