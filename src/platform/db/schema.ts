// Kysely's view of the tables, kept in step with migrations/ by hand (one interface a table).
// Types only: platform code does not depend on any capability's logic through this file.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Serial = Generated<number>;
/** `date` columns are read as 'YYYY-MM-DD' strings (see connect.ts). */
type CivilDate = string;

export interface AuditLogTable {
  /** the sharding key; '00' = about no province (migration 0203: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_key: string | null;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface AdminUnitsTable {
  id: Serial;
  code: string;
  name: string;
  kind: string;
  level: 'province' | 'district' | 'commune';
  parent_id: number | null;
  province_code: string;
  path: string;
  valid_from: CivilDate;
  valid_to: CivilDate | null;
  /** the commune's centre for the courier's route (migration 0137); null where unknown */
  centre_latitude: number | null;
  centre_longitude: number | null;
  centre_precision: 'surveyed' | 'districtSeat' | null;
}

export interface AdminUnitSuccessionsTable {
  old_unit_id: number;
  new_unit_id: number;
  effective_date: CivilDate;
  partial: Generated<boolean>;
  note: string | null;
  legal_source: string | null;
}

export interface AgenciesTable {
  id: Serial;
  identifier: string;
  name: string;
  kind: 'people_committee' | 'department' | 'public_service_centre' | 'police' | 'social_insurance' | 'other';
  level: 'central' | 'province' | 'district' | 'commune';
  /** what a department or police unit does ('tu-phap', 'bhxh' …): routing key of a competent body */
  function_code: string | null;
  identifier_confirmed: Generated<boolean>;
  /** how dossiers reach its desk (migration 0090): 'paper' (default, the clerk hands over) or 'electronic' (at intake) */
  handover: Generated<'paper' | 'electronic'>;
  /** where it is and whom to call (migration 0241): the courier's stop at the agency; null when not given */
  address: string | null;
  phone: string | null;
  admin_unit_id: number;
  parent_agency_id: number | null;
  province_code: string;
  valid_from: CivilDate;
  valid_to: CivilDate | null;
}

export interface OpeningHoursJson {
  /** ISO weekday 1 = Monday … 7 = Sunday → periods 'HH:MM-HH:MM'. */
  readonly weekly: Record<string, readonly string[]>;
}

export interface ServicePointsTable {
  id: Serial;
  code: string;
  name: string;
  kind: 'post_office' | 'centre';
  admin_unit_id: number;
  receiving_agency_id: number | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  opening_hours: JSONColumnType<OpeningHoursJson, string, string>;
  province_code: string;
  valid_from: CivilDate;
  valid_to: CivilDate | null;
}

export interface CountersTable {
  id: Serial;
  service_point_id: number;
  code: string;
  name: string;
  active: Generated<boolean>;
}

export interface ProceduresTable {
  id: Serial;
  code: string;
  full_code: string | null;
  version: number;
  name: string;
  field: string;
  competent_level: 'central' | 'province' | 'district' | 'commune';
  competent_agency: string;
  duration_value: number;
  duration_unit: 'working_days' | 'working_hours' | 'calendar_days';
  cutoff: string | null;
  fees: JSONColumnType<unknown[], string, string>;
  required_papers: JSONColumnType<unknown[], string, string>;
  online_level: 'none' | 'partial' | 'full';
  postal_allowed: boolean;
  result_type: 'paper' | 'electronic' | 'both';
  result_description: string | null;
  eform_schema: JSONColumnType<Record<string, unknown>, string, string>;
  steps: JSONColumnType<unknown[], string, string>;
  defaults_applied: JSONColumnType<unknown[], string, string>;
  /** {kind, level, functionCode}; null: not resolved, intake refuses */
  competent_body: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  place_tied: Generated<boolean>;
  filing_anywhere: Generated<boolean>;
  cases: ColumnType<unknown[], string | undefined, string>;
  source: string | null;
  province_code: string;
  effective_from: CivilDate;
  effective_to: CivilDate | null;
  created_at: Generated<Date>;
  /** Generated: search_key(name + result + field). */
  search_text: Generated<string>;
}

export type Role = 'admin' | 'clerk' | 'courier' | 'officer' | 'approver' | 'supervisor' | 'citizen';

export interface UsersTable {
  id: Serial;
  username: string;
  full_name: string;
  role: Role;
  scope_unit_id: number | null;
  scope_agency_id: number | null;
  scope_service_point_id: number | null;
  scope_code: string | null;
  scope_path: string | null;
  personal_id: string | null;
  email: string | null;
  phone: string | null;
  /** the personal ID is verified (migration 0150): by the e-ID login or by a clerk who checked the card */
  personal_id_verified_at: Timestamp | null;
  personal_id_verified_via: 'eid' | 'counter' | null;
  /** the phone / the e-mail was proved by a one-time code (migration 0152), each separately */
  phone_verified_at: Timestamp | null;
  email_verified_at: Timestamp | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
}

