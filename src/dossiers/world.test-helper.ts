// A small province for dossier tests, built from test/factories.ts: two communes with their UBND, a
// provincial centre that receives at a post office, a commune-level procedure (5 working days) and
// one actor per role. `useWorld()` is the setup of a test file: a database and a world per file.
import { afterAll, beforeAll } from 'vitest';
import { FixedClock } from '../platform/clock';
import type { Actor, Role } from '../platform/actor';
import { connectUrl, type Database } from '../platform/db/connect';
import type { DossierContext, DossierHook } from './events';
import { sql } from 'kysely';
import type { IntakeInput } from './model';
import { receiveDossier } from './service';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { createTestApp } from '../../test/http';
import type { HttpApp } from '../platform/http/server';
import { makeAgency, makeAgencyStaff, makeProcedure, makeServicePoint, makeUnit } from '../../test/factories';

let n = 0;

export interface World {
  readonly db: Database;
  readonly clock: FixedClock;
  readonly province: { id: number; path: string; code: string };
  readonly commune: { id: number; path: string; code: string };
  readonly otherCommune: { id: number; path: string; code: string };
  readonly communeAgency: { id: number; identifier: string };
  readonly otherAgency: { id: number; identifier: string };
  readonly centre: { id: number; identifier: string };
  readonly servicePoint: { id: number; code: string };
  readonly otherServicePoint: { id: number; code: string };
  readonly procedureCode: string;
  readonly actors: Record<'clerk' | 'communeClerk' | 'otherClerk' | 'courier' | 'officer' | 'otherOfficer' | 'approver' | 'supervisor' | 'otherSupervisor' | 'citizen' | 'admin', Actor>;
  ctx(actor: Actor | null): DossierContext;
  intake(overrides?: Partial<IntakeInput> & { personalId?: string; name?: string; phone?: string }): IntakeInput;
}

export async function buildWorld(db: Database, at = '2026-03-02T09:00:00+07:00'): Promise<World> {
  const tag = `${process.pid % 1000}${++n}`;
  const province = await makeUnit(db, { code: `9${tag}`, name: `Tỉnh 9${tag}`, level: 'province' });
  const commune = await makeUnit(db, { code: `8${tag}1`, name: `Xã 8${tag}1`, parent: province });
  const otherProvince = await makeUnit(db, { code: `7${tag}`, name: `Tỉnh 7${tag}`, level: 'province' });
  const otherCommune = await makeUnit(db, { code: `6${tag}1`, name: `Xã 6${tag}1`, parent: otherProvince });
  const communeAgency = await makeAgency(db, commune, { identifier: '000.01.61.H20', name: 'Ủy ban nhân dân xã Một' });
  const otherAgency = await makeAgency(db, otherCommune, { identifier: '000.02.61.H58', name: 'Ủy ban nhân dân xã Hai' });
  const centre = await makeAgency(db, province, { identifier: '000.00.30.H20', name: 'Trung tâm Phục vụ hành chính công tỉnh', kind: 'public_service_centre', level: 'province' });
  const sp = (code: string, receivingAgencyId: number) =>
    makeServicePoint(db, commune, { code, receivingAgencyId, address: 'Số 1', openingHours: { weekly: { 1: ['07:00-17:00'] } } });
  const servicePoint = await sp(`BD-${tag}`, centre.id);
  const otherServicePoint = await sp(`BD-${tag}-2`, centre.id);
  const communePoint = await sp(`BD-${tag}-3`, communeAgency.id);
  const { code: procedureCode } = await makeProcedure(db, { code: `9.${tag.padStart(6, '0')}`, provinceCode: province.code });
  // actors without an account row: ids far above the accounts' own sequence, so that a test may insert their rows
  const actor = (n: number, role: Role, scope: Actor['scope']): Actor => ({ userId: 9000 + n, username: `${role}${9000 + n}`, fullName: `Người ${role}`, role, scope });
  // officers and approvers are real accounts: an assignment names one of them (accounts/references)
  const staff = async (fullName: string, role: 'officer' | 'approver', agencyId: number, unitPath: string): Promise<Actor> => {
    const username = `${role}-${tag}-${agencyId}`;
    const row = await makeAgencyStaff(db, { username, fullName, role, agencyId, unitPath });
    return { userId: row.id, username, fullName, role, scope: { kind: 'agency', agencyId, unitPath } };
  };
  const actors = {
    clerk: actor(1, 'clerk', { kind: 'servicePoint', servicePointId: servicePoint.id, unitPath: commune.path }),
    communeClerk: actor(11, 'clerk', { kind: 'servicePoint', servicePointId: communePoint.id, unitPath: commune.path }),
    otherClerk: actor(2, 'clerk', { kind: 'servicePoint', servicePointId: otherServicePoint.id, unitPath: commune.path }),
    courier: actor(3, 'courier', { kind: 'servicePoint', servicePointId: servicePoint.id, unitPath: commune.path }),
    officer: await staff('Nguyễn Minh Khoa', 'officer', communeAgency.id, commune.path),
    otherOfficer: await staff('Lê Văn Khác', 'officer', otherAgency.id, otherCommune.path),
    approver: await staff('Phạm Quốc Bảo', 'approver', communeAgency.id, commune.path),
    supervisor: actor(7, 'supervisor', { kind: 'unit', unitId: province.id, unitPath: province.path }),
    otherSupervisor: actor(8, 'supervisor', { kind: 'unit', unitId: otherProvince.id, unitPath: otherProvince.path }),
    citizen: actor(9, 'citizen', { kind: 'self', personalId: '087090001234' }),
    admin: actor(10, 'admin', { kind: 'unit', unitId: 0, unitPath: '/' }),
  };
  const clock = new FixedClock(new Date(at));
  return {
    db, clock, province, commune, otherCommune, communeAgency, otherAgency, centre, servicePoint, otherServicePoint, procedureCode, actors,
    ctx: (a) => ({ db, clock, actor: a }),
    intake: (o = {}) => ({
      procedureCode, applicant: { personalId: o.personalId ?? '087090001234', name: o.name ?? 'Nguyễn Văn An', phone: o.phone ?? '0912345678', unitCode: commune.code },
      papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned' }],
      formData: { fullName: o.name ?? 'Nguyễn Văn An', personalId: o.personalId ?? '087090001234', gender: 'Nam' },
      ...Object.fromEntries(Object.entries(o).filter(([k]) => !['personalId', 'name', 'phone'].includes(k))),
    }),
  };
}

