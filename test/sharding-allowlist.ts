// Statements over distributed tables (test/sharding-map.ts) that the main flows send without naming
// `province_code` and without looking one row up by its key (test/sharding-queries.test.ts records
// them; test/sharding-sql.ts says how a statement is classed). Each entry is
// `src/<file>#<function> <tables>` → why it may stay so, and what turns it into a one-province
// query. docs/scale.md "Queries that cross provinces" lists the cross-province ones; the others
// are scope-only reads (their scope implies one province but does not name it) held by the work
// named here. A new unlisted statement fails the test; an entry no flow sends any more fails too.
export const ALLOWED: Readonly<Record<string, string>> = {
  // search (issue 16 §2): a unit scope names its provinces (scopedActor provinceCodes: the supervisor walks
  // (province_code, received_at DESC, id DESC), one part per province); these are the other scopes
  'src/dossiers/search.ts#searchDossiers dossiers':
    'scope-only: a clerk\'s (receiving point, its agency\'s online dossiers) and an officer\'s (competent agency) walks and counts, '
    + 'index-only on the covering indexes of migration 0189, which do not carry province_code (a filter on it would read the table row of every entry): '
    + 'lead those indexes with province_code and add the point\'s or agency\'s province to the scope (directory references) to make them one province. '
    + 'Cross-province by design: a citizen\'s own dossiers (personal ID, filed by the account: any province) and the admin\'s national search (fan-out). '
    + 'Owner: the search work (src/dossiers/search*.ts).',
  'src/dossiers/search.ts#searchDossiers dossier_name_suffixes,dossiers':
    'scope-only: a rare name\'s page from its word-start suffixes (migration 0220), scope columns on the entry, joined to its dossiers by id; '
    + 'the suffix index does not carry province_code (a filter on it read the table row of every entry: 96 ms for "tran thi" at 1M): with province_code on the entry, '
    + 'the scope\'s provinces (scopedActor provinceCodes) on both tables make it one province (the admin\'s national search is the fan-out). '
    + 'The same statements (page, capped count) read how common the name is from the one-in-64 sample of every province (search-names.ts sampledMatches, a planning estimate): '
    + 'on Citus one capped index read per shard, or per province with the scope\'s provinces. Owner: src/dossiers/search*.ts.',
};

/**
 * The same for the background jobs (test/sharding-jobs.test.ts runs every job of src/app.ts
 * appJobs with work to do). A job that sweeps every province — it looks for due work wherever it
 * is — stays a sweep under Citus: the coordinator runs its claim on every shard (or the job loops
 * over provinces); each row it then handles is a one-shard statement by its key or its province.
 */
