// Kysely's view of the tables, kept in step with migrations/ by hand (one interface a table).
// Types only: platform code does not depend on any capability's logic through this file.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Serial = Generated<number>;
/** `date` columns are read as 'YYYY-MM-DD' strings (see connect.ts). */
type CivilDate = string;

export interface AuditLogTable {
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
  kind: 'people_committee' | 'department' | 'public_service_centre' | 'police' | 'other';
  level: 'central' | 'province' | 'district' | 'commune';
  identifier_confirmed: Generated<boolean>;
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
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: Date | null;
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

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface DB {
  audit_log: AuditLogTable;
  admin_units: AdminUnitsTable;
  admin_unit_successions: AdminUnitSuccessionsTable;
  agencies: AgenciesTable;
  service_points: ServicePointsTable;
  counters: CountersTable;
  procedures: ProceduresTable;
  users: UsersTable;
  sessions: SessionsTable;
  schema_migrations: SchemaMigrationsTable;
}
