// The service's metrics in Prometheus text format (prom-client), one registry per app so that
// tests never share counters. Counters are bumped where things happen (HTTP hook, job runner,
// alerts); gauges that need the database (outbox backlog, dead letters) are read at each scrape,
// and keep their last value when the database cannot answer.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type pg from 'pg';
import type { AlertEvent } from './alerts';

export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly jobFailures: Counter<'job'>;
  readonly alerts: Counter<'event'>;
  /** A gauge read at each scrape, e.g. the outbox backlog; a failing read keeps the last value. */
  addGauge(name: string, help: string, read: () => Promise<number>): void;
  /** The pool's connections (total, idle, waiting clients) and whether the database answers. */
  watchPool(pool: pg.Pool, isUp: () => boolean): void;
  text(): Promise<string>;
}

export function createMetrics(options: { readonly processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'motcua_' });
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({ name: 'motcua_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers }),
    httpDuration: new Histogram({
      name: 'motcua_http_request_duration_seconds', help: 'Time to answer an HTTP request', labelNames: ['method', 'route'], registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    jobFailures: new Counter({ name: 'motcua_job_failures_total', help: 'Background job runs that failed, by job', labelNames: ['job'], registers }),
    alerts: new Counter({ name: 'motcua_alerts_total', help: 'Alert-worthy events logged, by event', labelNames: ['event'], registers }),
    addGauge(name, help, read) {
      let last = 0;
      new Gauge({
        name, help, registers,
        async collect() {
          try {
            last = await read();
          } catch { /* database down: keep the last value */ }
          this.set(last);
        },
      });
    },
    watchPool(pool, isUp) {
      new Gauge({
        name: 'motcua_db_pool_connections', help: 'Connections of the application pool, by state', labelNames: ['state'], registers,
        collect() {
          this.set({ state: 'total' }, pool.totalCount);
          this.set({ state: 'idle' }, pool.idleCount);
          this.set({ state: 'waiting' }, pool.waitingCount);
        },
      });
      new Gauge({ name: 'motcua_db_up', help: '1 when the database answers, 0 while it is unavailable', registers, collect() { this.set(isUp() ? 1 : 0); } });
    },
    text: () => registry.metrics(),
  };
  return metrics;
}

export const countAlert = (metrics: Metrics) => (event: AlertEvent) => metrics.alerts.inc({ event });
