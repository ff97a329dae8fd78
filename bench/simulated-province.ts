/**
 * The benches' data sets start the same way (bench/search-data.ts, bench/reports-data.ts): the demo
 * directory and catalogue, then the Đồng Tháp pilot scaled to `size` dossiers through the simulator's
 * bulk path, its progress on stderr. No `run()`: the bench runner passes it over.
 */
import type pg from 'pg';
import { seedCatalog } from '../src/catalog/seed';
import { seedDirectory } from '../src/directory/seed';
import { systemClock } from '../src/platform/clock';
import type { Database } from '../src/platform/db/connect';
import { simulate } from '../src/simulate/load';
import { dongThapPilot, scaled } from '../src/simulate/scenario';

export async function simulateProvince(db: Database, pool: pg.Pool, size: number, seed: number): Promise<Awaited<ReturnType<typeof simulate>> & { seconds: number }> {
  await seedDirectory(db, systemClock);
  await seedCatalog(db, systemClock);
  const t0 = performance.now();
  let last = 0;
  const report = await simulate(db, scaled(dongThapPilot, size), {
    seed, pool, onProgress: (done, total) => {
      if (done - last >= total / 50 || done === total) {
        const s = (performance.now() - t0) / 1000;
        process.stderr.write(`\r  sinh dữ liệu ${done}/${total} (${Math.round(done / s)}/s, ${s.toFixed(0)} s)`);
        last = done;
      }
    },
  });
  process.stderr.write('\n');
  return { ...report, seconds: (performance.now() - t0) / 1000 };
}
