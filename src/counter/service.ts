// Use cases of the paper outcomes at the counter: record one (a clerk at their service point: the
// number, the record and its audit row in one transaction), read and list them within scope,
// print form 02 or 03, and count them for the reports. No dossier and no dossier code is made.
import { type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { assertCan, can } from '../accounts/policy';
import { procedureForIntake } from '../catalog/references';
import { provinceOfUnitPath, servicePointPlace } from '../directory/references';
import { loadUnitMap } from '../directory/succession';
import { formHeaderOf } from '../forms/service';
import { renderRefusalSlip, renderSupplementSlip } from '../forms';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import { nextRegisterNumberSql } from '../platform/registers';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { conflict, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors';
import {
  applicantLine, formatOutcomeNumber, outcomeKinds, outcomeLabels, outcomeProblems, vnYear,
  type OutcomeApplicant, type OutcomeInput, type OutcomeKind,
} from './model';
import { vnDateOfInstant } from '../shared/civil-date';
import { parsePeriod } from '../platform/period';

export interface CounterOutcome {
  readonly id: number;
  readonly kind: OutcomeKind;
  readonly kindLabel: string;
  /** "0007/PYCBS": gap-free per service point, year and kind */
  readonly number: string;
  readonly year: number;
  readonly servicePointCode: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly applicant: OutcomeApplicant;
  /** who is who, in one line */
  readonly applicantLine: string;
  readonly items: string[];
  readonly note: string | null;
  readonly clerkName: string;
  readonly at: string;
  /** form 02 (incomplete) or 03 (refused) can be printed; guidance has no form */
  readonly printable: boolean;
}

const vnDay = (at: Date): string => vnDateOfInstant(at.getTime());

function clerkOf(ctx: ServiceContext): Actor & { scope: { kind: 'servicePoint'; servicePointId: number } } {
  assertCan(ctx.actor, 'dossiers.receive');
  const actor = ctx.actor;
  if (actor.scope.kind !== 'servicePoint') throw forbidden('NOT_AT_A_SERVICE_POINT', 'Chỉ nhân viên tại một điểm tiếp nhận được ghi kết quả tại quầy.');
  return actor as Actor & { scope: { kind: 'servicePoint'; servicePointId: number } };
}

/** Records an outcome: permission, checks, then the number, the row and the audit row in one transaction. */
export async function recordCounterOutcome(ctx: ServiceContext, input: OutcomeInput): Promise<CounterOutcome> {
  const actor = clerkOf(ctx);
  if (!(outcomeKinds as readonly string[]).includes(input.kind)) throw validationFailed('COUNTER_OUTCOME_KIND', 'Kết quả tại quầy không hợp lệ.', [{ path: 'kind', message: 'không hợp lệ' }]);
  const problems = outcomeProblems(input);
  if (problems.length > 0) throw validationFailed('COUNTER_OUTCOME_INVALID', problems[0]?.message ?? 'Dữ liệu không hợp lệ.', problems);
  const now = ctx.clock.now();
  const [place, procedure] = await Promise.all([
    servicePointPlace(ctx.db, actor.scope.servicePointId),
    procedureForIntake(ctx.db, input.procedureCode, vnDay(now)),
  ]);
  if (!place) throw validationFailed('SERVICE_POINT_NOT_RECEIVING', 'Điểm phục vụ của bạn không còn hoạt động.');
  const year = vnYear(now);
  const items = input.items.map((i) => i.trim()).filter((i) => i !== '');
  const applicant = cleanApplicant(input.applicant);
  const row = await ctx.db.transaction().execute(async (trx) => {
    // gap-free: the number is taken in the transaction that writes the record (a rollback gives it back)
    const taken = await nextRegisterNumberSql({ servicePointId: place.id, year, register: input.kind, provinceCode: place.provinceCode }).execute(trx);
    const serial = taken.rows[0];
    if (!serial) throw new Error('register: no number taken');
    const inserted = await trx.insertInto('counter_outcomes').values({
      kind: input.kind, service_point_id: place.id, unit_path: place.unitPath, province_code: place.provinceCode, year, number: serial.last_number,
      procedure_code: procedure.code, procedure_name: procedure.name, applicant: JSON.stringify(applicant), items: JSON.stringify(items),
      note: input.note?.trim() || null, clerk_id: actor.userId, clerk_name: actor.fullName, at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: `counter.${input.kind}`, entity: 'counter_outcome', entityKey: inserted.id, at: now,
      payload: { number: formatOutcomeNumber(input.kind, serial.last_number), year, servicePoint: place.code, procedureCode: procedure.code },
    });
    return inserted;
  });
  return view(row, place.code);
}

function cleanApplicant(a: OutcomeApplicant): OutcomeApplicant {
  const entries = Object.entries(a).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()]);
  return Object.fromEntries(entries) as unknown as OutcomeApplicant;
}

