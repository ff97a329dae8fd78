// Typed answers (issue 11 §4): every operation of /api/openapi.json declares a 2xx answer with
// its schema and the error shape, and the document passes a strict OpenAPI validator. A route
// added without its response schema fails here.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import type { HttpApp } from '../src/platform/http/server';
import { createTestDatabase, type TestDatabase } from './db';

interface Operation { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let t: TestDatabase;
let app: HttpApp;
let doc: Document;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({ db: t.db, clock: systemClock, config: loadConfig({ MOTCUA_WEB_DIR: '/nonexistent', MOTCUA_RESPONSE_CHECK: 'throw' }) });
  await app.ready();
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map(([m, op]) => ({ id: `${m.toUpperCase()} ${path}`, op })));

describe('the OpenAPI document', () => {
  it('passes a strict OpenAPI validator', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('gives every operation a 2xx answer with its schema (204 excepted) and the error shape', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    const missing = ops.filter(({ op }) => {
      const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      return ok.length === 0 || ok.some(([status, r]) => status !== '204' && !Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
    }).map(({ id }) => id);
    expect(missing).toEqual([]);
    const noErrorShape = ops.filter(({ op }) => !op.responses?.['4XX'] && !op.responses?.['4xx']).map(({ id }) => id);
    expect(noErrorShape).toEqual([]);
  });
});
