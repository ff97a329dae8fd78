// `motcua serve` as a child process, the way an operator runs it: embedded PostgreSQL in a data
// folder, demo data on an empty database. For tests that stop, kill and restart the server.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
}

/**
 * `env`: more of the server's environment, e.g. `DATABASE_URL` for instances sharing one PostgreSQL.
 * `demoDossiers`: the demo's past working days too (src/demo-day.ts); off by default, so that the
 * tests counting dossiers count only their own.
 */
export async function startServer(dataDir: string, port: number, timeoutMs = 120_000, env: Readonly<Record<string, string>> = {}, options: { demoDossiers?: boolean } = {}): Promise<ServerProcess> {
  let out = '';
  const demo = options.demoDossiers ? ['--seed-demo'] : ['--seed-demo', '--demo-without-dossiers'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', ...demo, '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, MOTCUA_DATA_DIR: dataDir, DATABASE_URL: '', MOTCUA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => { out += String(d); });
  child.stderr?.on('data', (d) => { out += String(d); });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return { child, output: () => out };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer in time:\n${out}`);
}

/** Resolves with the exit code (null when killed by a signal) once the process has ended. */
export const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
  else child.once('exit', (code) => resolve(code));
});
