// What appointments need to book a result's pickup (issue 14 §2): the dossier's status, due date,
// how the applicant chose to receive the result, the service point that received it (results are
// returned where the dossier was received) and the fields of its scope (scope.ts).
import { procedureRules } from '../catalog/references';
import { servicePointAddress } from '../directory/references';
import type { Database } from '../platform/db/connect';
import type { ScopedRow } from './scope';

export interface ResultPickupFacts extends ScopedRow {
  readonly code: string;
  readonly status: string;
  readonly due_at: Date | null;
  readonly delivery_method: 'counter' | 'post' | 'online' | null;
  readonly procedure_code: string;
  readonly procedure_name: string;
  /** the receiving service point (null for a dossier received online by an agency) */
  readonly point: { readonly code: string; readonly name: string; readonly address: string } | null;
}

export async function resultPickupFacts(db: Database, code: string): Promise<ResultPickupFacts | null> {
  const row = await db.selectFrom('dossiers')
    .select(['code', 'status', 'due_at', 'delivery_method', 'personal_id', 'filed_by_user_id', 'receiving_service_point_id', 'receiving_agency_id',
      'competent_agency_id', 'unit_path', 'procedure_code', 'procedure_id'])
    .where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  const { procedure_id, ...facts } = row;
  // the procedure's name and the receiving point come from their capabilities' public reads
  const [rules, point] = await Promise.all([
    procedureRules(db, procedure_id),
    row.receiving_service_point_id === null ? null : servicePointAddress(db, row.receiving_service_point_id),
  ]);
  return { ...facts, procedure_name: rules.name, point };
}
