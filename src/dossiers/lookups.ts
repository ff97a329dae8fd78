// Reads of the directory and the catalogue that intake needs. The directory's service has no
// by-id reads and no "competent agency" rule yet, so these small read-only queries live here
// (they never write another capability's tables).
import { sql } from 'kysely';
import { getProcedure, type ProcedureView } from '../catalog/service';
import type { CompetentLevel, RequiredPaper } from '../catalog/model';
import type { Database } from '../platform/db/connect';
import { validationFailed } from '../platform/errors';

/**
 * Reference data (procedures, units, agencies, service points) changes rarely; intake reads it on
 * every request, so each instance keeps what it read for a few seconds. Two instances may
 * disagree for at most REFERENCE_TTL_MS after an import; a dossier still stores the ids it used.
 */
export const REFERENCE_TTL_MS = 10_000;
const memos = new WeakMap<Database, Map<string, { at: number; value: Promise<unknown> }>>();
export function memo<T>(db: Database, key: string, load: () => Promise<T>, ttlMs = REFERENCE_TTL_MS): Promise<T> {
  let cache = memos.get(db);
  if (!cache) { cache = new Map(); memos.set(db, cache); }
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key)); // never keep a failure
  if (cache.size > 5000) cache.clear();
  return value;
}

const validOn = (day: string) => sql<boolean>`valid_from <= ${day} AND (valid_to IS NULL OR valid_to > ${day})`;

export interface AgencyRef {
  readonly id: number;
  readonly identifier: string;
  readonly name: string;
  readonly unitPath: string;
  readonly provinceCode: string;
}

export interface IntakePoint {
  readonly id: number;
  readonly name: string;
  readonly provinceCode: string;
  readonly receivingAgency: AgencyRef;
}

async function agencyWhere(db: Database, where: (q: ReturnType<typeof agencyBase>) => ReturnType<typeof agencyBase>): Promise<AgencyRef | null> {
  const row = await where(agencyBase(db)).executeTakeFirst();
  return row ?? null;
}

const agencyBase = (db: Database) => db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
  .select(['a.id', 'a.identifier', 'a.name', 'u.path as unitPath', 'a.province_code as provinceCode']);

export const agencyById = (db: Database, id: number): Promise<AgencyRef | null> => agencyWhere(db, (q) => q.where('a.id', '=', id));

/** The service point a clerk or courier receives at, with the agency whose identifier prefixes codes. */
export const intakePoint = (db: Database, servicePointId: number, day: string): Promise<IntakePoint> =>
  memo(db, `sp:${servicePointId}:${day}`, () => loadIntakePoint(db, servicePointId, day));

async function loadIntakePoint(db: Database, servicePointId: number, day: string): Promise<IntakePoint> {
  const sp = await db.selectFrom('service_points').select(['id', 'name', 'province_code', 'receiving_agency_id'])
    .where('id', '=', servicePointId).where(validOn(day)).executeTakeFirst();
  const agency = sp?.receiving_agency_id ? await agencyById(db, sp.receiving_agency_id) : null;
  if (!sp || !agency) {
    throw validationFailed('SERVICE_POINT_NOT_RECEIVING', 'Điểm phục vụ của bạn chưa được gắn cơ quan tiếp nhận hoặc đã ngừng hoạt động.');
  }
  return { id: sp.id, name: sp.name, provinceCode: sp.province_code, receivingAgency: agency };
}

export interface UnitRef {
  readonly id: number;
  readonly code: string;
  readonly path: string;
  readonly level: 'province' | 'district' | 'commune';
  readonly provinceCode: string;
}

export const communeByCode = (db: Database, code: string, day: string): Promise<UnitRef> =>
  memo(db, `unit:${code}:${day}`, () => loadCommune(db, code, day));

async function loadCommune(db: Database, code: string, day: string): Promise<UnitRef> {
  const u = await db.selectFrom('admin_units').select(['id', 'code', 'path', 'level', 'province_code as provinceCode'])
    .where('code', '=', code).where('level', '=', 'commune').where(validOn(day)).executeTakeFirst();
  if (!u) throw validationFailed('APPLICANT_UNIT_NOT_FOUND', `Không tìm thấy xã, phường mã ${code} đang có hiệu lực.`, [{ path: 'applicant.unitCode', message: 'không tồn tại' }]);
  return u;
}

export interface ProcedureForIntake extends ProcedureView {
  readonly id: number;
}

/** The version of a procedure in force on `day`, with its row id (the dossier keeps it). */
export const procedureForIntake = (db: Database, code: string, day: string): Promise<ProcedureForIntake> =>
  memo(db, `proc:${code}:${day}`, () => loadProcedure(db, code, day));