export const ALLOWED_IN_JOBS: Readonly<Record<string, string>> = {
  // queues claimed wherever their due rows are (docs/scale.md "Queries that cross provinces": the jobs that sweep every province)
  'src/notifications/outbox.ts#claimBatch outbox':
    'sweep: the delivery claims the due messages of every province (FOR UPDATE SKIP LOCKED, one dossier\'s in order); '
    + 'on Citus the claim runs per shard (or per province: province_code = $p in the inner SELECT); each claimed row is then updated by id.',
  'src/sync/push.ts#claimRows sync_outbox':
    'sweep: the national portal push claims due rows of every province, in order per dossier; per shard on Citus as the outbox. '
    + 'Its NOT EXISTS on an earlier row of the same dossier joins by dossier_id only: on Citus it must also equate province_code (colocated).',
  'src/payments/duplicate-refunds.ts#claim payment_duplicate_refunds':
    'sweep: due duplicate refunds of every province (leased); per shard on Citus; each refund is then one order, by key.',
  'src/postal/carrier-orders.ts#placeCarrierOrders postal_legs,postal_shipments':
    'sweep: sealed parcels of every province still without a carrier order (at most 50 a run); per shard on Citus, '
    + 'and the join must then also equate province_code (colocated tables joined on the distribution column).',
  // sweeps by time over every province
  'src/supervision/escalation.ts#runEscalation dossier_escalations,dossiers':
    'sweep: running dossiers of every province due in a window (dossiers_open_status_due_idx); per shard on Citus '
    + '(or a loop over provinces with province_code = $p); each escalation is then written with the dossier\'s province.',
  'src/appointments/staff.ts#<anonymous> bookings':
    'sweep: tomorrow\'s bookings not yet reminded, in every province (appointments.reminders); per shard on Citus; '
    + 'each reminder\'s SMS is queued with the booking\'s province_code.',
  'src/appointments/staff.ts#<anonymous> bookings,queue_tickets':
    'sweep: bookings of every province that ended without a visit (appointments.noShows); per shard on Citus '
    + '(the NOT EXISTS on the booking\'s queue ticket stays inside one province: a ticket is at the booking\'s point).',
  'src/sync/backfill.ts#pruneSyncOutbox sync_outbox':
    'sweep: the sync outbox retention, rows of every province acknowledged before the cut-off; per shard on Citus '
    + '(its EXISTS joins by dossier_id only: colocated, it must also equate province_code).',
  'src/reports/transparency.ts#backfillResolutions dossier_resolutions,dossiers':
    'sweep at start: finished dossiers of every province without their resolution row (the simulator\'s bulk path, or from before migration 0008), '
    + 'walking dossiers by id); per shard on Citus.',
  // the audit anchor signs the whole installation's day
  'src/dossiers/anchor-store.ts#daysWithEvents dossier_events':
    'cross-province by design: the daily anchor signs the heads of every chain of the installation (issue 10 §7); '
    + 'on Citus an anchor per shard (or per province) with the same signature, or a fan-out read once a day.',
  'src/dossiers/anchor-store.ts#headsOfDay dossier_events,dossiers':
    'cross-province by design: the heads of every chain touched that day, as daysWithEvents; its join to dossiers is by id only '
    + '(colocated on Citus it must equate province_code too).',
  // the archive asks every holder about a batch of files (files are owner-keyed, national)
  'src/documents/archive-job.ts#storeDocumentsHold store_documents':
    'cross-province by design: files are national (owner-keyed by file id, content-addressed) and a file may be held in any '
    + 'province; on Citus one indexed lookup per shard for the batch of at most 500 file ids, once a night.',
  'src/dossiers/paper-files.ts#paperFilesHeld dossier_papers':
    'cross-province by design: as storeDocumentsHold (a paper of any province may point at the file).',
  'src/dossiers/paper-files.ts#paperFilesHeld dossier_events':
    'cross-province by design: as storeDocumentsHold (an event\'s attached file, any province).',
  'src/postal/archive-holder.ts#postalFilesHeld postal_shipments':
    'cross-province by design: as storeDocumentsHold (a pickup\'s draft papers, any province).',
};

/**
 * Job statements that read two distributed tables (or one twice) without equating their
 * `province_code` (test/sharding-sql.ts `joinsWithoutProvince`), and why. Citus pushes such a join
 * down only when it equates the distribution column, so each of these must gain the equality (or
 * be planned another way) before the move.
 */
export const JOINS_WITHOUT_PROVINCE_IN_JOBS: Readonly<Record<string, string>> = {
  'src/dossiers/anchor-store.ts#headsOfDay dossier_events,dossiers':
    'the day\'s events are read through eventsIn, which also reads the archived event tables (local, no province_code); '
    + 'the join to dossiers for the code is by id. On Citus: the anchor runs per shard (or the archives gain the column) and the join equates province_code.',
  'src/payments/duplicate-refunds.ts#claim payment_duplicate_refunds':
    'the lease is `UPDATE … WHERE order_id IN (SELECT order_id … FOR UPDATE SKIP LOCKED)`, the same table twice by key; '
    + 'an uncorrelated subquery (Citus plans it first), but FOR UPDATE SKIP LOCKED across shards is not: the claim runs per shard or per province on Citus (as the outbox).',
};
