// The in-transaction roll-up: src/app.ts adds `rollupHook` to the dossier hooks, so every
// appended event bumps stats_daily and its month and year tiers in the same transaction (DESIGN §2: the
// roll-ups are derived from the event log in the same transaction; a failure rolls both back).
import { sql, type Kysely, type Transaction } from 'kysely';
import { elapsedWorkingTime } from '../calendar';
import { loadWorkCalendar } from '../calendar/store';
import type { DerivedIntake, DossierEvent, DossierHook, DossierRow, IntakeWrite } from '../dossiers/events';
import type { DB } from '../platform/db/schema';
import { evolve, type DerivedDossier } from '../dossiers/fold';
import { intakeFlags, movedDeltas, rollupDeltas, RollupAccumulator, type IntakeFlags, type WorkingMinutes } from './rollup';
import { markDeltas, MARKING_ACTIONS } from './marks';
import { applyDeltas, rollupUpserts } from './store';
import { vnYearOfInstant } from '../shared/civil-date';

const NO_FLAGS: IntakeFlags = { digitized: false, reused: false, storeLinked: false };
const yearOf = vnYearOfInstant;

/** Working minutes with the calendar in force (the range covers both instants). */
export async function workingMinutesBetween(db: Kysely<DB>, from: number, to: number): Promise<WorkingMinutes> {
  const { calendar } = await loadWorkCalendar(db, { fromYear: yearOf(Math.min(from, to)) - 1, toYear: yearOf(Math.max(from, to)) + 1 });
  return (a, b) => elapsedWorkingTime(a, b, calendar);
}

async function afterEvent(trx: Transaction<DB>, event: DossierEvent, dossier: DossierRow): Promise<void> {
  let flags = NO_FLAGS;
  if (event.action === 'received') flags = intakeFlags(event.payload);
  else if (event.action === 'receive' || event.action === 'markResultReady' || event.action === 'reject' || event.action === 'forward') {
    // an online dossier (or a waiting bundle member) accepted now: its papers are in the intake event;
    // a decision: whether it is a bundle's member (its timeliness per agency); a forward: what its receipt counted
    const first = await trx.selectFrom('dossier_events').select('payload').where('dossier_id', '=', event.dossierId).where('seq', '=', 1).executeTakeFirst();
    flags = first ? intakeFlags(first.payload) : NO_FLAGS;
  }
  let minutes: WorkingMinutes | undefined;
  if ((event.action === 'markResultReady' || event.action === 'reject') && dossier.received_at) {
    minutes = await workingMinutesBetween(trx, dossier.received_at.getTime(), event.at.getTime());
  }
  const before = MARKING_ACTIONS.has(event.action) ? await rowBefore(trx, event) : null;
  const marks = MARKING_ACTIONS.has(event.action) ? markDeltas(before, dossier) : [];
  // a forward to another agency or unit takes the dossier's receipt with it (rollup.ts movedDeltas)
  const moved = event.action === 'forward' ? movedDeltas(before, dossier, flags) : [];
  await applyDeltas(trx, [...rollupDeltas(event, dossier, flags, minutes), ...marks, ...moved]);
}

/** The dossier as it was before `event`: its earlier events folded (dossiers/fold.ts). */
async function rowBefore(trx: Transaction<DB>, event: DossierEvent): Promise<DerivedDossier | null> {
  const rows = await trx.selectFrom('dossier_events').select(['seq', 'at', 'action', 'payload'])
    .where('dossier_id', '=', event.dossierId).where('seq', '<', event.seq).orderBy('seq').execute();
  let d: DerivedDossier | null = null;
  for (const r of rows) {
    d = evolve(d, { ...event, seq: r.seq, at: r.at, action: r.action as DossierEvent['action'], payload: r.payload, prevHash: '', hash: '' });
  }
  return d;
}

/** The intake's roll-up: the deltas of the `received` / `submitted` event, upserted by the intake statement itself. */
function intakeWrites(event: DossierEvent, dossier: DerivedIntake): readonly IntakeWrite[] {
  const acc = new RollupAccumulator();
  acc.add(rollupDeltas(event, dossier, event.action === 'received' ? intakeFlags(event.payload) : NO_FLAGS));
  acc.add(markDeltas(null, dossier));
  const rows = [...acc.rows.values()];
  if (rows.length === 0) return [];
  const names = {
    daily: 'rollup_daily', monthly: 'rollup_monthly', procedure: 'rollup_monthly_procedure', yearly: 'rollup_yearly',
    yearlyProcedure: 'rollup_yearly_procedure', procedureProvince: 'rollup_monthly_procedure_province',
  };
  const u = rollupUpserts(rows, names, sql`EXISTS (SELECT 1 FROM d)`);
  return [
    { name: names.daily, statement: u.daily }, { name: names.monthly, statement: u.monthly }, { name: names.procedure, statement: u.procedure },
    { name: names.yearly, statement: u.yearly }, { name: names.yearlyProcedure, statement: u.yearlyProcedure },
    { name: names.procedureProvince, statement: u.procedureProvince }, { name: 'rollup_yearly_procedure_province', statement: u.yearlyProcedureProvince },
  ];
}

export const rollupHook: DossierHook = { afterEvent, intakeWrites };
