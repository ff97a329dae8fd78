// Keeps the service alive across the loss of its database. A probe (`SELECT 1` through the
// application's pool) runs every second; when it fails the database is "down": requests get 503
// (http/errors.ts), one alert line is written, and — for the embedded default — PostgreSQL is
// started again on the same port (or the folder taken over from a dead owner), with back-off,
// so that the open pools reconnect by themselves. With DATABASE_URL the pools simply reconnect
// when the server is back. When a probe succeeds again: one alert line with the outage's length.
import type pg from 'pg';
import type { Alert } from '../alerts';
import type { EmbeddedServer } from './embedded';

export interface DatabaseStatus {
  readonly up: boolean;
  /** When the current state began. */
  readonly since: Date;
  /** Times the embedded PostgreSQL was started again by this process. */
  readonly restarts: number;
  /** Outages seen since start. */
  readonly outages: number;
  readonly lastError: string | null;
}

export interface DatabaseWatch {
  status(): DatabaseStatus;
  /** Probes now (instead of at the next tick); resolves with whether the database answered. */
  check(): Promise<boolean>;
  stop(): void;
}

/** Seconds to wait before restart attempt `n` (1, 2, 4, 8, then 15). */
export const restartBackoffSeconds = (attempt: number): number => Math.min(2 ** Math.max(0, attempt - 1), 15);

const PROBE_TIMEOUT_MS = 3000;

async function probe(pool: pg.Pool): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pool.query('SELECT 1'),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer in ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS); }),
    ]);
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    clearTimeout(timer);
  }
}

export function watchDatabase(deps: {
  readonly pool: pg.Pool;
  readonly embedded?: EmbeddedServer;
  readonly alert: Alert;
  readonly intervalMs?: number;
}): DatabaseWatch {
  const interval = deps.intervalMs ?? 1000;
  let state: DatabaseStatus = { up: true, since: new Date(), restarts: 0, outages: 0, lastError: null };
  let attempts = 0; // restart attempts in this outage
  let nextRestartAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<boolean> | null = null;

  const restartIfNeeded = async (): Promise<void> => {
    const embedded = deps.embedded;
    if (!embedded || embedded.isRunning() || Date.now() < nextRestartAt) return;
    attempts += 1;
    try {
      await embedded.ensureRunning();
      state = { ...state, restarts: state.restarts + 1 };
      deps.alert('database.restarted', 'PostgreSQL nhúng đã được khởi động lại', { attempt: attempts, port: embedded.port });
    } catch (e) {
      nextRestartAt = Date.now() + restartBackoffSeconds(attempts) * 1000;
      deps.alert('database.restart_failed', 'Chưa khởi động lại được PostgreSQL nhúng', { attempt: attempts, error: (e as Error).message, retryInSeconds: restartBackoffSeconds(attempts) });
    }
  };

  const tick = async (): Promise<boolean> => {
    const error = await probe(deps.pool);
    if (error === null) {
      if (!state.up) {
        const downSeconds = Math.round((Date.now() - state.since.getTime()) / 100) / 10;
        state = { ...state, up: true, since: new Date(), lastError: null };
        deps.alert('database.restored', 'Cơ sở dữ liệu đã hoạt động trở lại', { downSeconds });
      }
      attempts = 0;
      nextRestartAt = 0;
      return true;
    }
    if (state.up) {
      state = { ...state, up: false, since: new Date(), outages: state.outages + 1, lastError: error };
      deps.alert('database.unavailable', 'Mất kết nối cơ sở dữ liệu', { error });
    } else {
      state = { ...state, lastError: error };
    }
    await restartIfNeeded();
    return false;
  };

  const check = (): Promise<boolean> => {
    running ??= tick().finally(() => { running = null; });
    return running;
  };
  const loop = () => {
    if (stopped) return;
    void check().finally(() => {
      if (!stopped) timer = setTimeout(loop, interval).unref();
    });
  };
  timer = setTimeout(loop, interval).unref();
  return {
    status: () => state,
    check,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
