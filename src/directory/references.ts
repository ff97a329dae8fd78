// Reads of the directory that other capabilities need at intake: the receiving point and its
// agency, the applicant's commune, and the competent agency ("phi địa giới" routing).
import { sql } from 'kysely';
import type { Database } from '../platform/db/connect';
import type { AgenciesTable } from '../platform/db/schema';
import { conflict, validationFailed } from '../platform/errors';
import { memo } from '../platform/memo';

/** The level at which a procedure is decided (the catalogue's competent level). */
type CompetentLevel = AgenciesTable['level'];

const validOn = (day: string) => sql<boolean>`valid_from <= ${day} AND (valid_to IS NULL OR valid_to > ${day})`;

export interface AgencyRef {
  readonly id: number;
  readonly identifier: string;
  readonly name: string;
  readonly unitPath: string;
  readonly provinceCode: string;
  /** where it is and whom to call (migration 0241), when the directory has them */
  readonly address: string | null;
  readonly phone: string | null;
}

export interface IntakePoint {
  readonly id: number;
  readonly name: string;
  readonly provinceCode: string;
  readonly receivingAgency: AgencyRef;
  /** the unit the point is in, and the level of the agency it receives for (filing boundaries) */
  readonly unitId: number;
  readonly receivingLevel: AgenciesTable['level'];
}

async function agencyWhere(db: Database, where: (q: ReturnType<typeof agencyBase>) => ReturnType<typeof agencyBase>): Promise<AgencyRef | null> {
  const row = await where(agencyBase(db)).executeTakeFirst();
  return row ?? null;
}

const agencyBase = (db: Database) => db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
  .select(['a.id', 'a.identifier', 'a.name', 'u.path as unitPath', 'a.province_code as provinceCode', 'a.address', 'a.phone']);

export const agencyById = (db: Database, id: number): Promise<AgencyRef | null> => agencyWhere(db, (q) => q.where('a.id', '=', id));

