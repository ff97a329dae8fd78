// Response schemas, one way for every route: the error shape is added to each route that declares
// its answers (src/platform/http/schemas.ts `ErrorShape`), and a check compares what a handler
// returned with what the declared schema let through, so a field the schema forgets (dropped by
// the serializer) or a value it coerces fails the tests instead of reaching the web silently.
import { isDeepStrictEqual } from 'node:util';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { ErrorShape } from './schemas';

/** 'throw': a mismatch is a 500 (tests); 'log': logged, sent anyway; 'off': no check (production). */
export type ResponseCheck = 'throw' | 'log' | 'off';

/** onRoute: every route with a schema answers 4xx and 5xx in the error shape. */
export function addErrorResponses(route: RouteOptions): void {
  const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
  if (!schema || schema.hide || !route.url.startsWith('/api/')) return;
  const response = (schema.response ??= {});
  response['4xx'] ??= ErrorShape;
  response['5xx'] ??= ErrorShape;
}

const sent = new WeakMap<FastifyRequest, string>();

const declared = (request: FastifyRequest, status: number): boolean => {
  const response = (request.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response;
  return !!response && (String(status) in response || `${String(status)[0]}xx` in response);
};

/** The hooks that compare a JSON answer before and after its schema's serializer. */
export function responseCheckHooks(mode: ResponseCheck): [string, unknown][] {
  if (mode === 'off') return [];
  const preSerialization = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (payload !== null && typeof payload === 'object' && declared(request, reply.statusCode)) sent.set(request, JSON.stringify(payload));
    return payload;
  };
  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const before = sent.get(request);
    if (before === undefined || typeof payload !== 'string') return payload;
    sent.delete(request);
    if (isDeepStrictEqual(JSON.parse(before), JSON.parse(payload))) return payload;
    const message = `response of ${request.method} ${request.routeOptions.url ?? request.url} (${reply.statusCode}) differs from its schema: sent ${payload.slice(0, 400)} instead of ${before.slice(0, 400)}`;
    if (mode === 'throw') throw new Error(message);
    request.log.error(message);
    return payload;
  };
  return [['preSerialization', preSerialization], ['onSend', onSend]];
}
