// The post's legs as hand-off steps of a dossier's control slip (phiếu kiểm soát quá trình giải
// quyết hồ sơ, DOMAIN §1.4; form 05/06): a transfer between agencies (§5.2 step 13) and the toAgency
// leg that carries the paper to the competent agency (a pickup's parcel, or a counter's dossier
// forwarded by post, §5.5). Each applied step — asked, collected by the courier, handed over at
// the agency — with who gives, who takes, when and who signed. Wired into the dossiers' reads by
// src/app.ts (`handoffs`), so dossiers never read the postal tables.
import { sql } from 'kysely';
import { agencyNames, servicePointPlace } from '../directory/references';
import type { HandoffStep } from '../dossiers/service';
import type { Database } from '../platform/db/connect';
import { foldTrail, type LegKind, type TrailKind } from './model';
import { legTrailEvents } from './trail-store';

interface LegFacts {
  readonly id: number;
  readonly kind: LegKind;
  readonly trackingNumber: string;
  readonly servicePointId: number;
  readonly fromAgencyId: number | null;
  readonly agencyId: number | null;
  readonly courierName: string | null;
  readonly contents: string | null;
}

const signerName = (payload: Record<string, unknown>, role: string): string | null => {
  const sig = (payload.signatures as Record<string, { name?: unknown } | undefined> | undefined)?.[role];
  return typeof sig?.name === 'string' ? sig.name : null;
};

/** The legs that carry a dossier's paper: its transfers (alone or in a bundle) and the toAgency leg of its shipment. */
async function legsOfDossier(db: Database, code: string): Promise<LegFacts[]> {
  const rows = await db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
    .select(['l.id', 'l.kind', 'l.tracking_number', 'l.service_point_id', 'l.from_agency_id', 'l.agency_id', 'l.courier_name', 'l.contents'])
    .where((eb) => eb.or([
      eb.and([eb('l.kind', '=', 'transfer'), sql<boolean>`l.dossier_codes @> ARRAY[${code}]::text[]`]),
      eb.and([eb('l.kind', '=', 'toAgency'), eb('s.dossier_code', '=', code)]),
    ])).orderBy('l.id').execute();
  return rows.map((r) => ({
    id: r.id, kind: r.kind as LegKind, trackingNumber: r.tracking_number, servicePointId: r.service_point_id, fromAgencyId: r.from_agency_id,
    agencyId: r.agency_id, courierName: r.courier_name, contents: r.contents,
  }));
}

const STEP_KINDS = ['requested', 'collected', 'handedOver'] as const satisfies readonly TrailKind[];
type StepKind = (typeof STEP_KINDS)[number];
const isStep = (k: TrailKind): k is StepKind => (STEP_KINDS as readonly string[]).includes(k);

/** The dossier's hand-offs by post, oldest first (`HandoffSource`). */
export async function postalHandoffs(db: Database, code: string): Promise<HandoffStep[]> {
  const legs = await legsOfDossier(db, code);
  if (legs.length === 0) return [];
  const agencies = await agencyNames(db, legs.flatMap((l) => [l.fromAgencyId, l.agencyId].filter((x): x is number => x !== null)));
  const offices = new Map<number, string>();
  for (const id of new Set(legs.map((l) => l.servicePointId))) offices.set(id, (await servicePointPlace(db, id))?.name ?? 'Bưu cục');
  const steps: HandoffStep[] = [];
  for (const leg of legs) {
    const events = await legTrailEvents(db, leg.id);
    const applied = new Set(foldTrail(events, leg.kind).entries.filter((e) => e.applied).map((e) => e.eventId));
    const office = offices.get(leg.servicePointId) ?? 'Bưu cục';
    // a transfer starts at the sending agency; a toAgency leg at the post office (or the counter that forwarded it)
    const sender = leg.kind === 'transfer' ? agencies.get(leg.fromAgencyId ?? -1)?.name ?? 'Cơ quan gửi' : office;
    const receiver = agencies.get(leg.agencyId ?? -1)?.name ?? 'Cơ quan nhận';
    for (const e of events) {
      if (!applied.has(e.eventId) || !isStep(e.kind)) continue;
      const courier = signerName(e.payload, 'courier') ?? leg.courierName ?? e.actorName;
      const courierParty = courier ? `Bưu tá ${courier} (${office})` : office;
      const base = { at: new Date(e.at), trackingNumber: leg.trackingNumber, action: `postal.${leg.kind}.${e.kind}` };
      if (e.kind === 'requested') {
        const asked = leg.kind === 'transfer' ? `Yêu cầu bưu chính chuyển hồ sơ${leg.contents ? `: ${leg.contents}` : ''}` : 'Yêu cầu chuyển hồ sơ giấy đến cơ quan qua bưu chính';
        steps.push({ ...base, from: sender, to: office, handedBy: null, receivedBy: null, note: e.actorName ? `${asked} (${e.actorName})` : asked });
      } else if (e.kind === 'collected') {
        steps.push({ ...base, from: sender, to: courierParty, handedBy: signerName(e.payload, 'sender') ?? signerName(e.payload, 'clerk'), receivedBy: courier, note: 'Bưu tá nhận hồ sơ' });
      } else {
        const taker = signerName(e.payload, 'receiver') ?? (typeof e.payload.receiver === 'string' ? e.payload.receiver : null);
        steps.push({ ...base, from: courierParty, to: receiver, handedBy: courier, receivedBy: taker, note: 'Bàn giao hồ sơ cho cơ quan nhận' });
      }
    }
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}
