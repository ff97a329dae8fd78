// Public transparency per procedure (issue 5 part 4): over the last 12 months, the median and
// 90th-percentile processing time in working days (received → result ready or rejection after
// appraisal, on the working calendar), the on-time share and the counts. Percentiles are taken by
// PostgreSQL (percentile_cont) over `dossier_resolutions`, one row per resolved dossier kept by
// `resolutionHook` in the event's transaction (and `backfillResolutions` for bulk-loaded data).
// Stale dossiers are not hidden: open ones received before the window, and open ones already
// past their due time, are reported beside the figures, because a percentile of the resolved
// alone would flatter a procedure whose slowest dossiers never finish.
import { sql } from 'kysely';
import { elapsedWorkingTime } from '../calendar';
import { loadWorkCalendar } from '../calendar/store';
import { getProcedure, searchProcedures } from '../catalog/service';
import type { DossierHook } from '../dossiers/events';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { notFound } from '../platform/errors';
import { workingMinutesBetween } from './hook';
import { vnDateOfInstant, vnYearOfInstant } from '../shared/civil-date';

const WINDOW_MONTHS = 12;
const vnYear = vnYearOfInstant;
const vnDate = (at: Date) => vnDateOfInstant(at.getTime());

/** In the dossier event's transaction: the first resolution of a dossier, with its working time. */
export const resolutionHook: DossierHook = {
  intakeWrites: () => [],
  afterEvent: async (trx, event, dossier) => {
    if (event.action !== 'markResultReady' && event.action !== 'reject') return;
    if (!dossier.received_at) return;
    const minutes = await workingMinutesBetween(trx, dossier.received_at.getTime(), event.at.getTime());
    const due = dossier.original_due_at ?? dossier.due_at;
    await trx.insertInto('dossier_resolutions').values({
      dossier_id: dossier.id, procedure_code: dossier.procedure_code, province_code: dossier.province_code, received_at: dossier.received_at,
      resolved_at: event.at, working_minutes: Math.max(0, Math.round(minutes(dossier.received_at.getTime(), event.at.getTime()))),
      on_time: due === null || event.at.getTime() <= due.getTime(),
    }).onConflict((oc) => oc.column('dossier_id').doNothing()).execute();
  },
};

/**
 * Fills `dossier_resolutions` for resolved dossiers that have no row (written by the simulator's
 * bulk path, or before migration 0008). Idempotent; walks the dossiers by id in batches.
 */
