// The demo catalogue: the 31 real procedures of seed/procedures-catalogue.json (a copy of
// /work/shared/data/procedures-catalogue.json), each mapped with documented defaults
// (national.ts). Idempotent: a version already present for the same code and date is skipped.
import { readFileSync } from 'node:fs';
import { RowProblems } from '../directory/model';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { validationFailed } from '../platform/errors';
import { fromNationalProcedure, type NationalProcedure } from './national';
import { CATALOGUE_PROVINCE, writeProcedures } from './service';

export function seedProcedureRows() {
  const source = JSON.parse(readFileSync(new URL('./seed/procedures-catalogue.json', import.meta.url), 'utf8')) as NationalProcedure[];
  return source.map(fromNationalProcedure);
}

/** Loads the demo catalogue; returns the procedures in the table and how many this run added. */
export async function seedCatalog(db: Database, _clock: Clock): Promise<{ procedures: number; inserted: number; withDefaults: number }> {
  const rows = seedProcedureRows();
  const problems = new RowProblems();
  const result = await db.transaction().execute((trx) => writeProcedures(trx, rows, problems, CATALOGUE_PROVINCE, 'skip'));
  if (!problems.isEmpty) throw validationFailed('SEED_INVALID', 'Dữ liệu mẫu danh mục thủ tục không hợp lệ.', problems.details);
  const count = await db.selectFrom('procedures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const incomplete = rows.filter((r) => r.defaultsApplied.some((d) => d.field === 'durationValue' || d.field === 'requiredPapers')).length;
  return { procedures: Number(count.n), inserted: result.inserted, withDefaults: incomplete };
}
