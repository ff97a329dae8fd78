// Migrations 0200–0203 on a database that already has rows (issue 16 §5): a database migrated up to
// 0199 gets a province, a point, a dossier with a paper, a shipment with a leg and its event, a
// counter receipt, an online order, an outbox message and audit entries; the later migrations
// backfill province_code from each row's parent, then NOT NULL holds, and the triggers fill the
// column for a writer that leaves it out — until 0225 drops them (every writer sets it): then a
// writer that leaves it out is refused (23502) and a wrong one by the composite foreign key.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate, readMigrations } from '../src/platform/db/migrate';

const FIRST_SHARDING = '0200_province_code_dossier_tables.sql';
const TRIGGERS_DROPPED = '0225_province_code_fill_triggers_drop.sql';
let url = '';
let client: pg.Client;
const adminUrl = () => inject('pgAdminUrl');

/** Inserts one row, filling every NOT NULL column without a default with a placeholder of its type. */
async function insert(table: string, given: Record<string, unknown>): Promise<number> {
  const cols = await client.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL`, [table]);
  const placeholder = (type: string): unknown => {
    if (type === 'text' || type.startsWith('character')) return 'x';
    if (type === 'integer' || type === 'bigint' || type === 'smallint' || type === 'numeric') return 1;
    if (type === 'boolean') return false;
    if (type === 'date') return '2026-12-07';
    if (type.startsWith('timestamp')) return '2026-12-07T03:00:00Z';
    if (type === 'jsonb' || type === 'json') return {};
    if (type === 'ARRAY') return [];
    return 'x';
  };
  const row: Record<string, unknown> = {};
  for (const c of cols.rows) row[c.column_name] = placeholder(c.data_type);
  Object.assign(row, given);
  const names = Object.keys(row);
  const r = await client.query<{ id: string }>(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_populate_record(null::${table}, $1::jsonb)
     RETURNING to_jsonb(${table}) ->> 'id' AS id`,
    [JSON.stringify(row)]);
  return Number(r.rows[0]?.id ?? 0);
}

const provinceOf = async (table: string, where: string, ...params: unknown[]) =>
  (await client.query<{ p: string | null }>(`SELECT province_code AS p FROM ${table} WHERE ${where}`, params)).rows.map((r) => r.p);

