// The response check: a handler's answer must be exactly what its schema lets through, and every
// route with a schema answers errors in the one error shape.
import { Type } from '@fastify/type-provider-typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpApp } from './server';
import type { ResponseCheck } from './response-schemas';

let app: HttpApp | undefined;
afterEach(async () => { await app?.close(); app = undefined; });

async function serverAnswering(body: unknown, responseCheck?: ResponseCheck): Promise<HttpApp> {
  app = await createHttpServer({ logger: false, version: 'test', resolveActor: async () => null, ...(responseCheck ? { responseCheck } : {}) });
  app.get('/api/v1/probe', { schema: { response: { 200: Type.Object({ code: Type.String(), count: Type.Integer() }) } } }, async () => body as never);
  await app.ready();
  return app;
}

describe('response check', () => {
  it('lets an answer that matches its schema through unchanged', async () => {
    const res = await (await serverAnswering({ code: '000.00.30.H20-260302-0001', count: 3 })).inject({ method: 'GET', url: '/api/v1/probe' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: '000.00.30.H20-260302-0001', count: 3 });
  });

  it('refuses (500 in tests) an answer with a field the schema forgets', async () => {
    const res = await (await serverAnswering({ code: 'A', count: 3, personalId: '001099012345' })).inject({ method: 'GET', url: '/api/v1/probe' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
  });

  it('refuses an answer the serializer would coerce (2.5 as an integer, null as a string)', async () => {
    expect((await (await serverAnswering({ code: 'A', count: 2.5 })).inject({ method: 'GET', url: '/api/v1/probe' })).statusCode).toBe(500);
    await app?.close();
    expect((await (await serverAnswering({ code: null, count: 2 })).inject({ method: 'GET', url: '/api/v1/probe' })).statusCode).toBe(500);
  });

  it('only logs when asked to (the answer as the schema shapes it)', async () => {
    const res = await (await serverAnswering({ code: 'A', count: 3, extra: true }, 'log')).inject({ method: 'GET', url: '/api/v1/probe' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 'A', count: 3 });
  });

  it('documents the error shape on every route with a schema', async () => {
    const spec = (await serverAnswering({ code: 'A', count: 1 })).swagger() as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
    expect(Object.keys(spec.paths['/api/v1/probe']?.get.responses ?? {})).toEqual(expect.arrayContaining(['200', '4XX', '5XX']));
  });
});