export interface CalendarScheduleDayJson {
  readonly date: string;
  readonly reason: string;
}

export interface CalendarSchedulesTable {
  id: Serial;
  year: number;
  version: number;
  source: string;
  days_off: JSONColumnType<CalendarScheduleDayJson[], string, string>;
  make_up_days: JSONColumnType<CalendarScheduleDayJson[], string, string>;
  note: string | null;
  created_at: Timestamp;
  created_by: number | null;
  created_by_name: string | null;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

// ---- dossiers (0006_dossiers.sql) -------------------------------------------------------------

export interface ApplicantsTable {
  id: Serial;
  personal_id: string | null;
  name: string;
  birth_date: CivilDate | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  unit_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type DossierStatusColumn =
  | 'submitted' | 'received' | 'refused' | 'processing' | 'awaitingApproval' | 'awaitingSupplement' | 'awaitingPayment'
  | 'resultReady' | 'returned' | 'rejected' | 'withdrawn' | 'stopped';

export interface DossiersTable {
  id: Serial;
  code: string;
  code_format: string;
  province_code: string;
  procedure_id: number;
  procedure_code: string;
  applicant_id: number;
  applicant_name: string;
  applicant_phone: string | null;
  personal_id: string | null;
  receiving_service_point_id: number | null;
  receiving_agency_id: number;
  competent_agency_id: number;
  unit_path: string;
  applicant_unit_id: number | null;
  channel: 'counter' | 'online' | 'postal';
  online_level: 'partial' | 'full' | null;
  status: DossierStatusColumn;
  sync_code: number;
  status_before_supplement: DossierStatusColumn | null;
  submitted_at: Timestamp;
  received_at: Timestamp | null;
  due_at: Timestamp | null;
  original_due_at: Timestamp | null;
  calendar_version: string | null;
  clock_started_at: Timestamp | null;
  supplement_requested_at: Timestamp | null;
  supplement_completed_at: Timestamp | null;
  supplement_count: Generated<number>;
  apology_used: Generated<boolean>;
  apologized_at: Timestamp | null;
  approved_at: Timestamp | null;
  refused_at: Timestamp | null;
  finished_at: Timestamp | null;
  returned_at: Timestamp | null;
  result_delivery: 'counter' | 'post' | 'online' | null;
  vneid_authenticated: Generated<boolean>;
  form_data: JSONColumnType<Record<string, unknown>, string, string>;
  last_hash: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  /** the applicant's satisfaction rating (migration 0012): when, and 1–5 stars */
  rated_at: Timestamp | null;
  rating_stars: number | null;
  /** form 01's ledger (migration 0080): the year of the receipt and the serial in that year's book of the service point */
  ledger_year: number | null;
  ledger_serial: number | null;
  /** how the applicant chose at intake to receive the result (migration 0081); the address for 'post' */
  delivery_method: 'counter' | 'post' | 'online' | null;
  delivery_address: string | null;
  /** who is who (migration 0082): the filer for themself, for an organisation, or for another person; the details (null for 'person') */
  applicant_kind: Generated<'person' | 'organisation' | 'proxy'>;
  applicant_party: JSONColumnType<Record<string, unknown>, string, string> | null;
  /** an online dossier filed by staff on the citizen's behalf, confirmed by the citizen's one-time code (migration 0155, issue 15 §3) */
  assisted: Generated<boolean>;
  /** the account that filed the dossier: its first event's actor (migration 0150) */
  filed_by_user_id: number | null;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: number;
  seq: number;
  at: Timestamp;
  action: string;
  actor_id: number | null;
  actor_role: string | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
  /** definition of the hash (src/dossiers/event-hash.ts); rows written before migration 0045 are 1 */
  hash_version: number;
  /** = dossiers.province_code (sharding key, issue 16 §5); held equal by the foreign key */
  province_code: string;
  /** = dossiers.submitted_at: the partition key (ADR 022); held equal by the foreign key */
  dossier_submitted_at: Timestamp;
}

/** A year of the event log taken out (detached) by `motcua audit archive` (ADR 022). */
export interface DossierEventArchivesTable {
  year: number;
  table_name: string;
  dossiers: number;
  events: number;
  archived_at: Generated<Timestamp>;
  /** the detached table of the year's papers (migration 0230); null for a year archived before it */
  papers_table: string | null;
  papers: number | null;
}

/** The anchored days an archived year's dossiers moved on (0226): verify --anchors once the detached table is gone. */
export interface DossierEventArchiveDaysTable {
  year: number;
  day: CivilDate;
  heads: number;
}

export interface DossierPapersTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  dossier_id: number;
  paper_key: string;
  name: string;
  originals: number;
  copies: number;
  source: 'scanned' | 'uploaded' | 'reused' | 'national_db' | 'prior_result' | 'paper';
  file_id: number | null;
  digitized: boolean;
  /** a paper reused from the applicant's document store: the stored document (migration 0123) */
  reused_document_id: Generated<number | null>;
  /** = dossiers.submitted_at: the partition key (migration 0230, ADR 022); held equal by the foreign key */
  dossier_submitted_at: Date;
}

export interface DossierSerialsTable {
  /** the sharding key (migration 0202: a trigger fills it when an insert leaves it out) */
  province_code: string;
  agency_id: number;
  day: CivilDate;
  last_serial: number;
}

export interface IdempotencyKeysTable {
  actor_id: number;
  key: string;
  request_hash: string;
  dossier_code: string | null;
  created_at: Generated<Date>;
}

export interface OutboxTable {
  /** the sharding key; '00' = about no province (migration 0203: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Generated<number>;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
  processed_at: Timestamp | null;
  // delivery (0011_outbox_delivery.sql, src/notifications/outbox.ts)
  channel: 'sms' | 'mail' | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  skipped_reason: string | null;
  provider_id: string | null;
  delivered_at: Timestamp | null;
  dead_at: Timestamp | null;
  /** the message a copy is of (0156_outbox_copies.sql: `mail.applicant`) */
  source_id: number | null;
}

export interface SmsSimulatorMessagesTable {
  id: Serial;
  idempotency_key: string;
  to_number: string;
  text: string;
  encoding: 'gsm7' | 'ucs2';
  segments: number;
  accepted_at: Timestamp;
}

export interface MailSimulatorMessagesTable {
  id: Serial;
  idempotency_key: string;
  from_address: string;
  to_address: string;
  subject: string;
  text: string;
  accepted_at: Timestamp;
}

// ---- reports (0007_reports.sql) ---------------------------------------------------------------

interface StatsCounts {
  submitted: Generated<number>;
  received: Generated<number>;
  refused: Generated<number>;
  resolved_early: Generated<number>;
  resolved_on_time: Generated<number>;
  resolved_late: Generated<number>;
  rejected: Generated<number>;
  withdrawn: Generated<number>;
  stopped: Generated<number>;
  closed: Generated<number>;
  returned: Generated<number>;
  supplement_requests: Generated<number>;
  apologies: Generated<number>;
  digitized: Generated<number>;
  reused: Generated<number>;
  store_linked: Generated<number>;
  electronic_results: Generated<number>;
  paid_online: Generated<number>;
  ratings: Generated<number>;
  rating_sum: Generated<number>;
  dislikes: Generated<number>;
  resolution_working_minutes: Generated<number>;
  /** marks (0194, src/reports/marks.ts) */
  due: Generated<number>;
  due_settled: Generated<number>;
  disliked_received: Generated<number>;
  disliked_closed: Generated<number>;
  bundles_received: Generated<number>;
  bundle_members_received: Generated<number>;
  bundle_members_resolved_on_time: Generated<number>;
  bundle_members_resolved_late: Generated<number>;
}

/** The key columns both roll-up tables share (the daily one adds the day and the procedure, the monthly one the month). */
interface StatsKeyColumns {
  province_code: string;
  unit_path: string;
  agency_id: number;
  receiving_agency_id: number;
  channel: 'counter' | 'online' | 'postal';
  online_level: 'none' | 'partial' | 'full';
}

export interface StatsDailyTable extends StatsCounts, StatsKeyColumns {
  day: CivilDate;
  procedure_id: number;
}

export interface StatsMonthlyTable extends StatsCounts, StatsKeyColumns {
  month: CivilDate;
}

/** 0193_stats_monthly_procedure.sql: month totals by procedure and channel */
export interface StatsMonthlyProcedureTable extends StatsCounts {
  month: CivilDate;
  province_code: string;
  unit_path: string;
  procedure_id: number;
  channel: 'counter' | 'online' | 'postal';
}

/** 0215_stats_yearly.sql: year totals, the month tables' keys with the year's first day */
export interface StatsYearlyTable extends StatsCounts, StatsKeyColumns {
  year: CivilDate;
}

/** 0215_stats_yearly.sql: year totals by procedure and channel */
export interface StatsYearlyProcedureTable extends StatsCounts {
  year: CivilDate;
  province_code: string;
  unit_path: string;
  procedure_id: number;
  channel: 'counter' | 'online' | 'postal';
}

/** 0255_procedure_province_tiers.sql: month totals by province, procedure and channel (no unit path) */
export interface StatsMonthlyProcedureProvinceTable extends StatsCounts {
  month: CivilDate;
  province_code: string;
  procedure_id: number;
  channel: 'counter' | 'online' | 'postal';
}

/** 0255_procedure_province_tiers.sql: year totals by province, procedure and channel (no unit path) */
export interface StatsYearlyProcedureProvinceTable extends StatsCounts {
  year: CivilDate;
  province_code: string;
  procedure_id: number;
  channel: 'counter' | 'online' | 'postal';
}

// ---- supervision (0008_supervision.sql) -------------------------------------------------------

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  dossier_code: string | null;
  title: string;
  body: string;
  dedupe_key: string;
  created_at: Date;
  read_at: Date | null;
}

