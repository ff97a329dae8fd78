// What appointments need to book a result's pickup (issue 14 §2): the dossier's status, due date,
// how the applicant chose to receive the result, the service point that received it (results are
// returned where the dossier was received) and the fields of its scope (scope.ts).
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
  const row = await db.selectFrom('dossiers as d').leftJoin('service_points as s', 's.id', 'd.receiving_service_point_id')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select(['d.code', 'd.status', 'd.due_at', 'd.delivery_method', 'd.personal_id', 'd.filed_by_user_id', 'd.receiving_service_point_id', 'd.receiving_agency_id',
      'd.competent_agency_id', 'd.unit_path', 'd.procedure_code', 'p.name as procedure_name', 's.code as point_code', 's.name as point_name', 's.address as point_address'])
    .where('d.code', '=', code).executeTakeFirst();
  if (!row) return null;
  const { point_code, point_name, point_address, ...facts } = row;
  return { ...facts, point: point_code === null ? null : { code: point_code, name: point_name ?? '', address: point_address ?? '' } };
}
