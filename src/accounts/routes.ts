import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { ErrorShape, literals, NoContent } from '../platform/http/schemas';
import { publicRateLimit, requireActor, SESSION_COOKIE, type HttpApp } from '../platform/http/server';
import { allowedBeforePasswordChange, changePassword, login, logout, passwordChangeRequired, sessionForToken } from './login';
import { permissions, roles } from './model';
import { createUser, currentUser, getUser, listUsers, type ScopeLookup } from './service';
import { resetUserPassword, setUserActive } from './user-admin';


const RoleSchema = literals(roles);

const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  role: RoleSchema,
  roleLabel: Type.String(),
  scopeCode: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  /** as written (0912…): the portal's forms start with it */
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  permissions: Type.Array(literals(permissions)),
});

/** A user as the web client reads it (type-only import, docs/adr/013). */
export type UserAnswer = Static<typeof UserView>;

const NewUserBody = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 40 }),
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  role: RoleSchema,
  scopeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  personalId: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  phone: Type.Optional(Type.String({ pattern: '^[0-9+ ]{8,15}$' })),
}, { additionalProperties: false });
/** What the administrator sends to create an account. */
export type NewUserBody = Static<typeof NewUserBody>;


/** The session token of a request: `Authorization: Bearer …` for API clients, the cookie for the browser. */
export function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

/**
 * The actor of a request. A session whose user must still change the password handed to them
 * gets 403 PASSWORD_CHANGE_REQUIRED on everything but /auth/me, /auth/password and /auth/logout.
 */
export const actorResolver = (deps: RouteDeps) => async (request: FastifyRequest) => {
  const token = tokenOf(request);
  const session = token ? await sessionForToken(deps, token) : null;
  if (!session) return null;
  if (session.mustChangePassword && !allowedBeforePasswordChange(request.method, request.url.split('?')[0] ?? '')) throw passwordChangeRequired();
  return session.actor;
};

export interface AccountsRouteOptions {
  readonly sessionTtlHours: number;
  readonly loginRateLimit: number;
  readonly secureCookies: boolean;
  readonly lookupScope: ScopeLookup;
}

export function registerAccountsRoutes(app: HttpApp, deps: RouteDeps, options: AccountsRouteOptions): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: request.actor });

  app.post('/api/v1/auth/login', {
    config: publicRateLimit(options.loginRateLimit),
    schema: {
      tags: ['auth'],
      summary: 'Đăng nhập',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserView }), 401: ErrorShape, 429: ErrorShape },
    },
  }, async (request, reply) => {
    const result = await login(deps, { ...request.body, clientAddress: request.ip }, options.sessionTtlHours);
    // Max-Age, not Expires: the browser counts the session's life from its own clock, so a server
    // whose clock differs from the browser's (a test's fixed clock, a skewed host) keeps its users signed in.
    const maxAge = Math.max(0, Math.floor((result.expiresAt.getTime() - deps.clock.now().getTime()) / 1000));
    reply.setCookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', path: '/', secure: options.secureCookies, maxAge });
    return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.user };
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: NoContent('Đã đăng xuất') } } }, async (request, reply: FastifyReply) => {
    const token = tokenOf(request);
    if (token) await logout(ctx(request), token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: UserView, 401: ErrorShape } } }, async (request) => {
    requireActor(request);
    return currentUser(ctx(request));
  });

  // For the browser at start-up: whether anyone is signed in, answered 200 either way, so that a
  // public page opened without a session logs no failed request.
  app.get('/api/v1/auth/session', {
    schema: { tags: ['auth'], summary: 'Phiên đăng nhập hiện tại (nếu có)', response: { 200: Type.Object({ user: Type.Union([UserView, Type.Null()]) }) } },
  }, async (request) => ({ user: request.actor ? await currentUser(ctx(request)) : null }));

  app.post('/api/v1/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Đổi mật khẩu',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 204: NoContent('Đã đổi mật khẩu') },
    },
  }, async (request, reply) => {
    requireActor(request);
    await changePassword(ctx(request), { ...request.body, clientAddress: request.ip }, tokenOf(request));
    return reply.status(204).send();
  });

  app.get('/api/v1/users', {
    schema: {
      tags: ['users'],
      summary: 'Danh sách người dùng trong phạm vi',
      // the TypeBox validator does not fill defaults in: they are applied below
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
        role: Type.Optional(RoleSchema),
        scopeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        active: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(UserView), total: Type.Integer() }) },
    },
  }, async (request) => {
    requireActor(request);
    const { limit, offset, ...filter } = request.query;
    return listUsers(ctx(request), { ...filter, limit: limit ?? 50, offset: offset ?? 0 });
  });

  const UserId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

  app.put('/api/v1/users/:id/active', {
    schema: {
      tags: ['users'],
      summary: 'Khóa hoặc mở khóa tài khoản (quản trị); khóa thì các phiên đăng nhập kết thúc',
      params: UserId,
      body: Type.Object({ active: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: UserView, 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request) => {
    requireActor(request);
    return setUserActive(ctx(request), request.params.id, request.body.active);
  });

  app.post('/api/v1/users/:id/password-reset', {
    schema: {
      tags: ['users'],
      summary: 'Đặt lại mật khẩu (quản trị): mật khẩu tạm hiện một lần, người dùng phải đổi khi đăng nhập',
      params: UserId,
      response: { 200: Type.Object({ user: UserView, password: Type.String() }), 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape },
    },
  }, async (request) => {
    requireActor(request);
    return resetUserPassword(ctx(request), request.params.id);
  });

  app.get('/api/v1/users/:id', {
    schema: { tags: ['users'], summary: 'Một người dùng', params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }), response: { 200: UserView } },
  }, async (request) => {
    requireActor(request);
    return getUser(ctx(request), request.params.id);
  });

  app.post('/api/v1/users', {
    schema: {
      tags: ['users'],
      summary: 'Tạo người dùng (quản trị)',
      body: NewUserBody,
      response: { 201: Type.Object({ user: UserView, password: Type.String() }) },
    },
  }, async (request, reply) => {
    requireActor(request);
    const created = await createUser(ctx(request), request.body, options.lookupScope);
    return reply.status(201).send(created);
  });
}
