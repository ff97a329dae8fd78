// Administration of the directory one record at a time (the screens): create a unit and record
// its succession, correct or end a unit, create and edit agencies and service points (opening
// hours, counters). The same row readers and writers as the file import check every field, so a
// form and a file refuse the same things; here the problems name the field alone. Each change is
// one transaction writing the record and its audit entry (before → after, effective date).
import { sql, type Transaction } from 'kysely';
import { assertSystemAdmin } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { conflict, notFound, validationFailed } from '../platform/errors';
import { writeAgencies, writeServicePoints, writeUnits } from './import';
import { FieldProblems, type RowProblems } from './model';
import type { ImportRecord } from './records';
import { readAgencyRow, readServicePointRow, readUnitRow } from './rows';

type Trx = Transaction<DB>;

/**
 * Serialises the creations of one natural key: the writers upsert (an import updates a row it
 * finds), so two administrators creating the same code at once must not turn the second into an
 * update; the second waits, then finds the first and is refused.
 */
const lockKey = (trx: Trx, key: string) => sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);

const invalid = (what: string, problems: RowProblems) =>
  validationFailed('DIRECTORY_INVALID', `${what} chưa hợp lệ (${problems.details.length} mục cần sửa).`, problems.details);

/** Reads one record entered on a form with its row reader, or refuses it with every problem found. */
function readForm<R>(what: string, read: (rec: ImportRecord, row: number, problems: RowProblems) => R, record: ImportRecord): { row: R; problems: FieldProblems } {
  const problems = new FieldProblems();
  const row = read(record, 1, problems);
  if (!problems.isEmpty) throw invalid(what, problems);
  return { row, problems };
}

async function inTransaction<T>(ctx: ServiceContext, work: (trx: Trx, actor: Actor, at: Date) => Promise<T>): Promise<T> {
  assertSystemAdmin(ctx.actor, 'directory.manage');
  const actor = ctx.actor;
  const at = ctx.clock.now();
  return ctx.db.transaction().execute((trx) => work(trx, actor, at));
}

// ---- units ----------------------------------------------------------------------------------

const unitVersion = (trx: Trx, code: string, validFrom: string) =>
  trx.selectFrom('admin_units').selectAll().where('code', '=', code).where('valid_from', '=', validFrom).forUpdate().executeTakeFirst();

/** Child units still in force on `day` (a unit cannot end before them). */
const openChildren = (trx: Trx, unitId: number, day: string) =>
  trx.selectFrom('admin_units').select(['code', 'name']).where('parent_id', '=', unitId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)])).orderBy('code').execute();

/**
 * Creates a unit in force from `validFrom`. Its predecessors (`formedFrom`: merged wholly,
 * `partiallyFrom`: split) are the units valid the day before; the succession is recorded and each
 * predecessor still in force ends on `validFrom` (DOMAIN §9.3.1).
 */
export async function createUnit(ctx: ServiceContext, record: ImportRecord): Promise<{ code: string; validFrom: string }> {
  return inTransaction(ctx, async (trx, actor, at) => {
    const { row, problems } = readForm('Đơn vị hành chính', readUnitRow, record);
    await lockKey(trx, `directory.unit:${row.code}`);
    if (await unitVersion(trx, row.code, row.validFrom)) {
      throw conflict('UNIT_EXISTS', `Đơn vị mã ${row.code} đã có phiên bản hiệu lực từ ${row.validFrom}; hãy sửa phiên bản đó.`);
    }
    await writeUnits(trx, [row], problems);
    if (!problems.isEmpty) throw invalid('Đơn vị hành chính', problems);
    const created = await trx.selectFrom('admin_units').select('id').where('code', '=', row.code).where('valid_from', '=', row.validFrom).executeTakeFirstOrThrow();
    const predecessors = await trx.selectFrom('admin_unit_successions as s').innerJoin('admin_units as o', 'o.id', 's.old_unit_id')
      .select(['o.id', 'o.code', 'o.valid_to', 's.partial']).where('s.new_unit_id', '=', created.id).orderBy('o.code').execute();
    const ended: string[] = [];
    for (const p of predecessors) {
      if (p.valid_to !== null && p.valid_to <= row.validFrom) continue;
      const children = await openChildren(trx, p.id, row.validFrom);
      if (children.length > 0) {
        problems.add(1, p.partial ? 'partiallyFrom' : 'formedFrom', `đơn vị cũ ${p.code} còn ${children.length} đơn vị trực thuộc hiệu lực sau ${row.validFrom} (${children.slice(0, 3).map((c) => c.name).join(', ')}…); hãy ghi nhận các đơn vị đó trước`);
        continue;
      }
      await trx.updateTable('admin_units').set({ valid_to: row.validFrom }).where('id', '=', p.id).execute();
      ended.push(p.code);
    }
    if (!problems.isEmpty) throw invalid('Đơn vị hành chính', problems);
    await recordAudit(trx, actor, {
      action: 'unit.created', entity: 'unit', entityKey: `${row.code}@${row.validFrom}`, at,
      payload: { effectiveDate: row.validFrom, before: null, after: row, predecessorsEnded: ended },
    });
    return { code: row.code, validFrom: row.validFrom };
  });
}

