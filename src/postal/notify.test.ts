// The postal step messages carry the applicant's e-mail where there is one, for their mail copy
// (src/notifications queues it): the account's of a citizen who asked on the portal, the one written
// on the e-form at the door; none when nobody gave one (the SMS alone).
import { describe, expect, it } from 'vitest';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { queuePostalSms } from './notify';
import { assignCourier, requestPickup, saveDraft } from './service';
import { useTempFiles } from './files.test-helper';

const { w } = useWorld('2026-04-29T07:00:00+07:00');
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [], files });

const request = (a: Actor) => requestPickup(ctx(a), {
  procedureCode: w.procedureCode, origin: 'phone', applicant: { name: 'Nguyễn Văn An', phone: '0912345678' }, address: 'Số 12 đường Lê Lợi, ấp 3',
  communeCode: w.commune.code, windowFrom: '2026-04-29T08:00:00+07:00', windowTo: '2026-04-29T10:00:00+07:00', servicePointCode: w.servicePoint.code,
});
const payloadsOf = async (trackingNumber: string) => (await w.db.selectFrom('outbox').select(['kind', 'payload']).where('kind', 'like', 'postal.%').orderBy('id').execute())
  .filter((r) => (r.payload as Record<string, unknown>).trackingNumber === trackingNumber).map((r) => [r.kind, (r.payload as Record<string, unknown>).email ?? null]);

describe('the postal messages\' e-mail for the mail copy', () => {
  it('a portal request: the citizen account\'s e-mail; a phone request without one: none, until the e-form at the door gives one', async () => {
    const c = w.actors.citizen;
    await w.db.insertInto('users').values({
      id: c.userId, username: c.username, full_name: 'Nguyễn Văn An', role: 'citizen', phone: '84912345678', email: 'an.nguyen@example.vn', personal_id: '087090001234',
      personal_id_verified_at: w.clock.now(), personal_id_verified_via: 'counter', password_hash: 'x',
      scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
    }).execute();
    const portal = (await request(c)).legs[0]?.trackingNumber ?? '';
    expect(await payloadsOf(portal)).toEqual([['postal.pickupRequested', 'an.nguyen@example.vn']]);

    const phone = await request(w.actors.clerk);
    const n = phone.legs[0]?.trackingNumber ?? '';
    await assignCourier(ctx(w.actors.courier), n);
    expect(await payloadsOf(n)).toEqual([['postal.pickupRequested', null], ['postal.pickupAssigned', null]]);
    await saveDraft(ctx(w.actors.courier), phone.id, { applicant: { email: 'binh.tran@example.vn' } });
    await w.db.transaction().execute((trx) => queuePostalSms(trx, 'collected', { phone: '0912345678', trackingNumber: n }));
    expect((await payloadsOf(n)).at(-1)).toEqual(['postal.collected', 'binh.tran@example.vn']);
  }, 60_000);
});
