/**
 * The courier's errands at agencies for the day plan (issue 13 §6; DOMAIN §5.2 steps 6–8 and 13):
 * the sealed parcels they carry to the competent agency (toAgency legs — a pickup's parcel, or a
 * counter's dossier forwarded by post), the transfers to collect at the sending agency and those
 * to hand over at the receiving one. One stop per agency, whatever it holds: the courier hands
 * everything over at one desk. A transfer is collected or handed over, never both in one plan: once
 * collected it becomes a hand-over when the courier opens the day again.
 */
import { agencyById } from '../directory/references';
import type { ServiceContext } from '../platform/context';
import { competentAgencyOfShipment } from './to-agency';
import type { LegView, ShipmentView } from './views';

export interface AgencyParcel {
  readonly shipmentId: number;
  readonly trackingNumber: string;
  readonly legKind: 'toAgency' | 'transfer';
  /** hand the parcel over at this agency, or collect it here (a transfer's sending agency) */
  readonly action: 'handOver' | 'collect';
  readonly dossierCodes: string[];
  readonly procedureName: string;
}

export interface AgencyErrand {
  readonly agency: { readonly id: number; readonly name: string; readonly unitPath: string; readonly address: string | null; readonly phone: string | null };
  readonly parcels: AgencyParcel[];
}

const carried = (leg: LegView) => leg.status === 'assigned' || leg.status === 'collected';

/** Where each of the courier's agency legs takes them today, grouped by agency (agencies by name). */
export async function agencyErrands(ctx: Pick<ServiceContext, 'db'>, shipments: readonly ShipmentView[], courierId: number, now: Date): Promise<AgencyErrand[]> {
  const transferIds = shipments.flatMap((s) => s.legs.filter((l) => l.kind === 'transfer' && l.courierId === courierId && carried(l)).map((l) => l.id));
  const transferRows = transferIds.length === 0 ? [] : await ctx.db.selectFrom('postal_legs').select(['id', 'from_agency_id', 'dossier_codes']).where('id', 'in', transferIds).execute();
  const transfers = new Map(transferRows.map((r) => [r.id, r]));
  const byAgency = new Map<number, AgencyErrand>();
  const add = async (agencyId: number | null, parcel: AgencyParcel) => {
    const agency = agencyId === null ? null : byAgency.get(agencyId)?.agency ?? (await agencyById(ctx.db, agencyId));
    if (!agency) return;
    const errand = byAgency.get(agency.id) ?? { agency: { id: agency.id, name: agency.name, unitPath: agency.unitPath, address: agency.address, phone: agency.phone }, parcels: [] };
    errand.parcels.push(parcel);
    byAgency.set(agency.id, errand);
  };
  for (const s of shipments) {
    for (const leg of s.legs) {
      if (leg.courierId !== courierId || !carried(leg)) continue;
      const base = { shipmentId: s.id, trackingNumber: leg.trackingNumber, procedureName: s.procedureName };
      if (leg.kind === 'toAgency' && s.sealedAt !== null) {
        const agencyId = leg.agencyId ?? (await competentAgencyOfShipment(ctx, s, now))?.id ?? null;
        await add(agencyId, { ...base, legKind: 'toAgency', action: 'handOver', dossierCodes: s.dossierCode ? [s.dossierCode] : [] });
      } else if (leg.kind === 'transfer') {
        const row = transfers.get(leg.id);
        const collecting = leg.status === 'assigned';
        await add(collecting ? row?.from_agency_id ?? null : leg.agencyId, { ...base, legKind: 'transfer', action: collecting ? 'collect' : 'handOver', dossierCodes: row?.dossier_codes ?? [] });
      }
    }
  }
  return [...byAgency.values()].sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'vi'));
}
