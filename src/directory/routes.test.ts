import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Role } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { createTestApp, countryActor, closeAll, expectError } from '../../test/http';
import { registerDirectoryRoutes } from './routes';
import { seedDirectory } from './seed';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2025-09-15T02:00:00Z'));

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDirectory(t.db, clock);
  app = await createTestApp((role) => countryActor(role as Role), (a) => registerDirectoryRoutes(a, { db: t.db, clock }));
});
afterAll(() => closeAll(app, t));

const get = (url: string, role: Role | null = 'clerk') =>
  app.inject({ method: 'GET', url, headers: role ? { 'x-test-role': role } : {} });
const importAs = (role: Role, body: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/admin/directory/import', headers: { 'x-test-role': role }, payload: body as object });

describe('directory read routes', () => {
  it('answers 401 without a signed-in user', async () => {
    expectError(await get('/api/v1/units', null), 401, 'UNAUTHENTICATED');
  });

  it('finds "Cao Lãnh" when searched without diacritics, in the period asked', async () => {
    const now = (await get('/api/v1/units?q=cao%20lanh')).json();
    expect(now.items.map((u: { name: string }) => u.name)).toEqual(['Phường Cao Lãnh']);
    const before = (await get('/api/v1/units?q=cao%20lanh&validOn=2025-06-30')).json();
    expect(before.items.map((u: { name: string }) => u.name).sort()).toEqual(['Huyện Cao Lãnh', 'Thành phố Cao Lãnh']);
  });

  it('finds a commune by its pre-2025 name (an ID card\'s address) and shows the commune it became', async () => {
    const res = (await get('/api/v1/units?level=commune&q=tan%20cong%20chi')).json();
    expect(res.items).toEqual([expect.objectContaining({ code: '29926', name: 'Xã Tân Hồng', formerName: 'Xã Tân Công Chí', validTo: null })]);
    const town = (await get('/api/v1/units?level=commune&q=sa%20rai')).json();
    expect(town.items.map((u: { name: string; formerName?: string }) => [u.name, u.formerName])).toEqual([['Xã Tân Hồng', 'Thị trấn Sa Rài']]);
  });

  it('lists the communes of a parent on a date', async () => {
    const res = (await get('/api/v1/units?parent=866&validOn=2020-01-01')).json();
    expect(res.total).toBe(13);
    const now = (await get('/api/v1/units?level=commune&parent=82&limit=500')).json();
    expect(now.total).toBe(102);
  });

  it('shows every version of a code with its successors and predecessors', async () => {
    const res = await get('/api/v1/units/29869');
    expect(res.statusCode).toBe(200);
    const [old, current] = res.json().versions;
    expect(old).toMatchObject({ name: 'Phường 1', validTo: '2025-07-01', path: '/87/866/29869/' });
    expect(old.successors).toEqual([expect.objectContaining({ code: '29869', name: 'Phường Cao Lãnh', partial: false })]);
    expect(current.predecessors.map((p: { code: string }) => p.code).sort()).toEqual(['29869', '29872', '29875', '29878', '29890', '29892', '29893', '29896', '29899']);
  });

  it('answers 404 for an unknown unit and 400 with the error shape for a bad date', async () => {
    expect((await get('/api/v1/units/12345')).statusCode).toBe(404);
    const bad = await get('/api/v1/units?validOn=15-09-2025');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: expect.any(Array) } });
  });

  it('lists agencies of today and a service point with its counters', async () => {
    const agencies = (await get('/api/v1/agencies?level=commune')).json();
    expect(agencies.total).toBe(204); // 102 People's Committees and 102 police stations
    const districtsOld = (await get('/api/v1/agencies?level=district&validOn=2024-01-01')).json();
    expect(districtsOld.total).toBe(24); // 12 People's Committees and 12 district police (the simulated pilot's routing)
    const sp = (await get('/api/v1/service-points/TTHCC-CS2')).json();
    expect(sp).toMatchObject({ kind: 'centre', unitCode: '29869', receivingAgency: '000.00.30.H20' });
    expect(sp.counters.map((c: { code: string }) => c.code)).toEqual(['Q01', 'Q02', 'Q03', 'Q04']);
    const list = (await get('/api/v1/service-points')).json();
    expect(list.total).toBe(14); // district one-stops ended with the districts
  });
});

