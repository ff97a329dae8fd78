// Read use cases of the directory, and the scope lookup accounts uses to bind users to a unit,
// an agency or a service point. Writes are imports (import.ts).
import { loadUnitMap } from './succession';
import { sql } from 'kysely';
import type { ResolvedScope } from '../accounts/service';
import type { Clock } from '../platform/clock';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import { notFound, unauthenticated } from '../platform/errors';
import type { AgencyHandover, AgencyKind, AgencyLevel, ServicePointKind, UnitLevel } from './model';
import { vnDateOfInstant } from '../shared/civil-date';

function assertSignedIn(ctx: ServiceContext): void {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
}

/** Today's civil date in Vietnam (UTC+7), whatever the server's zone. */
export const todayInVietnam = (clock: Clock): string =>
  vnDateOfInstant(clock.now().getTime());

const searchPattern = (q: string) => sql<string>`'%' || search_key(${q}) || '%'`;

/**
 * Implements accounts' ScopeLookup: a unit by code (the current version first, else the latest),
 * an agency by its identifier, a service point by its code.
 */
export async function resolveScope(db: Database, kind: ResolvedScope['kind'], code: string): Promise<ResolvedScope | null> {
  if (kind === 'unit') {
    const u = await db.selectFrom('admin_units').select(['id', 'code', 'path']).where('code', '=', code)
      .orderBy(sql`valid_to IS NULL`, 'desc').orderBy('valid_from', 'desc').executeTakeFirst();
    return u ? { kind, id: u.id, code: u.code, unitPath: u.path } : null;
  }
  if (kind === 'agency') {
    const a = await db.selectFrom('agencies').innerJoin('admin_units as u', 'u.id', 'agencies.admin_unit_id')
      .select(['agencies.id', 'agencies.identifier', 'u.path']).where('agencies.identifier', '=', code)
      .orderBy(sql`agencies.valid_to IS NULL`, 'desc').orderBy('agencies.valid_from', 'desc').executeTakeFirst();
    return a ? { kind, id: a.id, code: a.identifier, unitPath: a.path } : null;
  }
  const p = await db.selectFrom('service_points').innerJoin('admin_units as u', 'u.id', 'service_points.admin_unit_id')
    .select(['service_points.id', 'service_points.code', 'u.path']).where('service_points.code', '=', code).executeTakeFirst();
  return p ? { kind, id: p.id, code: p.code, unitPath: p.path } : null;
}

