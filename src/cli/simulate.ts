// `motcua simulate --scenario dong-thap-pilot --seed 1 [--dossiers N]`: writes a synthetic
// province through the simulator's bulk path; a progress bar on stderr.
import type pg from 'pg';
import type { Database } from '../platform/db/connect';
import { systemClock } from '../platform/clock';
import { UsageError } from './usage-error';

export interface SimulateArgs {
  readonly scenario: string;
  readonly seed: number;
  readonly dossiers?: number;
}

export function parseSimulateArgs(v: Record<string, string | boolean | undefined>): SimulateArgs {
  const scenario = typeof v.scenario === 'string' ? v.scenario : 'dong-thap-pilot';
  const seed = Number(typeof v.seed === 'string' ? v.seed : '1');
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed phải là số nguyên không âm');
  const dossiers = typeof v.dossiers === 'string' ? Number(v.dossiers) : undefined;
  if (dossiers !== undefined && (!Number.isInteger(dossiers) || dossiers < 1)) throw new UsageError('--dossiers phải là số nguyên dương');
  return { scenario, seed, ...(dossiers !== undefined ? { dossiers } : {}) };
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  const started = Date.now();
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} hồ sơ, ${rate}/s, ${secs.toFixed(0)} s`);
    if (done >= total) stream.write('\n');
  };
}

/** `pool` (the one behind `db`): write by COPY (src/simulate/bulk-copy.ts). */
export async function runSimulate(db: Database, args: SimulateArgs, onProgress?: (done: number, total: number) => void, pool?: pg.Pool) {
  const { scenarios, scaled } = await import('../simulate/scenario');
  const { simulate } = await import('../simulate/load');
  const base = scenarios[args.scenario];
  if (!base) throw new UsageError(`không có kịch bản "${args.scenario}" (có: ${Object.keys(scenarios).join(', ')})`);
  const spec = args.dossiers === undefined ? base : scaled(base, args.dossiers);
  const { seedDirectory } = await import('../directory/seed');
  const { seedCatalog } = await import('../catalog/seed');
  await seedDirectory(db, systemClock);
  await seedCatalog(db, systemClock);
  return simulate(db, spec, { seed: args.seed, ...(onProgress ? { onProgress } : {}), ...(pool ? { pool } : {}) });
}