export interface DossierEscalationsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  dossier_id: number;
  kind: 'atRisk' | 'overdue';
  due_at: Date;
  threshold_minutes: number;
  escalated_at: Date;
  recipients: number;
}

export interface DossierResolutionsTable {
  dossier_id: number;
  procedure_code: string;
  province_code: string;
  received_at: Date;
  resolved_at: Date;
  working_minutes: number;
  on_time: boolean;
}

/** Migration 0076: paper outcomes at the counter (src/counter). */
/** the gap-free registers of a service point (migration 0080; src/platform/registers.ts) */
export interface RegisterSerialsTable {
  /** the sharding key (migration 0202: a trigger fills it when an insert leaves it out) */
  province_code: string;
  service_point_id: number;
  year: number;
  register: string;
  last_number: number;
}

export interface CounterOutcomesTable {
  id: Serial;
  kind: 'guidance' | 'incomplete' | 'refused';
  service_point_id: number;
  unit_path: string;
  province_code: string;
  year: number;
  number: number;
  procedure_code: string;
  procedure_name: string;
  applicant: JSONColumnType<Record<string, unknown>, string, string>;
  items: JSONColumnType<string[], string, string>;
  note: string | null;
  clerk_id: number;
  clerk_name: string;
  at: Timestamp;
}

