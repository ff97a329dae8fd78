// Throwaway clusters of Debian's PostgreSQL 15 (package `postgresql-15`) on the loopback, for the
// PostgreSQL 15 and replica tests and the failover bench: initdb, a streaming replica made with
// pg_basebackup -R, start, stop, promote. As root the servers run as the unprivileged `postgres`
// user (PostgreSQL refuses root), in folders that user owns, as the embedded server does.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/platform/db/embedded';
import { withClient } from '../src/platform/db/roles';

export { withClient };

export const PG15_PACKAGE = 'postgresql-15';
export const PG15_BIN = process.env.MOTCUA_PG15_BIN ?? '/usr/lib/postgresql/15/bin';

/** Whether Debian's PostgreSQL 15 server binaries are installed. */
export const hasPostgres15 = (): boolean => ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((b) => existsSync(path.join(PG15_BIN, b)));

/** The uid/gid the servers run as: `postgres` when we are root, ourselves otherwise. */
export function runAs(): { uid: number; gid: number } | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('no postgres user');
  return { uid, gid };
}

/** Runs a PostgreSQL 15 program (or `file`, a path) as the servers' user; rejects with its output when it fails. */
export function pgTool(program: string, args: readonly string[], timeoutMs = 120_000, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const user = runAs();
  const file = program.includes('/') ? program : path.join(PG15_BIN, program);
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: timeoutMs, cwd: '/', ...(user ?? {}), env: { ...env, LC_ALL: 'C.UTF-8' } }, (error, out, err) => {
      if (error) reject(new Error(`${program} ${args.join(' ')}: ${error.message}\n${String(out)}${String(err)}`));
      else resolve(String(out));
    });
  });
}

/** A folder the servers' user owns (mode 700), under a fresh temporary folder. */
export async function ownedFolder(root: string, name: string): Promise<string> {
  const dir = path.join(root, name);
  await fs.mkdir(dir, { mode: 0o700 });
  const user = runAs();
  if (user) await fs.chown(dir, user.uid, user.gid);
  return dir;
}

export interface Pg15Server {
  readonly dir: string;
  readonly port: number;
  /** The URL of `database` as the cluster's superuser `motcua` (trust on the loopback: a throwaway cluster). */
  url(database?: string): string;
  start(): Promise<void>;
  /** `fast`: open sessions are ended, committed work kept; `immediate`: as a crash (WAL replayed at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  promote(): Promise<void>;
  log(): Promise<string>;
}

function serverAt(dir: string, port: number): Pg15Server {
  const logFile = path.join(dir, 'server.log');
  return {
    dir, port,
    url: (database = 'postgres') => `postgres://motcua@127.0.0.1:${port}/${database}`,
    async start() { await pgTool('pg_ctl', ['-D', dir, '-l', logFile, '-w', '-t', '120', 'start']); },
    async stop(mode = 'fast') { await pgTool('pg_ctl', ['-D', dir, '-m', mode, '-w', '-t', '120', 'stop']).catch(() => {}); },
    async promote() { await pgTool('pg_ctl', ['-D', dir, '-w', '-t', '120', 'promote']); },
    log: () => fs.readFile(logFile, 'utf8').catch(() => ''),
  };
}

/** Settings of every test server: loopback only, no Unix socket, room for a few app pools. */
const settings = (port: number) => [
  `port = ${port}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = ''`, 'max_connections = 200',
  'wal_level = replica', 'max_wal_senders = 10', 'hot_standby = on', 'hot_standby_feedback = on', 'wal_log_hints = on',
  `shared_buffers = '128MB'`, `timezone = 'UTC'`,
].join('\n');

export interface Pg15Cluster {
  readonly root: string;
  readonly primary: Pg15Server;
  /** A streaming replica of the primary (pg_basebackup -R), started. */
  addReplica(name?: string): Promise<Pg15Server>;
  /** Stops every server made and removes their folders. */
  destroy(): Promise<void>;
}

/** initdb a new primary (superuser `motcua`, UTF-8, database `motcua`), started on a free loopback port. */
export async function createPg15Cluster(): Promise<Pg15Cluster> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-pg15-'));
  await fs.chmod(root, 0o755);
  const servers: Pg15Server[] = [];
  const dir = await ownedFolder(root, 'primary');
  await pgTool('initdb', ['-D', dir, '-U', 'motcua', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  await fs.appendFile(path.join(dir, 'postgresql.conf'), `\n${settings(port)}\n`);
  const primary = serverAt(dir, port);
  servers.push(primary);
  await primary.start();
  await withClient(primary.url(), (c) => c.query('CREATE DATABASE motcua'));
  return {
    root, primary,
    async addReplica(name = `replica${servers.length}`) {
      const replicaDir = await ownedFolder(root, name);
      await pgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'motcua', '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
      const replicaPort = await freePort();
      // after -R's primary_conninfo: the replica's own port (postgresql.conf came with the primary's)
      await fs.appendFile(path.join(replicaDir, 'postgresql.auto.conf'), `\nport = ${replicaPort}\n`);
      await fs.rm(path.join(replicaDir, 'server.log'), { force: true });
      const replica = serverAt(replicaDir, replicaPort);
      servers.push(replica);
      await replica.start();
      return replica;
    },
    async destroy() {
      for (const s of servers.reverse()) await s.stop('immediate');
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
