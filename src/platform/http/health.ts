// What operators and their tools read: `GET /api/health` (public: up or not, for load balancers),
// `GET /api/health/detail` and `GET /api/metrics` (Prometheus text) for operators only — a
// system administrator's session, or `Authorization: Bearer <MOTCUA_METRICS_TOKEN>` for a scraper.
// The two operator routes answer while the database is down (they resolve the caller themselves,
// and accept the token without touching the database).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { Type } from '@fastify/type-provider-typebox';
import type pg from 'pg';
import type { Actor } from '../actor';
import type { Database } from '../db/connect';
import { readMigrations } from '../db/migrate';
import { RETRY_AFTER_SECONDS } from '../db/unavailable';
import type { DatabaseStatus } from '../db/watch';
import { forbidden, unauthenticated } from '../errors';
import type { Metrics } from '../metrics';
import { ErrorShape as ErrorResponse } from './schemas';
import type { ActorResolver, HttpApp } from './server';

export interface HealthDeps {
  readonly db: Database;
  readonly version: string;
  readonly metrics: Metrics;
  readonly resolveActor: ActorResolver;
  /** Who counts as an operator besides the token holder (wired to accounts' policy in app.ts). */
  readonly isOperator: (actor: Actor) => boolean;
  /** `MOTCUA_METRICS_TOKEN`; absent: only operators' sessions. */
  readonly metricsToken?: string | undefined;
  readonly pool?: pg.Pool;
  /** The database watch of `motcua serve` (db/watch.ts); absent in tests: a probe per request. */
  readonly databaseStatus?: () => DatabaseStatus;
  /** Figures of capabilities for the detail page (e.g. the outbox backlog), by section. */
  readonly detailSections?: Readonly<Record<string, () => Promise<Record<string, number | null>>>>;
}

const Migrations = Type.Object({ applied: Type.Integer(), pending: Type.Integer() });
const startedAt = Date.now();

const bearerOf = (request: FastifyRequest): string | null => {
  const h = request.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : null;
};
const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The caller may read the operator routes: the metrics token, or an operator's session. */
async function requireOperator(deps: HealthDeps, request: FastifyRequest): Promise<void> {
  const bearer = bearerOf(request);
  if (deps.metricsToken && bearer && sameSecret(bearer, deps.metricsToken)) return;
  const actor = await deps.resolveActor(request); // needs the database: 503 while it is down
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập (hoặc gửi mã truy cập số liệu vận hành).');
  if (!deps.isOperator(actor)) throw forbidden('OPERATOR_ONLY', 'Chỉ quản trị viên hệ thống hoặc hệ thống giám sát có mã truy cập được xem số liệu vận hành.');
}

export async function registerHealthRoutes(app: HttpApp, deps: HealthDeps): Promise<void> {
  const onDisk = (await readMigrations()).map((m) => m.name); // read once at start
  const migrationsOf = async () => {
    const applied = new Set((await deps.db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
    await sql`SELECT 1`.execute(deps.db);
    return { applied: applied.size, pending: onDisk.filter((n) => !applied.has(n)).length };
  };
  const unavailable = (reply: FastifyReply) => reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));

  app.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Tình trạng hệ thống',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok'), migrations: Migrations, version: Type.String() }),
        503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String(), migrations: Migrations, version: Type.String() }),
      },
    },
    config: { lazyActor: true },
  }, async (_request, reply) => {
    try {
      const migrations = await migrationsOf();
      const body = { database: 'ok' as const, migrations, version: deps.version };
      return migrations.pending === 0
        ? reply.send({ status: 'ok' as const, ...body })
        : unavailable(reply).send({ status: 'unavailable' as const, ...body });
    } catch {
      return unavailable(reply).send({ status: 'unavailable' as const, database: 'unreachable', migrations: { applied: 0, pending: onDisk.length }, version: deps.version });
    }
  });

  app.get('/api/health/detail', {
    schema: {
      tags: ['system'],
      summary: 'Tình trạng chi tiết cho người vận hành (quản trị viên hệ thống hoặc mã MOTCUA_METRICS_TOKEN)',
      security: [{ bearer: [] }, { cookie: [] }],
      response: {
        200: Type.Object({
          status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
          version: Type.String(),
          uptimeSeconds: Type.Integer(),
          database: Type.Object({
            up: Type.Boolean(), since: Type.String({ format: 'date-time' }), restarts: Type.Integer(), outages: Type.Integer(),
            lastError: Type.Union([Type.String(), Type.Null()]),
            migrations: Type.Union([Migrations, Type.Null()]),
            pool: Type.Object({ total: Type.Integer(), idle: Type.Integer(), waiting: Type.Integer() }),
          }),
          sections: Type.Record(Type.String(), Type.Union([Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])), Type.Null()])),
        }),
        401: ErrorResponse, 403: ErrorResponse, 503: ErrorResponse,
      },
    },
    config: { lazyActor: true },
  }, async (request) => {
    await requireOperator(deps, request);
    const migrations = await migrationsOf().catch(() => null);
    const status: DatabaseStatus = deps.databaseStatus?.()
      ?? (migrations ? { up: true, since: new Date(startedAt), restarts: 0, outages: 0, lastError: null } : { up: false, since: new Date(), restarts: 0, outages: 0, lastError: 'unreachable' });
    const sections: Record<string, Record<string, number | null> | null> = {};
    for (const [name, read] of Object.entries(deps.detailSections ?? {})) sections[name] = await read().catch(() => null);
    return {
      status: status.up && migrations !== null && migrations.pending === 0 ? 'ok' as const : 'degraded' as const,
      version: deps.version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      database: {
        up: status.up, since: status.since.toISOString(), restarts: status.restarts, outages: status.outages, lastError: status.lastError, migrations,
        pool: { total: deps.pool?.totalCount ?? 0, idle: deps.pool?.idleCount ?? 0, waiting: deps.pool?.waitingCount ?? 0 },
      },
      sections,
    };
  });

  app.get('/api/metrics', {
    schema: {
      tags: ['system'],
      summary: 'Số liệu vận hành dạng Prometheus (quản trị viên hệ thống hoặc mã MOTCUA_METRICS_TOKEN)',
      security: [{ bearer: [] }, { cookie: [] }],
      produces: ['text/plain'],
      response: { 200: Type.String(), 401: ErrorResponse, 403: ErrorResponse, 503: ErrorResponse },
    },
    config: { lazyActor: true },
  }, async (request, reply) => {
    await requireOperator(deps, request);
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.text());
  });
}

/** Counts every answered request by route pattern (never the raw URL: no personal data, bounded labels). */
export function registerHttpMetrics(app: HttpApp, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
