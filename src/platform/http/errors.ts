// One place that turns any error into the one error shape `{ error: { code, message, details? } }`.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable';
import { isDomainError, type DomainErrorKind, type ErrorDetail } from '../errors';
import { httpMessages, type HttpMessageCode } from './messages';
import { issueSentence } from './validation-messages';

export interface ErrorBody {
  error: { code: string; message: string; details?: readonly ErrorDetail[] };
}

const statusOfKind = {
  NotFound: 404,
  Forbidden: 403,
  Unauthenticated: 401,
  InvalidTransition: 409,
  ValidationFailed: 400,
  Conflict: 409,
  TooManyRequests: 429,
  TooLarge: 413,
  UnsupportedMediaType: 415,
  Unavailable: 503,
} as const satisfies Record<DomainErrorKind, number>;

export const errorBody = (code: string, message: string, details?: readonly ErrorDetail[]): ErrorBody => ({
  error: details && details.length > 0 ? { code, message, details } : { code, message },
});

const platformError = (code: HttpMessageCode, details?: readonly ErrorDetail[]): ErrorBody =>
  errorBody(code, httpMessages[code], details);

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function validationDetails(error: FastifyError): ErrorDetail[] {
  const issues = (error.validation ?? []) as ValidationIssue[];
  const context = error.validationContext ?? 'body';
  // Vietnamese sentences (validation-messages.ts): never Ajv's raw text or a schema pattern
  return issues.slice(0, 20).map((issue) => {
    const missing = issue.keyword === 'required' && typeof issue.params?.missingProperty === 'string' ? `/${issue.params.missingProperty}` : '';
    return { path: `${context}${issue.instancePath ?? ''}${missing}`, message: issueSentence(issue) };
  });
}

export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (isDomainError(error)) {
    return { status: statusOfKind[error.kind], body: errorBody(error.code, error.message, error.details), unexpected: false };
  }
  const e = error as FastifyError & { statusCode?: number };
  if (e && Array.isArray(e.validation)) {
    const details = validationDetails(e);
    const first = details[0]?.message;
    return { status: 400, body: errorBody('VALIDATION_FAILED', first ? `${httpMessages.VALIDATION_FAILED} ${first}` : httpMessages.VALIDATION_FAILED, details), unexpected: false };
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: platformError('MALFORMED_JSON'), unexpected: false };
    case 'MOTCUA_INVALID_UTF8':
      return { status: 400, body: platformError('INVALID_UTF8'), unexpected: false };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: platformError('PAYLOAD_TOO_LARGE'), unexpected: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, body: platformError('UNSUPPORTED_MEDIA_TYPE'), unexpected: false };
    default:
      break;
  }
  // PostgreSQL "data exception" (SQLSTATE class 22): an impossible date, a NUL byte, a number out
  // of range that slipped past the schemas. The input is wrong, not the server.
  const sqlState = (error as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState) && (error as { severity?: unknown }).severity !== undefined) {
    return { status: 400, body: platformError('INVALID_VALUE'), unexpected: false };
  }
  // The database is down or restarting (db/watch.ts brings it back): try again shortly, never a 500.
  if (isDatabaseUnavailable(error)) return { status: 503, body: platformError('DATABASE_UNAVAILABLE'), unexpected: false };
  if (e?.code === 'MOTCUA_NUL_IN_URL') return { status: 400, body: platformError('BAD_REQUEST'), unexpected: false };
  if (e?.statusCode === 429) return { status: 429, body: platformError('RATE_LIMITED'), unexpected: false };
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : e.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    return { status: e.statusCode, body: platformError(code), unexpected: false };
  }
  return { status: 500, body: platformError('INTERNAL'), unexpected: true };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, unexpected } = toErrorResponse(error);
  if (isDomainError(error) && error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  if (unexpected) request.log.error({ err: error }, 'unexpected error');
  else request.log.info({ code: body.error.code, status }, 'request refused');
  if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.status(status).send(body);
}
