// The Đồng Tháp directory of the demo: all real units before and after the 2025 reform with the
// official old → new mapping (seed/dong-thap-units.json), demo agencies (seed/agencies.json) and
// demo service points with their counters (seed/service-points.json). Idempotent: rows are
// upserted by their natural keys, so a second run inserts nothing.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { applyDirectoryRecords } from './import';
import { PRE_REFORM_FROM, REFORM_DATE, unitKindCodes } from './model';
import type { ImportRecord } from './records';

interface SourceUnit { code: string; name: string; kind?: string }
interface SourceProvince extends SourceUnit { districts: (SourceUnit & { communes: SourceUnit[] })[] }
interface UnitsFile {
  before_2025_07_01: { province: SourceUnit; districts: SourceProvince['districts'] };
  old_tien_giang_82_reference: { province: SourceUnit; districts: SourceProvince['districts'] };
  after_2025_07_01: {
    province: SourceUnit;
    communes: (SourceUnit & { formed_from_old_codes: string[]; partially_from_old_codes: string[] })[];
  };
}

const readSeed = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./seed/${name}`, import.meta.url), 'utf8')) as T;

const kindCode = (kind: string | undefined): string =>
  (unitKindCodes as Record<string, string>)[kind ?? ''] ?? 'xa';

const MERGER_SOURCE = 'Nghị quyết 1663/NQ-UBTVQH15; bảng chuyển đổi ĐVHC của Cục Thống kê';

/** Pre-reform tree of one province, as import records. */
function oldProvince(p: { province: SourceUnit; districts: SourceProvince['districts'] }, pathSegment: string | null): ImportRecord[] {
  const period = { validFrom: PRE_REFORM_FROM, validTo: REFORM_DATE };
  const records: ImportRecord[] = [{
    code: p.province.code, name: p.province.name, kind: 'tinh', level: 'province', ...period,
    ...(pathSegment ? { pathSegment } : {}),
  }];
  for (const d of p.districts) {
    records.push({ code: d.code, name: d.name, kind: kindCode(d.kind), level: 'district', parentCode: p.province.code, ...period });
    for (const c of d.communes) {
      records.push({ code: c.code, name: c.name, kind: kindCode(c.kind), level: 'commune', parentCode: d.code, ...period });
    }
  }
  return records;
}

/** Import records of all units: old Đồng Tháp (87), old Tiền Giang (82@2004), new Đồng Tháp (82). */
export function seedUnitRecords(): ImportRecord[] {
  const data = readSeed<UnitsFile>('dong-thap-units.json');
  const after = data.after_2025_07_01;
  return [
    ...oldProvince(data.before_2025_07_01, null),
    // Old Tiền Giang is reference data for the mapping; its code 82 was given to the new
    // province, so its paths start '/82@2004/' and never fall under the new '/82/' subtree.
    ...oldProvince(data.old_tien_giang_82_reference, '82@2004'),
    { code: after.province.code, name: after.province.name, kind: 'tinh', level: 'province', validFrom: REFORM_DATE,
      legalSource: 'Nghị quyết 202/2025/QH15; QĐ 19/2025/QĐ-TTg' },
    ...after.communes.map((c) => ({
      code: c.code, name: c.name, kind: kindCode(c.kind), level: 'commune', parentCode: after.province.code,
      validFrom: REFORM_DATE, formedFrom: c.formed_from_old_codes, partiallyFrom: c.partially_from_old_codes,
      legalSource: MERGER_SOURCE,
    })),
  ];
}

export interface DirectorySeedCounts extends Record<string, number> {
  readonly units: number;
  readonly successions: number;
  readonly agencies: number;
  readonly servicePoints: number;
  readonly counters: number;
  /** Rows this run added (0 on a second run). */
  readonly inserted: number;
}

/** Loads the demo directory; returns the totals in the tables and how many rows this run added. */
export async function seedDirectory(db: Database, _clock: Clock): Promise<DirectorySeedCounts> {
  const before = await totals(db);
  await db.transaction().execute(async (trx) => {
    await applyDirectoryRecords(trx, 'units', seedUnitRecords());
    await applyDirectoryRecords(trx, 'agencies', readSeed<{ rows: ImportRecord[] }>('agencies.json').rows);
    await applyDirectoryRecords(trx, 'servicePoints', readSeed<{ rows: ImportRecord[] }>('service-points.json').rows);
    await applyCommuneCentres(trx);
  });
  const after = await totals(db);
  const inserted = (Object.keys(after) as (keyof typeof after)[]).reduce((s, k) => s + after[k] - before[k], 0);
  return { ...after, inserted };
}

/** The communes' approximate centres (seed/commune-centres.json, precision 'districtSeat'); a surveyed centre is never overwritten. */
async function applyCommuneCentres(trx: Database): Promise<void> {
  const data = readSeed<{ rows: { code: string; latitude: number; longitude: number }[] }>('commune-centres.json');
  const rows = JSON.stringify(data.rows.map((r) => ({ code: r.code, latitude: r.latitude, longitude: r.longitude })));
  // one statement for all communes (the seed runs at every start)
  await sql`UPDATE admin_units u SET centre_latitude = c.latitude, centre_longitude = c.longitude, centre_precision = 'districtSeat'
    FROM jsonb_to_recordset(${rows}::jsonb) AS c(code text, latitude double precision, longitude double precision)
    WHERE u.code = c.code AND u.level = 'commune' AND u.valid_from = ${REFORM_DATE}
      AND (u.centre_precision IS NULL OR u.centre_precision = 'districtSeat')`.execute(trx);
}

async function totals(db: Database) {
  const count = async (table: 'admin_units' | 'admin_unit_successions' | 'agencies' | 'service_points' | 'counters') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    units: await count('admin_units'),
    successions: await count('admin_unit_successions'),
    agencies: await count('agencies'),
    servicePoints: await count('service_points'),
    counters: await count('counters'),
  };
}
