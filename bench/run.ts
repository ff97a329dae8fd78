/**
 * Benchmark runner: `tsx bench/run.ts [name...]` runs `run()` of bench/<name>.ts for each name,
 * or of every bench/*.ts with a `run()` (not this file, nor the data-set helpers) when no name is
 * given (`npm run bench -- calendar`).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<void>;
}

function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function';
}

const here = dirname(fileURLToPath(import.meta.url));
const requested = process.argv.slice(2).filter((arg) => arg !== '--');
const names =
  requested.length > 0
    ? requested
    : readdirSync(here)
        .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.endsWith('.d.ts'))
        .map((file) => file.slice(0, -3))
        .sort();

let failed = false;
for (const name of names) {
  if (!/^[\w-]+$/.test(name)) {
    console.error(`Lỗi: tên benchmark không hợp lệ: ${name}`);
    failed = true;
    continue;
  }
  const module: unknown = await import(pathToFileURL(join(here, `${name}.ts`)).href);
  if (!isBenchModule(module)) {
    // a helper module (the data sets: search-data.ts, reports-data.ts) is no bench of its own
    if (requested.length === 0) continue;
    console.error(`Lỗi: bench/${name}.ts không có hàm run()`);
    failed = true;
    continue;
  }
  console.log(`── ${name} ──`);
  await module.run();
}
if (failed) process.exitCode = 1;
