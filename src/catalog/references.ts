// Reads of the catalogue that other capabilities need: the version in force with its row id
// (a dossier keeps it) and the rules of a stored version.
import type { Database } from '../platform/db/connect';
import { validationFailed } from '../platform/errors';
import { memo } from '../platform/memo';
import { getProcedure, type ProcedureView } from './service';

export interface ProcedureForIntake extends ProcedureView {
  readonly id: number;
}

/** The version of a procedure in force on `day`, with its row id (the dossier keeps it). */
export const procedureForIntake = (db: Database, code: string, day: string): Promise<ProcedureForIntake> =>
  memo(db, `proc:${code}:${day}`, () => loadProcedure(db, code, day));

async function loadProcedure(db: Database, code: string, day: string): Promise<ProcedureForIntake> {
  const view = await getProcedure(db, code, day);
  const row = view ? await db.selectFrom('procedures').select('id').where('code', '=', view.code).where('version', '=', view.version).executeTakeFirst() : undefined;
  if (!view || !row) {
    throw validationFailed('PROCEDURE_NOT_IN_FORCE', `Thủ tục ${code} không tồn tại hoặc không còn hiệu lực.`, [{ path: 'procedureCode', message: 'không có hiệu lực' }]);
  }
  return { ...view, id: row.id };
}

export interface ProcedureRules {
  readonly code: string;
  readonly name: string;
  readonly durationValue: number;
  readonly durationUnit: 'working_days' | 'working_hours' | 'calendar_days';
  readonly cutoff: string | null;
  readonly steps: readonly { key: string; name: string; role: string; share: number }[];
}

/** The rules of the procedure version a dossier was received under (by row id). */
export async function procedureRules(db: Database, procedureId: number): Promise<ProcedureRules> {
  const p = await db.selectFrom('procedures').select(['code', 'name', 'duration_value', 'duration_unit', 'cutoff', 'steps'])
    .where('id', '=', procedureId).executeTakeFirstOrThrow();
  return {
    code: p.code, name: p.name, durationValue: Number(p.duration_value), durationUnit: p.duration_unit, cutoff: p.cutoff,
    steps: (Array.isArray(p.steps) ? p.steps : []) as ProcedureRules['steps'],
  };
}

/** Code and name of every stored procedure version by row id (a dossier keeps the id it used). */
export async function procedureLabels(db: Database): Promise<{ id: number; code: string; name: string }[]> {
  return db.selectFrom('procedures').select(['id', 'code', 'name']).execute();
}

/** The name of the procedure version a dossier was filed under (its row id), or null. */
export async function procedureNameById(db: Database, id: number): Promise<string | null> {
  return (await db.selectFrom('procedures').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

/** What the F766 group-3 indicators read of the procedures in force: online level, fees, result form. */
export async function proceduresInForce(db: Database): Promise<{ code: string; online_level: string; fees: unknown; result_type: string }[]> {
  return db.selectFrom('procedures').select(['code', 'online_level', 'fees', 'result_type']).where('effective_to', 'is', null).execute();
}

/** The province whose catalogue a procedure belongs to (its latest version's), or null. */
export async function procedureProvince(db: Database, code: string): Promise<string | null> {
  const row = await db.selectFrom('procedures').select('province_code').where('code', '=', code).orderBy('effective_from', 'desc').limit(1).executeTakeFirst();
  return row?.province_code ?? null;
}
