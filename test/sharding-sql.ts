// The SQL the app sends, as the sharding guard reads it (issue 16 §5, docs/scale.md "The query
// guard"): every statement through `pg` is recorded with the first named frame of src/ that sent
// it, and each statement touching a distributed table (test/sharding-map.ts) is classed:
// - `province`: it names `province_code` (a predicate, or the column an INSERT sets) — one shard;
// - `key`: it looks a row up by its key (`id`, `code`, a parent id, a tracking number …) with a
//   parameter — one row whose province the caller holds (it read the row, or the parent, before);
// - `unscoped`: neither — under Citus a fan-out to every shard. These must be listed in
//   test/sharding-allowlist.ts with why (a documented cross-province query, or a scope-only read
//   and who turns it into a province one).
import pg from 'pg';
import { PLACEMENT } from './sharding-map';

export const DISTRIBUTED = Object.entries(PLACEMENT).filter(([, p]) => p === 'distributed').map(([t]) => t);

export interface Sent {
  readonly text: string;
  /** `src/<file>.ts#<function>` of the code that sent it */
  readonly site: string;
}

const FRAME = /at (?:async )?([\w.$<>]+) \(([^)]*\/src\/([^)]+?\.tsx?)):\d+:\d+\)/;

/** A frame without a function name: a callback (a transaction's body, say) in a file of src/. */
const ANONYMOUS_FRAME = /at (?:async )?(?:file:\/\/)?[^\s()]*\/src\/([^\s()]+?\.tsx?):\d+:\d+$/;

function siteOf(stack: string): string {
  for (const line of stack.split('\n')) {
    // a statement sent from a callback is the callback's file's (`#<anonymous>`), not its caller's
    const anonymous = ANONYMOUS_FRAME.exec(line.trim());
    if (anonymous && !anonymous[1]?.startsWith('platform/db/')) return `src/${anonymous[1]}#<anonymous>`;
    const m = FRAME.exec(line);
    if (!m || m[3]?.startsWith('platform/db/')) continue;
    const fn = (m[1] ?? '').replace(/^Object\./, '');
    if (fn === '' || fn.startsWith('<anonymous>')) continue;
    return `src/${m[3]}#${fn}`;
  }
  return 'unknown';
}

/** Records every statement sent through `pg` until `stop()`. */
export function recordSql(): { readonly sent: Sent[]; stop(): void } {
  const sent: Sent[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  proto.query = function query(this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: unknown } | undefined;
    const text = typeof first === 'string' ? first : typeof first?.text === 'string' ? first.text : '';
    if (text !== '') sent.push({ text, site: siteOf(new Error().stack ?? '') });
    return original.apply(this, args);
  };
  return {
    sent,
    stop() {
      proto.query = original;
      Error.stackTraceLimit = limit;
    },
  };
}

/** two distributed tables' province_code equated: `"e"."province_code" = "d"."province_code"` */
const PROVINCE_JOIN = /"?\w+"?\."?province_code"?\s*=\s*"?\w+"?\."?province_code"?/i;

/**
 * Whether a statement reads a distributed table twice or more (a join, a correlated subquery, a
 * self-join) without equating `province_code` anywhere between two of them. Citus pushes a join or
 * a correlated subquery between colocated tables down to the shards only when it equates the
 * distribution column; a join on `id` alone is refused (or repartitioned). INSERTs are not read
 * here (the intake's one statement chains its inserts through CTEs). One equality anywhere passes
 * the statement: an approximation from the text.
 */
export function joinsWithoutProvince(text: string): boolean {
  if (/\binsert\s+into\b/i.test(text)) return false;
  const refs = [...text.matchAll(TABLE)].filter((m) => DISTRIBUTED.includes(m[1] ?? ''));
  return refs.length >= 2 && !PROVINCE_JOIN.test(text);
}

export type Verdict = 'province' | 'key' | 'unscoped';

const TABLE = /\b(?:from|join|into|update)\s+"?([a-z_][a-z0-9_]*)"?/gi;
/** `province_code` compared with a value (a parameter or a literal), not with another column (a join names no province) */
const PROVINCE = /"?province_code"?\s*(?:=\s*(?:\$\d+|'[^']*'|any\s*\(\s*\$\d+)|in\s*\(\s*(?:\$\d+|'))/i;
const INSERT = /insert into\s+"?([a-z_][a-z0-9_]*)"?\s*\(([^)]*)\)/gi;
const KEYS = ['id', 'code', 'dossier_id', 'dossier_code', 'source_dossier_id', 'leg_id', 'shipment_id', 'receipt_id', 'order_id', 'record_id',
  'bundle_id', 'tracking_number', 'txn_ref', 'source_id', 'booking_code'];
const KEY = new RegExp(`(?<![a-z_])"?(?:${KEYS.join('|')})"?\\s*(?:=\\s*\\$\\d+|in\\s*\\(\\s*\\$\\d+|=\\s*any\\s*\\(\\s*\\$\\d+)`, 'i');

/** The distributed tables a statement touches. */
export function distributedTablesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(TABLE)) if (m[1] && DISTRIBUTED.includes(m[1])) found.add(m[1]);
  return [...found].sort();
}

/** Whether every distributed table the statement inserts into gets province_code (null: it inserts into none). */
export function insertsSetProvince(text: string): boolean | null {
  const targets = [...text.matchAll(INSERT)].filter((m) => DISTRIBUTED.includes(m[1] ?? ''));
  return targets.length === 0 ? null : targets.every((m) => /\bprovince_code\b/.test(m[2] ?? ''));
}

export function verdictOf(text: string): Verdict {
  if (PROVINCE.test(text) || insertsSetProvince(text) === true) return 'province';
  if (KEY.test(text)) return 'key';
  return 'unscoped';
}

export interface Finding {
  readonly site: string;
  readonly tables: string;
  readonly verdict: Verdict;
  readonly example: string;
}

/** One finding per (site, tables, verdict), with one example statement. */
export function findings(sent: readonly Sent[]): Finding[] {
  const out = new Map<string, Finding>();
  for (const s of sent) {
    if (/^\s*(begin|commit|rollback|savepoint|release|set |select pg_advisory|show )/i.test(s.text)) continue;
    const tables = distributedTablesIn(s.text);
    if (tables.length === 0) continue;
    const f = { site: s.site, tables: tables.join(','), verdict: verdictOf(s.text), example: s.text.replace(/\s+/g, ' ').slice(0, 300) };
    const key = `${f.site} ${f.tables} ${f.verdict}`;
    if (!out.has(key)) out.set(key, f);
  }
  return [...out.values()].sort((a, b) => (a.site + a.tables < b.site + b.tables ? -1 : 1));
}

/** The allowlist's key of an unscoped finding. */
export const keyOf = (f: Pick<Finding, 'site' | 'tables'>): string => `${f.site} ${f.tables}`;
