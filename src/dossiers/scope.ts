// Which dossiers an actor may see, as a predicate on a row and as SQL. Outside the scope a dossier
// does not exist for the actor: the same 404 as an unknown code, never a hint that it exists.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../platform/actor';
import type { Database } from '../platform/db/connect';
import type { DB } from '../platform/db/schema';
import { notFound } from '../platform/errors';
import { servicePointReceivingAgency } from '../directory/references';
import { loadUnitMap, type UnitMap } from '../directory/succession';
import type { DossierRow } from './events';

export type ScopedRow = Pick<DossierRow, 'receiving_service_point_id' | 'receiving_agency_id' | 'competent_agency_id' | 'unit_path' | 'personal_id' | 'filed_by_user_id'>;

/** An actor with what their scope needs resolved: a service point's receiving agency, a unit's predecessors. */
export interface ScopedActor extends Actor {
  /** clerks and couriers: the agency their service point receives for (online dossiers it receives) */
  readonly servicePointAgencyId: number | null;
  /**
   * unit scopes: stored unit paths outside the unit's subtree whose unit became part of it by the
   * official succession (as-is, DOMAIN §9.3): the province-82 supervisor sees old Đồng Tháp's
   * (/87/…) and old Tiền Giang's dossiers, as the reports count them (reports/service.ts scopeOf)
   */
  readonly successorPaths?: readonly string[];
  /**
   * unit scopes: the provinces whose dossiers the scope can hold — the unit's own and those of its
   * successor paths (the province-82 supervisor: 82 and old Đồng Tháp's 87); the sharding key of
   * their search (docs/scale.md). Undefined: any province (the national scope '/', or a unit the
   * directory gives no province).
   */
  readonly provinceCodes?: readonly string[];
}

/** The provinces of the units under `unitPath` and of the extra paths; undefined when one is not known or the scope is national. */
function provincesOf(map: UnitMap, unitPath: string, extra: readonly string[]): string[] | undefined {
  if (unitPath === '/') return undefined;
  const codes = new Set<string | null>();
  for (const u of map.byPath.values()) if (u.path.startsWith(unitPath)) codes.add(u.provinceCode);
  for (const p of extra) codes.add(map.byPath.get(p)?.provinceCode ?? null);
  if (codes.size === 0 || codes.has(null)) return undefined;
  return [...codes].filter((c): c is string => c !== null).sort();
}

export async function scopedActor(db: Database, actor: Actor): Promise<ScopedActor> {
  if (actor.scope.kind === 'unit') {
    const map = await loadUnitMap(db);
    const successorPaths = map.extraPathsUnder(actor.scope.unitPath);
    const provinceCodes = provincesOf(map, actor.scope.unitPath, successorPaths);
    return { ...actor, servicePointAgencyId: null, successorPaths, ...(provinceCodes ? { provinceCodes } : {}) };
  }
  if (actor.scope.kind !== 'servicePoint') return { ...actor, servicePointAgencyId: null };
  return { ...actor, servicePointAgencyId: await servicePointReceivingAgency(db, actor.scope.servicePointId) };
}

/**
 * Clerks and couriers: dossiers received at their service point (results are returned where the
 * dossier was received) and online dossiers received by their point's agency; officers and approvers: their agency's; supervisors and admins: their
 * unit's subtree (unit path of the competent agency) and the old units that became part of it;
 * citizens (issue 15 §1): the dossiers of their personal ID once it is verified (the scope carries
 * it only then: accounts' scopeOfUser), and the dossiers the account itself filed.
 */
export function isDossierInScope(actor: ScopedActor, d: ScopedRow): boolean {
  const s = actor.scope;
  switch (s.kind) {
    case 'servicePoint':
      return d.receiving_service_point_id === s.servicePointId
        || (d.receiving_service_point_id === null && actor.servicePointAgencyId !== null && d.receiving_agency_id === actor.servicePointAgencyId);
    case 'agency': return d.competent_agency_id === s.agencyId;
    case 'unit': return d.unit_path.startsWith(s.unitPath) || (actor.successorPaths ?? []).includes(d.unit_path);
    case 'self': return (s.personalId !== null && d.personal_id === s.personalId) || d.filed_by_user_id === actor.userId;
    case 'none': return false;
  }
}

/** The same rule in SQL, for `dossiers as d`. */
export function scopeWhere(actor: ScopedActor): (eb: ExpressionBuilder<DB & { d: DB['dossiers'] }, 'd'>) => Expression<SqlBool> {
  const s = actor.scope;
  const agencyId = actor.servicePointAgencyId;
  return (eb) => {
    switch (s.kind) {
      case 'servicePoint':
        return eb.or([
          eb('d.receiving_service_point_id', '=', s.servicePointId),
          ...(agencyId === null ? [] : [eb.and([eb('d.receiving_service_point_id', 'is', null), eb('d.receiving_agency_id', '=', agencyId)])]),
        ]);
      case 'agency': return eb('d.competent_agency_id', '=', s.agencyId);
      case 'unit': return unitScopeIn(actor, actor.provinceCodes)(eb);
      case 'self': {
        const filed = eb('d.filed_by_user_id', '=', actor.userId);
        return s.personalId === null ? filed : eb.or([eb('d.personal_id', '=', s.personalId), filed]);
      }
      case 'none': return sql<SqlBool>`false`;
    }
  };
}

export type DossierPredicate = ReturnType<typeof scopeWhere>;

/** A unit scope on `dossiers as d`, within `provinces` (the sharding key first: one province's index range), undefined: any. */
function unitScopeIn(actor: ScopedActor, provinces: readonly string[] | undefined): DossierPredicate {
  const s = actor.scope;
  if (s.kind !== 'unit') return () => sql<SqlBool>`false`;
  return (eb) => {
    const subtree = eb('d.unit_path', 'like', `${s.unitPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const extra = actor.successorPaths ?? [];
    const paths = extra.length === 0 ? subtree : eb.or([subtree, eb('d.unit_path', 'in', [...extra])]);
    if (provinces === undefined) return paths;
    const province = provinces.length === 1 ? eb('d.province_code', '=', provinces[0] ?? '') : eb('d.province_code', 'in', [...provinces]);
    return eb.and([province, paths]);
  };
}

/**
 * The same scope as disjoint parts whose union is `scopeWhere`, each walkable in the search order
 * (`received_at DESC, id DESC`) by one index of migration 0189: a clerk's service point, and the
 * online dossiers (no service point) of the point's agency. An `OR` of the two made the planner
 * read both sets whole (bitmap) and sort them; apart, each is an ordered walk that stops early.
 * A unit scope over several provinces (the province-82 supervisor: 82 and old Đồng Tháp's 87) is
 * one part per province, each a range of `(province_code, received_at DESC, id DESC)` (migration
 * 0220). Every other scope is one part.
 */
export function scopeBranches(actor: ScopedActor): DossierPredicate[] {
  const s = actor.scope;
  const agencyId = actor.servicePointAgencyId;
  const provinces = actor.provinceCodes ?? [];
  if (s.kind === 'unit' && provinces.length > 1) return provinces.map((p) => unitScopeIn(actor, [p]));
  if (s.kind !== 'servicePoint' || agencyId === null) return [scopeWhere(actor)];
  return [
    (eb) => eb('d.receiving_service_point_id', '=', s.servicePointId),
    (eb) => eb.and([eb('d.receiving_service_point_id', 'is', null), eb('d.receiving_agency_id', '=', agencyId)]),
  ];
}

export const dossierNotFound = (code: string) => notFound('DOSSIER_NOT_FOUND', `Không tìm thấy hồ sơ ${code.slice(0, 60)}.`);