beforeAll(async () => {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url = adminUrl().replace(/\/postgres$/, `/${name}`);
  const before = (await readMigrations()).map((m) => m.name).filter((n) => n < FIRST_SHARDING);
  await migrate(url, undefined, { only: new Set(before) });
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${url.split('/').pop()} WITH (FORCE)`);
  await admin.end();
});

describe('migrations 0200–0203 on a database with rows', () => {
  it('backfills province_code from each parent, then holds NOT NULL and fills new rows', async () => {
    const province = await insert('admin_units', { code: '82', name: 'Đồng Tháp', kind: 'tinh', level: 'province', province_code: '82', path: '/82/', valid_from: '2025-07-01' });
    const commune = await insert('admin_units', { code: '29869', name: 'Phường Cao Lãnh', kind: 'phuong', level: 'commune', parent_id: province, province_code: '82', path: '/82/29869/', valid_from: '2025-07-01' });
    const agency = await insert('agencies', { identifier: '000.00.01.H82', name: 'Sở Tư pháp', kind: 'department', level: 'province', admin_unit_id: province, province_code: '82', valid_from: '2025-07-01' });
    const point = await insert('service_points', { code: 'BD-CL', name: 'Bưu điện Cao Lãnh', kind: 'post_office', admin_unit_id: commune, province_code: '82', valid_from: '2025-07-01' });
    const procedure = await insert('procedures', { code: '1.000001', version: 1, name: 'Cấp bản sao', province_code: '82', effective_from: '2025-07-01', duration_unit: 'working_days', competent_level: 'province', cutoff: '15:00', online_level: 'none', result_type: 'paper' });
    const applicant = await insert('applicants', { name: 'Nguyễn Văn An' });
    const dossier = await insert('dossiers', {
      code: '000.00.01.H82-261207-0001', province_code: '82', procedure_id: procedure, applicant_id: applicant, receiving_service_point_id: point,
      receiving_agency_id: agency, competent_agency_id: agency, unit_path: '/82/29869/', channel: 'counter', status: 'received', sync_code: 2,
      applicant_kind: 'person', applicant_name_key: 'nguyen van an',
    });
    await insert('dossier_papers', { dossier_id: dossier, paper_key: 'don', name: 'Đơn', source: 'scanned' });
    await insert('sync_outbox', { dossier_id: dossier, dossier_code: '000.00.01.H82-261207-0001', seq: 1, action: 'received', sync_code: 2 });
    const shipment = await insert('postal_shipments', { service_point_id: point, unit_path: '/82/29869/', province_code: '82', origin: 'counter' });
    const leg = await insert('postal_legs', { shipment_id: shipment, kind: 'pickup', tracking_number: 'EB000000001VN', status: 'planned', service_point_id: point });
    await insert('postal_leg_events', { leg_id: leg, event_id: 'e1', kind: 'created', source: 'staff' });
    await insert('receipts', { series: 'BL', service_point_id: point, year: 2026, number: 1, amount_vnd: 50_000, payment_method: 'cash', place: 'counter' });
    await insert('payment_orders', { txn_ref: 'MC0000000000A001', subject_kind: 'dossier', subject_id: '000.00.01.H82-261207-0001', amount_vnd: 50_000, status: 'pending' });
    await insert('outbox', { kind: 'dossier.received', payload: { code: '000.00.01.H82-261207-0001' } });
    await insert('outbox', { kind: 'account.assistedFiling', payload: { phone: '84912345678' } });
    await insert('dossier_serials', { agency_id: agency, day: '2026-12-07', last_serial: 1 });
    const clerk = await insert('users', { username: 'clerk-cl', full_name: 'Trần Thị Bình', role: 'clerk', password_hash: 'x', scope_service_point_id: point });
    await insert('audit_log', { actor_id: clerk, action: 'payments.cash', entity: 'receipt' });
    await insert('audit_log', { actor_id: null, action: 'payments.paid', entity: 'payment_order' });

    const rest = (await readMigrations()).map((m) => m.name).filter((n) => n >= FIRST_SHARDING && n < TRIGGERS_DROPPED);
    expect(await migrate(url, undefined, { only: new Set(rest) })).toEqual(expect.arrayContaining(['0200_province_code_dossier_tables.sql', '0203_province_code_outbox_audit.sql']));

    for (const [table, where] of [['dossier_papers', 'true'], ['sync_outbox', 'true'], ['postal_legs', 'true'], ['postal_leg_events', 'true'],
      ['receipts', 'true'], ['payment_orders', 'true'], ['dossier_serials', 'true']] as const) {
      expect([table, await provinceOf(table, where)]).toEqual([table, ['82']]);
    }
    expect(await provinceOf('outbox', "kind = 'dossier.received'")).toEqual(['82']);
    expect(await provinceOf('outbox', "kind = 'account.assistedFiling'")).toEqual(['00']);
    expect(await provinceOf('audit_log', "action = 'payments.cash'")).toEqual(['82']);
    expect(await provinceOf('audit_log', "action = 'payments.paid'")).toEqual(['00']);

    // a writer that leaves it out gets the parent's; a row whose parent gives none is refused
    await insert('dossier_papers', { dossier_id: dossier, paper_key: 'cccd', name: 'Căn cước', source: 'scanned', province_code: null });
    expect(await provinceOf('dossier_papers', "paper_key = 'cccd'")).toEqual(['82']);
    await expect(insert('dossier_papers', { dossier_id: dossier, paper_key: 'other', name: 'Khác', source: 'scanned', province_code: '87' }))
      .rejects.toThrow(/dossier_papers_province_dossier_fkey/);
    await expect(insert('sync_outbox', { dossier_id: 999_999, dossier_code: 'none', seq: 1, action: 'received', sync_code: 2, province_code: null }))
      .rejects.toThrow(/no province_code/);
  });

  it('0225: no fill trigger is left; a row without its province is refused, a wrong one too', async () => {
    const rest = (await readMigrations()).map((m) => m.name).filter((n) => n >= TRIGGERS_DROPPED);
    expect(await migrate(url, undefined, { only: new Set(rest) })).toContain(TRIGGERS_DROPPED);
    const left = await client.query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE '%province%'`);
    expect(left.rows).toEqual([]);
    const row = (await client.query<{ id: string; submitted_at: Date }>(`SELECT id, submitted_at FROM dossiers LIMIT 1`)).rows[0];
    const dossier = Number(row?.id);
    // since 0230 a paper also carries its dossier's filing time (the partition key), held by the same foreign key
    const paper = { dossier_id: dossier, dossier_submitted_at: row?.submitted_at.toISOString(), paper_key: 'giay-khai-sinh', name: 'Giấy khai sinh', source: 'scanned' };
    await expect(insert('dossier_papers', { ...paper, province_code: null }))
      .rejects.toThrow(/null value in column "province_code"/);
    await expect(insert('audit_log', { actor_id: null, action: 'user.create', entity: 'user', province_code: null }))
      .rejects.toThrow(/null value in column "province_code"/);
    await expect(insert('dossier_papers', { ...paper, province_code: '79' }))
      .rejects.toThrow(/dossier_papers_dossier_fkey/);
    await insert('dossier_papers', { ...paper, province_code: '82' });
    expect(await provinceOf('dossier_papers', "paper_key = 'giay-khai-sinh'")).toEqual(['82']);
  });
});
