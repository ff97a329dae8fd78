// Import of units, agencies and service points from JSON or CSV. Every row is checked (fields,
// then references against the database and earlier rows); when any row is wrong nothing is
// written: the whole file is one transaction that is rolled back with all the problems.
import { sql, type Transaction } from 'kysely';
import { assertSystemAdmin } from '../accounts/policy';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { validationFailed } from '../platform/errors';
import {
  allowedParentLevels, previousDay, RowProblems, unitPath,
  type AgencyRow, type ServicePointRow, type UnitLevel, type UnitRow,
} from './model';
import { csvRecords, jsonRecords, type ImportRecord } from './records';
import { flagDuplicates, readAgencyRow, readServicePointRow, readUnitRow } from './rows';

export type DirectoryImportKind = 'units' | 'agencies' | 'servicePoints';
export type ImportFormat = 'json' | 'csv';

export type WriteCounts = Record<string, number> & {
  readonly inserted: number;
  readonly updated: number;
};

type Trx = Transaction<DB>;

const insertedFlag = sql<boolean>`(xmax = 0)`.as('inserted');

async function unitValidOn(trx: Trx, code: string, day: string, levels?: readonly UnitLevel[]) {
  let q = trx.selectFrom('admin_units').selectAll()
    .where('code', '=', code).where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]));
  if (levels) q = q.where('level', 'in', levels);
  return q.orderBy('valid_from', 'desc').executeTakeFirst();
}

async function agencyValidOn(trx: Trx, identifier: string, day: string) {
  return trx.selectFrom('agencies').selectAll()
    .where('identifier', '=', identifier).where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .orderBy('valid_from', 'desc').executeTakeFirst();
}

/**
 * The row's unit and the agency it optionally names (`field`), both in force on the row's
 * `validFrom`; null, with the problem recorded, when either is missing.
 */
async function unitAndAgencyOf(
  trx: Trx, n: number, row: { readonly unitCode: string; readonly validFrom: string },
  field: 'parentIdentifier' | 'receivingAgency', identifier: string | null, problems: RowProblems,
) {
  const unit = await unitValidOn(trx, row.unitCode, row.validFrom);
  if (!unit) { problems.add(n, 'unitCode', `không có đơn vị hành chính "${row.unitCode}" hiệu lực ngày ${row.validFrom}`); return null; }
  if (identifier === null) return { unit, agencyId: null };
  const agency = await agencyValidOn(trx, identifier, row.validFrom);
  if (!agency) { problems.add(n, field, `không có cơ quan "${identifier}" hiệu lực ngày ${row.validFrom}`); return null; }
  return { unit, agencyId: agency.id };
}

const tally = (flags: readonly boolean[]): WriteCounts =>
  ({ inserted: flags.filter(Boolean).length, updated: flags.filter((f) => !f).length });