/** Stands for a value built in beforeAll: property reads go to the value once it exists. */
function later<T extends object>(get: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get: (_t, key) => {
      const value = get();
      if (value === undefined) throw new Error(`${what} is built in beforeAll; read it inside a test`);
      const member: unknown = Reflect.get(value, key);
      return typeof member === 'function' ? member.bind(value) : member;
    },
  });
}

/**
 * The setup of a test file: a throwaway database and a world in it, built before the file's tests
 * and closed after them. `const { t, w } = useWorld();` at the top of the file.
 */
export function useWorld(at?: string): { readonly t: TestDatabase; readonly w: World } {
  let t: TestDatabase | undefined;
  let w: World | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    w = await buildWorld(t.db, at);
  });
  afterAll(async () => { await t?.close(); });
  return { t: later(() => t, 'the test database'), w: later(() => w, 'the world') };
}

/**
 * useWorld and an HTTP app of the routes `register` adds, whose caller is the world's actor named
 * by the `x-test-actor` header: `const { t, w, app } = useWorldApp((a, t, w) => registerXRoutes(a, …));`.
 */
export function useWorldApp(register: (app: HttpApp, t: TestDatabase, w: World) => void, at?: string): { readonly t: TestDatabase; readonly w: World; readonly app: HttpApp } {
  const { t, w } = useWorld(at);
  let app: HttpApp | undefined;
  beforeAll(async () => {
    app = await createTestApp((who) => (who in w.actors ? w.actors[who as keyof World['actors']] : null), (a) => register(a, t, w));
  });
  afterAll(async () => { await app?.close(); });
  return { t, w, app: later(() => app, 'the app') };
}

/**
 * useWorld over a pool of `connections` (the default pool is small), for tests of many concurrent
 * intakes: `const { w, wide } = useWideWorld(16);`, then `wide.db` inside a test.
 */
export function useWideWorld(connections: number): { readonly w: World; readonly wide: { readonly db: Database } } {
  let t: TestDatabase | undefined;
  let pool: { db: Database } | undefined;
  let w: World | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    pool = connectUrl(t.url, connections);
    w = await buildWorld(pool.db);
  });
  afterAll(async () => {
    await pool?.db.destroy();
    await t?.close();
  });
  const wide = {
    get db(): Database {
      if (pool === undefined) throw new Error('the wide pool is built in beforeAll; read it inside a test');
      return pool.db;
    },
  };
  return { w: later(() => w, 'the world'), wide };
}

/** A hook that makes the intake statement fail, after the serials were taken, for the applicant named `name`. */
export const failIntakeOf = (name: string): DossierHook => ({
  afterEvent: async () => {},
  intakeWrites: (event) => [{
    name: 'forced_failure',
    statement: sql`INSERT INTO outbox (kind, payload) SELECT NULL, '{}'::jsonb FROM d WHERE ${event.payload.applicantName === name}::boolean`,
  }],
});

/**
 * `count` intakes at once by the clerk, all but the `failingAt`-th (1-based) for "Lê Thị Hoa"; that
 * one fails inside the intake statement (failIntakeOf). `personalIdOf(i)` gives the i-th a personal ID.
 */
export async function intakesWithOneFailing(w: World, count: number, failingAt: number, personalIdOf: (i: number) => string) {
  const ctx = { ...w.ctx(w.actors.clerk), hooks: [failIntakeOf('Lỗi Giữa Chừng')] };
  return Promise.allSettled(Array.from({ length: count }, (_, k) => k + 1).map((i) =>
    receiveDossier(ctx, w.intake({ personalId: personalIdOf(i), name: i === failingAt ? 'Lỗi Giữa Chừng' : 'Lê Thị Hoa' }))));
}
