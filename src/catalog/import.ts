// The catalogue import (JSON, CSV or XLSX): every row read and checked, then written in one
// transaction — or, for a dry run, the same transaction rolled back, so that the preview meets
// exactly the checks the real import meets. Problems name the row (as the file numbers it: the
// sheet's row for CSV/XLSX, whose row 1 is the header) and the column, in Vietnamese; any problem
// and nothing is written. Each new version is audited with what changed, before and after.
import { assertSystemAdmin } from '../accounts/policy';
import { RowProblems } from '../directory/model';
import { csvRecords, jsonRecords, type ImportRecord } from '../directory/records';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { validationFailed } from '../platform/errors';
import { vnDateOfInstant } from '../shared/civil-date';
import { versionChanges, type FieldChange } from './edit';
import { readProcedureRow, type ProcedureInput } from './model';
import { CATALOGUE_PROVINCE, toView, writeProcedures } from './service';
import { xlsxRecords } from './xlsx';

/** Row problems worded for the person who made the file: "Dòng 3, cột "fees": …". */
export class CatalogRowProblems extends RowProblems {
  override add(row: number, field: string, message: string): void {
    this.details.push({ path: `row ${row}, field "${field}"`, message: `Dòng ${row}, cột "${field}": ${message}` });
  }
}

export type ImportFormat = 'json' | 'csv' | 'xlsx';

export interface CatalogImportInput {
  readonly format: ImportFormat;
  /** JSON or CSV text, or the XLSX file in base64. */
  readonly content: string;
  /** check and show what would change, write nothing */
  readonly dryRun?: boolean;
}

export interface ImportedVersion {
  /** the row of the file */
  readonly row: number;
  readonly code: string;
  readonly name: string;
  /** a procedure the catalogue did not have, or a new version of one it has */
  readonly kind: 'new' | 'version';
  readonly version: number;
  readonly effectiveFrom: string;
  readonly changes: FieldChange[];
}

export interface ImportOutcome {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly inserted: number;
  readonly closed: number;
  readonly versions: ImportedVersion[];
}

async function recordsOf(input: CatalogImportInput): Promise<{ records: ImportRecord[]; rowOf: (i: number) => number }> {
  let read: { records: ImportRecord[]; rowOf: (i: number) => number } | string;
  if (input.format === 'json') {
    const records = jsonRecords(input.content);
    read = typeof records === 'string' ? records : { records, rowOf: (i) => i + 1 };
  } else if (input.format === 'csv') {
    read = { records: csvRecords(input.content), rowOf: (i) => i + 2 };
  } else {
    const sheet = await xlsxRecords(input.content);
    read = typeof sheet === 'string' ? sheet : { records: sheet.records, rowOf: (i) => sheet.sheetRows[i] ?? i + 2 };
  }
  if (typeof read === 'string') throw validationFailed('IMPORT_UNREADABLE', `Không đọc được tệp: ${read}.`, [{ path: 'content', message: read }]);
  if (read.records.length === 0) throw validationFailed('IMPORT_EMPTY', 'Tệp không có dòng dữ liệu nào.');
  return read;
}

/** Thrown to roll a dry run's transaction back while carrying its outcome out. */
class DryRunRollback extends Error {
  constructor(readonly outcome: ImportOutcome) { super('dry run'); }
}

/** Admin use case: import procedure versions; all rows or none; `dryRun` shows what would change. */
export async function importCatalog(ctx: ServiceContext, input: CatalogImportInput): Promise<ImportOutcome> {
  assertSystemAdmin(ctx.actor, 'catalog.manage');
  const actor = ctx.actor;
  const { records, rowOf } = await recordsOf(input);
  const problems = new CatalogRowProblems();
  const rows = records.map((r, i) => ({ ...readProcedureRow(r, rowOf(i), problems), row: rowOf(i) }));
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.code}@${r.effectiveFrom}`;
    if (seen.has(key)) problems.add(r.row, 'code', `trùng mã và ngày hiệu lực với dòng ${seen.get(key)}`);
    else seen.set(key, r.row);
  }
  const failed = () => validationFailed('IMPORT_INVALID', `Tệp nhập có ${problems.details.length} lỗi; không dòng nào được ghi.`, problems.details.slice(0, 200));
  if (!problems.isEmpty) throw failed();
  // rows of one code in date order, so that each closes the one before
  const ordered = [...rows].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.row - b.row);
  const at = ctx.clock.now();
  const today = vnDateOfInstant(at.getTime());
  const dryRun = input.dryRun === true;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const versions: ImportedVersion[] = [];
      let inserted = 0, closed = 0;
      for (const r of ordered) {
        const latestRow = await trx.selectFrom('procedures').selectAll().where('code', '=', r.code).orderBy('effective_from', 'desc').executeTakeFirst();
        const before = latestRow ? toView(latestRow) : null;
        if (before && r.effectiveFrom > before.effectiveFrom && r.effectiveFrom < today) {
          problems.add(r.row, 'effectiveFrom', `phiên bản mới của thủ tục ${r.code} phải có hiệu lực từ hôm nay (${today.split('-').reverse().join('/')}) trở đi: hồ sơ đã nhận giữ phiên bản cũ`);
          continue;
        }
        const written = await writeProcedures(trx, [r], problems, CATALOGUE_PROVINCE, 'error');
        if (written.inserted === 0) continue;
        inserted++;
        closed += written.closed;
        versions.push({
          row: r.row, code: r.code, name: r.name, kind: before ? 'version' : 'new', version: (before?.version ?? 0) + 1,
          effectiveFrom: r.effectiveFrom, changes: before ? versionChanges(before, r as ProcedureInput) : [],
        });
      }
      if (!problems.isEmpty) throw failed();
      const outcome: ImportOutcome = { dryRun, rows: rows.length, inserted, closed, versions };
      if (dryRun) throw new DryRunRollback(outcome);
      for (const v of versions) {
        await recordAudit(trx, actor, {
          action: 'catalog.procedure.version', entity: 'procedure', entityKey: v.code, at,
          payload: { version: v.version, effectiveFrom: v.effectiveFrom, reason: `Nhập tệp ${input.format.toUpperCase()}, dòng ${v.row}`, source: 'import', changes: v.changes },
        });
      }
      await recordAudit(trx, actor, {
        action: 'catalog.import', entity: 'procedures', entityKey: null, at,
        payload: { format: input.format, rows: rows.length, inserted, closed, codes: rows.map((r) => r.code) },
      });
      return outcome;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.outcome;
    throw e;
  }
}