export interface UnitView {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
  readonly provinceCode: string;
  readonly path: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** when found by a former name (e.g. an ID card's pre-2025 address): the old unit's name */
  readonly formerName?: string;
}

export interface UnitQuery {
  readonly level?: UnitLevel;
  /** Civil date; default today in Vietnam. */
  readonly validOn?: string;
  readonly parent?: string;
  readonly q?: string;
  readonly limit?: number;
  readonly offset?: number;
}

const unitColumns = [
  'u.code', 'u.name', 'u.kind', 'u.level', 'p.code as parentCode', 'u.province_code as provinceCode', 'u.path',
  'u.valid_from as validFrom', 'u.valid_to as validTo',
] as const;

export async function listUnits(ctx: ServiceContext, query: UnitQuery): Promise<{ items: UnitView[]; total: number }> {
  assertSignedIn(ctx);
  const day = query.validOn ?? todayInVietnam(ctx.clock);
  let base = ctx.db.selectFrom('admin_units as u').leftJoin('admin_units as p', 'p.id', 'u.parent_id')
    .where('u.valid_from', '<=', day).where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>', day)]));
  if (query.level) base = base.where('u.level', '=', query.level);
  if (query.parent) base = base.where('p.code', '=', query.parent);
  if (query.q) {
    const q = query.q;
    base = base.where((eb) => eb.or([
      eb(sql`search_key(u.name)`, 'like', searchPattern(q)),
      eb('u.code', '=', q),
    ]));
  }
  const [items, count] = await Promise.all([
    base.select(unitColumns).orderBy('u.path').limit(query.limit ?? 200).offset(query.offset ?? 0).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const former = query.q && query.level === 'commune' && !query.parent && (query.offset ?? 0) === 0 ? await formerCommunes(ctx, query.q, day, items) : [];
  return { items: [...items, ...former], total: Number(count.n) + former.length };
}

/**
 * Communes found by a former name (DOMAIN §9.3.6: ID cards and the population DB keep pre-2025
 * names): each old commune matching `q` that ended before `day` maps, through the official
 * succession (as-is, succession.ts), to the commune in force today, shown with the old name.
 */
async function formerCommunes(ctx: ServiceContext, q: string, day: string, found: readonly UnitView[]): Promise<UnitView[]> {
  const old = await ctx.db.selectFrom('admin_units as u').select(['u.path', 'u.name'])
    .where('u.level', '=', 'commune').where('u.valid_to', '<=', day)
    .where((eb) => eb.or([eb(sql`search_key(u.name)`, 'like', searchPattern(q)), eb('u.code', '=', q)])).orderBy('u.path').limit(20).execute();
  if (old.length === 0) return [];
  const map = await loadUnitMap(ctx.db);
  const seen = new Set(found.map((u) => u.path));
  const successors = new Map<string, string>();
  for (const o of old) {
    const now = map.asIs(o.path);
    if (!now || !now.current || now.level !== 'commune' || seen.has(now.path) || successors.has(now.path)) continue;
    successors.set(now.path, o.name);
  }
  if (successors.size === 0) return [];
  const rows = await ctx.db.selectFrom('admin_units as u').leftJoin('admin_units as p', 'p.id', 'u.parent_id').select(unitColumns)
    .where('u.path', 'in', [...successors.keys()]).where('u.valid_to', 'is', null).orderBy('u.path').execute();
  return rows.map((r) => ({ ...r, formerName: successors.get(r.path) ?? '' }));
}

export interface UnitLink {
  readonly code: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly effectiveDate: string;
  readonly partial: boolean;
}

export interface UnitDetail {
  readonly code: string;
  readonly versions: (UnitView & { successors: UnitLink[]; predecessors: UnitLink[] })[];
}

/** Every unit that has carried this code (old and new), each with its successors and predecessors. */
export async function getUnit(ctx: ServiceContext, code: string): Promise<UnitDetail> {
  assertSignedIn(ctx);
  const versions = await ctx.db.selectFrom('admin_units as u').leftJoin('admin_units as p', 'p.id', 'u.parent_id')
    .select(['u.id', ...unitColumns]).where('u.code', '=', code).orderBy('u.valid_from').execute();
  if (versions.length === 0) throw notFound('UNIT_NOT_FOUND', `Không tìm thấy đơn vị hành chính mã ${code}.`);
  const ids = versions.map((v) => v.id);
  const links = await ctx.db.selectFrom('admin_unit_successions as s')
    .innerJoin('admin_units as o', 'o.id', 's.old_unit_id').innerJoin('admin_units as n', 'n.id', 's.new_unit_id')
    .select([
      's.old_unit_id', 's.new_unit_id', 's.effective_date', 's.partial',
      'o.code as oldCode', 'o.name as oldName', 'o.valid_from as oldFrom', 'o.valid_to as oldTo',
      'n.code as newCode', 'n.name as newName', 'n.valid_from as newFrom', 'n.valid_to as newTo',
    ])
    .where((eb) => eb.or([eb('s.old_unit_id', 'in', ids), eb('s.new_unit_id', 'in', ids)]))
    .orderBy('o.code').orderBy('n.code').execute();
  return {
    code,
    versions: versions.map(({ id, ...v }) => ({
      ...v,
      successors: links.filter((l) => l.old_unit_id === id).map((l) => ({
        code: l.newCode, name: l.newName, validFrom: l.newFrom, validTo: l.newTo, effectiveDate: l.effective_date, partial: l.partial,
      })),
      predecessors: links.filter((l) => l.new_unit_id === id).map((l) => ({
        code: l.oldCode, name: l.oldName, validFrom: l.oldFrom, validTo: l.oldTo, effectiveDate: l.effective_date, partial: l.partial,
      })),
    })),
  };
}

export interface AgencyView {
  readonly identifier: string;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly level: AgencyLevel;
  readonly identifierConfirmed: boolean;
  /** how dossiers reach its desk (ND 61 art. 18): the clerk's hand-over (paper) or at receipt (electronic) */
  readonly handover: AgencyHandover;
  readonly unitCode: string;
  readonly unitName: string;
  readonly parentIdentifier: string | null;
  readonly provinceCode: string;
  /** where the agency receives papers and its telephone (migration 0241; the courier's stop) */
  readonly address: string | null;
  readonly phone: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export async function listAgencies(
  ctx: ServiceContext,
  query: { validOn?: string; level?: AgencyLevel; kind?: AgencyKind; unit?: string; q?: string; limit?: number; offset?: number },
): Promise<{ items: AgencyView[]; total: number }> {
  assertSignedIn(ctx);
  const day = query.validOn ?? todayInVietnam(ctx.clock);
  let base = ctx.db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
    .leftJoin('agencies as pa', 'pa.id', 'a.parent_agency_id')
    .where('a.valid_from', '<=', day).where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', day)]));
  if (query.level) base = base.where('a.level', '=', query.level);
  if (query.kind) base = base.where('a.kind', '=', query.kind);
  if (query.unit) base = base.where('u.code', '=', query.unit);
  if (query.q) {
    const q = query.q;
    base = base.where((eb) => eb.or([eb(sql`search_key(a.name)`, 'like', searchPattern(q)), eb('a.identifier', '=', q)]));
  }
  const [items, count] = await Promise.all([
    base.select([
      'a.identifier', 'a.name', 'a.kind', 'a.level', 'a.identifier_confirmed as identifierConfirmed', 'a.handover', 'u.code as unitCode',
      'u.name as unitName', 'pa.identifier as parentIdentifier', 'a.province_code as provinceCode', 'a.address', 'a.phone',
      'a.valid_from as validFrom', 'a.valid_to as validTo',
    ]).orderBy('a.level').orderBy('a.identifier').limit(query.limit ?? 200).offset(query.offset ?? 0).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface ServicePointView {
  readonly code: string;
  readonly name: string;
  readonly kind: ServicePointKind;
  readonly unitCode: string;
  readonly unitName: string;
  readonly unitPath: string;
  readonly receivingAgency: string | null;
  readonly address: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly phone: string | null;
  readonly openingHours: { weekly: Record<string, string[]> };
  readonly validFrom: string;
  readonly validTo: string | null;
}

const servicePointBase = (db: Database) => db.selectFrom('service_points as s')
  .innerJoin('admin_units as u', 'u.id', 's.admin_unit_id')
  .leftJoin('agencies as a', 'a.id', 's.receiving_agency_id')
  .select([
    's.id', 's.code', 's.name', 's.kind', 'u.code as unitCode', 'u.name as unitName', 'u.path as unitPath',
    'a.identifier as receivingAgency', 's.address', 's.latitude', 's.longitude', 's.phone',
    sql<{ weekly: Record<string, string[]> }>`s.opening_hours`.as('openingHours'), 's.valid_from as validFrom', 's.valid_to as validTo',
  ]);

export async function listServicePoints(
  ctx: ServiceContext,
  query: { validOn?: string; kind?: ServicePointKind; unit?: string; q?: string },
): Promise<{ items: ServicePointView[]; total: number }> {
  assertSignedIn(ctx);
  const day = query.validOn ?? todayInVietnam(ctx.clock);
  let base = servicePointBase(ctx.db)
    .where('s.valid_from', '<=', day).where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>', day)]));
  if (query.kind) base = base.where('s.kind', '=', query.kind);
  if (query.unit) {
    const scope = await resolveScope(ctx.db, 'unit', query.unit);
    base = base.where('u.path', 'like', `${scope?.unitPath ?? '/none/'}%`); // the unit and everything below it
  }
  if (query.q) {
    const q = query.q;
    base = base.where((eb) => eb.or([
      eb(sql`search_key(s.name)`, 'like', searchPattern(q)), eb(sql`search_key(s.address)`, 'like', searchPattern(q)),
    ]));
  }
  const rows = await base.orderBy('s.kind').orderBy('s.code').execute();
  return { items: rows.map(({ id: _id, ...r }) => r), total: rows.length };
}

export async function getServicePoint(
  ctx: ServiceContext,
  code: string,
): Promise<ServicePointView & { counters: { code: string; name: string; active: boolean }[] }> {
  assertSignedIn(ctx);
  const row = await servicePointBase(ctx.db).where('s.code', '=', code).executeTakeFirst();
  if (!row) throw notFound('SERVICE_POINT_NOT_FOUND', `Không tìm thấy điểm phục vụ mã ${code}.`);
  const counters = await ctx.db.selectFrom('counters').select(['code', 'name', 'active'])
    .where('service_point_id', '=', row.id).orderBy('code').execute();
  const { id: _id, ...view } = row;
  return { ...view, counters };
}
