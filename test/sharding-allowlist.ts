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
  'src/dossiers/search.ts#searchDossiers dossier_name_suffixes,dossiers':
    'scope-only: a rare name\'s page from its word-start suffixes (migration 0220), scope columns on the entry, joined to its dossiers by id; '
    + 'the same province_code = ANY(scope provinces) on both tables makes it one province (the admin\'s national search is the fan-out). Owner: src/dossiers/search*.ts.',
  'src/dossiers/search-names.ts#suffixCount dossier_name_suffixes':
    'scope-only: a rare name\'s capped count from its suffixes; as searchDossiers. Owner: src/dossiers/search*.ts.',
  'src/dossiers/search-names.ts#nameFrequency dossier_name_suffixes':
    'cross-province by design: how common a name is, from the one-in-64 sample of every province (a planning estimate, no rows returned); '
    + 'on Citus a fan-out of one capped index read per shard, or per province with the scope\'s provinces. Owner: src/dossiers/search*.ts.',
};
