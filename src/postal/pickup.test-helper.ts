// A pickup requested by phone on the dossier tests' world (dossiers/world.test-helper.ts), for the
// postal tests that need a shipment and do not care how it was asked for.
import type { World } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import type { PickupRequestInput } from './model';
import { assignCourier, requestPickup, saveDraft } from './pickups';

/** Asked by phone for the world's procedure in its commune, to be collected 08:00–10:00 on `day` (Vietnam time). */
export const phonePickup = (w: World, applicant: { name: string; phone: string }, address: string, day: string): PickupRequestInput => ({
  procedureCode: w.procedureCode, origin: 'phone', applicant, address,
  communeCode: w.commune.code, windowFrom: `${day}T08:00:00+07:00`, windowTo: `${day}T10:00:00+07:00`,
});

/** A phone pickup taken by the world's courier and drafted at the door (ID card QR, two papers, 300 g): ready to seal. */
export async function draftedPickup(w: World, ctx: (a: Actor) => ServiceContext, personalId: string, day: string, procedureCode = w.procedureCode) {
  const s = await requestPickup(ctx(w.actors.clerk), { ...phonePickup(w, { name: 'Nguyễn Văn An', phone: '0912345678' }, 'Số 12 đường Lê Lợi, ấp 3', day), procedureCode });
  await assignCourier(ctx(w.actors.courier), s.legs[0]?.trackingNumber ?? '');
  const answer = await saveDraft(ctx(w.actors.courier), s.id, {
    idCardQr: `${personalId}||NGUYỄN VĂN AN|15061990|Nam|Ấp 3, Xã Cũ, Huyện Cũ|01022022`,
    formData: { fullName: 'Nguyễn Văn An', personalId, gender: 'Nam' },
    papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned' }], weightGrams: 300,
  });
  return { s, answer };
}
