// `motcua report rebuild`: re-derives the roll-ups from the event log (fold every dossier's
// events with the dossiers' own `evolve`, add `rollupDeltas`) and compares them with the stored
// tables. Differences are listed; `apply` replaces the stored roll-ups with the derived ones.
import { sql, type Kysely } from 'kysely';
import { elapsedWorkingTime } from '../calendar';
import { loadWorkCalendar } from '../calendar/store';
import type { DossierEvent, EventAction } from '../dossiers/events';
import { evolve, type DerivedDossier } from '../dossiers/fold';
import type { DB } from '../platform/db/schema';
import { intakeFlags, keyText, metrics, movedDeltas, procedureMetrics, rollupDeltas, RollupAccumulator, type IntakeFlags, type Metric } from './rollup';
import { upsertRollups, type RollupRow } from './store';
import { markDeltas } from './marks';
import { vnYearOfInstant } from '../shared/civil-date';

type RollupTable = 'stats_daily' | 'stats_monthly' | 'stats_monthly_procedure' | 'stats_yearly' | 'stats_yearly_procedure'
  | 'stats_monthly_procedure_province' | 'stats_yearly_procedure_province';
/** The tiers keyed by procedure: they hold no bundle counts (rollup.ts procedureMetrics). */
const procedureTables: readonly RollupTable[] = ['stats_monthly_procedure', 'stats_yearly_procedure', 'stats_monthly_procedure_province', 'stats_yearly_procedure_province'];
/** A coarser tier's dimensions (store.ts): the agency keys, the procedure keys, or the procedure keys without the unit path. */
type TierKind = 'agency' | 'procedure' | 'procedureProvince';

export interface RollupDifference {
  readonly table: RollupTable;
  readonly key: string;
  readonly metric: Metric;
  readonly stored: number;
  readonly derived: number;
}

export interface RebuildReport {
  readonly dossiers: number;
  readonly events: number;
  readonly rows: number;
  readonly differences: readonly RollupDifference[];
  readonly applied: boolean;
}

const vnYear = (d: Date) => vnYearOfInstant(d.getTime());

/** Folds every dossier's events into roll-up rows (streamed by dossier id). */
export async function deriveRollups(db: Kysely<DB>, onProgress?: (done: number) => void): Promise<{ acc: RollupAccumulator; dossiers: number; events: number }> {
  const range = await db.selectFrom('dossier_events').select((eb) => [eb.fn.min('at').as('min'), eb.fn.max('at').as('max')]).executeTakeFirst();
  const acc = new RollupAccumulator();
  if (!range?.min || !range.max) return { acc, dossiers: 0, events: 0 };
  const { calendar } = await loadWorkCalendar(db, { fromYear: vnYear(new Date(range.min)) - 1, toYear: vnYear(new Date(range.max)) + 1 });
  const minutes = (a: number, b: number) => elapsedWorkingTime(a, b, calendar);
  let lastId = 0, dossiers = 0, events = 0;
  for (;;) {
    const ids = await db.selectFrom('dossiers').select(['id', 'code']).where('id', '>', lastId).orderBy('id').limit(5000).execute();
    if (ids.length === 0) break;
    const codes = new Map(ids.map((r) => [r.id, r.code]));
    const first = ids[0]?.id ?? 0;
    lastId = ids[ids.length - 1]?.id ?? lastId;
    const rows = await db.selectFrom('dossier_events').select(['dossier_id', 'seq', 'at', 'action', 'payload'])
      .where('dossier_id', '>=', first).where('dossier_id', '<=', lastId).orderBy('dossier_id').orderBy('seq').execute();
    let current: DerivedDossier | null = null;
    let currentId = -1;
    let flags: IntakeFlags = { digitized: false, reused: false, storeLinked: false };
    for (const r of rows) {
      if (r.dossier_id !== currentId) {
        currentId = r.dossier_id;
        current = null;
        dossiers++;
      }
      const event: DossierEvent = {
        dossierId: r.dossier_id, dossierCode: codes.get(r.dossier_id) ?? '', seq: r.seq, at: r.at, action: r.action as EventAction,
        actorId: null, actorRole: null, payload: r.payload, prevHash: '', hash: '', hashVersion: 0,
      };
      if (r.seq === 1) flags = intakeFlags(r.payload);
      const before = current;
      current = evolve(current, event);
      acc.add(rollupDeltas(event, current, flags, minutes));
      acc.add(markDeltas(before, current));
      acc.add(movedDeltas(before, current, flags));
      events++;
    }
    onProgress?.(dossiers);
  }
  return { acc, dossiers, events };
}

