// As-was / as-is over a hand-built directory (DOMAIN §9.3.3): old province 99 with district 991
// and communes A (99101), B (99102), C (99103), D (99104); on 2025-07-01 the new province 98 with
// communes N (98001) = A + B + C and M (98002) = D + part of C (C → M flagged partial, so C is
// attributed wholly to N). The district's communes went to N and M, so the district (and the
// old province) map to the new province 98.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { metrics, type Metric } from './rollup';
import { registerReportRoutes } from './routes';
import { upsertRollups } from './store';
import { buildUnitMap } from './units';
import { reportCommand } from '../cli/report';
import { UsageError } from '../cli/usage-error';
import { unitActor } from '../../test/http';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2025-12-31T02:00:00Z'));
const actors: Record<string, Actor> = {
  newProvince: unitActor('supervisor', 1, '/98/'),
  oldDistrict: unitActor('supervisor', 2, '/99/991/'),
  newCommune: unitActor('supervisor', 3, '/98/98001/'),
};

const OLD = { valid_from: '2008-01-01', valid_to: '2025-07-01' };
const NEW = { valid_from: '2025-07-01', valid_to: null };

beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.db;
  const ids: Record<string, number> = {};
  const unit = async (code: string, name: string, level: 'province' | 'district' | 'commune', parent: string | null, path: string, period: typeof OLD | typeof NEW) => {
    const r = await db.insertInto('admin_units').values({
      code, name, kind: level === 'province' ? 'tinh' : level === 'district' ? 'huyen' : 'xa', level,
      parent_id: parent === null ? null : ids[parent] ?? null, province_code: path.split('/')[1] ?? '', path, ...period,
    }).returning('id').executeTakeFirstOrThrow();
    ids[code] = Number(r.id);
  };
  await unit('99', 'Tỉnh Cũ', 'province', null, '/99/', OLD);
  await unit('991', 'Huyện Cũ', 'district', '99', '/99/991/', OLD);
  for (const [c, n] of [['99101', 'Xã A'], ['99102', 'Xã B'], ['99103', 'Xã C'], ['99104', 'Xã D']] as const) await unit(c, n, 'commune', '991', `/99/991/${c}/`, OLD);
  await unit('98', 'Tỉnh Mới', 'province', null, '/98/', NEW);
  await unit('98001', 'Xã N', 'commune', '98', '/98/98001/', NEW);
  await unit('98002', 'Xã M', 'commune', '98', '/98/98002/', NEW);
  const succ = (from: string, to: string, partial: boolean) => ({ old_unit_id: ids[from] ?? 0, new_unit_id: ids[to] ?? 0, effective_date: '2025-07-01', partial });
  await db.insertInto('admin_unit_successions').values([
    succ('99101', '98001', false), succ('99102', '98001', false), succ('99103', '98001', false), succ('99103', '98002', true), succ('99104', '98002', false),
  ]).execute();
  const agency: Record<string, number> = {};
  for (const [code, level, period] of [['99', 'province', OLD], ['991', 'district', OLD], ['99101', 'commune', OLD], ['99102', 'commune', OLD], ['99103', 'commune', OLD], ['98001', 'commune', NEW], ['98002', 'commune', NEW]] as const) {
    const r = await db.insertInto('agencies').values({
      identifier: `T.${code}`, name: `UBND ${code}`, kind: 'people_committee', level, admin_unit_id: ids[code] ?? 0,
      province_code: code.slice(0, 2), valid_from: period.valid_from, valid_to: period.valid_to,
    }).returning('id').executeTakeFirstOrThrow();
    agency[code] = Number(r.id);
  }
  // received (and resolved) per competent unit
  const counts = (c: Partial<Record<Metric, number>>) => Object.fromEntries(metrics.map((m) => [m, c[m] ?? 0])) as Record<Metric, number>;
  const row = (code: string, path: string, day: string, c: Partial<Record<Metric, number>>) => ({
    key: { day, provinceCode: code.slice(0, 2), unitPath: path, agencyId: agency[code] ?? 0, receivingAgencyId: agency[code] ?? 0, procedureId: 1, channel: 'counter' as const, onlineLevel: 'none' as const },
    counts: counts(c),
  });
  await upsertRollups(db, [
    row('99101', '/99/991/99101/', '2024-03-11', { received: 3, resolved_on_time: 2, closed: 2 }),
    row('99102', '/99/991/99102/', '2024-03-11', { received: 2, resolved_late: 1, closed: 1 }),
    row('99103', '/99/991/99103/', '2024-03-12', { received: 4 }),
    row('991', '/99/991/', '2024-04-01', { received: 5 }),
    row('99', '/99/', '2024-05-02', { received: 6 }),
    row('98001', '/98/98001/', '2025-08-05', { received: 1 }),
    row('98002', '/98/98002/', '2025-08-06', { received: 7 }),
  ]);
  await sql`SELECT 1`.execute(db);
  app = await createHttpServer({ logger: false, version: 'test', resolveActor: async (request) => actors[String(request.headers['x-test-actor'])] ?? null });
  registerReportRoutes(app, { db, clock });
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const get = async (url: string, who: string) => {
  const res = await app.inject({ method: 'GET', url, headers: { 'x-test-actor': who } });
  return { status: res.statusCode, body: res.json() };
};
const period = 'from=2024-01-01&to=2025-12-31';
const table = (rows: { key: string; received: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.received]));