/** Upserts units by (code, validFrom), in file order (a parent comes before its children). */
export async function writeUnits(trx: Trx, rows: readonly UnitRow[], problems: RowProblems): Promise<WriteCounts & { successions: number }> {
  const flags: boolean[] = [];
  let successions = 0;
  for (const [i, row] of rows.entries()) {
    const n = i + 1;
    let parent: { id: number; path: string; province_code: string; valid_to: string | null } | undefined;
    if (row.parentCode !== null) {
      parent = await unitValidOn(trx, row.parentCode, row.validFrom, allowedParentLevels(row.level));
      if (!parent) { problems.add(n, 'parentCode', `không có đơn vị cha "${row.parentCode}" hiệu lực ngày ${row.validFrom}`); continue; }
      if (parent.valid_to !== null && (row.validTo === null || row.validTo > parent.valid_to)) {
        problems.add(n, 'validTo', `phải kết thúc không muộn hơn đơn vị cha (${parent.valid_to})`);
        continue;
      }
    }
    const path = unitPath(parent?.path ?? null, parent ? row.code : row.pathSegment ?? row.code);
    const clash = await trx.selectFrom('admin_units').select(['code', 'valid_from']).where('path', '=', path)
      .where((eb) => eb.or([eb('code', '!=', row.code), eb('valid_from', '!=', row.validFrom)])).executeTakeFirst();
    if (clash) {
      problems.add(n, parent ? 'code' : 'pathSegment', `đường dẫn ${path} đã dùng cho đơn vị ${clash.code} từ ${clash.valid_from}${parent ? '' : '; hãy đặt pathSegment khác'}`);
      continue;
    }
    const values = {
      code: row.code, name: row.name, kind: row.kind, level: row.level, parent_id: parent?.id ?? null,
      province_code: parent?.province_code ?? row.code, path, valid_from: row.validFrom, valid_to: row.validTo,
    };
    const written = await trx.insertInto('admin_units').values(values)
      .onConflict((oc) => oc.columns(['code', 'valid_from']).doUpdateSet({
        name: values.name, kind: values.kind, level: values.level, parent_id: values.parent_id,
        province_code: values.province_code, path: values.path, valid_to: values.valid_to,
      }))
      .returning(['id', insertedFlag]).executeTakeFirstOrThrow();
    flags.push(written.inserted);
    const before = previousDay(row.validFrom);
    for (const [field, codes, partial] of [['formedFrom', row.formedFrom, false], ['partiallyFrom', row.partiallyFrom, true]] as const) {
      for (const oldCode of codes) {
        const old = await unitValidOn(trx, oldCode, before);
        if (!old) { problems.add(n, field, `không có đơn vị cũ "${oldCode}" hiệu lực ngày ${before}`); continue; }
        await trx.insertInto('admin_unit_successions').values({
          old_unit_id: old.id, new_unit_id: written.id, effective_date: row.validFrom, partial,
          note: partial ? 'Đơn vị cũ được chia cho nhiều đơn vị mới' : null, legal_source: row.legalSource,
        }).onConflict((oc) => oc.columns(['old_unit_id', 'new_unit_id']).doUpdateSet({
          effective_date: row.validFrom, partial, legal_source: row.legalSource,
        })).execute();
        successions++;
      }
    }
  }
  return { ...tally(flags), successions };
}

/** Upserts agencies by (identifier, validFrom). */
export async function writeAgencies(trx: Trx, rows: readonly AgencyRow[], problems: RowProblems): Promise<WriteCounts> {
  const flags: boolean[] = [];
  for (const [i, row] of rows.entries()) {
    const refs = await unitAndAgencyOf(trx, i + 1, row, 'parentIdentifier', row.parentIdentifier, problems);
    if (!refs) continue;
    const { unit, agencyId: parentId } = refs;
    const values = {
      identifier: row.identifier, name: row.name, kind: row.kind, level: row.level,
      identifier_confirmed: row.identifierConfirmed, admin_unit_id: unit.id, parent_agency_id: parentId,
      province_code: unit.province_code, valid_from: row.validFrom, valid_to: row.validTo, function_code: row.functionCode,
      handover: row.handover, address: row.address, phone: row.phone,
    };
    const written = await trx.insertInto('agencies').values(values)
      .onConflict((oc) => oc.columns(['identifier', 'valid_from']).doUpdateSet({
        name: values.name, kind: values.kind, level: values.level, identifier_confirmed: values.identifier_confirmed,
        admin_unit_id: values.admin_unit_id, parent_agency_id: values.parent_agency_id,
        province_code: values.province_code, valid_to: values.valid_to, function_code: values.function_code,
        handover: values.handover, address: values.address, phone: values.phone,
      }))
      .returning(insertedFlag).executeTakeFirstOrThrow();
    flags.push(written.inserted);
  }
  return tally(flags);
}

