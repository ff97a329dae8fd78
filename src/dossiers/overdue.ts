// The one definition of "overdue" and "at risk" (issue 9 §2): the dashboard's open counts, the
// supervision lists, the officers' workload and the escalation job all use these, as a predicate
// on a row and as SQL, so their numbers cannot disagree.
//
// * Only a running clock can be overdue: received, processing, awaiting approval, awaiting payment. While a supplement
//   is awaited no clock runs (ND 61/2018 art. 19.4: it restarts from zero on the complete
//   supplement), and a finished dossier is judged by its end time, not by now.
// * Overdue: the due time has passed (`due_at < now`); at the due instant itself it is still on
//   time, as a dossier finished exactly at its due time is on time.
// * At risk: not overdue and due within the horizon (`now ≤ due_at ≤ horizon`), the horizon being
//   a working-time threshold after now (computed by the caller from the working calendar).
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { loadWorkCalendar } from '../calendar/store';
import type { Database } from '../platform/db/connect';
import type { DB } from '../platform/db/schema';
import type { Status } from './lifecycle';
import { vnYearOfInstant } from '../shared/civil-date';

/** Statuses whose clock runs. */
export const RUNNING_STATUSES = ['received', 'processing', 'awaitingApproval', 'awaitingPayment'] as const satisfies readonly Status[];

export const isClockRunning = (status: Status): boolean => (RUNNING_STATUSES as readonly Status[]).includes(status);

export interface ClockRow {
  readonly status: Status;
  readonly due_at: Date | null;
  readonly finished_at: Date | null;
}

const running = (d: ClockRow): d is ClockRow & { due_at: Date } => d.finished_at === null && d.due_at !== null && isClockRunning(d.status);

export const isOverdue = (d: ClockRow, now: Date): boolean => running(d) && d.due_at.getTime() < now.getTime();

export const isAtRisk = (d: ClockRow, now: Date, horizon: Date): boolean =>
  running(d) && d.due_at.getTime() >= now.getTime() && d.due_at.getTime() <= horizon.getTime();

type Eb = ExpressionBuilder<DB & { d: DB['dossiers'] }, 'd'>;

const runningWhere = (eb: Eb) => eb.and([eb('d.status', 'in', RUNNING_STATUSES), eb('d.finished_at', 'is', null), eb('d.due_at', 'is not', null)]);

/** `isOverdue` in SQL, for `dossiers as d`. */
export const overdueWhere = (now: Date) => (eb: Eb): Expression<SqlBool> => eb.and([runningWhere(eb), eb('d.due_at', '<', now)]);

/** `isAtRisk` in SQL, for `dossiers as d`. */
export const atRiskWhere = (now: Date, horizon: Date) => (eb: Eb): Expression<SqlBool> =>
  eb.and([runningWhere(eb), eb('d.due_at', '>=', now), eb('d.due_at', '<=', horizon)]);

/** `isOverdue` as a boolean column expression over `d`. */
export const overdueExpr = (now: Date) =>
  sql<boolean>`(d.status = ANY(${[...RUNNING_STATUSES]}::text[]) AND d.finished_at IS NULL AND d.due_at < ${now})`;

/** The end of the at-risk horizon: `workingMinutes` of working time after `now`. */
export async function atRiskHorizon(db: Database, now: Date, workingMinutes: number): Promise<Date> {
  const year = vnYearOfInstant(now.getTime());
  const { calendar } = await loadWorkCalendar(db, { fromYear: year - 1, toYear: year + 1 });
  return new Date(calendar.instantAtWorkingTime(calendar.workingTimeAt(now.getTime()) + workingMinutes * 60_000));
}

/** The default at-risk threshold: one working day. */
export const DEFAULT_AT_RISK_WORKING_MINUTES = 8 * 60;
