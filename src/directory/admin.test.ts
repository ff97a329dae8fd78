// The directory's administration over HTTP against the seeded demo province: a merger recorded
// as a new commune with its predecessors, corrections, agencies, service points with opening
// hours; every refusal names its code and field and writes nothing; non-administrators get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { closeAll, countryActor, createTestApp } from '../../test/http';
import type { Actor, Role } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { registerDirectoryRoutes } from './routes';
import { seedDirectory } from './seed';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2026-02-02T02:00:00Z'));

const provinceAdmin: Actor = { userId: 2, username: 'qt-tinh', fullName: 'QT tỉnh', role: 'admin', scope: { kind: 'unit', unitId: 1, unitPath: '/82/' } };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDirectory(t.db, clock);
  app = await createTestApp((who) => (who === 'provinceAdmin' ? provinceAdmin : countryActor(who as Role)), (a) => registerDirectoryRoutes(a, { db: t.db, clock }));
});
afterAll(() => closeAll(app, t));

const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object, who = 'admin') =>
  app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });
const unitCount = async () => Number((await t.db.selectFrom('admin_units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const merger = {
  code: '99001', name: 'Phường Hòa Bình', kind: 'phuong', level: 'commune', parentCode: '82', validFrom: '2026-01-01',
  formedFrom: ['29869'], partiallyFrom: ['29926'], legalSource: 'Nghị quyết thử nghiệm số 1/2026',
};

describe('units', () => {
  it('refuses a bad unit with the field named, and writes nothing', async () => {
    const before = await unitCount();
    const noParent = await send('POST', '/api/v1/admin/units', { ...merger, parentCode: '12' });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json().error).toMatchObject({ code: 'DIRECTORY_INVALID', message: 'Đơn vị hành chính chưa hợp lệ (1 mục cần sửa).', details: [{ path: 'parentCode', message: expect.stringContaining('không có đơn vị cha "12"') }] });
    const badDay = await send('POST', '/api/v1/admin/units', { ...merger, validFrom: '2026-02-30' });
    expect(badDay.json().error.details).toEqual([expect.objectContaining({ path: 'validFrom', message: expect.stringContaining('ngày không hợp lệ') })]);
    const oldCode = await send('POST', '/api/v1/admin/units', { ...merger, formedFrom: ['11111'] });
    expect(oldCode.json().error.details).toEqual([expect.objectContaining({ path: 'formedFrom', message: expect.stringContaining('Hợp nhất toàn bộ từ: không có đơn vị cũ "11111" hiệu lực ngày 31/12/2025') })]);
    expect(await unitCount()).toBe(before);
  });

  it('records a merger: the new commune, its predecessors (one split), the old ones ended, audited', async () => {
    const res = await send('POST', '/api/v1/admin/units', merger);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ code: '99001', validFrom: '2026-01-01' });
    const unit = (await send('GET', '/api/v1/units/99001')).json();
    expect(unit.versions[0].predecessors.map((p: { code: string; partial: boolean }) => [p.code, p.partial])).toEqual([['29869', false], ['29926', true]]);
    const old = (await send('GET', '/api/v1/units/29869')).json().versions.at(-1);
    expect(old).toMatchObject({ name: 'Phường Cao Lãnh', validTo: '2026-01-01' });
    expect(old.successors).toEqual([expect.objectContaining({ code: '99001', effectiveDate: '2026-01-01', partial: false })]);
    const today = (await send('GET', '/api/v1/units?level=commune&parent=82&limit=500')).json();
    expect(today.total).toBe(102 - 2 + 1);
    const history = (await send('GET', '/api/v1/admin/directory/history?entity=unit&key=99001@2026-01-01')).json();
    expect(history.items[0]).toMatchObject({ action: 'unit.created', actorName: 'admin', payload: { effectiveDate: '2026-01-01', predecessorsEnded: ['29869', '29926'] } });
    const again = await send('POST', '/api/v1/admin/units', merger);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('UNIT_EXISTS');
  });

  it('corrects a name with before and after in the history, and will not end a province before its communes', async () => {
    const fixed = await send('PATCH', '/api/v1/admin/units/99001/2026-01-01', { name: 'Phường Hoà Bình Mới' });
    expect(fixed.statusCode).toBe(200);
    expect((await send('GET', '/api/v1/units/99001')).json().versions[0].name).toBe('Phường Hoà Bình Mới');
    const history = (await send('GET', '/api/v1/admin/directory/history?entity=unit&key=99001@2026-01-01')).json();
    expect(history.items[0]).toMatchObject({ action: 'unit.updated', payload: { before: { name: 'Phường Hòa Bình' }, after: { name: 'Phường Hoà Bình Mới' } } });
    const end = await send('PATCH', '/api/v1/admin/units/82/2025-07-01', { validTo: '2026-06-01' });
    expect(end.statusCode).toBe(400);
    expect(end.json().error.details[0]).toMatchObject({ path: 'validTo', message: expect.stringContaining('đơn vị trực thuộc') });
    expect((await send('PATCH', '/api/v1/admin/units/99001/2026-01-01', { validTo: '2025-12-01' })).json().error.details[0].path).toBe('validTo');
    expect((await send('PATCH', '/api/v1/admin/units/77777/2026-01-01', { name: 'X' })).statusCode).toBe(404);
  });
});

