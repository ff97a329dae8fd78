// What a consignment note says of a parcel that travels between a counter and an agency or between
// agencies (TT 17/2017/TT-BTTTT art. 9; QĐ 45/2016/QĐ-TTg arts. 7 and 16.2): the sender is the
// sending agency (a transfer) or the counter that received the dossier (a forwarded dossier), the
// recipient the receiving agency, and it lists the dossiers it carries — one, or a bundle's.
import { agencyById, servicePointAddress, servicePointPlace } from '../directory/references';
import { resultPickupFacts } from '../dossiers/service';
import type { NoteParty } from '../forms';
import type { ServiceContext } from '../platform/context';
import { forwardedDossierOf } from './forward-by-post';
import type { LegView, ShipmentView } from './views';

export interface AgencyNoteFacts {
  readonly kind: 'toAgency' | 'transfer';
  readonly sender: NoteParty;
  readonly recipient: NoteParty;
  readonly senderUnitPath: string;
  readonly recipientUnitPath: string;
  readonly place: string;
  readonly method: string;
  readonly procedureName: string;
  /** "code — procedure" per dossier carried */
  readonly dossiers: string[];
  readonly documents: string[];
}

const agencyParty = (name: string): NoteParty => ({ name, address: `Trụ sở ${name}`, phone: '', email: null });

/** The note's facts for a transfer leg, or the toAgency leg of a forwarded dossier; null for the others (an applicant's parcel). */
export async function agencyNoteFacts(ctx: Pick<ServiceContext, 'db'>, s: ShipmentView, leg: LegView): Promise<AgencyNoteFacts | null> {
  const forwarded = leg.kind === 'toAgency' && s.origin === 'forward' ? forwardedDossierOf(s.draft) : null;
  if (leg.kind !== 'transfer' && !forwarded) return null;
  const row = await ctx.db.selectFrom('postal_legs').select(['from_agency_id', 'dossier_codes', 'contents']).where('id', '=', leg.id).executeTakeFirstOrThrow();
  const to = leg.agencyId === null ? null : await agencyById(ctx.db, leg.agencyId);
  const codes = forwarded ? [forwarded.dossierCode] : row.dossier_codes;
  const dossiers: string[] = [];
  const procedures = new Set<string>();
  for (const code of codes) {
    const facts = await resultPickupFacts(ctx.db, code);
    if (facts) procedures.add(facts.procedure_name);
    dossiers.push(facts ? `${code} — ${facts.procedure_name}` : code);
  }
  const recipient = agencyParty(to?.name ?? leg.recipient?.name ?? '');
  const common = { recipient, recipientUnitPath: to?.unitPath ?? '', dossiers, procedureName: [...procedures].join('; ') || s.procedureName };
  if (forwarded) {
    const [point, place] = await Promise.all([servicePointAddress(ctx.db, s.servicePointId), servicePointPlace(ctx.db, s.servicePointId)]);
    return {
      ...common, kind: 'toAgency', sender: { name: point?.name ?? '', address: point?.address ?? '', phone: '', email: null }, senderUnitPath: place?.unitPath ?? '',
      place: point?.name ?? '', method: 'Nhận tại quầy tiếp nhận, chuyển đến cơ quan có thẩm quyền giải quyết',
      documents: forwarded.papers.map((p) => `${p.name} — ${p.originals} bản chính, ${p.copies} bản sao`),
    };
  }
  const from = row.from_agency_id === null ? null : await agencyById(ctx.db, row.from_agency_id);
  return {
    ...common, kind: 'transfer', sender: agencyParty(from?.name ?? ''), senderUnitPath: from?.unitPath ?? '',
    place: from?.name ?? '', method: 'Nhận tại cơ quan gửi, chuyển đến cơ quan nhận',
    documents: row.contents ? [row.contents] : [],
  };
}
