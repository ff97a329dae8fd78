// HTTP for citizen accounts (issue 15 §1): a code to the phone or the e-mail, opening an account and
// resetting its password with that code (public, rate-limited), the citizen's own phone and e-mail
// ("Tài khoản của tôi", signed in), and the clerk's check of the card at a
// counter (`citizens.verify`). The account is then used through the ordinary sign-in.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { ErrorShape, literals } from '../platform/http/schemas';
import { publicRateLimit, signedInContext, type HttpApp } from '../platform/http/server';
import type { SmsSender } from '../notifications/sms';
import { CodeSentSchema } from '../appointments/schemas';
import type { MailSender } from '../notifications/mail';
import { citizenContacts, registerCitizen, resetCitizenPasswordByCode, sendAccountCode, sendContactCode, verifyCardAtCounter, verifyContact } from './service';

const strict = { additionalProperties: false } as const;
const Phone = Type.String({ minLength: 9, maxLength: 20 });
const Code = Type.String({ minLength: 1, maxLength: 10 });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const PersonalId = Type.String({ minLength: 1, maxLength: 12 });
const Email = Type.String({ minLength: 3, maxLength: 254 });
/** a phone or an e-mail, exactly one (checked by the service: 400 CONTACT_REQUIRED) */
const contact = { phone: Type.Optional(Phone), email: Type.Optional(Email) };
const AccountCodeSent = Type.Object({ channel: literals(['sms', 'mail'] as const), sentTo: Type.String(), expiresAt: Type.String({ format: 'date-time' }), validMinutes: Type.Integer() });
const Contacts = Type.Object({
  username: Type.String(), fullName: Type.String(), phone: Type.Union([Type.String(), Type.Null()]), phoneVerified: Type.Boolean(),
  email: Type.Union([Type.String(), Type.Null()]), emailVerified: Type.Boolean(),
});
const Account = Type.Object({ userId: Type.Integer(), username: Type.String(), personalIdVerified: Type.Boolean() });
/** The answers the portal's account pages read (web/src/portal/account/api.ts). */
export type AccountCodeSentAnswer = Static<typeof AccountCodeSent>;
export type ContactsAnswer = Static<typeof Contacts>;
export type CitizenAccountAnswer = Static<typeof Account>;
const errors = { 400: ErrorShape, 404: ErrorShape, 409: ErrorShape, 429: ErrorShape };

export function registerIdentityRoutes(app: HttpApp, deps: RouteDeps & { readonly sms: SmsSender; readonly mail: MailSender; readonly rateLimit: number }): void {
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
  }, async (request, reply) => {
    const sent = await sendAccountCode({ ...ctx(request), sms: deps.sms, mail: deps.mail }, { ...request.body, clientAddress: request.ip });
    return reply.status(202).send({ maskedPhone: sent.sentTo, expiresAt: sent.expiresAt, validMinutes: sent.validMinutes });
  });

  app.post('/api/v1/public/citizens/codes', {
    config: limited,
    schema: {
      tags, summary: 'Gửi mã xác thực đến số điện thoại (SMS) hoặc địa chỉ thư điện tử để mở tài khoản công dân hoặc lấy lại mật khẩu',
      body: Type.Object({ ...contact, purpose: literals(['register', 'reset'] as const) }, strict),
      response: { 202: AccountCodeSent, ...errors },
    },
  }, async (request, reply) => reply.status(202).send(await sendAccountCode({ ...ctx(request), sms: deps.sms, mail: deps.mail }, { ...request.body, clientAddress: request.ip })));

  app.post('/api/v1/public/citizens/register', {
    config: limited,
    schema: {
      tags, summary: 'Mở tài khoản công dân bằng số điện thoại hoặc địa chỉ thư đã nhận mã; đăng nhập bằng số điện thoại (hoặc địa chỉ thư) và mật khẩu',
      body: Type.Object({ ...contact, code: Code, fullName: Type.String({ minLength: 1, maxLength: 200 }), password: Password, personalId: Type.Optional(PersonalId) }, strict),
      response: { 201: Account, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await registerCitizen(ctx(request), request.body)));

  app.post('/api/v1/public/citizens/password-reset', {
    config: limited,
    schema: {
      tags, summary: 'Đặt lại mật khẩu tài khoản công dân bằng mã gửi tới số điện thoại hoặc địa chỉ thư',
      body: Type.Object({ ...contact, code: Code, password: Password }, strict),
      response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    await resetCitizenPasswordByCode(ctx(request), request.body);
    return reply.status(204).send(null);
  });

  const own = signedInContext(deps);
  const signedIn = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape, 409: ErrorShape, 429: ErrorShape };
  app.get('/api/v1/citizens/me/contacts', {
    schema: { tags, summary: 'Tài khoản của tôi: số điện thoại và thư điện tử, đã xác thực hay chưa', response: { 200: Contacts, ...signedIn } },
  }, async (request) => citizenContacts(own(request)));

  app.post('/api/v1/citizens/me/contact-codes', {
    config: limited,
    schema: {
      tags, summary: 'Tài khoản của tôi: gửi mã xác thực đến số điện thoại hoặc địa chỉ thư muốn dùng',
      body: Type.Object(contact, strict), response: { 202: AccountCodeSent, ...signedIn },
    },
  }, async (request, reply) => reply.status(202).send(await sendContactCode({ ...own(request), sms: deps.sms, mail: deps.mail }, { ...request.body, clientAddress: request.ip })));

  app.post('/api/v1/citizens/me/contacts', {
    config: limited,
    schema: {
      tags, summary: 'Tài khoản của tôi: số điện thoại hoặc địa chỉ thư đã nhận đúng mã trở thành của tài khoản, đã xác thực',
      body: Type.Object({ ...contact, code: Code }, strict), response: { 200: Contacts, ...signedIn },
    },
  }, async (request) => verifyContact(own(request), request.body));

  app.post('/api/v1/citizens/verify-personal-id', {
    schema: {
      tags, summary: 'Cán bộ đã kiểm tra thẻ căn cước tại quầy: xác minh số định danh của tài khoản công dân',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 60 }), personalId: PersonalId }, strict),
      response: { 200: Account, 401: ErrorShape, 403: ErrorShape, 400: ErrorShape, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request) => verifyCardAtCounter(ctx(request), request.body));
}