describe('agencies', () => {
  const agency = { identifier: '999.99.61.H20', name: 'UBND phường Hòa Bình', kind: 'people_committee', level: 'commune', unitCode: '99001', parentIdentifier: '000.00.00.H20', validFrom: '2026-01-01' };

  it('creates an agency of the new commune, edits it, ends it; a second one with the same identifier is refused', async () => {
    const res = await send('POST', '/api/v1/admin/agencies', agency);
    expect(res.statusCode).toBe(201);
    expect((await send('POST', '/api/v1/admin/agencies', { ...agency, validFrom: '2026-01-15' })).json().error.code).toBe('AGENCY_EXISTS');
    const edit = await send('PATCH', '/api/v1/admin/agencies/999.99.61.H20/2026-01-01', { name: 'Ủy ban nhân dân phường Hòa Bình', validTo: '2027-01-01' });
    expect(edit.statusCode).toBe(200);
    const listed = (await send('GET', '/api/v1/agencies?unit=99001')).json().items;
    expect(listed).toEqual([expect.objectContaining({ name: 'Ủy ban nhân dân phường Hòa Bình', validTo: '2027-01-01', parentIdentifier: '000.00.00.H20' })]);
    const history = (await send('GET', '/api/v1/admin/directory/history?entity=agency&key=999.99.61.H20@2026-01-01')).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['agency.updated', 'agency.created']);
    expect(history[0].payload.before.name).toBe('UBND phường Hòa Bình');
  });

  it('sets how dossiers reach the agency (paper by default, electronic on request), audited; a wrong value is a 400', async () => {
    const listed = async () => (await send('GET', '/api/v1/agencies?unit=99001')).json().items[0] as { handover: string };
    expect((await listed()).handover).toBe('paper');
    expect((await send('PATCH', '/api/v1/admin/agencies/999.99.61.H20/2026-01-01', { handover: 'fax' })).statusCode).toBe(400);
    expect((await send('PATCH', '/api/v1/admin/agencies/999.99.61.H20/2026-01-01', { handover: 'electronic' })).statusCode).toBe(200);
    expect((await listed()).handover).toBe('electronic');
    const history = (await send('GET', '/api/v1/admin/directory/history?entity=agency&key=999.99.61.H20@2026-01-01')).json().items;
    expect(history[0].payload).toMatchObject({ before: { handover: 'paper' }, after: { handover: 'electronic' } });
  });

  it('keeps the agency\'s address and phone for the courier\'s stop (migration 0241), audited; a phone too long is a 400', async () => {
    const address = 'Số 5 đường Nguyễn Huệ, phường Hòa Bình';
    expect((await send('PATCH', '/api/v1/admin/agencies/999.99.61.H20/2026-01-01', { phone: '0'.repeat(31) })).statusCode).toBe(400);
    // not a phone number (src/shared/agency-phone.ts, as the admin screen checks it): 400 on the field, in Vietnamese, nothing kept
    const letters = await send('PATCH', '/api/v1/admin/agencies/999.99.61.H20/2026-01-01', { phone: 'gọi tổng đài' });
    expect(letters.statusCode).toBe(400);
    expect(letters.json().error).toMatchObject({ code: 'DIRECTORY_INVALID', details: [{ path: 'phone', message: expect.stringMatching(/^Điện thoại: Số điện thoại chỉ gồm chữ số/) }] });
    expect((await send('PATCH', '/api/v1/admin/agencies/999.99.61.H20/2026-01-01', { phone: '113' })).statusCode).toBe(400);
    expect((await send('PATCH', '/api/v1/admin/agencies/999.99.61.H20/2026-01-01', { address, phone: '0277 3852 111' })).statusCode).toBe(200);
    const row = await t.db.selectFrom('agencies').select(['address', 'phone']).where('identifier', '=', '999.99.61.H20').executeTakeFirstOrThrow();
    expect(row).toEqual({ address, phone: '0277 3852 111' });
    const history = (await send('GET', '/api/v1/admin/directory/history?entity=agency&key=999.99.61.H20@2026-01-01')).json().items;
    expect(history[0].payload).toMatchObject({ before: { address: null, phone: null }, after: { address, phone: '0277 3852 111' } });
  });

  it('names the unit that does not exist on the day', async () => {
    const res = await send('POST', '/api/v1/admin/agencies', { ...agency, identifier: '999.98.61.H20', unitCode: '99001', validFrom: '2025-09-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'unitCode', message: expect.stringContaining('hiệu lực ngày 01/09/2025') })]);
  });
});

describe('service points and opening hours', () => {
  const hours = { weekly: { 1: ['07:00-11:30', '13:30-17:00'], 2: ['07:00-11:30', '13:30-17:00'], 6: ['07:00-11:30'] } };
  const point = {
    code: 'BDVHX-99001', name: 'Bưu điện – Văn hóa xã Hòa Bình', kind: 'post_office', unitCode: '99001', address: 'Số 2, đường 30/4',
    openingHours: hours, validFrom: '2026-01-01', counters: [{ code: 'Q01' }, { code: 'Q02', name: 'Quầy trả kết quả' }],
  };

  it('creates a post office with a lunch break and Saturday intake, then edits its hours and counters', async () => {
    expect((await send('POST', '/api/v1/admin/service-points', point)).statusCode).toBe(201);
    const created = (await send('GET', '/api/v1/service-points/BDVHX-99001')).json();
    expect(created.openingHours.weekly['6']).toEqual(['07:00-11:30']);
    expect(created.counters).toEqual([{ code: 'Q01', name: 'Quầy 01', active: true }, { code: 'Q02', name: 'Quầy trả kết quả', active: true }]);
    const edit = await send('PATCH', '/api/v1/admin/service-points/BDVHX-99001', { openingHours: { weekly: { 1: ['07:30-11:30', '13:00-17:00'] } }, counters: [{ code: 'Q01' }] });
    expect(edit.statusCode).toBe(200);
    const after = (await send('GET', '/api/v1/service-points/BDVHX-99001')).json();
    expect(after.openingHours).toEqual({ weekly: { 1: ['07:30-11:30', '13:00-17:00'] } });
    expect(after.counters.map((c: { code: string; active: boolean }) => [c.code, c.active])).toEqual([['Q01', true], ['Q02', false]]);
    const history = (await send('GET', '/api/v1/admin/directory/history?entity=servicePoint&key=BDVHX-99001')).json().items;
    expect(history[0].payload.before.openingHours.weekly['6']).toEqual(['07:00-11:30']);
  });

  it('creates a code once when two administrators send it at the same moment: the other gets 409', async () => {
    const both = await Promise.all([1, 2].map(() => send('POST', '/api/v1/admin/service-points', { ...point, code: 'BDVHX-DOI' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const history = (await send('GET', '/api/v1/admin/directory/history?entity=servicePoint&key=BDVHX-DOI')).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['servicePoint.created']);
  });

  it('refuses overlapping periods and a taken code, naming the field', async () => {
    const bad = await send('PATCH', '/api/v1/admin/service-points/BDVHX-99001', { openingHours: { weekly: { 1: ['13:30-17:00', '07:00-11:30'] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'openingHours', message: expect.stringContaining('chồng lên nhau') })]);
    const taken = await send('POST', '/api/v1/admin/service-points', point);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('SERVICE_POINT_EXISTS');
  });
});

describe('who may change the directory', () => {
  it.each(['clerk', 'supervisor', 'officer'])('answers 403 FORBIDDEN to a %s', async (who) => {
    for (const [method, url, body] of [
      ['POST', '/api/v1/admin/units', merger], ['PATCH', '/api/v1/admin/units/29869/2025-07-01', { name: 'X' }],
      ['POST', '/api/v1/admin/agencies', { identifier: 'x', name: 'x', kind: 'other', level: 'commune', unitCode: '82', validFrom: '2026-01-01' }],
      ['PATCH', '/api/v1/admin/service-points/TTHCC-CS1', { name: 'X' }], ['GET', '/api/v1/admin/directory/history?entity=unit&key=82@2025-07-01', undefined],
    ] as const) {
      const res = await send(method, url, body, who);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('answers 403 SYSTEM_ADMIN_ONLY to a province administrator: shared reference data', async () => {
    const res = await send('PATCH', '/api/v1/admin/service-points/TTHCC-CS1', { name: 'X' }, 'provinceAdmin');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SYSTEM_ADMIN_ONLY');
  });
});
