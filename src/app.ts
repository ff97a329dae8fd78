// The composition root: builds the Fastify app and wires the capabilities together.
// Lower capabilities never import higher ones; what crosses between them is wired here.
import { registerAccountsRoutes, actorResolver } from './accounts/routes';
import { registerCalendarRoutes } from './calendar/routes';
import { registerCatalogRoutes } from './catalog/routes';
import { registerDirectoryRoutes } from './directory/routes';
import type { DossierHook } from './dossiers/events';
import { registerDossierRoutes } from './dossiers/routes';
import { registerFormsRoutes } from './forms/routes';
import { resolveScope } from './directory/service';
import type { Clock } from './platform/clock';
import type { Config } from './platform/config';
import type { Database } from './platform/db/connect';
import { registerHealthRoute } from './platform/http/health';
import { createHttpServer, type HttpApp } from './platform/http/server';
import { loggerOptions } from './platform/logging';
import { rollupHook } from './reports/hook';
import { registerReportRoutes } from './reports/routes';
import { version } from './platform/version';

export interface AppDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: Config;
  /** false in tests; pino options otherwise. */
  readonly logger?: boolean;
  /** Requests a minute allowed per client on login; tests raise it. */
  readonly loginRateLimit?: number;
  /** Requests a minute allowed per client on public dossier tracking; tests raise it. */
  readonly trackRateLimit?: number;
  /** In-transaction hooks run after every dossier event (reports/ will add its roll-up here). */
  readonly dossierHooks?: readonly DossierHook[];
}

export async function buildApp(deps: AppDeps): Promise<HttpApp> {
  const routeDeps = { db: deps.db, clock: deps.clock };
  const app = await createHttpServer({
    logger: deps.logger === true ? loggerOptions(deps.config.logLevel) : false,
    resolveActor: actorResolver(routeDeps),
    webDir: deps.config.webDir,
    version,
    trustProxy: deps.config.trustProxy,
  });
  await registerHealthRoute(app, deps.db, version);
  registerAccountsRoutes(app, routeDeps, {
    sessionTtlHours: deps.config.sessionTtlHours,
    loginRateLimit: deps.loginRateLimit ?? 20,
    secureCookies: deps.config.publicUrl.startsWith('https:'),
    lookupScope: (kind, code) => resolveScope(deps.db, kind, code),
  });
  registerDirectoryRoutes(app, routeDeps);
  registerCatalogRoutes(app, routeDeps);
  registerCalendarRoutes(app, routeDeps);
  registerReportRoutes(app, routeDeps);
  registerDossierRoutes(app, { ...routeDeps, hooks: [rollupHook, ...(deps.dossierHooks ?? [])], trackRateLimit: deps.trackRateLimit ?? 30 });
  registerFormsRoutes(app, { ...routeDeps, publicUrl: deps.config.publicUrl });
  return app;
}
