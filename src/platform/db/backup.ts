// motcua's own backup format (docs/adr/009-backups.md): a consistent logical export taken inside
// one REPEATABLE READ READ ONLY transaction (one snapshot of every table, while the server keeps
// writing), gzip-compressed:
//
//   {"format":"motcua-backup","version":1,…,"migrations":[{name,checksum}…]}   header line
//   @table <name> <JSON array of columns>                                       per table, then
//   <rows in COPY text format, one per line>
//   \.                                                                          end of the table
//   @sequences <JSON {name: last value}>                                        trailer line
//
// The schema is not in the file: restore applies the backup's own migrations (which must be the
// ones on disk, checksums equal), copies the rows in one transaction with triggers off (the
// append-only tables refuse anything else), sets the sequences, then applies any newer
// migrations. COPY's text format escapes newlines and tabs, so a table's rows are plain lines.
// pg-boss's schema (job queue state) is not exported: its schedules recreate themselves at
// start, and durable work (the outbox, report exports) lives in application tables.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrate, readMigrations } from './migrate';

export const BACKUP_FORMAT = 'motcua-backup';

interface Header {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: 1;
  readonly createdAt: string;
  readonly serverVersion: string;
  readonly migrations: readonly { readonly name: string; readonly checksum: string }[];
}

export interface BackupReport {
  readonly tables: number;
  readonly rows: number;
  readonly migrations: number;
  readonly bytes: number;
}

/** Table names are identifiers we read from the catalogue; quoted all the same. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'motcua-backup' });
  client.on('error', () => {}); // a lost connection fails the query in progress
  await client.connect();
  return client;
}

/** Application tables (public schema) and their stored columns (generated ones are recomputed). */
async function tablesOf(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(`
    SELECT c.relname AS table, array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migrations'
     GROUP BY c.relname ORDER BY c.relname`);
  return rows.map((r) => ({ name: r.table, columns: r.columns }));
}

function write(out: NodeJS.WritableStream, text: string): Promise<void> | undefined {
  return out.write(text) ? undefined : once(out, 'drain').then(() => undefined);
}

