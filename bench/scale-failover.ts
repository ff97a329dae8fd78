/**
 * Failover (issue 16 §4): pg_auto_failover (Debian's `postgresql-15-auto-failover`: a monitor, a
 * primary and a secondary, all on the loopback) keeps a synchronous standby; `motcua serve` runs on
 * the multi-host URL the monitor gives (`…@h1,h2/motcua?target_session_attrs=read-write`,
 * src/platform/db/hosts.ts). Clerks send a stream of intakes, each with its own Idempotency-Key;
 * the primary's machine is lost (its keeper and PostgreSQL killed). Printed: seconds until intakes
 * are acknowledged again, what failed meanwhile (retried with the same keys), and acknowledged
 * intakes lost (must be 0) or stored twice. Part of `npm run bench -- scale` (SCALE_FAILOVER=0
 * skips it, `npm run bench -- scale-failover` runs it alone). Never part of `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/platform/db/embedded';
import { resolveUrl } from '../src/platform/db/hosts';
import { login, postIntake, waitFor } from '../test/intake-stream';
import { ownedFolder, PG15_BIN, pgTool, runAs, withClient } from '../test/postgres15-cluster';
import { exited, startServer, type ServerProcess } from '../test/server-process';

const PG_AUTOCTL = '/usr/bin/pg_autoctl';
const CLIENTS = Number(process.env.FAILOVER_CLIENTS ?? 4);
const STEADY_S = Number(process.env.FAILOVER_STEADY_SECONDS ?? 10);
const AFTER_S = 10;
const DEADLINE_S = 180;

interface Paf {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly keepers: Map<string, ChildProcess>;
}

const autoctl = (paf: Paf, args: string[]) => pgTool(PG_AUTOCTL, args, 180_000, paf.env);

/** `pg_autoctl run` of one node, in a process group of its own (so the whole node can be killed at once). */
function keeper(paf: Paf, name: string): ChildProcess {
  const user = runAs();
  const log = openSync(path.join(paf.root, `${name}.log`), 'a');
  const child = spawn(PG_AUTOCTL, ['run', '--pgdata', path.join(paf.root, name)], { cwd: '/', env: paf.env, detached: true, stdio: ['ignore', log, log], ...(user ?? {}) });
  closeSync(log);
  paf.keepers.set(name, child);
  return child;
}

async function states(paf: Paf): Promise<Map<string, string>> {
  const out = await autoctl(paf, ['show', 'state', '--pgdata', path.join(paf.root, 'monitor'), '--json']).catch(() => '[]');
  const nodes = JSON.parse(out || '[]') as { nodename?: string; current_group_state?: string }[];
  return new Map(nodes.map((n) => [n.nodename ?? '', n.current_group_state ?? '']));
}

async function startPaf(): Promise<{ paf: Paf; url: string }> {
  const top = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-failover-'));
  await fs.chmod(top, 0o755);
  const root = await ownedFolder(top, 'paf');
  for (const d of ['sock', 'config', 'data', 'run']) await ownedFolder(root, d);
  const env = {
    PATH: `${PG15_BIN}:/usr/bin:/bin`, HOME: root, XDG_CONFIG_HOME: path.join(root, 'config'), XDG_DATA_HOME: path.join(root, 'data'),
    XDG_RUNTIME_DIR: path.join(root, 'run'), PG_REGRESS_SOCK_DIR: path.join(root, 'sock'), PGHOST: path.join(root, 'sock'),
  };
  const paf: Paf = { root, env, keepers: new Map() };
  try {
    return { paf, url: await startNodes(paf) };
  } catch (e) {
    await stopPaf(paf);
    throw e;
  }
}

