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

/** Rows of a file of national database records (the shape of seed/procedures-catalogue.json). */
const rowsOfFile = (file: URL) => (JSON.parse(readFileSync(file, 'utf8')) as NationalProcedure[]).map(fromNationalProcedure);

export function seedProcedureRows() {
  return rowsOfFile(new URL('./seed/procedures-catalogue.json', import.meta.url));
}

/**
 * Loads another file of national records with the same documented defaults (the bundles' member
 * procedures the shared extract lacks, src/bundles/seed.ts); idempotent.
 */
export async function seedNationalFile(db: Database, file: URL): Promise<{ inserted: number }> {
  return writeSeedRows(db, rowsOfFile(file));
}

async function writeSeedRows(db: Database, rows: ReturnType<typeof seedProcedureRows>): Promise<{ inserted: number }> {
  const problems = new RowProblems();
  const result = await db.transaction().execute((trx) => writeProcedures(trx, rows, problems, CATALOGUE_PROVINCE, 'skip'));
  if (!problems.isEmpty) throw validationFailed('SEED_INVALID', 'Dữ liệu mẫu danh mục thủ tục không hợp lệ.', problems.details);
  return { inserted: result.inserted };
}

/** Loads the demo catalogue; returns the procedures in the table and how many this run added. */
export async function seedCatalog(db: Database, _clock: Clock): Promise<{ procedures: number; inserted: number; withDefaults: number }> {
  const rows = seedProcedureRows();
  const result = await writeSeedRows(db, rows);
  const count = await db.selectFrom('procedures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const incomplete = rows.filter((r) => r.defaultsApplied.some((d) => d.field === 'durationValue' || d.field === 'requiredPapers')).length;
  return { procedures: Number(count.n), inserted: result.inserted, withDefaults: incomplete };
}