/** Writes a consistent export of the database at `url` to `file` (replaced only when complete). */
export async function backupDatabase(url: string, file: string, onTable?: (name: string, rows: number) => void): Promise<BackupReport> {
  const client = await connect(url);
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name')).rows;
    const serverVersion = (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
    const header: Header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), serverVersion, migrations };
    await write(gzip, `${JSON.stringify(header)}\n`);
    const tables = await tablesOf(client);
    for (const t of tables) {
      await write(gzip, `@table ${t.name} ${JSON.stringify(t.columns)}\n`);
      const stream = client.query(copyTo(`COPY (SELECT ${t.columns.map(ident).join(', ')} FROM ${ident(t.name)}) TO STDOUT`));
      stream.pipe(gzip, { end: false });
      await once(stream, 'end');
      rows += stream.rowCount;
      await write(gzip, '\\.\n');
      onTable?.(t.name, stream.rowCount);
    }
    const sequences = (await client.query<{ name: string; value: number | null }>(
      `SELECT sequencename AS name, last_value AS value FROM pg_sequences WHERE schemaname = 'public'`)).rows;
    await write(gzip, `@sequences ${JSON.stringify(Object.fromEntries(sequences.map((s) => [s.name, s.value])))}\n`);
    await client.query('COMMIT');
    gzip.end();
    await done;
    await fs.rename(partial, file);
    return { tables: tables.length, rows, migrations: migrations.length, bytes: (await fs.stat(file)).size };
  } catch (e) {
    gzip.destroy();
    await done.catch(() => {});
    await fs.rm(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

export class RestoreRefused extends Error {}

async function readHeader(lines: AsyncIterator<string>): Promise<Header> {
  const first = await lines.next();
  let header: Partial<Header> = {};
  try {
    header = JSON.parse(first.done ? '' : first.value) as Partial<Header>;
  } catch { /* not ours */ }
  if (header.format !== BACKUP_FORMAT || header.version !== 1 || !Array.isArray(header.migrations)) {
    throw new RestoreRefused('tệp không phải bản sao lưu motcua (hoặc đã hỏng)');
  }
  return header as Header;
}

/** The backup's migrations must be the first ones on disk, unchanged: the schema is rebuilt from them. */
async function checkMigrations(header: Header): Promise<Set<string>> {
  const onDisk = new Map((await readMigrations()).map((m) => [m.name, m.checksum]));
  for (const m of header.migrations) {
    const here = onDisk.get(m.name);
    if (here === undefined) throw new RestoreRefused(`bản sao lưu cần migration ${m.name}, phiên bản motcua này không có (hãy dùng phiên bản mới hơn)`);
    if (here !== m.checksum) throw new RestoreRefused(`migration ${m.name} của bản sao lưu khác với bản trên đĩa`);
  }
  return new Set(header.migrations.map((m) => m.name));
}

async function refuseUnlessEmpty(client: pg.Client): Promise<void> {
  const t = await client.query<{ t: string | null }>(`SELECT to_regclass('public.schema_migrations')::text AS t`);
  if (!t.rows[0]?.t) return;
  const n = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
  if ((n.rows[0]?.n ?? 0) > 0) {
    throw new RestoreRefused('cơ sở dữ liệu đích đã có dữ liệu; chỉ khôi phục vào một cơ sở dữ liệu trống (một MOTCUA_DATA_DIR mới, hoặc một DATABASE_URL mới tạo)');
  }
}

/** Streams the lines of one table's section into COPY … FROM STDIN; returns the row count. */
async function copyTable(client: pg.Client, lines: AsyncIterator<string>, name: string, columns: string[]): Promise<number> {
  const sink = client.query(copyFrom(`COPY ${ident(name)} (${columns.map(ident).join(', ')}) FROM STDIN`));
  const finished = once(sink, 'finish');
  let rows = 0;
  try {
    for (;;) {
      const next = await lines.next();
      if (next.done) throw new RestoreRefused(`bản sao lưu bị cắt cụt trong bảng ${name}`);
      if (next.value === '\\.') break;
      rows += 1;
      if (!sink.write(`${next.value}\n`)) await once(sink, 'drain');
    }
  } catch (e) {
    sink.destroy(e as Error); // CopyFail: the server ends the COPY, the transaction can roll back
    await finished.catch(() => {});
    throw e;
  }
  sink.end();
  await finished;
  return rows;
}

/** Restores a motcua backup into the EMPTY database at `url` (the owner's role: triggers are turned off). */
export async function restoreDatabase(url: string, file: string, onTable?: (name: string, rows: number) => void): Promise<BackupReport> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const header = await readHeader(lines);
  const wanted = await checkMigrations(header);
  const client = await connect(url);
  let rows = 0;
  let tables = 0;
  try {
    await refuseUnlessEmpty(client);
    await migrate(url, undefined, { only: wanted });
    await client.query('BEGIN');
    // the append-only tables' triggers refuse TRUNCATE; rows seeded by migrations are replaced by the backup's
    await client.query(`SET LOCAL session_replication_role = replica`);
    const present = (await tablesOf(client)).map((t) => t.name);
    if (present.length > 0) await client.query(`TRUNCATE ${present.map(ident).join(', ')}`);
    for (;;) {
      const next = await lines.next();
      if (next.done) throw new RestoreRefused('bản sao lưu bị cắt cụt (thiếu phần cuối)');
      const line = next.value;
      const table = /^@table (\S+) (\[.*\])$/.exec(line);
      if (table?.[1] && table[2]) {
        const n = await copyTable(client, lines, table[1], JSON.parse(table[2]) as string[]);
        rows += n;
        tables += 1;
        onTable?.(table[1], n);
        continue;
      }
      if (line.startsWith('@sequences ')) {
        const sequences = JSON.parse(line.slice('@sequences '.length)) as Record<string, number | null>;
        for (const [name, value] of Object.entries(sequences)) {
          await client.query('SELECT setval($1::regclass, $2, $3)', [ident(name), value ?? 1, value !== null]);
        }
        break;
      }
      throw new RestoreRefused('bản sao lưu có dòng không đọc được');
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
    input.destroy();
  }
  await migrate(url); // migrations newer than the backup
  return { tables, rows, migrations: header.migrations.length, bytes: (await fs.stat(file)).size };
}
