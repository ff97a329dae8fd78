// A code from the receiving agency's day serial outside an intake: the parent of a bundle (issue 17)
// is coded as any dossier ("mã hồ sơ" of the receiving agency, TT 01/2018 art. 8), from the same
// `dossier_serials` row, so that its code and the members' codes never collide or leave a gap.
import { sql, type Transaction } from 'kysely';
import { vnDateOfInstant } from '../calendar';
import type { DB } from '../platform/db/schema';
import { formatDossierCode, type CodeSystem } from './codes';

export async function nextDossierCode(trx: Transaction<DB>, o: { provinceCode: string; agencyId: number; agencyIdentifier: string; at: Date; codeSystem?: CodeSystem }): Promise<string> {
  const day = vnDateOfInstant(o.at.getTime());
  const row = await sql<{ last_serial: number }>`
    INSERT INTO dossier_serials (agency_id, day, last_serial, province_code) VALUES (${o.agencyId}::bigint, ${day}::date, 1, ${o.provinceCode}::text)
    ON CONFLICT (agency_id, day) DO UPDATE SET last_serial = dossier_serials.last_serial + 1
    RETURNING last_serial`.execute(trx);
  const serial = Number(row.rows[0]?.last_serial);
  return formatDossierCode({ agencyIdentifier: o.agencyIdentifier, receivedAt: o.at.getTime(), serial, ...(o.codeSystem ? { system: o.codeSystem } : {}) }).code;
}