/** Agencies by id with their unit path and province, whatever their validity (a leg or a dossier keeps the ids it used). */
export async function agencyRefs(db: Database, ids: readonly number[]): Promise<Map<number, AgencyRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await agencyBase(db).where('a.id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The agencies of a province in force (no end date), by name: whom another agency may send papers to. */
export const agenciesInForce = (db: Database, provinceCode: string): Promise<AgencyRef[]> =>
  agencyBase(db).where('a.province_code', '=', provinceCode).where('a.valid_to', 'is', null).orderBy('a.name').execute();

/** The service point a clerk or courier receives at, with the agency whose identifier prefixes codes. */
export const intakePoint = (db: Database, servicePointId: number, day: string): Promise<IntakePoint> =>
  memo(db, `sp:${servicePointId}:${day}`, () => loadIntakePoint(db, servicePointId, day));

async function loadIntakePoint(db: Database, servicePointId: number, day: string): Promise<IntakePoint> {
  const sp = await db.selectFrom('service_points').select(['id', 'name', 'province_code', 'receiving_agency_id', 'admin_unit_id'])
    .where('id', '=', servicePointId).where(validOn(day)).executeTakeFirst();
  const agency = sp?.receiving_agency_id ? await agencyById(db, sp.receiving_agency_id) : null;
  if (!sp || !agency) {
    throw validationFailed('SERVICE_POINT_NOT_RECEIVING', 'Điểm phục vụ của bạn chưa được gắn cơ quan tiếp nhận hoặc đã ngừng hoạt động.');
  }
  const level = await db.selectFrom('agencies').select('level').where('id', '=', agency.id).executeTakeFirstOrThrow();
  return { id: sp.id, name: sp.name, provinceCode: sp.province_code, receivingAgency: agency, unitId: Number(sp.admin_unit_id), receivingLevel: level.level };
}

export interface UnitRef {
  readonly id: number;
  readonly code: string;
  readonly path: string;
  readonly level: 'province' | 'district' | 'commune';
  readonly provinceCode: string;
}

export const communeByCode = (db: Database, code: string, day: string, path = 'applicant.unitCode'): Promise<UnitRef> =>
  memo(db, `unit:${code}:${day}:${path}`, () => loadCommune(db, code, day, path));

async function loadCommune(db: Database, code: string, day: string, path: string): Promise<UnitRef> {
  const u = await db.selectFrom('admin_units').select(['id', 'code', 'path', 'level', 'province_code as provinceCode'])
    .where('code', '=', code).where('level', '=', 'commune').where(validOn(day)).executeTakeFirst();
  if (!u) throw validationFailed('APPLICANT_UNIT_NOT_FOUND', `Không tìm thấy xã, phường mã ${code} đang có hiệu lực.`, [{ path, message: 'không tồn tại' }]);
  return u;
}

/** A unit by id, in whichever version (a dossier keeps the id of the commune it was received for), or null. */
export async function unitById(db: Database, id: number): Promise<{ code: string; name: string; level: UnitRef['level'] } | null> {
  return await db.selectFrom('admin_units').select(['code', 'name', 'level']).where('id', '=', id).executeTakeFirst() ?? null;
}

/**
 * A procedure's competent body as the catalogue stores it (catalog/competent-body.ts; repeated
 * here as a shape so that the directory does not depend on the catalogue).
 */
export interface BodyRef {
  readonly kind: 'people_committee' | 'commune_police' | 'provincial_police' | 'provincial_department' | 'social_insurance';
  readonly level: 'commune' | 'province';
  readonly functionCode: string | null;
}

const AGENCY_KIND_OF_BODY = {
  people_committee: 'people_committee',
  commune_police: 'police',
  provincial_police: 'police',
  provincial_department: 'department',
  social_insurance: 'social_insurance',
} as const satisfies Record<BodyRef['kind'], AgenciesTable['kind']>;

const BODY_LABEL = {
  people_committee: 'Ủy ban nhân dân', commune_police: 'Công an cấp xã', provincial_police: 'Công an tỉnh',
  provincial_department: 'Sở, ngành', social_insurance: 'Bảo hiểm xã hội',
} as const satisfies Record<BodyRef['kind'], string>;

/**
 * "Phi địa giới" routing: the ONE agency that decides, from the procedure's competent body and
 * the commune it is decided for (the applicant's, or the place's for land, works and business
 * locations). Commune bodies: the People's Committee or the police station of that commune;
 * province bodies: the agency of that kind (and function, for departments) in its province.
 * Never a default: no body in the catalogue → 400 COMPETENT_BODY_UNKNOWN; no such agency in the
 * directory → 400 COMPETENT_AGENCY_NOT_FOUND; two → 409 COMPETENT_AGENCY_AMBIGUOUS.
 */
export const competentAgencyFor = (db: Database, procedure: { code: string; competentBody: BodyRef | null }, unit: UnitRef, day: string, path = 'applicant.unitCode'): Promise<AgencyRef> =>
  memo(db, `competent:${procedure.code}:${JSON.stringify(procedure.competentBody)}:${unit.id}:${day}`, () => loadCompetent(db, procedure, unit, day, path));

async function loadCompetent(db: Database, procedure: { code: string; competentBody: BodyRef | null }, unit: UnitRef, day: string, path: string): Promise<AgencyRef> {
  const body = procedure.competentBody;
  if (!body) {
    throw validationFailed('COMPETENT_BODY_UNKNOWN', `Danh mục chưa ghi cơ quan có thẩm quyền giải quyết thủ tục ${procedure.code}; chưa thể tiếp nhận hồ sơ. Đề nghị quản trị danh mục bổ sung.`,
      [{ path: 'procedureCode', message: 'chưa có cơ quan giải quyết' }]);
  }
  let q = agencyBase(db).where('a.kind', '=', AGENCY_KIND_OF_BODY[body.kind]).where('a.level', '=', body.level)
    .where(sql<boolean>`a.valid_from <= ${day} AND (a.valid_to IS NULL OR a.valid_to > ${day})`);
  q = body.level === 'commune' ? q.where('a.admin_unit_id', '=', unit.id) : q.where('a.province_code', '=', unit.provinceCode);
  if (body.functionCode !== null) q = q.where('a.function_code', '=', body.functionCode);
  const rows = await q.limit(2).execute();
  const where = body.level === 'commune' ? `xã, phường mã ${unit.code}` : `tỉnh mã ${unit.provinceCode}`;
  const label = `${BODY_LABEL[body.kind]}${body.functionCode ? ` (${body.functionCode})` : ''}`;
  if (rows.length === 0) {
    throw validationFailed('COMPETENT_AGENCY_NOT_FOUND', `Danh bạ chưa có ${label} của ${where} để giải quyết thủ tục ${procedure.code}.`, [{ path, message: 'không có cơ quan giải quyết' }]);
  }
  if (rows.length > 1) throw conflict('COMPETENT_AGENCY_AMBIGUOUS', `Danh bạ có hơn một ${label} của ${where}; cần sửa danh bạ.`);
  return rows[0] as AgencyRef;
}

/** Online dossiers are received by the competent commune's one-stop, or by the provincial centre. */
export async function onlineReceivingAgency(db: Database, competent: AgencyRef, level: CompetentLevel | BodyRef['level'], day: string): Promise<AgencyRef> {
  if (level === 'commune' || level === 'district') return competent;
  const centre = await agencyWhere(db, (q) => q.where('a.kind', '=', 'public_service_centre').where('a.level', '=', 'province')
    .where('a.province_code', '=', competent.provinceCode).where(sql<boolean>`a.valid_from <= ${day} AND (a.valid_to IS NULL OR a.valid_to > ${day})`));
  return centre ?? competent;
}


export interface AgencyName {
  readonly id: number;
  readonly identifier: string;
  readonly name: string;
}

/** Identifier and name of agencies by id (whatever their validity: a dossier keeps the ids it used). */
export async function agencyNames(db: Database, ids: readonly number[]): Promise<Map<number, AgencyName>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'identifier', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** An agency's name and how dossiers reach its desk (migration 0090): 'paper' by the clerk's hand-over, 'electronic' at intake. */
export interface AgencyHandover extends AgencyName {
  readonly handover: 'paper' | 'electronic';
}

/** An agency's name and hand-over setting, by id (whatever its validity); read fresh (a changed setting applies at once). */
export const agencyHandover = async (db: Database, id: number): Promise<AgencyHandover | null> =>
  (await db.selectFrom('agencies').select(['id', 'identifier', 'name', 'handover']).where('id', '=', id).executeTakeFirst()) ?? null;

/** The ids of the agencies (all versions) with an electronic identifier. */
export async function agencyIdsByIdentifier(db: Database, identifier: string): Promise<number[]> {
  const rows = await db.selectFrom('agencies').select('id').where('identifier', '=', identifier).execute();
  return rows.map((r) => r.id);
}

/** The paths of the administrative units (all versions) with a statistics code. */
export async function unitPathsByCode(db: Database, code: string): Promise<string[]> {
  const rows = await db.selectFrom('admin_units').select('path').where('code', '=', code).execute();
  return [...new Set(rows.map((r) => r.path))];
}

/** The province of the unit at `path` (any version; the path is the unit's place in the tree, its province fixed). */
export async function provinceOfUnitPath(db: Database, path: string): Promise<string | null> {
  const row = await db.selectFrom('admin_units').select('province_code').where('path', '=', path).limit(1).executeTakeFirst();
  return row?.province_code ?? null;
}

/** The agency a service point receives for (null: none, or no such point); cached like the other references. */
export const servicePointReceivingAgency = (db: Database, servicePointId: number): Promise<number | null> =>
  memo(db, `sp-agency:${servicePointId}`, async () => {
    const sp = await db.selectFrom('service_points').select('receiving_agency_id').where('id', '=', servicePointId).executeTakeFirst();
    return sp?.receiving_agency_id ?? null;
  });

/** The codes of service points by id. */
export async function servicePointCodes(db: Database, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('service_points').select(['id', 'code']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export interface ServicePointPlace {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  /** the path of the unit the service point is in (report scope) */
  readonly unitPath: string;
}

/** Where a service point is, as a citizen is told (a result's pickup is booked there). */
export async function servicePointAddress(db: Database, id: number): Promise<{ code: string; name: string; address: string } | null> {
  const row = await db.selectFrom('service_points').select(['code', 'name', 'address']).where('id', '=', id).executeTakeFirst();
  return row ? { code: row.code, name: row.name, address: row.address ?? '' } : null;
}

/** A service point with its unit path (counter outcomes are scoped by it). */
export async function servicePointPlace(db: Database, id: number): Promise<ServicePointPlace | null> {
  const row = await db.selectFrom('service_points as s').innerJoin('admin_units as u', 'u.id', 's.admin_unit_id')
    .select(['s.id', 's.code', 's.name', 's.province_code as provinceCode', 'u.path as unitPath']).where('s.id', '=', id).executeTakeFirst();
  return row ?? null;
}

export interface BookablePoint extends ServicePointPlace {
  readonly address: string;
  /** the unit the point is in (a commune-level point: its commune) */
  readonly unitCode: string;
  readonly unitLevel: string;
  readonly openingHours: { weekly: Record<string, string[]> };
  /** the point's active counters, by code */
  readonly counters: string[];
}

/** A service point (by code, in force on `day`; or by id) with its opening hours and active counters (appointments' slots). */
export async function bookablePoint(db: Database, which: { code: string } | { id: number }, day: string): Promise<BookablePoint | null> {
  const row = await db.selectFrom('service_points as s').innerJoin('admin_units as u', 'u.id', 's.admin_unit_id')
    .select(['s.id', 's.code', 's.name', 's.address', 's.province_code as provinceCode', 'u.path as unitPath', 'u.code as unitCode', 'u.level as unitLevel', sql<{ weekly: Record<string, string[]> }>`s.opening_hours`.as('openingHours')])
    .$if('code' in which, (q) => q.where('s.code', '=', 'code' in which ? which.code : '')
      .where('s.valid_from', '<=', day).where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>', day)])))
    .$if('id' in which, (q) => q.where('s.id', '=', 'id' in which ? which.id : 0))
    .executeTakeFirst();
  if (!row) return null;
  const counters = await db.selectFrom('counters').select('code').where('service_point_id', '=', row.id).where('active', '=', true).orderBy('code').execute();
  return { ...row, counters: counters.map((c) => c.code) };
}

/** Agencies that are provincial public-service centres (their receipts count "at the centre"). */
export async function provincialCentreAgencyIds(db: Database): Promise<Set<number>> {
  const rows = await db.selectFrom('agencies').select('id').where('kind', '=', 'public_service_centre').where('level', '=', 'province').execute();
  return new Set(rows.map((r) => r.id));
}

export interface AgencyLabel {
  readonly id: number;
  readonly name: string;
  readonly level: string;
  readonly unit_name: string;
  readonly unit_code: string;
  readonly unit_path: string;
}

/** Every agency (all versions) with the unit it serves: the labels of a breakdown by agency, unit or level. */
export async function agencyLabels(db: Database): Promise<AgencyLabel[]> {
  return db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
    .select(['a.id', 'a.name', 'a.level', 'u.name as unit_name', 'u.code as unit_code', 'u.path as unit_path']).execute();
}

export interface UnitVersion {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly path: string;
  /** the province the unit belongs to (a province's own code for the province itself) */
  readonly province_code: string;
  readonly parent_id: number | null;
  readonly valid_from: string;
  readonly valid_to: string | null;
}

/** Every version of every administrative unit and the old → new successions of the 2025 reform. */
export async function unitHistory(db: Database): Promise<{ units: UnitVersion[]; successions: { old_unit_id: number; new_unit_id: number; partial: boolean }[] }> {
  const [units, successions] = await Promise.all([
    db.selectFrom('admin_units').select(['id', 'code', 'name', 'level', 'path', 'province_code', 'parent_id', 'valid_from', 'valid_to']).execute(),
    db.selectFrom('admin_unit_successions').select(['old_unit_id', 'new_unit_id', 'partial']).execute(),
  ]);
  return {
    units: units.map((u) => ({ ...u, id: Number(u.id), parent_id: u.parent_id === null ? null : Number(u.parent_id) })),
    successions: successions.map((s) => ({ old_unit_id: Number(s.old_unit_id), new_unit_id: Number(s.new_unit_id), partial: s.partial })),
  };
}

/** A service point by its code, with its unit path (the queue's display and kiosk name it by code). */
export async function servicePointPlaceByCode(db: Database, code: string): Promise<ServicePointPlace | null> {
  const row = await db.selectFrom('service_points as s').innerJoin('admin_units as u', 'u.id', 's.admin_unit_id')
    .select(['s.id', 's.code', 's.name', 's.province_code as provinceCode', 'u.path as unitPath']).where('s.code', '=', code).executeTakeFirst();
  return row ?? null;
}

export interface CounterRef {
  readonly code: string;
  readonly name: string;
}

/** The active counters (quầy) of a service point, by code: where the queue calls tickets to. */
export async function servicePointCounters(db: Database, servicePointId: number): Promise<CounterRef[]> {
  return db.selectFrom('counters').select(['code', 'name']).where('service_point_id', '=', servicePointId).where('active', '=', true).orderBy('code').execute();
}

/** A service point in force by its code (the citizen names the post office of a pickup), or null. */
export async function servicePointIdByCode(db: Database, code: string): Promise<number | null> {
  const row = await db.selectFrom('service_points').select('id').where('code', '=', code).where('valid_to', 'is', null).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The post office that delivers results in a unit: a post office in force in the unit or its
 * nearest enclosing unit (by path), the lowest id first; null when the province has none.
 */
export async function postOfficeForUnitPath(db: Database, unitPath: string): Promise<number | null> {
  const rows = await db.selectFrom('service_points as s').innerJoin('admin_units as u', 'u.id', 's.admin_unit_id')
    .select(['s.id', 'u.path']).where('s.kind', '=', 'post_office').where('s.valid_to', 'is', null)
    .where('u.path', 'like', `/${unitPath.split('/')[1] ?? ''}%`).orderBy('s.id').execute();
  const best = rows.map((r) => ({ id: r.id, shared: commonPrefixLength(r.path, unitPath) })).sort((a, b) => b.shared - a.shared)[0];
  return best?.id ?? null;
}

const commonPrefixLength = (a: string, b: string): number => {
  const pa = a.split('/');
  const pb = b.split('/');
  let n = 0;
  while (n < pa.length && n < pb.length && pa[n] === pb[n]) n += 1;
  return n;
};

export interface PublicServicePoint {
  readonly code: string;
  readonly name: string;
  readonly address: string;
  readonly unitName: string;
}

/** Service points in force on `day` whose name, address or commune matches `q` (without diacritics): the portal's choice of where to go. */
export async function findServicePoints(db: Database, q: string, day: string, limit: number): Promise<PublicServicePoint[]> {
  const pattern = sql<string>`'%' || search_key(${q}) || '%'`;
  return db.selectFrom('service_points as s').innerJoin('admin_units as u', 'u.id', 's.admin_unit_id')
    .select(['s.code', 's.name', 's.address', 'u.name as unitName'])
    .where('s.valid_from', '<=', day).where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>', day)]))
    .where((eb) => eb.or([eb(sql`search_key(s.name)`, 'like', pattern), eb(sql`search_key(s.address)`, 'like', pattern), eb(sql`search_key(u.name)`, 'like', pattern)]))
    .orderBy('s.kind').orderBy('s.name').limit(limit).execute();
}

/** Where a commune's centre is (migration 0137): communes in force, by code. */
export interface CommuneCentre {
  readonly latitude: number;
  readonly longitude: number;
  readonly precision: 'surveyed' | 'districtSeat';
}

export async function communeCentres(db: Database, codes: readonly string[]): Promise<Map<string, CommuneCentre>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('admin_units').select(['code', 'centre_latitude', 'centre_longitude', 'centre_precision'])
    .where('code', 'in', unique).where('level', '=', 'commune').where('valid_to', 'is', null).execute();
  const out = new Map<string, CommuneCentre>();
  for (const r of rows) {
    if (r.centre_latitude !== null && r.centre_longitude !== null && r.centre_precision !== null) {
      out.set(r.code, { latitude: r.centre_latitude, longitude: r.centre_longitude, precision: r.centre_precision });
    }
  }
  return out;
}

/** A service point's name and position (null when the directory has none). */
export async function servicePointPosition(db: Database, id: number): Promise<{ name: string; latitude: number | null; longitude: number | null } | null> {
  const row = await db.selectFrom('service_points').select(['name', 'latitude', 'longitude']).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** Communes in force on `day` among `codes` whose name matches `q` (without diacritics; empty `q`: all), by name: where couriers visit homes. */
export async function communesAmong(db: Database, codes: readonly string[], q: string, day: string, limit: number): Promise<{ code: string; name: string }[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('admin_units').select(['code', 'name']).where('level', '=', 'commune').where('code', 'in', [...new Set(codes)])
    .where('valid_from', '<=', day).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .$if(q.trim() !== '', (qb) => qb.where(sql`search_key(name)`, 'like', sql<string>`'%' || search_key(${q.trim()}) || '%'`))
    .orderBy('name').limit(limit).execute();
}