async function storedRows(db: Kysely<DB>, table: RollupTable): Promise<Map<string, Record<Metric, number>>> {
  const out = new Map<string, Record<Metric, number>>();
  const dayCol = table === 'stats_daily' ? 'day' : table.startsWith('stats_yearly') ? 'year' : 'month';
  const rows = await sql<Record<string, unknown>>`SELECT ${sql.ref(dayCol)}::text AS d, * FROM ${sql.table(table)}`.execute(db);
  for (const r of rows.rows) {
    const key = table === 'stats_daily'
      ? `${String(r.d)}|${String(r.province_code)}|${String(r.unit_path)}|${String(r.agency_id)}|${String(r.receiving_agency_id)}|${String(r.procedure_id)}|${String(r.channel)}|${String(r.online_level)}`
      : table === 'stats_monthly' || table === 'stats_yearly'
        ? `${String(r.d)}|${String(r.province_code)}|${String(r.unit_path)}|${String(r.agency_id)}|${String(r.receiving_agency_id)}|${String(r.channel)}|${String(r.online_level)}`
        : table.endsWith('_province')
          ? `${String(r.d)}|${String(r.province_code)}|${String(r.procedure_id)}|${String(r.channel)}`
          : `${String(r.d)}|${String(r.province_code)}|${String(r.unit_path)}|${String(r.procedure_id)}|${String(r.channel)}`;
    out.set(key, Object.fromEntries(metrics.map((m) => [m, Number(r[m] ?? 0)])) as Record<Metric, number>);
  }
  return out;
}

function monthly(acc: RollupAccumulator, kind: TierKind, tier: 'month' | 'year' = 'month'): Map<string, Record<Metric, number>> {
  const out = new Map<string, Record<Metric, number>>();
  for (const { key, counts } of acc.rows.values()) {
    const month = tier === 'year' ? `${key.day.slice(0, 4)}-01-01` : `${key.day.slice(0, 7)}-01`;
    const k = kind === 'procedure'
      ? `${month}|${key.provinceCode}|${key.unitPath}|${key.procedureId}|${key.channel}`
      : kind === 'procedureProvince'
        ? `${month}|${key.provinceCode}|${key.procedureId}|${key.channel}`
        : `${month}|${key.provinceCode}|${key.unitPath}|${key.agencyId}|${key.receivingAgencyId}|${key.channel}|${key.onlineLevel}`;
    const seen = out.get(k);
    if (!seen) out.set(k, { ...counts });
    else for (const m of metrics) seen[m] += counts[m];
  }
  return out;
}

function compare(table: RollupDifference['table'], stored: Map<string, Record<Metric, number>>, derived: Map<string, Record<Metric, number>>, out: RollupDifference[]): void {
  const zero = Object.fromEntries(metrics.map((m) => [m, 0])) as Record<Metric, number>;
  for (const key of new Set([...stored.keys(), ...derived.keys()])) {
    const s = stored.get(key) ?? zero;
    const d = derived.get(key) ?? zero;
    for (const m of procedureTables.includes(table) ? procedureMetrics : metrics) if (s[m] !== d[m]) out.push({ table, key, metric: m, stored: s[m], derived: d[m] });
  }
}

export async function rebuildRollups(db: Kysely<DB>, options: { apply?: boolean; onProgress?: (done: number) => void } = {}): Promise<RebuildReport> {
  const { acc, dossiers, events } = await deriveRollups(db, options.onProgress);
  const differences: RollupDifference[] = [];
  const derivedDaily = new Map([...acc.rows.values()].map((r) => [keyText(r.key), r.counts]));
  compare('stats_daily', await storedRows(db, 'stats_daily'), derivedDaily, differences);
  compare('stats_monthly', await storedRows(db, 'stats_monthly'), monthly(acc, 'agency'), differences);
  compare('stats_monthly_procedure', await storedRows(db, 'stats_monthly_procedure'), monthly(acc, 'procedure'), differences);
  compare('stats_yearly', await storedRows(db, 'stats_yearly'), monthly(acc, 'agency', 'year'), differences);
  compare('stats_yearly_procedure', await storedRows(db, 'stats_yearly_procedure'), monthly(acc, 'procedure', 'year'), differences);
  compare('stats_monthly_procedure_province', await storedRows(db, 'stats_monthly_procedure_province'), monthly(acc, 'procedureProvince'), differences);
  compare('stats_yearly_procedure_province', await storedRows(db, 'stats_yearly_procedure_province'), monthly(acc, 'procedureProvince', 'year'), differences);
  let applied = false;
  if (options.apply && differences.length > 0) {
    await db.transaction().execute(async (trx) => {
      // the roll-ups are derived data: replacing them never touches the event log
      await sql`LOCK TABLE stats_daily, stats_monthly, stats_monthly_procedure, stats_yearly, stats_yearly_procedure,
        stats_monthly_procedure_province, stats_yearly_procedure_province IN EXCLUSIVE MODE`.execute(trx);
      for (const table of ['stats_daily', 'stats_monthly', 'stats_monthly_procedure', 'stats_yearly', 'stats_yearly_procedure',
        'stats_monthly_procedure_province', 'stats_yearly_procedure_province'] as const) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
      await upsertRollups(trx, [...acc.rows.values()] as RollupRow[]);
    });
    applied = true;
  }
  return { dossiers, events, rows: acc.rows.size, differences, applied };
}