export interface UnitCorrection {
  readonly name?: string | undefined;
  readonly kind?: string | undefined;
  /** the day the unit ends (exclusive); null: in force with no end */
  readonly validTo?: string | null | undefined;
}

/**
 * Corrects a version of a unit (its name or kind as the legal list writes it) or ends it. A change
 * of territory or a new name by a resolution is a new unit with a succession (createUnit).
 */
export async function updateUnit(ctx: ServiceContext, code: string, validFrom: string, change: UnitCorrection): Promise<{ code: string; validFrom: string }> {
  return inTransaction(ctx, async (trx, actor, at) => {
    const before = await unitVersion(trx, code, validFrom);
    if (!before) throw notFound('UNIT_NOT_FOUND', `Không tìm thấy đơn vị mã ${code} hiệu lực từ ${validFrom}.`);
    const parent = before.parent_id === null ? undefined
      : await trx.selectFrom('admin_units').select(['code', 'valid_from']).where('id', '=', before.parent_id).executeTakeFirstOrThrow();
    const record: ImportRecord = {
      code, validFrom, level: before.level, parentCode: parent?.code, name: change.name ?? before.name, kind: change.kind ?? before.kind,
      validTo: change.validTo === undefined ? before.valid_to : change.validTo,
      pathSegment: before.level === 'province' ? before.path.split('/')[1] : undefined,
    };
    const { row, problems } = readForm('Đơn vị hành chính', readUnitRow, record);
    if (row.validTo !== null) {
      const children = await openChildren(trx, before.id, row.validTo);
      if (children.length > 0) {
        problems.add(1, 'validTo', `còn ${children.length} đơn vị trực thuộc hiệu lực sau ${row.validTo} (${children.slice(0, 3).map((c) => c.name).join(', ')}…)`);
        throw invalid('Đơn vị hành chính', problems);
      }
    }
    // the parent valid on validFrom is the version this unit already hangs under
    await writeUnits(trx, [row], problems);
    if (!problems.isEmpty) throw invalid('Đơn vị hành chính', problems);
    await recordAudit(trx, actor, {
      action: 'unit.updated', entity: 'unit', entityKey: `${code}@${validFrom}`, at,
      payload: {
        effectiveDate: validFrom,
        before: { name: before.name, kind: before.kind, validTo: before.valid_to },
        after: { name: row.name, kind: row.kind, validTo: row.validTo },
      },
    });
    return { code, validFrom };
  });
}

// ---- agencies -------------------------------------------------------------------------------

const agencyVersion = (trx: Trx, identifier: string, validFrom: string) =>
  trx.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id').leftJoin('agencies as p', 'p.id', 'a.parent_agency_id')
    .select([
      'a.id', 'a.identifier', 'a.name', 'a.kind', 'a.level', 'u.code as unitCode', 'p.identifier as parentIdentifier',
      'a.identifier_confirmed as identifierConfirmed', 'a.function_code as functionCode', 'a.handover', 'a.address', 'a.phone', 'a.valid_from as validFrom', 'a.valid_to as validTo',
    ])
    .where('a.identifier', '=', identifier).where('a.valid_from', '=', validFrom).executeTakeFirst();

/** Creates an agency (its electronic identifier and the unit it serves, valid from a date). */
export async function createAgency(ctx: ServiceContext, record: ImportRecord): Promise<{ identifier: string; validFrom: string }> {
  return inTransaction(ctx, async (trx, actor, at) => {
    const { row, problems } = readForm('Cơ quan', readAgencyRow, record);
    await lockKey(trx, `directory.agency:${row.identifier}`);
    const open = await trx.selectFrom('agencies').select('valid_from').where('identifier', '=', row.identifier)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', row.validFrom)])).executeTakeFirst();
    if (open) {
      throw conflict('AGENCY_EXISTS', `Mã định danh ${row.identifier} đang dùng cho một cơ quan hiệu lực từ ${open.valid_from}; hãy sửa cơ quan đó hoặc cho nó kết thúc trước ngày ${row.validFrom}.`);
    }
    await writeAgencies(trx, [row], problems);
    if (!problems.isEmpty) throw invalid('Cơ quan', problems);
    await recordAudit(trx, actor, {
      action: 'agency.created', entity: 'agency', entityKey: `${row.identifier}@${row.validFrom}`, at,
      payload: { effectiveDate: row.validFrom, before: null, after: row },
    });
    return { identifier: row.identifier, validFrom: row.validFrom };
  });
}

