// A pickup requested by phone on the dossier tests' world (dossiers/world.test-helper.ts), for the
// postal tests that need a shipment and do not care how it was asked for.
import type { World } from '../dossiers/world.test-helper';
import type { PickupRequestInput } from './model';

/** Asked by phone for the world's procedure in its commune, to be collected 08:00–10:00 on `day` (Vietnam time). */
export const phonePickup = (w: World, applicant: { name: string; phone: string }, address: string, day: string): PickupRequestInput => ({
  procedureCode: w.procedureCode, origin: 'phone', applicant, address,
  communeCode: w.commune.code, windowFrom: `${day}T08:00:00+07:00`, windowTo: `${day}T10:00:00+07:00`,
});
