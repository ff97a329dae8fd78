// A Fastify app for route tests: the actor comes from a request header (`x-test-actor`, or
// `x-test-role` naming a role), and the test registers the routes it exercises.
import { expect } from 'vitest';
import type { Actor, Role } from '../src/platform/actor';
import { createHttpServer, type HttpApp } from '../src/platform/http/server';

export async function createTestApp(actorOf: (who: string) => Actor | null | undefined, register: (app: HttpApp) => void): Promise<HttpApp> {
  const app = await createHttpServer({
    logger: false, version: 'test',
    resolveActor: async (request) => {
      const who = request.headers['x-test-actor'] ?? request.headers['x-test-role'];
      return typeof who === 'string' ? actorOf(who) ?? null : null;
    },
  });
  register(app);
  await app.ready();
  return app;
}

/** An actor of the role over the whole country (unit '/'), for routes whose scope does not matter. */
export const countryActor = (role: Role, userId = 1): Actor =>
  ({ userId, username: role, fullName: role, role, scope: { kind: 'unit', unitId: 0, unitPath: '/' } });

/** Closes the app, then the database (afterAll). */
export async function closeAll(...things: readonly ({ close(): Promise<unknown> } | undefined)[]): Promise<void> {
  for (const thing of things) await thing?.close();
}

/** An answer is the error `code` with HTTP `status` (the machine-readable code every 4xx carries). */
export function expectError(res: { statusCode: number; json(): unknown }, status: number, code: string): void {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ error: { code } });
}

/** An actor of the role over one unit (its path; its id, the user's unless given), for scope tests. */
export const unitActor = (role: Role, userId: number, unitPath: string, unitId = userId): Actor =>
  ({ userId, username: `${role}${userId}`, fullName: `${role} ${userId}`, role, scope: { kind: 'unit', unitId, unitPath } });
