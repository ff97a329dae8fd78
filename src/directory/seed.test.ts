import { describe, expect, it } from 'vitest';
import { useSeededDatabase } from '../../test/db';
import { FixedClock } from '../platform/clock';
import { seedDirectory } from './seed';
import { resolveScope } from './service';

const clock = new FixedClock(new Date('2025-09-15T02:00:00Z'));
const t = useSeededDatabase((db) => seedDirectory(db, clock));

const countWhere = async (validFrom: string, level: 'province' | 'district' | 'commune', pathPrefix: string) =>
  Number((await t.db.selectFrom('admin_units').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('valid_from', '=', validFrom).where('level', '=', level).where('path', 'like', `${pathPrefix}%`)
    .executeTakeFirstOrThrow()).n);

describe('seedDirectory', () => {
  it('loads old Đồng Tháp: 1 province, 12 districts, 141 communes, ending on 2025-07-01', async () => {
    expect(await countWhere('2004-01-01', 'province', '/87/')).toBe(1);
    expect(await countWhere('2004-01-01', 'district', '/87/')).toBe(12);
    expect(await countWhere('2004-01-01', 'commune', '/87/')).toBe(141);
    const open = await t.db.selectFrom('admin_units').select('id').where('path', 'like', '/87/%')
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '!=', '2025-07-01')])).execute();
    expect(open).toHaveLength(0);
  });

  it('loads new Đồng Tháp: province 82 and 102 communes directly under it, no districts', async () => {
    expect(await countWhere('2025-07-01', 'province', '/82/')).toBe(1);
    expect(await countWhere('2025-07-01', 'commune', '/82/')).toBe(102);
    expect(await countWhere('2025-07-01', 'district', '/')).toBe(0);
    const commune = await t.db.selectFrom('admin_units').select('path').where('code', '=', '29869')
      .where('valid_from', '=', '2025-07-01').executeTakeFirstOrThrow();
    expect(commune.path).toBe('/82/29869/');
  });

  it('keeps old Tiền Giang apart from new province 82 by a distinct path segment', async () => {
    expect(await countWhere('2004-01-01', 'commune', '/82@2004/')).toBe(164);
    expect(await countWhere('2004-01-01', 'commune', '/82/')).toBe(0);
  });

  it('maps every old commune to its new one: 305 old codes, 3 of them split between two', async () => {
    const rows = await t.db.selectFrom('admin_unit_successions').select(['old_unit_id', 'partial']).execute();
    expect(new Set(rows.map((r) => r.old_unit_id)).size).toBe(305);
    expect(rows).toHaveLength(308);
    expect(rows.filter((r) => r.partial)).toHaveLength(6); // each split commune: two partial links
  });

  it('loads demo agencies, service points and counters', () => {
    expect(t.seeded).toMatchObject({ units: 1 + 12 + 141 + 1 + 11 + 164 + 1 + 102, agencies: 124 + 102 + 1 + 18, servicePoints: 26 });
    expect(t.seeded.counters).toBe(2 * 4 + 12 * 3 + 12 * 2);
    expect(t.seeded.inserted).toBe(t.seeded.units + t.seeded.successions + t.seeded.agencies + t.seeded.servicePoints + t.seeded.counters);
  });

  it('places each new commune at its approximate centre (migration 0137): phường Cao Lãnh at old thành phố Cao Lãnh\'s seat', async () => {
    const row = await t.db.selectFrom('admin_units').select(['centre_latitude', 'centre_longitude', 'centre_precision'])
      .where('code', '=', '29869').where('valid_from', '=', '2025-07-01').executeTakeFirstOrThrow();
    expect(row).toEqual({ centre_latitude: 10.46, centre_longitude: 105.633, centre_precision: 'districtSeat' });
    const missing = await t.db.selectFrom('admin_units').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('level', '=', 'commune').where('valid_from', '=', '2025-07-01').where('centre_precision', 'is', null).executeTakeFirstOrThrow();
    expect(Number(missing.n)).toBe(0);
  });

  it('is idempotent: a second run adds and changes nothing', async () => {
    const before = await t.db.selectFrom('admin_units').select(['id', 'path', 'name']).orderBy('id').execute();
    const second = await seedDirectory(t.db, clock);
    expect(second.inserted).toBe(0);
    expect({ ...second, inserted: 0 }).toEqual({ ...t.seeded, inserted: 0 });
    expect(await t.db.selectFrom('admin_units').select(['id', 'path', 'name']).orderBy('id').execute()).toEqual(before);
  });
});

describe('resolveScope', () => {
  it('resolves a unit code to the current version even when an old unit had the same code', async () => {
    const scope = await resolveScope(t.db, 'unit', '29869');
    expect(scope).toMatchObject({ kind: 'unit', code: '29869', unitPath: '/82/29869/' });
  });

  it('resolves province 82 to the new province, not old Tiền Giang', async () => {
    expect(await resolveScope(t.db, 'unit', '82')).toMatchObject({ unitPath: '/82/' });
  });

  it('resolves a retired unit to its last version', async () => {
    expect(await resolveScope(t.db, 'unit', '866')).toMatchObject({ unitPath: '/87/866/' });
  });

  it('resolves an agency by identifier with the path of its unit', async () => {
    expect(await resolveScope(t.db, 'agency', '000.89.61.H20')).toMatchObject({ kind: 'agency', unitPath: '/82/29869/' });
    expect(await resolveScope(t.db, 'agency', '000.00.00.H20')).toMatchObject({ unitPath: '/82/' });
  });

  it('resolves a service point by code', async () => {
    expect(await resolveScope(t.db, 'servicePoint', 'TTHCC-CS2')).toMatchObject({ kind: 'servicePoint', unitPath: '/82/29869/' });
  });

  it('returns null for unknown codes', async () => {
    expect(await resolveScope(t.db, 'unit', '99999')).toBeNull();
    expect(await resolveScope(t.db, 'agency', 'nope')).toBeNull();
    expect(await resolveScope(t.db, 'servicePoint', 'nope')).toBeNull();
  });
});
