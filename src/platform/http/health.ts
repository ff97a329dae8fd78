import { sql } from 'kysely';
import { Type } from '@fastify/type-provider-typebox';
import type { Database } from '../db/connect';
import { readMigrations } from '../db/migrate';
import type { HttpApp } from './server';

/** `GET /api/health`: database reachable, migrations applied, version. */
export async function registerHealthRoute(app: HttpApp, db: Database, version: string): Promise<void> {
  const onDisk = (await readMigrations()).map((m) => m.name); // read once at start
  app.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Tình trạng hệ thống',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok'), migrations: Type.Object({ applied: Type.Integer(), pending: Type.Integer() }), version: Type.String() }),
        503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String(), migrations: Type.Object({ applied: Type.Integer(), pending: Type.Integer() }), version: Type.String() }),
      },
    },
  }, async (_request, reply) => {
    try {
      const applied = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
      await sql`SELECT 1`.execute(db);
      const pending = onDisk.filter((n) => !applied.has(n)).length;
      const body = { database: 'ok' as const, migrations: { applied: applied.size, pending }, version };
      return pending === 0
        ? reply.send({ status: 'ok' as const, ...body })
        : reply.status(503).send({ status: 'unavailable' as const, ...body });
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, database: 'unreachable', migrations: { applied: 0, pending: onDisk.length }, version });
    }
  });
}