/** Postal shipments (migration 0130, src/postal): one applicant, one procedure; the draft until the hand-over. */
export interface PostalShipmentsTable {
  id: Serial;
  service_point_id: number;
  unit_path: string;
  province_code: string;
  origin: 'portal' | 'counter' | 'phone' | 'dossier' | 'transfer' | 'forward';
  procedure_code: string;
  procedure_name: string;
  applicant: JSONColumnType<Record<string, unknown>, string, string>;
  personal_id: string | null;
  address: string;
  commune_code: string;
  commune_name: string;
  requested_commune_code: string;
  window_from: Date | null;
  window_to: Date | null;
  note: string | null;
  draft: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  fee_vnd: ColumnType<number, number | undefined, number>;
  postage_vnd: ColumnType<number, number | undefined, number>;
  receipt_id: number | null;
  sealed_at: Date | null;
  dossier_code: string | null;
  requested_by: number | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface PostalLegsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  shipment_id: number;
  kind: 'pickup' | 'toAgency' | 'result' | 'transfer';
  tracking_number: string;
  status: string;
  service_point_id: number;
  courier_id: number | null;
  courier_name: string | null;
  agency_id: number | null;
  recipient: JSONColumnType<Record<string, unknown>, string | null, string | null> | null;
  carrier_order_id: string | null;
  /** migration 0172: what the carrier charged for its order, and which carrier (src/postal/carrier-orders.ts) */
  carrier_charge_vnd: ColumnType<number | null, number | null | undefined, number | null>;
  carrier_name: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** migration 0171: a transfer's sending agency, the dossiers it carries, its contents */
  from_agency_id: ColumnType<number | null, number | null | undefined, number | null>;
  dossier_codes: ColumnType<string[], string[] | undefined, string[]>;
  contents: ColumnType<string | null, string | null | undefined, string | null>;
  /** migration 0245: a transfer's weighed parcel and its postage, billed to the sending agency (src/postal/transfers.ts) */
  weight_grams: ColumnType<number | null, number | null | undefined, number | null>;
  postage_vnd: ColumnType<number | null, number | null | undefined, number | null>;
  postage_zone: ColumnType<'sameCommune' | 'inProvince' | 'interProvincial' | null, 'sameCommune' | 'inProvince' | 'interProvincial' | null | undefined, 'sameCommune' | 'inProvince' | 'interProvincial' | null>;
  postage_tariff_id: ColumnType<string | null, string | null | undefined, string | null>;
  postage_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Append-only (trigger forbid_change). */
export interface PostalLegEventsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  leg_id: number;
  event_id: string;
  kind: string;
  at: Timestamp;
  recorded_at: Timestamp;
  source: 'staff' | 'courier' | 'carrier' | 'system';
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  position: JSONColumnType<{ lat: number; lon: number }, string | null, string | null> | null;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface PostalSignaturesTable {
  id: Serial;
  sha256: string;
  /** the PNG in the file store (migration 0175); null only while its bytes wait in postal_signature_legacy_png (0178) */
  file_id: number | null;
  signer_name: string;
  signer_personal_id: string | null;
  signed_at: Timestamp;
}

/** Bytes of signatures recorded before migration 0175 not yet moved into the file store (migration 0178; src/postal/signature-move.ts). */
export interface PostalSignatureLegacyPngTable {
  signature_id: number;
  png: Buffer;
}

export interface PostalHandoverRecordsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  service_point_id: number;
  unit_path: string;
  year: number;
  number: number;
  agency_id: number;
  agency_name: string;
  courier_id: number;
  courier_name: string;
  receiver_name: string;
  receiver_personal_id: string | null;
  courier_signature_id: number;
  receiver_signature_id: number;
  signed_at: Timestamp;
  statement: string;
}