/** The monitor, then node1 (primary), then node2 (its synchronous secondary); the multi-host URL of the two. */
async function startNodes(paf: Paf): Promise<string> {
  const root = paf.root;
  const ports = { monitor: await freePort(), node1: await freePort(), node2: await freePort() };
  await autoctl(paf, ['create', 'monitor', '--pgdata', path.join(root, 'monitor'), '--pgport', String(ports.monitor), '--hostname', '127.0.0.1', '--auth', 'trust', '--no-ssl']);
  await autoctl(paf, ['config', 'set', '--pgdata', path.join(root, 'monitor'), 'postgresql.listen_addresses', '127.0.0.1']);
  keeper(paf, 'monitor');
  const monitor = `postgres://autoctl_node@127.0.0.1:${ports.monitor}/pg_auto_failover?sslmode=disable`;
  for (const [name, goal] of [['node1', 'single'], ['node2', 'secondary']] as const) {
    await autoctl(paf, [
      'create', 'postgres', '--pgdata', path.join(root, name), '--pgport', String(ports[name]), '--listen', '127.0.0.1', '--hostname', '127.0.0.1',
      '--name', name, '--auth', 'trust', '--no-ssl', '--dbname', 'motcua', '--username', 'motcua', '--monitor', monitor,
    ]);
    keeper(paf, name);
    if (!(await waitFor(async () => (await states(paf)).get(name) === goal, 180_000, 1000))) throw new Error(`${name} did not reach ${goal}`);
  }
  if (!(await waitFor(async () => (await states(paf)).get('node1') === 'primary', 120_000, 1000))) throw new Error('node1 did not become primary');
  return `postgres://motcua@127.0.0.1:${ports.node1},127.0.0.1:${ports.node2}/motcua?target_session_attrs=read-write`;
}

async function stopPaf(paf: Paf): Promise<void> {
  for (const [name, child] of paf.keepers) {
    if (child.pid) try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    await Promise.race([exited(child), new Promise((r) => setTimeout(r, 15_000))]);
    if (existsSync(path.join(paf.root, name, 'postmaster.pid'))) await pgTool('pg_ctl', ['-D', path.join(paf.root, name), '-m', 'immediate', 'stop']).catch(() => {});
  }
  await fs.rm(path.dirname(paf.root), { recursive: true, force: true });
}

interface Outcome { readonly key: string; readonly i: number; readonly status: number | 'network'; readonly code?: string; readonly sentAt: number; readonly at: number }

