// A result by post for a dossier filed AT THE COUNTER, on the demo province (Đồng Tháp): Ms Lê Thị
// Mai of xã Lấp Vò files a death registration (1.000656) at Điểm Bưu điện – Văn hóa xã Tân Hồng on
// Monday 04/05/2026 and asks for the result by post. There is no pickup: the result leg takes her
// personal ID and her commune from the dossier (the counter's form, filled from her ID card's QR),
// so the courier's day places the stop at xã Lấp Vò (not at the post office) and the door checks
// her ID as for a dossier collected at home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff, saveActorAsUser } from '../../test/factories';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierContext } from '../dossiers/events';
import { performAction, receiveDossier } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import { courierDayPlan } from './day-plan';
import { useTempFiles } from './files.test-helper';
import { assignCourier, collectResult, getShipmentByTracking, postalResultHook, recordDeliveryAttempt } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-05-04T09:00:00+07:00')); // Monday after 30/04–01/05
const files = useTempFiles();
const ctx = (a: Actor): DossierContext & { files: typeof files } => ({ db: t.db, clock, actor: a, hooks: [postalResultHook], files });
const at = (iso: string) => clock.set(new Date(iso));
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sig = (name: string, personalId?: string) => ({ name, image: PNG, ...(personalId ? { personalId } : {}) });
const LAP_VO = '30169';
const MAI = { personalId: '087185006789', name: 'Lê Thị Mai', phone: '0913456789', unitCode: LAP_VO };
let clerk: Actor;
let courier: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9931, username: 'clerk-counter-post', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  courier = { userId: 9932, username: 'courier-counter-post', fullName: 'Bưu tá Tân Hồng', role: 'courier', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  await saveActorAsUser(t.db, clerk);
  await saveActorAsUser(t.db, courier);
}, 180_000);
afterAll(async () => { await t?.close(); });

async function agencyStaff(code: string): Promise<{ officer: Actor; approver: Actor }> {
  const a = await t.db.selectFrom('dossiers as d').innerJoin('agencies as a', 'a.id', 'd.competent_agency_id').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
    .select(['a.id', 'u.path']).where('d.code', '=', code).executeTakeFirstOrThrow();
  const make = async (role: 'officer' | 'approver'): Promise<Actor> => {
    const username = `${role}-lap-vo`;
    const row = await makeAgencyStaff(t.db, { username, fullName: `Cán bộ ${username}`, role, agencyId: a.id, unitPath: a.path });
    return { userId: row.id, username, fullName: `Cán bộ ${username}`, role, scope: { kind: 'agency', agencyId: a.id, unitPath: a.path } };
  };
  return { officer: await make('officer'), approver: await make('approver') };
}

describe('a counter dossier\'s result by post', () => {
  let trackingNumber = '';

  it('gets a result leg with the applicant\'s personal ID and commune from the intake', async () => {
    const p = await getProcedure(t.db, '1.000656', '2026-05-04');
    if (!p) throw new Error('no 1.000656 in the demo catalogue');
    const { code } = await receiveDossier(ctx(clerk), {
      procedureCode: '1.000656', applicant: MAI,
      papers: p.requiredPapers.filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'scanned' as const })),
      formData: { fullName: MAI.name, personalId: MAI.personalId, address: 'Số 14, ấp Bình Hiệp A, xã Lấp Vò', subjectFullName: 'Lê Văn Tư', eventDate: '2026-05-02' },
      delivery: { method: 'post', address: 'Số 14, ấp Bình Hiệp A, xã Lấp Vò' },
    });
    const s = await agencyStaff(code);
    await performAction(ctx(clerk), code, 'forward', {});
    await performAction(ctx(s.approver), code, 'approve', {});
    at('2026-05-05T10:00:00+07:00');
    await performAction(ctx(s.officer), code, 'markResultReady', {});

    const legs = await t.db.selectFrom('postal_legs as l').innerJoin('postal_shipments as sh', 'sh.id', 'l.shipment_id')
      .select(['l.tracking_number', 'l.recipient', 'sh.personal_id', 'sh.commune_code', 'sh.commune_name', 'sh.procedure_name', 'sh.address'])
      .where('l.kind', '=', 'result').where('sh.dossier_code', '=', code).execute();
    expect(legs).toHaveLength(1);
    expect(legs[0]).toMatchObject({
      personal_id: MAI.personalId, commune_code: LAP_VO, commune_name: 'Xã Lấp Vò', procedure_name: p.name,
      address: 'Số 14, ấp Bình Hiệp A, xã Lấp Vò', recipient: { name: MAI.name, personalId: MAI.personalId },
    });
    trackingNumber = legs[0]?.tracking_number ?? '';
    // the courier's screen fills the ID to check from the shipment
    const view = await getShipmentByTracking(ctx(courier), trackingNumber);
    expect(view.applicant).toMatchObject({ name: MAI.name });
    expect(view.commune).toMatchObject({ code: LAP_VO, name: 'Xã Lấp Vò' });
  });

  it('stops at xã Lấp Vò on the courier\'s day, not at the post office', async () => {
    await assignCourier(ctx(courier), trackingNumber);
    at('2026-05-06T08:00:00+07:00');
    await collectResult(ctx(courier), trackingNumber, { agencySignature: sig('Cán bộ UBND xã Lấp Vò'), courierSignature: sig('Bưu tá Tân Hồng') });
    const plan = await courierDayPlan(ctx(courier));
    const stop = plan.stops.find((x) => x.trackingNumber === trackingNumber);
    expect(stop).toMatchObject({ kind: 'delivery', communeName: 'Xã Lấp Vò', positionSource: 'communeCentre', latitude: 10.362, longitude: 105.52 });
  });

  it('checks the recipient\'s ID against the applicant\'s: another number needs an authorisation', async () => {
    at('2026-05-06T10:30:00+07:00');
    await expect(recordDeliveryAttempt(ctx(courier), trackingNumber, {
      outcome: 'delivered', recipient: { name: MAI.name, personalId: '087185000000' }, signature: sig(MAI.name, '087185000000'),
    })).rejects.toMatchObject({ code: 'RECIPIENT_MISMATCH' });
    const delivered = await recordDeliveryAttempt(ctx(courier), trackingNumber, {
      outcome: 'delivered', recipient: { name: 'lê thị mai', personalId: MAI.personalId }, signature: sig(MAI.name, MAI.personalId),
    });
    expect(delivered.legs.find((l) => l.kind === 'result')?.status).toBe('delivered');
  });
});