export interface PostalHandoverItemsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  record_id: number;
  shipment_id: number;
  leg_id: number;
  tracking_number: string;
  dossier_code: string;
  due_at: Date | null;
  fee_vnd: number;
  /** a forwarded dossier's receipt at the counter; null: received at the record's signature */
  received_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PostalRemittancesTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  record_id: number;
  agency_id: number;
  collected_vnd: number;
  remitted_vnd: number;
  reconciled: boolean;
  at: Timestamp;
}

export interface PostalCarrierCursorTable {
  carrier: string;
  cursor: string;
  updated_at: Timestamp;
}

/** Postal incidents and complaints (migration 0132, src/postal/incidents.ts). */
export interface PostalIncidentsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Generated<number>;
  shipment_id: number;
  leg_id: number;
  tracking_number: string;
  service_point_id: number;
  unit_path: string;
  kind: 'lost' | 'damaged' | 'late' | 'complaint';
  description: string;
  reported_by: string;
  reporter_phone: string | null;
  reported_at: Timestamp;
  resolve_by: string;
  recorded_by_id: number;
  recorded_by_name: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolved_at: Timestamp | null;
  resolved_by_id: number | null;
  resolved_by_name: string | null;
  compensation_vnd: Generated<number>;
  compensation_year: number | null;
  compensation_number: number | null;
  compensation_recipient: string | null;
  compensation_method: string | null;
}

/** The one receipt model (migration 0131, src/payments/receipts.ts). */
export interface ReceiptsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  series: string;
  /** null: an online receipt (series numbered for the whole deployment, migration 0160) */
  service_point_id: number | null;
  year: number;
  number: number;
  amount_vnd: number;
  payer: JSONColumnType<Record<string, unknown>, string, string>;
  items: JSONColumnType<{ kind: string; label: string; amountVnd: number }[], string, string>;
  payment_method: 'cash' | 'transfer' | 'card' | 'qr';
  /** null: the payment gateway (online) */
  collected_by: number | null;
  collected_by_name: string;
  place: 'counter' | 'courier' | 'online';
  dossier_code: string | null;
  shipment_id: number | null;
  issued_at: Timestamp;
  payment_order_id: Generated<number | null>;
  shift_id: Generated<number | null>;
  unit_path: Generated<string | null>;
}

/** Payments (migration 0160, src/payments). */
export interface ReceiptSeriesSerialsTable { series: string; year: number; last_number: number }
export interface PaymentOrdersTable {
  /** the sharding key (migration 0202: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  txn_ref: string;
  subject_kind: 'draft' | 'dossier' | 'shipment';
  subject_id: string;
  items: JSONColumnType<{ kind: string; label: string; amountVnd: number }[], string, string>;
  amount_vnd: number;
  currency: Generated<string>;
  status: 'pending' | 'paid' | 'failed' | 'cancelled' | 'refunded' | 'duplicate';
  payer: JSONColumnType<Record<string, unknown>, string, string>;
  procedure_code: string | null;
  unit_path: string | null;
  return_url: string;
  created_by: number | null;
  created_at: Timestamp;
  paid_at: Timestamp | null;
  gateway_transaction_no: string | null;
  bank_code: string | null;
  receipt_id: number | null;
  moved_from: Generated<JSONColumnType<{ kind: string; id: string }[], string, string>>;
}
export interface GatewayNotificationsTable {
  id: Serial;
  kind: 'ipn' | 'return' | 'refund';
  txn_ref: string | null;
  params: JSONColumnType<Record<string, string>, string, string>;
  verdict: string;
  rsp_code: string;
  received_at: Timestamp;
}
/** A duplicate online payment's automatic refund (migration 0157, src/payments/duplicate-refunds.ts). */
export interface PaymentDuplicateRefundsTable {
  /** the sharding key (migration 0202: a trigger fills it when an insert leaves it out) */
  province_code: string;
  order_id: number;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_at: Timestamp;
  last_error: string | null;
  given_up_at: Timestamp | null;
  refund_id: number | null;
  refunded_at: Timestamp | null;
}
export interface ReceiptRefundsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  receipt_id: number;
  amount_vnd: number;
  reason: string;
  method: 'cash' | 'card' | 'transfer' | 'qr' | 'gateway';
  /** 0: the system (a duplicate payment's automatic refund, migration 0157) */
  refunded_by: number;
  refunded_by_name: string;
  gateway_response: string | null;
  shift_id: number | null;
  at: Timestamp;
}
export interface CashShiftsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  service_point_id: number;
  unit_path: string;
  clerk_id: number;
  clerk_name: string;
  opened_at: Timestamp;
  opening_cash_vnd: number;
  closed_at: Timestamp | null;
  expected_cash_vnd: number | null;
  counted_cash_vnd: number | null;
  difference_vnd: number | null;
  note: string | null;
}
export interface GatewaySettlementsTable {
  id: Serial;
  day: string;
  txn_ref: string;
  transaction_no: string;
  amount_vnd: number;
  kind: 'payment' | 'refund';
  imported_at: Timestamp;
  imported_by: number;
}
export interface GatewaySimulatorTransactionsTable {
  id: Serial;
  txn_ref: string;
  transaction_no: string;
  amount_vnd: number;
  outcome: 'paid' | 'cancelled' | 'failed';
  refunded_vnd: Generated<number>;
  bank_code: string;
  at: Timestamp;
}