export async function backfillResolutions(db: Database, batch = 2000): Promise<{ inserted: number }> {
  let after = 0;
  let inserted = 0;
  for (;;) {
    const rows = await db.selectFrom('dossiers as d')
      .select(['d.id', 'd.procedure_code', 'd.province_code', 'd.received_at', 'd.finished_at', 'd.due_at', 'd.original_due_at'])
      .where('d.id', '>', after).where('d.status', 'in', ['resultReady', 'returned', 'rejected'])
      .where('d.received_at', 'is not', null).where('d.finished_at', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dossier_resolutions as r').select('r.dossier_id').whereRef('r.province_code', '=', 'd.province_code').whereRef('r.dossier_id', '=', 'd.id'))))
      .orderBy('d.id').limit(batch).execute();
    const last = rows[rows.length - 1];
    if (!last) break;
    const times = rows.flatMap((r) => [r.received_at?.getTime() ?? 0, r.finished_at?.getTime() ?? 0]);
    const { calendar } = await loadWorkCalendar(db, { fromYear: vnYear(Math.min(...times)) - 1, toYear: vnYear(Math.max(...times)) + 1 });
    const values = rows.flatMap((r) => {
      if (!r.received_at || !r.finished_at) return [];
      const due = r.original_due_at ?? r.due_at;
      return [{
        dossier_id: r.id, procedure_code: r.procedure_code, province_code: r.province_code, received_at: r.received_at, resolved_at: r.finished_at,
        working_minutes: Math.max(0, Math.round(elapsedWorkingTime(r.received_at.getTime(), r.finished_at.getTime(), calendar))),
        on_time: due === null || r.finished_at.getTime() <= due.getTime(),
      }];
    });
    if (values.length > 0) {
      const result = await db.insertInto('dossier_resolutions').values(values).onConflict((oc) => oc.column('dossier_id').doNothing()).executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    after = last.id;
    if (rows.length < batch) break;
  }
  return { inserted };
}

export interface ProcedureFigures {
  readonly code: string;
  readonly name: string;
  /** the statutory duration, for comparison */
  readonly duration: { readonly value: number; readonly unit: string };
  /** resolved in the window */
  readonly resolved: number;
  readonly onTime: number;
  readonly onTimeShare: number | null;
  readonly medianWorkingDays: number | null;
  readonly p90WorkingDays: number | null;
  /** open now and received in the window */
  readonly openInWindow: number;
  /** open now and past their due time (any receipt date) */
  readonly openOverdue: number;
  /** open now and received before the window: not in any figure above */
  readonly staleOpen: number;
}

export interface TransparencyWindow {
  readonly from: string;
  readonly to: string;
  readonly workingDayHours: number;
}

async function windowOf(db: Database, now: Date): Promise<{ start: Date; window: TransparencyWindow; dailyMinutes: number }> {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - WINDOW_MONTHS);
  const { calendar } = await loadWorkCalendar(db, { fromYear: vnYear(now.getTime()) - 1, toYear: vnYear(now.getTime()) + 1 });
  const dailyMinutes = calendar.dailyWorkingMs / 60_000;
  return { start, dailyMinutes, window: { from: vnDate(start), to: vnDate(now), workingDayHours: dailyMinutes / 60 } };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

async function figuresOf(db: Database, codes: readonly string[], start: Date, now: Date, dailyMinutes: number) {
  if (codes.length === 0) return new Map<string, Omit<ProcedureFigures, 'code' | 'name' | 'duration'>>();
  const [resolved, open] = await Promise.all([
    db.selectFrom('dossier_resolutions').where('procedure_code', 'in', codes).where('resolved_at', '>=', start).where('resolved_at', '<', now)
      .select([
        'procedure_code',
        sql<number>`count(*)`.as('resolved'),
        sql<number>`count(*) FILTER (WHERE on_time)`.as('on_time'),
        sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY working_minutes)`.as('median'),
        sql<number | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY working_minutes)`.as('p90'),
      ]).groupBy('procedure_code').execute(),
    db.selectFrom('dossiers').where('procedure_code', 'in', codes).where('finished_at', 'is', null).where('received_at', 'is not', null)
      .select([
        'procedure_code',
        sql<number>`count(*) FILTER (WHERE received_at >= ${start})`.as('open_in_window'),
        sql<number>`count(*) FILTER (WHERE received_at < ${start})`.as('stale_open'),
        sql<number>`count(*) FILTER (WHERE due_at < ${now})`.as('open_overdue'),
      ]).groupBy('procedure_code').execute(),
  ]);
  const out = new Map<string, Omit<ProcedureFigures, 'code' | 'name' | 'duration'>>();
  for (const code of codes) {
    const r = resolved.find((x) => x.procedure_code === code);
    const o = open.find((x) => x.procedure_code === code);
    const n = Number(r?.resolved ?? 0);
    const onTime = Number(r?.on_time ?? 0);
    out.set(code, {
      resolved: n, onTime, onTimeShare: n > 0 ? round1((100 * onTime) / n) : null,
      medianWorkingDays: r?.median == null ? null : round1(Number(r.median) / dailyMinutes),
      p90WorkingDays: r?.p90 == null ? null : round1(Number(r.p90) / dailyMinutes),
      openInWindow: Number(o?.open_in_window ?? 0), openOverdue: Number(o?.open_overdue ?? 0), staleOpen: Number(o?.stale_open ?? 0),
    });
  }
  return out;
}

/** GET /api/v1/transparency/procedures/{code} — public. */
export async function procedureTransparency(deps: { readonly db: Database; readonly clock: Clock }, code: string): Promise<ProcedureFigures & { window: TransparencyWindow }> {
  const now = deps.clock.now();
  const procedure = await getProcedure(deps.db, code, vnDate(now));
  if (!procedure) throw notFound('PROCEDURE_NOT_FOUND', `Không tìm thấy thủ tục ${code.slice(0, 40)}.`);
  const { start, window, dailyMinutes } = await windowOf(deps.db, now);
  const figures = (await figuresOf(deps.db, [procedure.code], start, now, dailyMinutes)).get(procedure.code);
  if (!figures) throw notFound('PROCEDURE_NOT_FOUND', `Không tìm thấy thủ tục ${code.slice(0, 40)}.`);
  return { code: procedure.code, name: procedure.name, duration: { value: procedure.durationValue, unit: procedure.durationUnit }, ...figures, window };
}

/** GET /api/v1/transparency/procedures — public; the procedures in force with their figures, a page at a time. */
export async function transparencyList(
  deps: { readonly db: Database; readonly clock: Clock }, page: { readonly q?: string; readonly limit?: number; readonly offset?: number },
): Promise<{ items: ProcedureFigures[]; total: number; window: TransparencyWindow }> {
  const now = deps.clock.now();
  const { items, total } = await searchProcedures(deps.db, page.q ?? null, vnDate(now), { limit: Math.min(Math.max(page.limit ?? 50, 1), 100), offset: page.offset ?? 0 });
  const { start, window, dailyMinutes } = await windowOf(deps.db, now);
  const figures = await figuresOf(deps.db, items.map((p) => p.code), start, now, dailyMinutes);
  return {
    items: items.flatMap((p) => {
      const f = figures.get(p.code);
      return f ? [{ code: p.code, name: p.name, duration: { value: p.durationValue, unit: p.durationUnit }, ...f }] : [];
    }),
    total, window,
  };
}