interface OutcomeRow {
  id: number; kind: OutcomeKind; year: number; number: number; procedure_code: string; procedure_name: string;
  applicant: Record<string, unknown>; items: string[]; note: string | null; clerk_name: string; at: Date;
}

function view(r: OutcomeRow, servicePointCode: string): CounterOutcome {
  const applicant = r.applicant as unknown as OutcomeApplicant;
  return {
    id: Number(r.id), kind: r.kind, kindLabel: outcomeLabels[r.kind], number: formatOutcomeNumber(r.kind, r.number), year: r.year,
    servicePointCode, procedureCode: r.procedure_code, procedureName: r.procedure_name, applicant, applicantLine: applicantLine(applicant),
    items: r.items, note: r.note, clerkName: r.clerk_name, at: r.at.toISOString(), printable: r.kind !== 'guidance',
  };
}

/** Clerks: their service point's; supervisors and admins: their unit subtree and the old units now in it. */
async function scopeFilter(ctx: ServiceContext): Promise<(eb: ExpressionBuilder<DB & { o: DB['counter_outcomes'] }, 'o'>) => Expression<SqlBool>> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const s = actor.scope;
  if (s.kind === 'servicePoint' && can(actor, 'dossiers.receive')) return (eb) => eb('o.service_point_id', '=', s.servicePointId);
  if (s.kind === 'unit' && can(actor, 'reports.read')) {
    const extra = (await loadUnitMap(ctx.db)).extraPathsUnder(s.unitPath);
    const prefix = `${s.unitPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (eb) => (extra.length === 0 ? eb('o.unit_path', 'like', prefix) : eb.or([eb('o.unit_path', 'like', prefix), eb('o.unit_path', 'in', extra)]));
  }
  throw forbidden('FORBIDDEN', 'Bạn không có quyền xem kết quả tại quầy.');
}

const selectView = ['o.id', 'o.kind', 'o.year', 'o.number', 'o.procedure_code', 'o.procedure_name', 'o.applicant', 'o.items', 'o.note', 'o.clerk_name', 'o.at', 's.code as sp_code', 's.province_code as sp_province'] as const;

async function loadOne(ctx: ServiceContext, id: number) {
  const where = await scopeFilter(ctx);
  const row = await ctx.db.selectFrom('counter_outcomes as o').innerJoin('service_points as s', 's.id', 'o.service_point_id')
    .select([...selectView]).where('o.id', '=', id).where(where).executeTakeFirst();
  if (!row) throw notFound('COUNTER_OUTCOME_NOT_FOUND', `Không tìm thấy kết quả tại quầy số ${id}.`);
  return row;
}

export async function getCounterOutcome(ctx: ServiceContext, id: number): Promise<CounterOutcome> {
  const row = await loadOne(ctx, id);
  return view(row as OutcomeRow, row.sp_code);
}

/** Longest period of counter outcomes listed at once. */
export const OUTCOMES_MAX_PERIOD_DAYS = 366;

/** The outcomes of a period (civil dates, Vietnam time), newest first. */
export async function listCounterOutcomes(ctx: ServiceContext, q: { from: string; to: string; kind?: OutcomeKind; limit?: number }): Promise<{ items: CounterOutcome[] }> {
  const where = await scopeFilter(ctx);
  const period = parsePeriod(q.from, q.to, OUTCOMES_MAX_PERIOD_DAYS);
  let query = ctx.db.selectFrom('counter_outcomes as o').innerJoin('service_points as s', 's.id', 'o.service_point_id').select([...selectView]).where(where)
    .where('o.at', '>=', new Date(period.start)).where('o.at', '<', new Date(period.end));
  if (q.kind) query = query.where('o.kind', '=', q.kind);
  const rows = await query.orderBy('o.at', 'desc').orderBy('o.id', 'desc').limit(Math.min(Math.max(q.limit ?? 100, 1), 500)).execute();
  return { items: rows.map((r) => view(r as OutcomeRow, r.sp_code)) };
}

/** Form 02 (incomplete) or form 03 (refused at intake) of an outcome, numbered, without a dossier code. */
export async function renderCounterOutcomeSlip(ctx: ServiceContext, id: number): Promise<{ pdf: Uint8Array; fileName: string }> {
  const row = await loadOne(ctx, id);
  const o = view(row as OutcomeRow, row.sp_code);
  if (o.kind === 'guidance') throw conflict('SLIP_NOT_AVAILABLE', 'Hướng dẫn tại quầy không có phiếu in.');
  const header = await formHeaderOf(ctx, { provinceCode: row.sp_province, servicePointCode: row.sp_code }, '', new Date(o.at));
  const applicant = { name: o.applicantLine, address: o.applicant.address ?? '', phone: o.applicant.phone ?? '' };
  const procedure = { name: o.procedureName, code: o.procedureCode };
  const pdf = o.kind === 'incomplete'
    ? await renderSupplementSlip({
      header, number: o.number, applicant, procedure, items: o.items, reason: o.note ?? 'Hồ sơ chưa đầy đủ thành phần theo quy định.',
      contact: { name: o.clerkName, phone: '' }, guideName: o.clerkName, trackingUrl: '',
    })
    : await renderRefusalSlip({ header, number: o.number, applicant, procedure, reason: o.items.join('; '), stage: 'intake', signerName: o.clerkName });
  return { pdf, fileName: `${o.kind === 'incomplete' ? 'mau-02' : 'mau-03'}-${o.year}-${o.number.replace('/', '-')}.pdf` };
}

export type CounterOutcomeCounts = Record<OutcomeKind, number>;

/**
 * Outcomes at the counter in a report scope (unit path prefix plus exact old paths) and period:
 * the reports' "guidance / incomplete / refused at the counter".
 */
export async function countCounterOutcomes(
  db: ServiceContext['db'], scope: { readonly unitPath: string; readonly extraPaths?: readonly string[] }, from: Date, toExclusive: Date,
): Promise<CounterOutcomeCounts> {
  const prefix = `${scope.unitPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const extra = scope.extraPaths ?? [];
  // the sharding key: the provinces of the scope's paths (none for the whole country: a cross-province report)
  const provinces = scope.unitPath === '/' ? [] : await Promise.all([scope.unitPath, ...extra].map((p) => provinceOfUnitPath(db, p)));
  const named = provinces.length > 0 && provinces.every((p) => p !== null) ? [...new Set(provinces as string[])] : null;
  let query = db.selectFrom('counter_outcomes as o').select(['o.kind', (eb) => eb.fn.countAll<string>().as('n')]);
  if (named) query = query.where('o.province_code', 'in', named);
  const rows = await query
    .where((eb) => (extra.length === 0 ? eb('o.unit_path', 'like', prefix) : eb.or([eb('o.unit_path', 'like', prefix), eb('o.unit_path', 'in', [...extra])])))
    .where('o.at', '>=', from).where('o.at', '<', toExclusive).groupBy('o.kind').execute();
  const out: CounterOutcomeCounts = { guidance: 0, incomplete: 0, refused: 0 };
  for (const r of rows) out[r.kind] = Number(r.n);
  return out;
}