describe('directory import route', () => {
  const csv = [
    'code,name,kind,unitCode,receivingAgency,address,latitude,longitude,openingHours,validFrom,counters',
    'BDVHX-30019,Điểm Bưu điện – Văn hóa xã An Hòa,post_office,30019,,"Ấp 1, xã An Hòa",10.7,105.5,"{""weekly"":{""1"":[""07:00-11:00""]}}",2025-07-01,Q01;Q02',
  ].join('\n');

  it('refuses a non-admin with 403', async () => {
    const res = await importAs('clerk', { kind: 'servicePoints', format: 'csv', content: csv });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses unknown body properties', async () => {
    const res = await importAs('admin', { kind: 'servicePoints', format: 'csv', content: csv, extra: 1 });
    expect(res.statusCode).toBe(400);
  });

  it('imports a CSV of service points with their counters and audits it', async () => {
    const res = await importAs('admin', { kind: 'servicePoints', format: 'csv', content: csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, inserted: 1, counters: 2 });
    const sp = (await get('/api/v1/service-points/BDVHX-30019')).json();
    expect(sp.openingHours).toEqual({ weekly: { 1: ['07:00-11:00'] } });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'directory.import').execute();
    expect(audit).toHaveLength(1);
  });

  it('names the row and field of each problem and writes nothing', async () => {
    const content = JSON.stringify([
      { code: 'X-1', name: 'Điểm 1', kind: 'post_office', unitCode: '30019', address: 'a', openingHours: { weekly: {} }, validFrom: '2025-07-01' },
      { code: 'X-2', name: 'Điểm 2', kind: 'kiosk', unitCode: '30019', address: 'b', openingHours: { weekly: { 1: ['11:00-07:00'] } }, validFrom: '2025-02-30' },
    ]);
    const res = await importAs('admin', { kind: 'servicePoints', format: 'json', content });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toContain('Dòng 2, trường "validFrom": ngày không hợp lệ ("2025-02-30"; cần YYYY-MM-DD)');
    expect(messages.some((m: string) => m.startsWith('Dòng 2, trường "kind"'))).toBe(true);
    expect(messages.some((m: string) => m.startsWith('Dòng 2, trường "openingHours"'))).toBe(true);
    const written = await t.db.selectFrom('service_points').select('id').where('code', 'in', ['X-1', 'X-2']).execute();
    expect(written).toHaveLength(0);
  });

  it('rolls back rows already written when a later row refers to an unknown unit', async () => {
    const content = JSON.stringify({ rows: [
      { identifier: '000.99.99.H20', name: 'Cơ quan thử', kind: 'other', level: 'province', unitCode: '82', validFrom: '2025-07-01' },
      { identifier: '000.98.99.H20', name: 'Cơ quan thử 2', kind: 'other', level: 'commune', unitCode: '99999', validFrom: '2025-07-01' },
    ] });
    const res = await importAs('admin', { kind: 'agencies', format: 'json', content });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toMatch(/^Dòng 2, trường "unitCode": không có đơn vị hành chính "99999"/);
    expect(await t.db.selectFrom('agencies').select('id').where('identifier', '=', '000.99.99.H20').execute()).toHaveLength(0);
  });

  it('imports units with their predecessors from CSV', async () => {
    const content = [
      'code,name,kind,level,parentCode,validFrom,formedFrom',
      '99001,Xã Thử Nghiệm,xa,commune,82,2026-01-01,30019;30010',
    ].join('\r\n');
    const res = await importAs('admin', { kind: 'units', format: 'csv', content });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 1, successions: 2 });
    const detail = (await get('/api/v1/units/99001')).json();
    expect(detail.versions[0].path).toBe('/82/99001/');
  });
});
