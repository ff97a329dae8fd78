// A test database and an HTTP server with the accounts routes (sign-in, sessions) on it, for the
// tests that go through sign-in over HTTP.
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { tableScopeLookup } from '../../test/factories';
import { systemClock } from '../platform/clock';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { actorResolver, registerAccountsRoutes } from './routes';

export async function accountsServer(options: { readonly loginRateLimit: number }): Promise<{ t: TestDatabase; app: HttpApp }> {
  const t = await createTestDatabase();
  const deps = { db: t.db, clock: systemClock };
  const app = await createHttpServer({ logger: false, resolveActor: actorResolver(deps), version: 'test' });
  registerAccountsRoutes(app, deps, { sessionTtlHours: 1, loginRateLimit: options.loginRateLimit, secureCookies: false, lookupScope: tableScopeLookup(t.db) });
  await app.ready();
  return { t, app };
}
