// Whom a result leg goes to and where (issue: a counter's dossier by post): the applicant's personal
// ID for the ID check at the door, and the commune of the address for the courier's route. A dossier
// collected at home takes them from its pickup; one filed at the counter (or online) from the
// dossier itself — the ID and the commune the counter's form took from the ID card's QR at intake.
import type { Transaction } from 'kysely';
import { unitById } from '../directory/references';
import type { DossierRow } from '../dossiers/events';
import type { DB } from '../platform/db/schema';
import { currentCommune } from './commune';

export interface ResultAddressee {
  readonly personalId: string | null;
  /** the commune in force today ('' when unknown: the route then falls back to the post office) */
  readonly communeCode: string;
  readonly communeName: string;
}

/** A pickup's shipment (not a result, a forwarded dossier's or a transfer's, which have no applicant's address). */
const PICKUP_ORIGINS = ['portal', 'counter', 'phone'] as const;

type Facts = Pick<DossierRow, 'code' | 'personal_id' | 'applicant_unit_id'>;

/** The pickup's addressee when one of the dossiers came by post, else the first dossier's own. */
export async function resultAddressee(trx: Transaction<DB>, dossiers: readonly Facts[]): Promise<ResultAddressee> {
  const codes = dossiers.map((d) => d.code);
  const pickup = codes.length === 0 ? undefined : await trx.selectFrom('postal_shipments').select(['personal_id', 'commune_code', 'commune_name'])
    .where('dossier_code', 'in', codes).where('origin', 'in', PICKUP_ORIGINS).orderBy('id').executeTakeFirst();
  if (pickup && pickup.commune_code !== '') return { personalId: pickup.personal_id, communeCode: pickup.commune_code, communeName: pickup.commune_name };
  const d = dossiers[0];
  const commune = d ? await communeOfUnit(trx, d.applicant_unit_id) : null;
  return { personalId: pickup?.personal_id ?? d?.personal_id ?? null, communeCode: commune?.code ?? '', communeName: commune?.name ?? '' };
}

/** The commune in force for a unit id kept on a dossier (a pre-2025 commune through its successor); null when none. */
async function communeOfUnit(trx: Transaction<DB>, unitId: number | null): Promise<{ code: string; name: string } | null> {
  if (unitId === null) return null;
  const unit = await unitById(trx, unitId);
  if (!unit || unit.level !== 'commune') return null;
  try {
    return await currentCommune(trx, unit.code);
  } catch {
    return null; // a commune the directory no longer maps: the route falls back to the post office, as before
  }
}
