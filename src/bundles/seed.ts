// The catalogue entries the bundles need beyond the 31 procedures of the shared data (issue 17 §0):
// the members of the ND 63/2024 bundles that the national database extract lacks, in the same
// record shape (seed/member-procedures.json). `seedDemo` loads them with the catalogue's documented
// defaults (catalog/seed.ts `seedNationalFile`), idempotently.
export const memberProceduresFile = new URL('./seed/member-procedures.json', import.meta.url);
