// Multi-host connection strings, as libpq reads them (PostgreSQL docs §34.1.1.3):
// `postgres://user:pass@h1:5432,h2:5432/motcua?target_session_attrs=read-write`. node-postgres
// takes one host only, so a pool on such a URL picks its server here: the hosts are tried in
// order, and the first whose session has the asked attributes is kept until a connection to it
// fails or no longer has them (after a failover: the promoted standby). A single-host URL passes
// through untouched.
import pg from 'pg';

export const targetSessionAttrs = ['any', 'read-write', 'read-only', 'primary', 'standby', 'prefer-standby'] as const;
export type TargetSessionAttrs = (typeof targetSessionAttrs)[number];

export interface HostList {
  readonly hosts: readonly { readonly host: string; readonly port: number }[];
  readonly target: TargetSessionAttrs;
  /** The URL with only the i-th host (and without target_session_attrs, which node-postgres does not know). */
  urlOf(i: number): string;
}

const MULTI = /^(postgres(?:ql)?:\/\/)([^@/]*@)?([^/?]*)(.*)$/;

/** The hosts of a connection string (one or more) and its target_session_attrs (default `any`). */
export function hostListOf(url: string): HostList {
  const m = MULTI.exec(url);
  if (!m) throw new Error('URL PostgreSQL không hợp lệ (ví dụ postgres://user:pass@host:5432/motcua)');
  const [, scheme = '', auth = '', hostPart = '', rest = ''] = m;
  const [path = '', query = ''] = rest.split('?', 2);
  const params = new URLSearchParams(query);
  const target = (params.get('target_session_attrs') ?? 'any') as TargetSessionAttrs;
  if (!targetSessionAttrs.includes(target)) throw new Error(`target_session_attrs=${target} không hợp lệ (${targetSessionAttrs.join(', ')})`);
  params.delete('target_session_attrs');
  const hosts = hostPart.split(',').map((h) => {
    const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(h);
    const [host, port] = bracket ? [bracket[1] ?? '', bracket[2]] : h.split(':', 2);
    return { host: host || 'localhost', port: Number(port ?? 5432) };
  });
  const q = params.toString();
  return {
    hosts, target,
    urlOf: (i) => {
      const h = hosts[i] ?? hosts[0];
      const host = h?.host.includes(':') ? `[${h.host}]` : h?.host;
      return `${scheme}${auth}${host}:${h?.port ?? 5432}${path}${q ? `?${q}` : ''}`;
    },
  };
}

export const isMultiHost = (url: string): boolean => { const l = hostListOf(url); return l.hosts.length > 1 || l.target !== 'any'; };

/** SQLSTATE 08001 (as libpq's): the database is unavailable for now (503, db/unavailable.ts), e.g. during a failover. */
const unableToConnect = (message: string): Error => Object.assign(new Error(message), { code: '08001' });

interface SessionFacts { readonly inRecovery: boolean; readonly readOnly: boolean }

/** What `target` accepts of a session; prefer-standby's second round (any server) is the picker's. */
export function accepts(target: TargetSessionAttrs, s: SessionFacts): boolean {
  switch (target) {
    case 'read-write': return !s.readOnly;
    case 'read-only': return s.readOnly;
    case 'primary': return !s.inRecovery;
    case 'standby': case 'prefer-standby': return s.inRecovery;
    default: return true;
  }
}

const FACTS_SQL = `SELECT pg_is_in_recovery() AS in_recovery, current_setting('transaction_read_only') = 'on' AS read_only`;
export async function sessionFacts(client: pg.Client): Promise<SessionFacts> {
  const r = await client.query<{ in_recovery: boolean; read_only: boolean }>(FACTS_SQL);
  return { inRecovery: r.rows[0]?.in_recovery ?? false, readOnly: r.rows[0]?.read_only ?? false };
}

/** The index of the first host whose session `target` accepts (probing each with one short connection). */
async function probe(list: HostList, timeoutMs: number): Promise<number> {
  const reasons: string[] = [];
  const rounds: TargetSessionAttrs[] = list.target === 'prefer-standby' ? ['standby', 'any'] : [list.target];
  for (const target of rounds) {
    for (let i = 0; i < list.hosts.length; i++) {
      const client = new pg.Client({ connectionString: list.urlOf(i), connectionTimeoutMillis: timeoutMs });
      client.on('error', () => {});
      try {
        await client.connect();
        if (accepts(target, await sessionFacts(client))) return i;
        reasons.push(`${list.hosts[i]?.host}:${list.hosts[i]?.port} không phải ${target}`);
      } catch (e) {
        reasons.push(`${list.hosts[i]?.host}:${list.hosts[i]?.port}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        await client.end().catch(() => {});
      }
    }
  }
  throw unableToConnect(`không máy chủ PostgreSQL nào đáp ứng target_session_attrs=${list.target} (${reasons.join('; ')})`);
}

/** The host a pool on a multi-host URL uses now; `forget()` after a failure makes the next connection probe again. */
export interface HostPicker {
  readonly list: HostList;
  current(): Promise<number>;
  forget(index: number): void;
}

export function hostPicker(list: HostList, timeoutMs = 5000): HostPicker {
  let chosen: Promise<number> | undefined;
  return {
    list,
    current() {
      chosen ??= probe(list, timeoutMs).catch((e: unknown) => { chosen = undefined; throw e; });
      return chosen;
    },
    forget(index) { void chosen?.then((i) => { if (i === index) chosen = undefined; }, () => {}); },
  };
}

/** The single-host URL of the server a multi-host URL designates now (start-up: migrations, roles, pg-boss). */
export async function resolveUrl(url: string): Promise<string> {
  if (!isMultiHost(url)) return url;
  const list = hostListOf(url);
  return list.urlOf(await hostPicker(list).current());
}

/**
 * A pg.Client class for a pool on a multi-host URL: each new connection goes to the picked host,
 * checks its session (a standby where read-write was asked fails it), and on any failure makes the
 * picker probe again at the next connection. Failed connections are the pool's to report: the
 * request meanwhile gets the "database unavailable" answer (503) and the client retries.
 */
export function pickingClient(picker: HostPicker): typeof pg.Client {
  return class PickingClient extends pg.Client {
    override connect(): Promise<void>;
    override connect(callback: (err: Error) => void): void;
    override connect(callback?: (err: Error) => void): Promise<void> | void {
      const done = (async () => {
        const index = await picker.current();
        const h = picker.list.hosts[index];
        const self = this as unknown as { host: string; port: number; connectionParameters: { host: string; port: number } };
        self.host = self.connectionParameters.host = h?.host ?? 'localhost';
        self.port = self.connectionParameters.port = h?.port ?? 5432;
        try {
          await super.connect();
          if (picker.list.target !== 'prefer-standby' && !accepts(picker.list.target, await sessionFacts(this))) {
            throw unableToConnect(`máy chủ ${h?.host}:${h?.port} không còn là ${picker.list.target}`);
          }
        } catch (e) {
          picker.forget(index);
          await this.end().catch(() => {});
          throw e;
        }
      })();
      if (!callback) return done;
      done.then(() => callback(null as unknown as Error), (e: Error) => callback(e)); // pg-pool's callback: null on success
    }
  };
}
