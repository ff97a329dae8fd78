// Administration of the catalogue (issue 9 "Administration screens"): the list of procedures with
// their latest version, one procedure's versions by effective date and its change history, and
// the edit that saves a new version (never rewriting one a dossier may have been received under).
import { sql, type Transaction } from 'kysely';
import { assertSystemAdmin } from '../accounts/policy';
import { RowProblems } from '../directory/model';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { notFound, validationFailed } from '../platform/errors';
import { vnDateOfInstant } from '../shared/civil-date';
import { applyEdit, editProblems, versionChanges, type FieldChange, type ProcedureEdit } from './edit';
import { toView, writeProcedures, type ProcedureView } from './service';

/** What the administrator's list shows of a procedure: its latest version and whether it is in force. */
export interface AdminProcedureItem {
  readonly code: string;
  readonly name: string;
  readonly field: string;
  readonly competentAgency: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  /** the latest version starts after today: a change is scheduled */
  readonly scheduled: boolean;
  readonly versions: number;
}

/** Procedures by their latest version; `q` matches words of the name, result or field without diacritics, or the start of the code. */
export async function listProceduresForAdmin(
  ctx: ServiceContext, q: string | null, page: { limit?: number; offset?: number } = {},
): Promise<{ items: AdminProcedureItem[]; total: number }> {
  assertSystemAdmin(ctx.actor, 'catalog.manage');
  const today = vnDateOfInstant(ctx.clock.now().getTime());
  const words = (q ?? '').split(/\s+/).filter((w) => w !== '').slice(0, 8);
  const latest = ctx.db.selectFrom('procedures as p')
    .select(['p.code', 'p.name', 'p.field', 'p.competent_agency', 'p.version', 'p.effective_from', 'p.effective_to', 'p.search_text'])
    .select(sql<number>`count(*) over (partition by p.code)`.as('versions'))
    .distinctOn('p.code').orderBy('p.code').orderBy('p.effective_from', 'desc');
  let filtered = ctx.db.selectFrom(latest.as('l')).selectAll();
  for (const w of words) {
    filtered = filtered.where((eb) => eb.or([
      eb('l.search_text', 'like', sql<string>`'%' || search_key(${w}) || '%'`),
      eb('l.code', 'like', `${w.replace(/[%_\\]/g, '')}%`),
    ]));
  }
  const [items, count] = await Promise.all([
    filtered.orderBy('l.code').limit(page.limit ?? 50).offset(page.offset ?? 0).execute(),
    filtered.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((r) => ({
      code: r.code, name: r.name, field: r.field, competentAgency: r.competent_agency, version: r.version,
      effectiveFrom: r.effective_from, effectiveTo: r.effective_to, scheduled: r.effective_from > today, versions: Number(r.versions),
    })),
    total: Number(count.n),
  };
}

export interface ChangeRecord {
  readonly at: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly version: number | null;
  readonly effectiveFrom: string | null;
  readonly reason: string | null;
  readonly changes: FieldChange[];
}

export interface ProcedureAdminView {
  readonly code: string;
  /** every version, newest first */
  readonly versions: ProcedureView[];
  /** the version in force today, if any */
  readonly inForceVersion: number | null;
  /** who changed what and when (audit trail), newest first */
  readonly history: ChangeRecord[];
}

async function versionsOf(db: ServiceContext['db'] | Transaction<DB>, code: string): Promise<ProcedureView[]> {
  const rows = await db.selectFrom('procedures').selectAll().where('code', '=', code).orderBy('effective_from', 'desc').execute();
  return rows.map(toView);
}

/** One procedure's versions and history, for the administrator. */
export async function procedureForAdmin(ctx: ServiceContext, code: string): Promise<ProcedureAdminView> {
  assertSystemAdmin(ctx.actor, 'catalog.manage');
  const versions = await versionsOf(ctx.db, code);
  if (versions.length === 0) throw notFound('PROCEDURE_NOT_FOUND', `Không tìm thấy thủ tục ${code}.`);
  const today = vnDateOfInstant(ctx.clock.now().getTime());
  const inForce = versions.find((v) => v.effectiveFrom <= today && (v.effectiveTo === null || v.effectiveTo > today));
  const audit = await ctx.db.selectFrom('audit_log').select(['at', 'actor_name', 'action', 'payload'])
    .where('entity', '=', 'procedure').where('entity_key', '=', code).orderBy('at', 'desc').orderBy('id', 'desc').limit(100).execute();
  const history = audit.map((a): ChangeRecord => {
    const p = a.payload as { version?: number; effectiveFrom?: string; reason?: string; changes?: FieldChange[] };
    return {
      at: a.at.toISOString(), actorName: a.actor_name, action: a.action, version: p.version ?? null,
      effectiveFrom: p.effectiveFrom ?? null, reason: p.reason ?? null, changes: p.changes ?? [],
    };
  });
  return { code, versions, inForceVersion: inForce?.version ?? null, history };
}

/**
 * Saves an edit as the next version of a procedure, in force from `edit.effectiveFrom` (today or
 * later, after the latest version): the latest version is closed on that day and stays as it was
 * for the dossiers received under it. One transaction writes the version and its audit record
 * (who, when, why, each changed field before and after).
 */
export async function saveProcedureVersion(ctx: ServiceContext, code: string, edit: ProcedureEdit): Promise<ProcedureView> {
  assertSystemAdmin(ctx.actor, 'catalog.manage');
  const actor = ctx.actor;
  const at = ctx.clock.now();
  const today = vnDateOfInstant(at.getTime());
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`procedure:${code}`}))`.execute(trx);
    const latestRow = await trx.selectFrom('procedures').selectAll().where('code', '=', code).orderBy('effective_from', 'desc').executeTakeFirst();
    if (!latestRow) throw notFound('PROCEDURE_NOT_FOUND', `Không tìm thấy thủ tục ${code}.`);
    const latest = toView(latestRow);
    const problems = editProblems(edit, latest.effectiveFrom, today);
    if (problems.length > 0) throw validationFailed('PROCEDURE_EDIT_INVALID', `Chưa lưu được phiên bản mới: ${problems.length} lỗi.`, problems);
    const next = applyEdit(latest, edit);
    const changes = versionChanges(latest, next);
    if (changes.length === 0) throw validationFailed('PROCEDURE_EDIT_UNCHANGED', 'Không có thay đổi nào so với phiên bản mới nhất; không lưu phiên bản mới.');
    const rowProblems = new RowProblems();
    await writeProcedures(trx, [next], rowProblems, latestRow.province_code, 'error');
    if (!rowProblems.isEmpty) throw validationFailed('PROCEDURE_EDIT_INVALID', 'Chưa lưu được phiên bản mới.', rowProblems.details);
    const version = latest.version + 1;
    await recordAudit(trx, actor, {
      action: 'catalog.procedure.version', entity: 'procedure', entityKey: code, at,
      payload: { version, effectiveFrom: edit.effectiveFrom, reason: edit.reason.trim(), source: 'edit', changes },
    });
    const saved = await trx.selectFrom('procedures').selectAll().where('code', '=', code).where('version', '=', version).executeTakeFirstOrThrow();
    return toView(saved);
  });
}
