// HTTP for citizen accounts (issue 15 §1): a code to the phone, opening an account and resetting
// its password with that code (public, rate-limited), and the clerk's check of the card at a
// counter (`citizens.verify`). The account is then used through the ordinary sign-in.
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { ErrorShape, literals } from '../platform/http/schemas';
import { publicRateLimit, type HttpApp } from '../platform/http/server';
import type { SmsSender } from '../notifications/sms';
import { CodeSentSchema } from '../appointments/schemas';
import { registerCitizen, resetPasswordByPhone, sendAccountCode, verifyCardAtCounter } from './service';

const strict = { additionalProperties: false } as const;
const Phone = Type.String({ minLength: 9, maxLength: 20 });
const Code = Type.String({ minLength: 1, maxLength: 10 });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const PersonalId = Type.String({ minLength: 1, maxLength: 12 });
const Account = Type.Object({ userId: Type.Integer(), username: Type.String(), personalIdVerified: Type.Boolean() });
const errors = { 400: ErrorShape, 404: ErrorShape, 409: ErrorShape, 429: ErrorShape };

export function registerIdentityRoutes(app: HttpApp, deps: RouteDeps & { readonly sms: SmsSender; readonly rateLimit: number }): void {
  const tags = ['identity'];
  const limited = publicRateLimit(deps.rateLimit);
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: request.actor ?? null });

  app.post('/api/v1/public/citizens/phone-codes', {
    config: limited,
    schema: {
      tags, summary: 'Gửi mã xác thực đến số điện thoại để mở tài khoản công dân hoặc lấy lại mật khẩu',
      body: Type.Object({ phone: Phone, purpose: literals(['register', 'reset'] as const) }, strict),
      response: { 202: CodeSentSchema, ...errors },
    },
  }, async (request, reply) => reply.status(202).send(await sendAccountCode({ ...ctx(request), sms: deps.sms }, { ...request.body, clientAddress: request.ip })));

  app.post('/api/v1/public/citizens/register', {
    config: limited,
    schema: {
      tags, summary: 'Mở tài khoản công dân bằng số điện thoại đã nhận mã; đăng nhập bằng số điện thoại và mật khẩu',
      body: Type.Object({ phone: Phone, code: Code, fullName: Type.String({ minLength: 1, maxLength: 200 }), password: Password, personalId: Type.Optional(PersonalId) }, strict),
      response: { 201: Account, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await registerCitizen(ctx(request), request.body)));

  app.post('/api/v1/public/citizens/password-reset', {
    config: limited,
    schema: {
      tags, summary: 'Đặt lại mật khẩu tài khoản công dân bằng mã gửi tới số điện thoại',
      body: Type.Object({ phone: Phone, code: Code, password: Password }, strict),
      response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    await resetPasswordByPhone(ctx(request), request.body);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/citizens/verify-personal-id', {
    schema: {
      tags, summary: 'Cán bộ đã kiểm tra thẻ căn cước tại quầy: xác minh số định danh của tài khoản công dân',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 60 }), personalId: PersonalId }, strict),
      response: { 200: Account, 401: ErrorShape, 403: ErrorShape, 400: ErrorShape, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request) => verifyCardAtCounter(ctx(request), request.body));
}
