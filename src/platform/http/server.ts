// The Fastify app factory used by the server and by tests (through `inject`). Capabilities add
// their routes to what this returns; src/app.ts wires them.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from '../actor';
import type { RouteDeps, ServiceContext } from '../context';
import { unauthenticated, validationFailed } from '../errors';
import { cleanJsonText } from '../text';
import { csrfHook } from './csrf';
import { errorBody, handleError } from './errors';
import { addErrorResponses, responseCheckHooks, type ResponseCheck } from './response-schemas';
import { httpMessages } from './messages';
import { redactUrl } from '../logging';

export type HttpApp = FastifyInstance<
  import('node:http').Server, import('node:http').IncomingMessage, import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger, TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The route resolves its caller itself (operator routes: they must answer while the database is down). */
    lazyActor?: boolean;
  }
}

export type ActorResolver = (request: FastifyRequest) => Promise<Actor | null>;

export interface HttpOptions {
  readonly logger: boolean | Record<string, unknown>;
  readonly resolveActor: ActorResolver;
  readonly webDir?: string;
  readonly version: string;
  /** Requests per minute per client on routes marked `config.publicLimit` (login, tracking). */
  readonly publicRateLimit?: number;
  readonly bodyLimitBytes?: number;
  /** See Config.trustProxy; false unless a proxy in front is configured. */
  readonly trustProxy?: boolean | number | string[];
  /** The public base URL: its origin is accepted as our own by the CSRF check besides the Host's. */
  readonly publicUrl?: string;
  /** See Config.responseCheck; 'throw' unless given (tests build servers without a Config). */
  readonly responseCheck?: ResponseCheck;
}

/** The browser's session cookie (set by accounts/, read by the CSRF check and the API docs). */
export const SESSION_COOKIE = 'motcua_session';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function createHttpServer(options: HttpOptions): Promise<HttpApp> {
  const app = Fastify({
    logger: options.logger === false ? false : {
      ...(typeof options.logger === 'object' ? options.logger : {}),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), reqId: req.id }),
      },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    trustProxy: typeof options.trustProxy === 'number'
      ? ((hops: number) => (_address: string, hop: number) => hop < hops)(options.trustProxy)
      : options.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.decorateRequest('actor', null);

  // JSON bodies must be valid UTF-8 and valid JSON; anything else is a 400, never a 500.
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    const buffer = body as Buffer;
    if (buffer.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = strictUtf8.decode(buffer);
    } catch {
      return done(Object.assign(new Error(httpMessages.INVALID_UTF8), { statusCode: 400, code: 'MOTCUA_INVALID_UTF8' }), undefined);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
    } catch {
      return done(Object.assign(new Error(httpMessages.MALFORMED_JSON), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
    // every text NFC; names with hidden, control or bidirectional characters refused (src/platform/text.ts)
    const cleaned = cleanJsonText(parsed);
    if (cleaned.problems.length > 0) return done(validationFailed('INVALID_TEXT', httpMessages.INVALID_TEXT, cleaned.problems), undefined);
    done(null, cleaned.value);
  });

  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  // every route answers its errors in the one error shape, and (in tests) its 2xx exactly as declared
  app.addHook('onRoute', addErrorResponses);
  for (const [name, hook] of responseCheckHooks(options.responseCheck ?? 'throw')) app.addHook(name as 'onSend', hook as never);
  // A NUL character can be neither stored nor compared by PostgreSQL: refuse it in the URL at once.
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) {
      throw Object.assign(new Error(httpMessages.BAD_REQUEST), { statusCode: 400, code: 'MOTCUA_NUL_IN_URL' });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setNotFoundHandler((request, reply) => {
    const accept = request.headers.accept ?? '';
    if (request.method === 'GET' && !request.url.startsWith('/api/') && accept.includes('text/html') && options.webDir
      && existsSync(path.join(options.webDir, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html'); // client-side routes of the SPA
    }
    return reply.status(404).send(errorBody('NOT_FOUND', httpMessages.NOT_FOUND));
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  app.addHook('onRequest', csrfHook({ publicUrl: options.publicUrl, sessionCookie: SESSION_COOKIE }));
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => Object.assign(new Error(httpMessages.RATE_LIMITED), { statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'motcua API', version: options.version, description: 'Một cửa: tiếp nhận và trả kết quả thủ tục hành chính.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Resolve the actor of every API request once; routes decide whether they need one.
  // (Operator routes marked `lazyActor` resolve it themselves: they must answer while the database is down.)
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/') && request.routeOptions.config?.lazyActor !== true) request.actor = await options.resolveActor(request);
  });

  if (options.webDir && existsSync(options.webDir)) {
    // the build writes each file also brotli- and gzip-compressed (web/vite.config.ts): sent as the browser accepts
    await app.register(fastifyStatic, { root: options.webDir, prefix: '/', wildcard: true, index: ['index.html'], preCompressed: true });
  }
  return app as unknown as HttpApp;
}

/** The actor of a request that needs one; 401 otherwise. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated('UNAUTHENTICATED', httpMessages.UNAUTHENTICATED);
  return request.actor;
}

/** A route file's `ctx(request)`: the service context of the request's signed-in user (401 without one). */
export const signedInContext = (deps: RouteDeps) => (request: FastifyRequest): ServiceContext & { readonly actor: Actor } =>
  ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });

/** Rate-limit settings for public endpoints (login, tracking). */
export const publicRateLimit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

