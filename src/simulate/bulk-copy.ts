// The simulator's fast write path: a prepared batch (load.ts) goes in with PostgreSQL's
// `COPY … FROM STDIN` (text format) through pg-copy-streams — no JSON or array parsing on the
// server side — and its roll-ups with the reports' own upsert, all in one transaction.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../platform/db/schema';
import { rollupStatement, type RollupRow } from '../reports/store';

/** One value in COPY's text format: `\N` for null, backslash escapes for `\`, tab, newline, CR. */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/** Rows as COPY text lines, fields in `columns` order. */
export function copyLines(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  const out: string[] = [];
  for (const r of rows) out.push(columns.map((c) => copyField(r[c])).join('\t'));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** Column-wise data (equal-length arrays per column) as COPY text lines. */
export function copyColumns(data: Readonly<Record<string, readonly unknown[]>>): { columns: string[]; text: string } {
  const columns = Object.keys(data);
  const n = data[columns[0] ?? '']?.length ?? 0;
  const lines: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) lines[i] = columns.map((c) => copyField(data[c]?.[i])).join('\t');
  return { columns, text: n === 0 ? '' : `${lines.join('\n')}\n` };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `COPY table (columns) FROM STDIN` of text lines on `client`. */
export async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], text: string): Promise<void> {
  if (text.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([text]), stream);
}

export interface CopyBatch {
  readonly count: number;
  readonly dossierRows: Record<string, unknown>[];
  readonly events: Readonly<Record<string, readonly unknown[]>>;
  readonly papers: Readonly<Record<string, readonly unknown[]>>;
  readonly rollups: RollupRow[];
}

/**
 * One transaction on its own pooled connection: dossiers, events and papers by COPY, the roll-ups
 * by the reports' upsert (compiled by Kysely, run on the same connection). Returns the events written.
 */
export async function writeBatchByCopy(pool: pg.Pool, db: Kysely<DB>, b: CopyBatch): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // a simulated batch lost in a crash is simply re-simulated: no need to wait for the WAL flush
    await client.query('SET LOCAL synchronous_commit = off');
    const first = b.dossierRows[0];
    if (first) {
      const columns = Object.keys(first);
      await copyInto(client, 'dossiers', columns, copyLines(columns, b.dossierRows));
    }
    const events = copyColumns(b.events);
    await copyInto(client, 'dossier_events', events.columns, events.text);
    const papers = copyColumns(b.papers);
    await copyInto(client, 'dossier_papers', papers.columns, papers.text);
    for (let i = 0; i < b.rollups.length; i += 5000) {
      const q = rollupStatement(b.rollups.slice(i, i + 5000)).compile(db);
      await client.query(q.sql, [...q.parameters]);
    }
    await client.query('COMMIT');
    return b.count;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