/** Edits a version of an agency (name, kind, level, unit, parent, function, end date). */
export async function updateAgency(ctx: ServiceContext, identifier: string, validFrom: string, change: ImportRecord): Promise<{ identifier: string; validFrom: string }> {
  return inTransaction(ctx, async (trx, actor, at) => {
    const found = await agencyVersion(trx, identifier, validFrom);
    if (!found) throw notFound('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan mã ${identifier} hiệu lực từ ${validFrom}.`);
    const { id: _id, ...before } = found;
    const { row, problems } = readForm('Cơ quan', readAgencyRow, { ...before, ...change, identifier, validFrom });
    await writeAgencies(trx, [row], problems);
    if (!problems.isEmpty) throw invalid('Cơ quan', problems);
    await recordAudit(trx, actor, {
      action: 'agency.updated', entity: 'agency', entityKey: `${identifier}@${validFrom}`, at,
      payload: { effectiveDate: validFrom, before, after: row },
    });
    return { identifier, validFrom };
  });
}

// ---- service points -------------------------------------------------------------------------

/** Creates a service point with its opening hours and counters. */
export async function createServicePoint(ctx: ServiceContext, record: ImportRecord): Promise<{ code: string }> {
  return inTransaction(ctx, async (trx, actor, at) => {
    const { row, problems } = readForm('Điểm phục vụ', readServicePointRow, record);
    await lockKey(trx, `directory.servicePoint:${row.code}`);
    const taken = await trx.selectFrom('service_points').select('code').where('code', '=', row.code).executeTakeFirst();
    if (taken) throw conflict('SERVICE_POINT_EXISTS', `Mã điểm phục vụ ${row.code} đã được dùng.`);
    await writeServicePoints(trx, [row], problems);
    if (!problems.isEmpty) throw invalid('Điểm phục vụ', problems);
    await recordAudit(trx, actor, {
      action: 'servicePoint.created', entity: 'servicePoint', entityKey: row.code, at,
      payload: { effectiveDate: row.validFrom, before: null, after: row },
    });
    return { code: row.code };
  });
}

/**
 * Edits a service point: name, address, receiving agency, opening hours, validity, counters
 * (a counter left out of the list is switched off, never deleted: dossiers name it).
 */
export async function updateServicePoint(ctx: ServiceContext, code: string, change: ImportRecord): Promise<{ code: string }> {
  return inTransaction(ctx, async (trx, actor, at) => {
    const found = await trx.selectFrom('service_points as s').innerJoin('admin_units as u', 'u.id', 's.admin_unit_id')
      .leftJoin('agencies as a', 'a.id', 's.receiving_agency_id')
      .select([
        's.id', 's.code', 's.name', 's.kind', 'u.code as unitCode', 'a.identifier as receivingAgency', 's.address', 's.latitude',
        's.longitude', 's.phone', 's.opening_hours as openingHours', 's.valid_from as validFrom', 's.valid_to as validTo',
      ])
      .where('s.code', '=', code).forUpdate('s').executeTakeFirst();
    if (!found) throw notFound('SERVICE_POINT_NOT_FOUND', `Không tìm thấy điểm phục vụ mã ${code}.`);
    const counters = await trx.selectFrom('counters').select(['code', 'name', 'active']).where('service_point_id', '=', found.id).orderBy('code').execute();
    const { id, ...rest } = found;
    const before = { ...rest, counters: counters.filter((c) => c.active).map(({ code: c, name }) => ({ code: c, name })) };
    const { row, problems } = readForm('Điểm phục vụ', readServicePointRow, { ...before, ...change, code });
    await writeServicePoints(trx, [row], problems);
    if (!problems.isEmpty) throw invalid('Điểm phục vụ', problems);
    const kept = row.counters.map((c) => c.code);
    let off = trx.updateTable('counters').set({ active: false }).where('service_point_id', '=', id);
    if (kept.length > 0) {
      off = off.where('code', 'not in', kept);
      await trx.updateTable('counters').set({ active: true }).where('service_point_id', '=', id).where('code', 'in', kept).execute();
    }
    await off.execute();
    await recordAudit(trx, actor, {
      action: 'servicePoint.updated', entity: 'servicePoint', entityKey: code, at,
      payload: { effectiveDate: row.validFrom, before, after: row },
    });
    return { code };
  });
}

// ---- history --------------------------------------------------------------------------------

export interface DirectoryChange {
  readonly at: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly payload: Record<string, unknown>;
}

/** The audited changes of one record, newest first (who, when, before → after). */
export async function directoryHistory(ctx: ServiceContext, entity: 'unit' | 'agency' | 'servicePoint', key: string): Promise<DirectoryChange[]> {
  assertSystemAdmin(ctx.actor, 'directory.manage');
  const rows = await ctx.db.selectFrom('audit_log').select(['at', 'actor_name', 'action', 'payload'])
    .where('entity', '=', entity).where('entity_key', '=', key).orderBy('at', 'desc').orderBy('id', 'desc').limit(100).execute();
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), actorName: r.actor_name, action: r.action, payload: r.payload as Record<string, unknown> }));
}
