// Statements over distributed tables (test/sharding-map.ts) that the main flows send without naming
// `province_code` and without looking one row up by its key (test/sharding-queries.test.ts records
// them; test/sharding-sql.ts says how a statement is classed). Each entry is
// `src/<file>#<function> <tables>` → why it may stay so, and what turns it into a one-province
// query. docs/scale.md "Queries that cross provinces" lists the cross-province ones; the others
// are scope-only reads (their scope implies one province but does not name it) held by the work
// named here. A new unlisted statement fails the test; an entry no flow sends any more fails too.
export const ALLOWED: Readonly<Record<string, string>> = {
  // search (issue 16 §2, h-names is rebuilding these predicates and their covering indexes now)
  'src/dossiers/search.ts#searchDossiers dossiers':
    'scope-only: the clerk/officer/supervisor scope filters by unit_path, receiving point or competent agency; '
    + 'add province_code = ANY(scopedActor provinces) to scopeWhere and lead the covering indexes with it '
    + '(the admin\'s national search is the documented fan-out). Owner: the search work (src/dossiers/search*.ts).',
};