/** Upserts service points by code, and their counters by (point, counter code). */
export async function writeServicePoints(trx: Trx, rows: readonly ServicePointRow[], problems: RowProblems): Promise<WriteCounts & { counters: number }> {
  const flags: boolean[] = [];
  let counters = 0;
  for (const [i, row] of rows.entries()) {
    const refs = await unitAndAgencyOf(trx, i + 1, row, 'receivingAgency', row.receivingAgency, problems);
    if (!refs) continue;
    const { unit, agencyId } = refs;
    const values = {
      code: row.code, name: row.name, kind: row.kind, admin_unit_id: unit.id, receiving_agency_id: agencyId,
      address: row.address, latitude: row.latitude, longitude: row.longitude, phone: row.phone,
      opening_hours: JSON.stringify(row.openingHours), province_code: unit.province_code,
      valid_from: row.validFrom, valid_to: row.validTo,
    };
    const { code: _code, ...update } = values;
    const written = await trx.insertInto('service_points').values(values)
      .onConflict((oc) => oc.column('code').doUpdateSet(update))
      .returning(['id', insertedFlag]).executeTakeFirstOrThrow();
    flags.push(written.inserted);
    for (const c of row.counters) {
      await trx.insertInto('counters').values({ service_point_id: written.id, code: c.code, name: c.name })
        .onConflict((oc) => oc.columns(['service_point_id', 'code']).doUpdateSet({ name: c.name })).execute();
      counters++;
    }
  }
  return { ...tally(flags), counters };
}

/** Records of a file, or a single problem on the whole file. */
export function readRecords(format: ImportFormat, content: string): ImportRecord[] {
  const records = format === 'csv' ? csvRecords(content) : jsonRecords(content);
  if (typeof records === 'string') throw validationFailed('IMPORT_UNREADABLE', `Không đọc được tệp: ${records}.`, [{ path: 'content', message: records }]);
  if (records.length === 0) throw validationFailed('IMPORT_EMPTY', 'Tệp không có dòng dữ liệu nào.');
  return records;
}

const failed = (problems: RowProblems) =>
  validationFailed('IMPORT_INVALID', `Tệp nhập có ${problems.details.length} lỗi; không dòng nào được ghi.`, problems.details.slice(0, 200));

/** Reads, checks and writes one kind of rows in the given transaction; throws when any row is wrong. */
export async function applyDirectoryRecords(trx: Trx, kind: DirectoryImportKind, records: readonly ImportRecord[]): Promise<Record<string, number>> {
  const problems = new RowProblems();
  let result: Record<string, number>;
  if (kind === 'units') {
    const rows = records.map((r, i) => readUnitRow(r, i + 1, problems));
    flagDuplicates(rows, (r) => `${r.code}@${r.validFrom}`, 'code', problems);
    if (!problems.isEmpty) throw failed(problems);
    result = await writeUnits(trx, rows, problems);
  } else if (kind === 'agencies') {
    const rows = records.map((r, i) => readAgencyRow(r, i + 1, problems));
    flagDuplicates(rows, (r) => `${r.identifier}@${r.validFrom}`, 'identifier', problems);
    if (!problems.isEmpty) throw failed(problems);
    result = await writeAgencies(trx, rows, problems);
  } else {
    const rows = records.map((r, i) => readServicePointRow(r, i + 1, problems));
    flagDuplicates(rows, (r) => r.code, 'code', problems);
    if (!problems.isEmpty) throw failed(problems);
    result = await writeServicePoints(trx, rows, problems);
  }
  if (!problems.isEmpty) throw failed(problems);
  return { rows: records.length, ...result };
}

export interface DirectoryImportInput {
  readonly kind: DirectoryImportKind;
  readonly format: ImportFormat;
  readonly content: string;
}

/** Admin use case: import a file of units, agencies or service points. */
export async function importDirectory(ctx: ServiceContext, input: DirectoryImportInput): Promise<Record<string, number>> {
  assertSystemAdmin(ctx.actor, 'directory.manage');
  const actor = ctx.actor;
  const records = readRecords(input.format, input.content);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const counts = await applyDirectoryRecords(trx, input.kind, records);
    await recordAudit(trx, actor, {
      action: 'directory.import', entity: input.kind, entityKey: null, at,
      payload: { format: input.format, ...counts },
    });
    return counts;
  });
}