/** Signed daily anchors of the event log (src/dossiers/anchors.ts); append-only. */
export interface AuditAnchorsTable {
  /** YYYY-MM-DD, Vietnam time */
  day: string;
  heads: number;
  prev_digest: string;
  digest: string;
  key_id: string;
  public_key: string;
  signature: string;
  created_at: Generated<Date>;
}

export interface AttemptThrottleTable {
  key: string;
  failures: number;
  last_attempt_at: Date;
  next_allowed_at: Date;
}

export interface TrackingKeyTable {
  id: Generated<boolean>;
  secret: string;
}

/** Migration 0147: the counter queue's kiosks and tickets (src/appointments/queue-*). */
export interface QueueKiosksTable {
  id: Serial;
  service_point_id: number;
  token_hash: string;
  opened_by: number;
  opened_at: Timestamp;
  expires_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface QueueTicketsTable {
  id: Serial;
  service_point_id: number;
  unit_path: string;
  province_code: string;
  day: CivilDate;
  number: number;
  kind: 'booked' | 'walk_in';
  priority: Generated<boolean>;
  kiosk_id: number | null;
  booking_code: string | null;
  booked_at: Timestamp | null;
  procedure_code: string | null;
  procedure_name: string | null;
  applicant_name: string | null;
  applicant_personal_id: string | null;
  applicant_phone: string | null;
  status: Generated<'waiting' | 'called' | 'served' | 'no_show'>;
  issued_at: Timestamp;
  called_at: Timestamp | null;
  last_called_at: Timestamp | null;
  call_count: Generated<number>;
  counter_code: string | null;
  counter_name: string | null;
  called_by: number | null;
  finished_at: Timestamp | null;
}

/** The applicant's document store (migration 0123, src/documents/store*). */
export interface StoreConsentsTable {
  id: Serial;
  holder_kind: 'person' | 'organisation';
  holder_id: string;
  purpose: string;
  given_at: Timestamp;
  given_via: 'counter' | 'postal' | 'portal';
  dossier_code: string | null;
  recorded_by: number | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by: number | null;
}

export interface StoreDocumentsTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  holder_kind: 'person' | 'organisation';
  holder_id: string;
  paper_key: string | null;
  doc_type: string | null;
  title: string;
  file_id: number;
  source_kind: 'digitized' | 'result';
  source_dossier_id: number;
  source_dossier_code: string;
  source_procedure_code: string;
  filed_by: number | null;
  valid_from: CivilDate | null;
  valid_until: CivilDate | null;
  created_at: Timestamp;
}

export interface FilesTable {
  id: Serial;
  sha256: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';
  size_bytes: number;
  page_count: number;
  storage_key: string;
  created_at: Timestamp;
  created_by: number | null;
}

export interface FileUploadsTable {
  file_id: number;
  user_id: number;
  file_name: string | null;
  uploaded_at: Timestamp;
}

// appointments (migration 0140)
export interface AppointmentCounterProceduresTable {
  service_point_id: number;
  counter_code: string;
  procedure_code: string;
}

export interface AppointmentDurationsTable {
  procedure_code: string;
  purpose: 'intake' | 'pickup' | 'home';
  minutes: number;
}

export interface AppointmentSettingsTable {
  service_point_id: number;
  min_notice_minutes: number;
  horizon_days: number;
  home_couriers: number;
  home_travel_minutes: number;
}

export interface OpeningExceptionsTable {
  service_point_id: number;
  day: CivilDate;
  periods: JSONColumnType<string[], string, string>;
  reason: string;
}

/** migration 0141: a counter's own weekly hours (none: the point's) */
export interface CounterOpeningHoursTable {
  service_point_id: number;
  counter_code: string;
  weekly: JSONColumnType<Record<string, string[]>, string, string>;
}

/** migration 0141: a counter's exception for one date */
export interface CounterOpeningExceptionsTable {
  service_point_id: number;
  counter_code: string;
  day: CivilDate;
  periods: JSONColumnType<string[], string, string>;
  reason: string;
}

