/**
 * The write cost of migration 0220 (issue 16 §1: "write cost not measured"), in the intake bench's
 * own scratch database (bench/intake.ts):
 *
 * 1. One dossier row, as an intake writes it (one INSERT statement, so the statement trigger with
 *    its transition table fires once per dossier), N times in a PL/pgSQL loop inside a transaction
 *    that is rolled back, in three states of the table:
 *    - `as migrated`: the suffix triggers on, the two code btrees of 0220 (start and end);
 *    - `suffix triggers off`: the same without the suffix rows;
 *    - `before 0220`: no suffix trigger, no code btrees, the two trigram GINs 0220 dropped
 *      (built again inside the transaction; GIN's pending list defers part of their cost, so this
 *      state is if anything under-counted).
 *    The states alternate round by round; each prints µs per dossier.
 * 2. The whole intake: HTTP at saturation and the raw loop writing the same rows, with the suffix
 *    triggers enabled and disabled (ALTER TABLE … DISABLE TRIGGER, committed, enabled again after),
 *    alternately. The suffix rows written per intake are counted to show the state held.
 * The whole intakes run first (they write the dossiers the row copies of 1 are made from).
 */
import os from 'node:os';
import pg from 'pg';
import type { Connection } from '../src/platform/db/connect';

interface PhaseResult { readonly count: number; readonly seconds: number }

const INSERTS = Number(process.env.BENCH_INTAKE_SUFFIX_INSERTS ?? 2000);
const TRIGGERS = ['dossier_name_suffixes_insert', 'dossier_name_suffixes_update'] as const;

type State = 'as migrated' | 'suffix triggers off' | 'before 0220';

const SETUP: Record<State, readonly string[]> = {
  'as migrated': [],
  'suffix triggers off': TRIGGERS.map((t) => `ALTER TABLE dossiers DISABLE TRIGGER ${t}`),
  'before 0220': [
    ...TRIGGERS.map((t) => `ALTER TABLE dossiers DISABLE TRIGGER ${t}`),
    'DROP INDEX dossiers_code_reverse_idx', 'DROP INDEX dossiers_code_prefix_idx',
    'CREATE INDEX dossiers_name_key_trgm ON dossiers USING gin (applicant_name_key gin_trgm_ops)',
    'CREATE INDEX dossiers_code_trgm ON dossiers USING gin (code gin_trgm_ops)',
  ],
};

/** N single-row inserts of a copy of the newest dossier (new id, new code, other name words), one statement each. */
const LOOP = (n: number) => `DO $$
DECLARE t dossiers%ROWTYPE;
BEGIN
  SELECT * INTO t FROM dossiers ORDER BY id DESC LIMIT 1;
  FOR i IN 1..${n} LOOP
    t.id := nextval(pg_get_serial_sequence('dossiers', 'id'));
    t.code := 'SUFFIX-' || txid_current() || '-' || i;
    t.ledger_serial := NULL;
    t.applicant_name := 'Nguyễn Văn Suffix ' || i;
    INSERT INTO dossiers SELECT t.*;
  END LOOP;
END $$`;

const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
/** the middle value, or the mean of the two middle ones */
export const median = (v: readonly number[]): number => {
  const s = sorted([...v]);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};
const show = (v: number[], digits: number) => `median ${median(v).toFixed(digits)} (${v.map((x) => x.toFixed(digits)).join(', ')})`;

async function rowCost(url: string, rounds: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const states: State[] = ['as migrated', 'suffix triggers off', 'before 0220'];
  const micros: Record<State, number[]> = { 'as migrated': [], 'suffix triggers off': [], 'before 0220': [] };
  try {
    await client.query(`${LOOP(200)}`); // warm up (plans, caches), kept: the rows are like any other
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? states : [...states].reverse();
      for (const state of order) {
        await client.query('BEGIN');
        try {
          for (const statement of SETUP[state]) await client.query(statement);
          const t0 = performance.now();
          await client.query(LOOP(INSERTS));
          micros[state].push(((performance.now() - t0) * 1000) / INSERTS);
        } finally {
          await client.query('ROLLBACK');
        }
      }
    }
  } finally {
    await client.end();
  }
  console.log(`one dossier row as an intake writes it (${INSERTS} single-row INSERTs a round, rolled back; ${rounds} rounds, states alternating):`);
  for (const state of states) console.log(`  ${state.padEnd(20)} µs per dossier: ${show(micros[state], 0)}`);
  const on = median(micros['as migrated']);
  console.log(`  suffix rows cost ${(on - median(micros['suffix triggers off'])).toFixed(0)} µs per dossier (median); as migrated vs before 0220: ${(on - median(micros['before 0220'])).toFixed(0)} µs`);
}

async function setTriggers(url: string, enabled: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const t of TRIGGERS) await client.query(`ALTER TABLE dossiers ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`);
  } finally {
    await client.end();
  }
}

async function counts(connection: Connection): Promise<{ dossiers: number; suffixes: number }> {
  const r = await connection.pool.query<{ dossiers: string; suffixes: string }>(
    'SELECT (SELECT count(*) FROM dossiers) AS dossiers, (SELECT count(*) FROM dossier_name_suffixes) AS suffixes');
  return { dossiers: Number(r.rows[0]?.dossiers), suffixes: Number(r.rows[0]?.suffixes) };
}

/** Whole intakes with the suffix triggers on and off, alternately. */
async function intakeCost(connection: Connection, phases: { http(): Promise<PhaseResult>; raw(): Promise<PhaseResult> }, rounds: number): Promise<void> {
  const rates: Record<'on' | 'off', { app: number[]; raw: number[]; suffixesPerDossier: number[] }> = {
    on: { app: [], raw: [], suffixesPerDossier: [] }, off: { app: [], raw: [], suffixesPerDossier: [] },
  };
  try {
    for (let r = 0; r < rounds; r++) {
      const order: ('on' | 'off')[] = r % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
      for (const state of order) {
        await setTriggers(connection.url, state === 'on');
        const before = await counts(connection);
        const app = await phases.http();
        const raw = await phases.raw();
        const after = await counts(connection);
        rates[state].app.push(app.count / app.seconds);
        rates[state].raw.push(raw.count / raw.seconds);
        rates[state].suffixesPerDossier.push((after.suffixes - before.suffixes) / Math.max(1, after.dossiers - before.dossiers));
      }
    }
  } finally {
    await setTriggers(connection.url, true);
  }
  console.log(`whole intakes at saturation, suffix triggers on and off (${rounds} rounds each, alternating):`);
  for (const state of ['on', 'off'] as const) {
    const s = rates[state];
    console.log(`  triggers ${state.padEnd(3)}  app ${show(s.app, 0)}/s   raw same rows ${show(s.raw, 0)}/s   suffix rows per dossier ${show(s.suffixesPerDossier, 2)}`);
  }
  const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
  console.log(`  on/off (medians): app ${ratio(rates.on.app, rates.off.app)}, raw ${ratio(rates.on.raw, rates.off.raw)}; app/raw with the triggers ${ratio(rates.on.app, rates.on.raw)}, without ${ratio(rates.off.app, rates.off.raw)}`);
}

export async function suffixWriteCost(connection: Connection, phases: { http(): Promise<PhaseResult>; raw(): Promise<PhaseResult> }, rounds: number): Promise<void> {
  console.log(`the write cost of migration 0220's name suffixes (load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}):`);
  // the whole intakes first: the row copies below take the newest dossier as their model
  await intakeCost(connection, phases, rounds);
  await rowCost(connection.url, rounds);
}
