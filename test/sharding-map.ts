// Where each table goes when the database becomes a Citus cluster (issue 16 §5, docs/scale.md
// "Citus: the table map"). test/sharding-key.test.ts checks the migrated database against it:
// every table is placed, every `distributed` table carries province_code NOT NULL, and a table
// with a column that ties it to a dossier is distributed unless this file says why not.

export type Placement =
  /** distributed by province_code, colocated with dossiers: grows with dossiers */
  | 'distributed'
  /** copied to every node: small, changes rarely, joined from distributed tables */
  | 'reference'
  /** grows with citizens or files, not with one province: distributed by its owner's key in a colocation group of its own */
  | 'owner'
  /** stays on the coordinator: singletons, simulators, national queues and logs read by key */
  | 'local';

export const PLACEMENT: Readonly<Record<string, Placement>> = {
  // dossiers and what hangs off them
  dossiers: 'distributed',
  dossier_events: 'distributed',
  dossier_papers: 'distributed',
  dossier_name_suffixes: 'distributed',
  dossier_escalations: 'distributed',
  dossier_resolutions: 'distributed',
  dossier_serials: 'distributed',
  certified_copies: 'distributed',
  store_documents: 'distributed',
  sync_outbox: 'distributed',
  bundles: 'distributed',
  bundle_members: 'distributed',
  counter_outcomes: 'distributed',
  register_serials: 'distributed',
  stats_daily: 'distributed',
  stats_monthly: 'distributed',
  stats_monthly_procedure: 'distributed',
  stats_yearly: 'distributed',
  stats_yearly_procedure: 'distributed',
  stats_monthly_procedure_province: 'distributed',
  stats_yearly_procedure_province: 'distributed',
  // postal chain
  postal_shipments: 'distributed',
  postal_legs: 'distributed',
  postal_leg_events: 'distributed',
  postal_handover_records: 'distributed',
  postal_handover_items: 'distributed',
  postal_remittances: 'distributed',
  postal_incidents: 'distributed',
  // appointments
  bookings: 'distributed',
  queue_tickets: 'distributed',
  // money
  receipts: 'distributed',
  receipt_refunds: 'distributed',
  cash_shifts: 'distributed',
  payment_orders: 'distributed',
  payment_duplicate_refunds: 'distributed',
  // queues and trails written with a dossier's or an officer's action
  outbox: 'distributed',
  audit_log: 'distributed',

  // reference data
  admin_units: 'reference',
  admin_unit_successions: 'reference',
  agencies: 'reference',
  service_points: 'reference',
  counters: 'reference',
  procedures: 'reference',
  calendar_schedules: 'reference',
  appointment_counter_procedures: 'reference',
  appointment_durations: 'reference',
  appointment_settings: 'reference',
  counter_opening_exceptions: 'reference',
  counter_opening_hours: 'reference',
  opening_exceptions: 'reference',
  courier_areas: 'reference',
  queue_kiosks: 'reference',

  // owned by a person or a file, not by a province
  users: 'owner',
  applicants: 'owner',
  sessions: 'owner',
  notifications: 'owner',
  online_drafts: 'owner',
  store_consents: 'owner',
  idempotency_keys: 'owner',
  files: 'owner',
  file_uploads: 'owner',
  ocr_runs: 'owner',
  ocr_pages: 'owner',
  postal_signatures: 'owner',
  postal_signature_legacy_png: 'owner',

  // the coordinator's own
  schema_migrations: 'local',
  installation: 'local',
  tracking_key: 'local',
  appointment_key: 'local',
  attempt_throttle: 'local',
  one_time_codes: 'local',
  eid_login_states: 'local',
  eid_simulator_key: 'local',
  eid_simulator_codes: 'local',
  sms_simulator_messages: 'local',
  mail_simulator_messages: 'local',
  gateway_simulator_transactions: 'local',
  gateway_notifications: 'local',
  gateway_settlements: 'local',
  receipt_series_serials: 'local',
  audit_anchors: 'local',
  dossier_event_archives: 'local',
  dossier_event_archive_days: 'local',
  report_exports: 'local',
  sync_state: 'local',
  sync_pulled: 'local',
  postal_carrier_cursor: 'local',
};

/** Columns that tie a row to a dossier or its postal/money chain: such a table grows with dossiers. */
export const GROWTH_MARKERS = ['dossier_id', 'source_dossier_id', 'dossier_code', 'shipment_id', 'leg_id', 'receipt_id', 'bundle_id'] as const;

/** Tables with a growth marker that are not distributed by province, and why. */
export const MARKED_BUT_NOT_DISTRIBUTED: Readonly<Record<string, string>> = {
  notifications: "a user's inbox (dossier_code names the dossier it is about); read by user, so owner-keyed",
  online_drafts: "a citizen's draft (dossier_code once submitted); the province is chosen late, so owner-keyed",
  store_consents: "a citizen's consent to the document store (dossier_code where given at intake); owner-keyed",
  idempotency_keys: "an actor's retry key (dossier_code of the answer); read by (actor, key), owner-keyed",
  sync_pulled: 'the national portal pull log (dossier_code once created); national, read by reference',
};

/**
 * Distributed tables whose province_code another change is still adding (empty: issue 16 §6's
 * partitioned dossier_events carries it since 0210). Held to NOT NULL once the column exists.
 */
export const PROVINCE_CODE_PENDING: readonly string[] = [];