export async function run(): Promise<void> {
  if (!existsSync(PG_AUTOCTL) || !existsSync(path.join(PG15_BIN, 'pg_ctl'))) {
    console.log('failover skipped: apt-get install postgresql-15 postgresql-15-auto-failover (pg_auto_failover)');
    return;
  }
  const setupStarted = Date.now();
  const { paf, url } = await startPaf();
  let server: ServerProcess | undefined;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-failover-serve-'));
  try {
    const sync = await withClient(await resolveUrl(url), async (c) => (await c.query<{ s: string }>("SELECT current_setting('synchronous_standby_names') AS s")).rows[0]?.s);
    console.log(`pg_auto_failover: monitor, primary and secondary up in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s; synchronous_standby_names = '${sync}'`);
    const port = await freePort();
    // background jobs on, as in production: a job ending during the outage must not end the server (src/platform/jobs.ts outageRejectionHandler)
    server = await startServer(dataDir, port, 300_000, { DATABASE_URL: url, MOTCUA_ANCHOR_KEY_FILE: `${dataDir}-anchor.pem` });
    const base = `http://127.0.0.1:${port}`;
    const { token } = await login(base, 'clerk');

    const outcomes: Outcome[] = [];
    let next = 0;
    let stopped = false;
    const workers = Array.from({ length: CLIENTS }, async () => {
      while (!stopped) {
        const i = next++;
        const key = `failover-${String(i).padStart(6, '0')}`;
        const sentAt = Date.now();
        const r = await postIntake(base, token, key, i);
        outcomes.push({ key, i, ...r, sentAt, at: Date.now() });
        if (r.status !== 201) await new Promise((res) => setTimeout(res, 200)); // a clerk waits a moment
      }
    });
    await new Promise((r) => setTimeout(r, STEADY_S * 1000));
    const node1 = paf.keepers.get('node1');
    if (node1?.pid) process.kill(-node1.pid, 'SIGKILL'); // the keeper and everything in its group…
    await pgTool('pg_ctl', ['-D', path.join(paf.root, 'node1'), '-m', 'immediate', 'stop']).catch(() => {}); // …and its PostgreSQL (a session of its own)
    const lostAt = Date.now(); // the primary's PostgreSQL is down: an intake sent from now on is acknowledged only by the new primary
    const recovered = () => outcomes.find((o) => o.sentAt >= lostAt && o.status === 201);
    const back = await waitFor(async () => recovered() !== undefined, DEADLINE_S * 1000, 250);
    const recoveredAt = recovered()?.at ?? Date.now();
    await new Promise((r) => setTimeout(r, AFTER_S * 1000));
    stopped = true;
    await Promise.all(workers);

    const failed = outcomes.filter((o) => o.status !== 201);
    const retried = await Promise.all(failed.map((o) => postIntake(base, token, o.key, o.i)));
    const acknowledged = new Map(outcomes.filter((o) => o.status === 201).map((o) => [o.key, o.code ?? '']));
    failed.forEach((o, n) => { const r = retried[n]; if (r?.status === 201 && r.code) acknowledged.set(o.key, r.code); });
    console.log(`monitor's last events:\n${(await autoctl(paf, ['show', 'events', '--pgdata', path.join(paf.root, 'monitor'), '--count', '12']).catch((e: Error) => e.message)).trimEnd()}`);
    if (!back) console.log(`node2's keeper, last lines:\n${(await fs.readFile(path.join(paf.root, 'node2.log'), 'utf8').catch(() => '')).split('\n').slice(-25).join('\n')}`);
    await waitFor(async () => (await resolveUrl(url)) !== '', 120_000, 1000);
    const primaryUrl = await resolveUrl(url);
    const stored = await withClient(primaryUrl, async (c) => (await c.query<{ code: string; personal_id: string }>(
      `SELECT code, personal_id FROM dossiers WHERE code = ANY($1)`, [[...acknowledged.values()]])).rows);
    const lost = [...acknowledged.values()].filter((code) => !stored.some((s) => s.code === code));
    const twice = await withClient(primaryUrl, async (c) => Number((await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT personal_id FROM dossiers WHERE personal_id LIKE '0870%' GROUP BY personal_id HAVING count(*) > 1) t`)).rows[0]?.n));
    const failedDuring = failed.filter((o) => o.at >= lostAt && o.at <= recoveredAt);
    const byStatus = new Map<number | 'network', number>();
    for (const o of failed) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
    const statuses = [...byStatus].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([status, n]) => `${status} × ${n}`).join(', ');
    console.log(`primary lost at +${STEADY_S} s of a stream of ${CLIENTS} clerks; motcua on ${primaryUrl.replace(/\/\/[^@]*@/, '//')} now (${(await states(paf)).get('node2')})`);
    console.log(`seconds to recover: ${back ? ((recoveredAt - lostAt) / 1000).toFixed(1) : `> ${DEADLINE_S}`} (from the loss to the next acknowledged intake)`);
    console.log(`intakes: ${outcomes.length} sent, ${outcomes.length - failed.length} acknowledged at once, ${failed.length} not (${failedDuring.length} during the outage; answers ${statuses || '—'}), `
      + `${retried.filter((r) => r.status === 201).length}/${failed.length} acknowledged when retried with their keys`);
    console.log(`acknowledged intakes lost: ${lost.length} of ${acknowledged.size}; stored twice: ${twice}`);
    if (server.child.exitCode !== null || server.child.signalCode !== null) console.log(`motcua serve ended (${server.child.exitCode ?? server.child.signalCode}):\n${server.output().slice(-4000)}`);
    // an outage answers 503 (+ Retry-After), never 500; and the server outlives it
    if (lost.length > 0 || twice > 0 || byStatus.has(500) || server.child.exitCode !== null) process.exitCode = 1;
  } finally {
    if (server) { server.child.kill('SIGTERM'); await exited(server.child); }
    await stopPaf(paf);
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(`${dataDir}-anchor.pem`, { force: true });
    await fs.rm(`${dataDir}-anchor.pem.pub`, { force: true });
  }
}