export interface BookingsTable {
  id: Serial;
  code: string;
  service_point_id: number;
  province_code: string;
  unit_path: string;
  purpose: 'intake' | 'pickup' | 'home';
  procedure_code: string;
  procedure_name: string;
  seat: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: Generated<'booked' | 'arrived' | 'cancelled' | 'no_show'>;
  holder_key: string;
  personal_id: string | null;
  phone: string;
  name: string;
  address: string | null;
  dossier_code: string | null;
  channel: 'portal' | 'counter' | 'phone';
  created_by: number | null;
  created_at: Timestamp;
  link_version: Generated<number>;
  reminder_sent_at: Timestamp | null;
  arrived_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  no_show_at: Timestamp | null;
  /** migration 0142: a visit at home's commune and the postal shipment carrying it */
  commune_code: Generated<string | null>;
  shipment_id: Generated<number | null>;
}

/** migration 0142: the communes a courier of a service point visits at home */
export interface CourierAreasTable {
  service_point_id: number;
  courier_id: number;
  commune_code: string;
}

export interface OneTimeCodesTable {
  id: Serial;
  /** the code went by SMS to this phone (84…), or by mail to `email` (migration 0152): exactly one of them */
  phone: string | null;
  email: string | null;
  purpose: string;
  code_hash: string;
  client_address: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
}

/** The e-ID login's started flows (migrations 0150, 0151): used once, valid 10 minutes. */
export interface EidLoginStatesTable {
  state: string;
  nonce: string;
  return_to: string;
  code_verifier: Generated<string>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** The local e-ID simulator's signing key (migration 0151). */
export interface EidSimulatorKeyTable {
  id: Generated<boolean>;
  private_jwk: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
}

/** The local e-ID simulator's authorization codes (migration 0151), used once. */
export interface EidSimulatorCodesTable {
  code_hash: string;
  identity_key: string;
  client_id: string;
  redirect_uri: string;
  nonce: string;
  code_challenge: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AppointmentKeyTable {
  id: Generated<boolean>;
  secret: string;
}

/** OCR of a stored file (0120): a queue row claimed with a lease by the documents.ocr job. */
export interface OcrRunsTable {
  file_id: number;
  status: Generated<'pending' | 'done' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  queued_at: Date;
  finished_at: Date | null;
  pages_read: number | null;
}

/** The recognised text of one page of a file (0120). */
export interface OcrPagesTable {
  file_id: number;
  page_number: number;
  text: string;
}

/** Certified electronic copies (migration 0124, src/documents/copies*). */
export interface CertifiedCopiesTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: string;
  dossier_id: number;
  dossier_code: string;
  title: string;
  source_file_id: number;
  source_sha256: string;
  copy_file_id: number;
  copy_sha256: string;
  agency_name: string;
  certified_by: number;
  certified_by_name: string;
  certified_at: Timestamp;
  signature: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
}

/** A bundle's parent (issue 17, migration 0180). */
export interface BundlesTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Serial;
  code: string;
  definition_code: string;
  definition_from: string;
  receiving_agency_id: number;
  service_point_id: number | null;
  personal_id: string;
  applicant_name: string;
  unit_path: string;
  received_at: Timestamp;
  statutory_due_at: Timestamp | null;
  calendar_version: string | null;
  form_data: JSONColumnType<Record<string, unknown>, string, string>;
  created_by: number | null;
  created_at: Generated<Date>;
  /** migration 0183: the applicant's choice of how the results go back */
  return_timing: ColumnType<'together' | 'asReady', 'together' | 'asReady' | undefined, 'together' | 'asReady'>;
  return_place: ColumnType<'counter' | 'post', 'counter' | 'post' | undefined, 'counter' | 'post'>;
  return_address: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A bundle's member dossiers (migration 0180). */
export interface BundleMembersTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  bundle_id: number;
  member_key: string;
  position: number;
  dossier_id: number;
  dossier_code: string;
  waits_for: string | null;
  started_at: Timestamp | null;
  fed: JSONColumnType<Record<string, unknown>, string | null, string | null> | null;
}

