// The demo catalogue's procedures (seed.ts) by code, for tests that read one without a database.
import { seedProcedureRows } from './seed';

type SeedProcedure = ReturnType<typeof seedProcedureRows>[number];

let byCode: Map<string, SeedProcedure> | undefined;

/** The demo catalogue's procedure `code` (as seedCatalog would write it); throws when it has none. */
export function seedProcedure(code: string): SeedProcedure {
  byCode ??= new Map(seedProcedureRows().map((r) => [r.code, r]));
  const p = byCode.get(code);
  if (!p) throw new Error(`no procedure ${code} in the demo catalogue`);
  return p;
}