async function loadProcedure(db: Database, code: string, day: string): Promise<ProcedureForIntake> {
  const view = await getProcedure(db, code, day);
  const row = view ? await db.selectFrom('procedures').select('id').where('code', '=', view.code).where('version', '=', view.version).executeTakeFirst() : undefined;
  if (!view || !row) {
    throw validationFailed('PROCEDURE_NOT_IN_FORCE', `Thủ tục ${code} không tồn tại hoặc không còn hiệu lực.`, [{ path: 'procedureCode', message: 'không có hiệu lực' }]);
  }
  return { ...view, id: row.id };
}

/**
 * "Phi địa giới": the agency that decides, from the procedure's competent level and the
 * applicant's commune. Commune (and, after the 2025 reform, former district) procedures go to the
 * UBND of the applicant's commune; province procedures to the department the catalogue names,
 * else the provincial UBND.
 */
export const competentAgencyFor = (db: Database, procedure: { competentLevel: CompetentLevel; competentAgency: string }, applicantUnit: UnitRef, day: string): Promise<AgencyRef> =>
  memo(db, `competent:${procedure.competentLevel}:${procedure.competentAgency}:${applicantUnit.id}:${day}`, () => loadCompetent(db, procedure, applicantUnit, day));

async function loadCompetent(db: Database, procedure: { competentLevel: CompetentLevel; competentAgency: string }, applicantUnit: UnitRef, day: string): Promise<AgencyRef> {
  let found: AgencyRef | null = null;
  if (procedure.competentLevel === 'commune' || procedure.competentLevel === 'district') {
    found = await agencyWhere(db, (q) => q.where('a.admin_unit_id', '=', applicantUnit.id).where('a.level', '=', 'commune')
      .where('a.kind', '=', 'people_committee').where(sql<boolean>`a.valid_from <= ${day} AND (a.valid_to IS NULL OR a.valid_to > ${day})`));
  } else if (procedure.competentLevel === 'province') {
    const inProvince = (q: ReturnType<typeof agencyBase>) => q.where('a.level', '=', 'province').where('a.province_code', '=', applicantUnit.provinceCode)
      .where(sql<boolean>`a.valid_from <= ${day} AND (a.valid_to IS NULL OR a.valid_to > ${day})`);
    found = await agencyWhere(db, (q) => inProvince(q).where(sql<boolean>`search_key(${procedure.competentAgency}) LIKE search_key(a.name) || '%'`)
      .orderBy(sql`length(a.name)`, 'desc'));
    found ??= await agencyWhere(db, (q) => inProvince(q).where('a.kind', '=', 'people_committee'));
  }
  if (!found) {
    throw validationFailed('COMPETENT_AGENCY_NOT_FOUND', 'Không xác định được cơ quan có thẩm quyền giải quyết cho thủ tục và nơi cư trú này.', [{ path: 'applicant.unitCode', message: 'không có cơ quan giải quyết' }]);
  }
  return found;
}

/** Online dossiers are received by the competent commune's one-stop, or by the provincial centre. */
export async function onlineReceivingAgency(db: Database, competent: AgencyRef, level: CompetentLevel, day: string): Promise<AgencyRef> {
  if (level === 'commune' || level === 'district') return competent;
  const centre = await agencyWhere(db, (q) => q.where('a.kind', '=', 'public_service_centre').where('a.level', '=', 'province')
    .where('a.province_code', '=', competent.provinceCode).where(sql<boolean>`a.valid_from <= ${day} AND (a.valid_to IS NULL OR a.valid_to > ${day})`));
  return centre ?? competent;
}

/**
 * Whether a listed paper must be submitted. The catalogue has no "required" flag yet (an explicit
 * boolean `required` is honoured when it appears): papers for a particular case ("Trường hợp …",
 * "… trong trường hợp …", "… nếu …") and papers only shown ("phải xuất trình") are optional;
 * every other listed paper is required.
 */
export function isPaperRequired(p: RequiredPaper): boolean {
  const explicit = (p as RequiredPaper & { required?: unknown }).required;
  if (typeof explicit === 'boolean') return explicit;
  const text = `${p.name} ${p.note ?? ''}`.toLowerCase();
  return !(text.includes('trường hợp') || text.includes('nếu') || text.includes('xuất trình'));
}

export interface ProcedureRules {
  readonly code: string;
  readonly name: string;
  readonly durationValue: number;
  readonly durationUnit: 'working_days' | 'working_hours' | 'calendar_days';
  readonly cutoff: string | null;
  readonly steps: readonly { key: string; name: string; role: string; share: number }[];
}

/** The rules of the procedure version a dossier was received under (by row id). */
export async function procedureRules(db: Database, procedureId: number): Promise<ProcedureRules> {
  const p = await db.selectFrom('procedures').select(['code', 'name', 'duration_value', 'duration_unit', 'cutoff', 'steps'])
    .where('id', '=', procedureId).executeTakeFirstOrThrow();
  return {
    code: p.code, name: p.name, durationValue: Number(p.duration_value), durationUnit: p.duration_unit, cutoff: p.cutoff,
    steps: (Array.isArray(p.steps) ? p.steps : []) as ProcedureRules['steps'],
  };
}