export interface DB {
  bundles: BundlesTable;
  bundle_members: BundleMembersTable;
  certified_copies: CertifiedCopiesTable;
  store_consents: StoreConsentsTable;
  store_documents: StoreDocumentsTable;
  tracking_key: TrackingKeyTable;
  attempt_throttle: AttemptThrottleTable;
  audit_anchors: AuditAnchorsTable;
  audit_log: AuditLogTable;
  counter_outcomes: CounterOutcomesTable;
  register_serials: RegisterSerialsTable;
  admin_units: AdminUnitsTable;
  admin_unit_successions: AdminUnitSuccessionsTable;
  agencies: AgenciesTable;
  service_points: ServicePointsTable;
  counters: CountersTable;
  procedures: ProceduresTable;
  users: UsersTable;
  sessions: SessionsTable;
  applicants: ApplicantsTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_event_archives: DossierEventArchivesTable;
  dossier_event_archive_days: DossierEventArchiveDaysTable;
  dossier_papers: DossierPapersTable;
  dossier_serials: DossierSerialsTable;
  idempotency_keys: IdempotencyKeysTable;
  outbox: OutboxTable;
  sms_simulator_messages: SmsSimulatorMessagesTable;
  mail_simulator_messages: MailSimulatorMessagesTable;
  calendar_schedules: CalendarSchedulesTable;
  schema_migrations: SchemaMigrationsTable;
  stats_daily: StatsDailyTable;
  stats_monthly: StatsMonthlyTable;
  stats_monthly_procedure: StatsMonthlyProcedureTable;
  stats_yearly: StatsYearlyTable;
  stats_yearly_procedure: StatsYearlyProcedureTable;
  stats_monthly_procedure_province: StatsMonthlyProcedureProvinceTable;
  stats_yearly_procedure_province: StatsYearlyProcedureProvinceTable;
  notifications: NotificationsTable;
  dossier_escalations: DossierEscalationsTable;
  dossier_resolutions: DossierResolutionsTable;
  queue_kiosks: QueueKiosksTable;
  queue_tickets: QueueTicketsTable;
  postal_shipments: PostalShipmentsTable;
  postal_legs: PostalLegsTable;
  postal_leg_events: PostalLegEventsTable;
  postal_signatures: PostalSignaturesTable;
  postal_signature_legacy_png: PostalSignatureLegacyPngTable;
  postal_handover_records: PostalHandoverRecordsTable;
  postal_handover_items: PostalHandoverItemsTable;
  postal_remittances: PostalRemittancesTable;
  postal_carrier_cursor: PostalCarrierCursorTable;
  postal_incidents: PostalIncidentsTable;
  receipts: ReceiptsTable;
  receipt_series_serials: ReceiptSeriesSerialsTable;
  payment_orders: PaymentOrdersTable;
  payment_duplicate_refunds: PaymentDuplicateRefundsTable;
  gateway_notifications: GatewayNotificationsTable;
  receipt_refunds: ReceiptRefundsTable;
  cash_shifts: CashShiftsTable;
  gateway_settlements: GatewaySettlementsTable;
  gateway_simulator_transactions: GatewaySimulatorTransactionsTable;
  files: FilesTable;
  file_uploads: FileUploadsTable;
  appointment_counter_procedures: AppointmentCounterProceduresTable;
  appointment_durations: AppointmentDurationsTable;
  appointment_settings: AppointmentSettingsTable;
  opening_exceptions: OpeningExceptionsTable;
  counter_opening_hours: CounterOpeningHoursTable;
  counter_opening_exceptions: CounterOpeningExceptionsTable;
  bookings: BookingsTable;
  courier_areas: CourierAreasTable;
  one_time_codes: OneTimeCodesTable;
  eid_login_states: EidLoginStatesTable;
  eid_simulator_key: EidSimulatorKeyTable;
  eid_simulator_codes: EidSimulatorCodesTable;
  online_drafts: OnlineDraftsTable;
  appointment_key: AppointmentKeyTable;
  ocr_runs: OcrRunsTable;
  ocr_pages: OcrPagesTable;
  sync_outbox: SyncOutboxTable;
  sync_pulled: SyncPulledTable;
  sync_state: SyncStateTable;
}

/** National portal sync (migration 0165, src/sync): one row per dossier event, pushed in order per dossier. */
export interface SyncOutboxTable {
  /** the sharding key, its parent's province (migrations 0200–0201: a trigger fills it when an insert leaves it out) */
  province_code: string;
  id: Generated<number>;
  dossier_id: number;
  dossier_code: string;
  seq: number;
  action: string;
  sync_code: number;
  event_at: Timestamp;
  unit_path: string;
  channel: string;
  created_at: Generated<Date>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  gave_up_at: Timestamp | null;
  sent_at: Timestamp | null;
  portal_receipt: string | null;
}

/** Dossiers pulled in from the national portal, one row per national reference (migration 0165). */
export interface SyncPulledTable {
  national_reference: string;
  dossier_code: string | null;
  pulled_at: Timestamp;
  error: string | null;
}

export interface SyncStateTable {
  key: string;
  value: string;
}

/** Drafts of online submissions (migration 0155, src/online). */
export interface OnlineDraftsTable {
  id: Generated<number>;
  owner_user_id: number;
  procedure_code: string;
  case_key: string | null;
  place_unit_code: string | null;
  applicant: JSONColumnType<Record<string, unknown>, string, string>;
  form_data: JSONColumnType<Record<string, unknown>, string, string>;
  papers: JSONColumnType<Record<string, unknown>[], string, string>;
  delivery: JSONColumnType<Record<string, unknown>, string, string> | null;
  assisted: Generated<boolean>;
  store_consent: Generated<boolean>;
  payment_order_id: string | null;
  dossier_code: string | null;
  submitted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
