// `motcua backup FILE` / `motcua restore FILE` (docs/adr/009-backups.md). The embedded default is
// exported by motcua itself (src/platform/db/backup.ts): PostgreSQL 18's embedded binaries have
// no pg_dump, and an older pg_dump refuses a newer server. With DATABASE_URL, pg_dump's custom
// format is used when a pg_dump of the server's major version is installed; otherwise a clear
// line says so and motcua's own export is written instead (restored by `motcua restore` too).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import pg from 'pg';
import type { Connection } from '../platform/db/connect';
import { UsageError } from './usage-error';

type Open = (command: string) => Promise<Connection>;
type Say = (line: string) => void;

/** Major version of an installed client tool (`pg_dump (PostgreSQL) 15.18 …` → 15), or null when absent. */
export function toolMajor(tool: 'pg_dump' | 'pg_restore'): number | null {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return majorOf(r.stdout);
}

export const majorOf = (versionText: string): number | null => {
  const m = /(\d+)(?:\.\d+)?/.exec(versionText.replace(/^[^\d]*/, ''));
  return m?.[1] ? Number(m[1]) : null;
};

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    const r = await client.query<{ v: string }>('SHOW server_version_num');
    return Math.floor(Number(r.rows[0]?.v ?? 0) / 10000);
  } finally {
    await client.end();
  }
}

/** Whether pg_dump/pg_restore can serve this server, and if not, the line that says why. */
export function pgToolFits(tool: 'pg_dump' | 'pg_restore', client: number | null, server: number): { fits: true } | { fits: false; why: string } {
  if (client === null) return { fits: false, why: `không có ${tool} trên máy này` };
  if (client !== server) return { fits: false, why: `${tool} ${client} không khớp máy chủ PostgreSQL ${server}` };
  return { fits: true };
}

const run = (tool: string, args: string[]): void => {
  const r = spawnSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) throw new Error(`${tool} thất bại: ${(r.stderr ?? '').trim().split('\n')[0] ?? r.status}`);
};

export async function backupCommand(file: string | undefined, databaseUrl: string | undefined, open: Open, say: Say): Promise<number> {
  if (!file) throw new UsageError('cách dùng: motcua backup TỆP');
  const connection = await open('backup');
  try {
    if (databaseUrl) {
      const fit = pgToolFits('pg_dump', toolMajor('pg_dump'), await serverMajor(connection.url));
      if (fit.fits) {
        run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, connection.url]);
        say(`Đã sao lưu bằng pg_dump vào ${file} (${(await fs.stat(file)).size} byte).`);
        return 0;
      }
      say(`${fit.why}: dùng bản xuất của motcua (khôi phục bằng "motcua restore").`);
    }
    const { backupDatabase } = await import('../platform/db/backup');
    const r = await backupDatabase(connection.url, file);
    say(`Đã sao lưu ${r.rows} dòng của ${r.tables} bảng (${r.migrations} migration) vào ${file} (${r.bytes} byte).`);
    return 0;
  } finally {
    await connection.close();
  }
}

export async function restoreCommand(file: string | undefined, databaseUrl: string | undefined, open: Open, say: Say): Promise<number> {
  if (!file) throw new UsageError('cách dùng: motcua restore TỆP');
  const head = await fs.readFile(file).then((b) => b.subarray(0, 5)).catch(() => null);
  if (head === null) throw new UsageError(`không đọc được tệp ${file}`);
  const connection = await open('restore');
  try {
    if (head.toString('latin1') === 'PGDMP') {
      if (!databaseUrl) throw new UsageError('tệp là bản pg_dump: chỉ khôi phục được vào DATABASE_URL (bằng pg_restore)');
      const fit = pgToolFits('pg_restore', toolMajor('pg_restore'), await serverMajor(connection.url));
      if (!fit.fits) throw new UsageError(`${fit.why}: hãy cài pg_restore cùng phiên bản với máy chủ`);
      run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${connection.url}`, file]);
      say(`Đã khôi phục ${file} bằng pg_restore.`);
      return 0;
    }
    const { restoreDatabase, RestoreRefused } = await import('../platform/db/backup');
    try {
      const r = await restoreDatabase(connection.url, file);
      say(`Đã khôi phục ${r.rows} dòng của ${r.tables} bảng từ ${file}.`);
      return 0;
    } catch (e) {
      if (e instanceof RestoreRefused) throw new UsageError(`không khôi phục: ${e.message}`);
      throw e;
    }
  } finally {
    await connection.close();
  }
}