describe('as-was / as-is', () => {
  it('the unit map: merges, a partial split to the whole successor, abolished district and old province to the smallest unit containing their communes', () => {
    const units = [
      { id: 1, code: '99', name: 'P', level: 'province', path: '/99/', parent_id: null, valid_from: '2008-01-01', valid_to: '2025-07-01' },
      { id: 2, code: '991', name: 'D', level: 'district', path: '/99/991/', parent_id: 1, valid_from: '2008-01-01', valid_to: '2025-07-01' },
      { id: 3, code: '99101', name: 'A', level: 'commune', path: '/99/991/99101/', parent_id: 2, valid_from: '2008-01-01', valid_to: '2025-07-01' },
      { id: 4, code: '99102', name: 'B', level: 'commune', path: '/99/991/99102/', parent_id: 2, valid_from: '2008-01-01', valid_to: '2025-07-01' },
      { id: 5, code: '98', name: 'P2', level: 'province', path: '/98/', parent_id: null, valid_from: '2025-07-01', valid_to: null },
      { id: 6, code: '98001', name: 'N', level: 'commune', path: '/98/98001/', parent_id: 5, valid_from: '2025-07-01', valid_to: null },
      { id: 7, code: '98002', name: 'M', level: 'commune', path: '/98/98002/', parent_id: 5, valid_from: '2025-07-01', valid_to: null },
    ];
    // B split: partial to N, whole to M
    const map = buildUnitMap(units, [{ old_unit_id: 3, new_unit_id: 6, partial: false }, { old_unit_id: 4, new_unit_id: 6, partial: true }, { old_unit_id: 4, new_unit_id: 7, partial: false }]);
    expect(map.asIs('/99/991/99101/')?.code).toBe('98001');
    expect(map.asIs('/99/991/99102/')?.code).toBe('98002');
    expect(map.asIs('/99/991/')?.code).toBe('98');
    expect(map.asIs('/99/')?.code).toBe('98');
    expect(map.asIs('/98/98001/')?.code).toBe('98001');
    expect(map.extraPathsUnder('/98/98001/')).toEqual(['/99/991/99101/']);
    // every commune of the district in one new commune: the district maps to that commune
    const one = buildUnitMap(units, [{ old_unit_id: 3, new_unit_id: 6, partial: false }, { old_unit_id: 4, new_unit_id: 6, partial: false }]);
    expect(one.asIs('/99/991/')?.code).toBe('98001');
  });

  it('by unit: as-was lists the old communes, district and province; as-is adds them up into today\'s units', async () => {
    const was = await get(`/api/v1/reports/breakdown?${period}&by=unit&asOf=was`, 'newProvince');
    expect(was.status).toBe(200);
    expect(was.body.asOf).toBe('was');
    expect(table(was.body.rows)).toEqual({ 99101: 3, 99102: 2, 99103: 4, 991: 5, 99: 6, 98001: 1, 98002: 7 });
    const is = await get(`/api/v1/reports/breakdown?${period}&by=unit&asOf=is`, 'newProvince');
    // N = A 3 + B 2 + C 4 (split, attributed wholly to the non-partial successor) + 1 of its own
    expect(table(is.body.rows)).toEqual({ 98001: 10, 98002: 7, 98: 11 });
    const n = is.body.rows.find((r: { key: string }) => r.key === '98001');
    expect(n).toMatchObject({ label: 'Xã N', resolved: 3, onTime: 2, late: 1 });
    // default is as-was
    expect(table((await get(`/api/v1/reports/breakdown?${period}&by=unit`, 'newProvince')).body.rows)).toEqual(table(was.body.rows));
  });

  it('by level: as-was has the district level, as-is only province and commune; totals agree', async () => {
    const was = await get(`/api/v1/reports/breakdown?${period}&by=level&asOf=was`, 'newProvince');
    expect(table(was.body.rows)).toEqual({ province: 6, district: 5, commune: 17 });
    const is = await get(`/api/v1/reports/breakdown?${period}&by=level&asOf=is`, 'newProvince');
    expect(table(is.body.rows)).toEqual({ province: 11, commune: 17 });
    const sum = (rows: { received: number }[]) => rows.reduce((s, r) => s + r.received, 0);
    expect(sum(is.body.rows)).toBe(sum(was.body.rows));
  });

  it('summary of a unit: a new commune includes its predecessors; an old commune as-was; an old code as-is is 404', async () => {
    expect((await get(`/api/v1/reports/summary?${period}`, 'newProvince')).body).toMatchObject({ received: 28, resolved: 3, resolvedLate: 1, asOf: 'was' });
    expect((await get(`/api/v1/reports/summary?${period}&asOf=is`, 'newProvince')).body.received).toBe(28);
    const n = await get(`/api/v1/reports/summary?${period}&unit=98001&asOf=is`, 'newProvince');
    expect(n.body).toMatchObject({ received: 10, resolved: 3, inProgress: 7 });
    expect((await get(`/api/v1/reports/summary?${period}&unit=99103&asOf=was`, 'newProvince')).body.received).toBe(4);
    expect((await get(`/api/v1/reports/summary?${period}&unit=99103&asOf=is`, 'newProvince')).status).toBe(404);
    expect((await get(`/api/v1/reports/summary?${period}&unit=98002&asOf=is`, 'newProvince')).body.received).toBe(7);
  });

  it('scope: the new commune\'s supervisor sees its predecessors only; the old district\'s its own subtree, as-is under today\'s units', async () => {
    expect((await get(`/api/v1/reports/summary?${period}`, 'newCommune')).body.received).toBe(10);
    expect((await get(`/api/v1/reports/summary?${period}&unit=99104`, 'newCommune')).status).toBe(404);
    expect((await get(`/api/v1/reports/summary?${period}&unit=99101`, 'newCommune')).body.received).toBe(3);
    const d = await get(`/api/v1/reports/breakdown?${period}&by=unit&asOf=is`, 'oldDistrict');
    expect(table(d.body.rows)).toEqual({ 98001: 9, 98: 5 });
    expect((await get(`/api/v1/reports/summary?${period}`, 'oldDistrict')).body.received).toBe(14);
  });

  it('the operator\'s CLI: `report summary --unit --as-of` gives the same figures, and a bad view or an old code as-is is a usage error', async () => {
    const run = async (v: Record<string, string | boolean>) => {
      let text = '';
      await reportCommand(t.db, 'summary', { from: '2024-01-01', to: '2025-12-31', json: true, ...v }, (s) => { text += s; });
      return JSON.parse(text) as { received: number; resolved: number; inProgress: number; asOf: string };
    };
    expect(await run({})).toMatchObject({ received: 28, asOf: 'was' });
    expect(await run({ unit: '98001', 'as-of': 'is' })).toMatchObject({ received: 10, resolved: 3, inProgress: 7, asOf: 'is' });
    expect((await run({ unit: '99103' })).received).toBe(4);
    expect((await run({ unit: '98002', 'as-of': 'is' })).received).toBe(7);
    await expect(run({ unit: '99103', 'as-of': 'is' })).rejects.toThrow(/hiện hành mã 99103/);
    await expect(run({ 'as-of': 'now' })).rejects.toBeInstanceOf(UsageError);
  });
});
