// Migration 0210 (ADR 022) on an installation that already has events: a database migrated up to
// 0209, dossiers of 1995, 2024 (filed on 31/12 at 23:30 Vietnam time, an event in 2025) and 2026
// with their hash-chained events written as the old table took them; after the migration every
// row is there with its id, in its dossier's year, the chains verify and the log stays append-only.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectUrl, type Database } from '../platform/db/connect';
import { migrate } from '../platform/db/migrate';
import { makeAgency, makeProcedure, makeUnit } from '../../test/factories';
import { verifyChain } from './audit';
import { GENESIS_HASH, nextEvent, type DossierEvent } from './events';
import { useDatabaseBefore } from '../../test/db';

const PARTITIONED = '0210_dossier_events_partitioned.sql';
const fresh = useDatabaseBefore(PARTITIONED, 't_part');
let db: Database;

beforeAll(async () => {
  db = connectUrl(fresh.url, 2).db;
}, 180_000);
afterAll(async () => {
  await db?.destroy();
});

/** A dossier and its chain as the pre-0210 table held them (no province or filing time on the events). */
async function oldDossier(code: string, filedAt: string, later: readonly string[], refs: { procedureId: number; agencyId: number; province: string; path: string; applicantId: number }): Promise<number> {
  const events: DossierEvent[] = [];
  let prev = { seq: 0, hash: GENESIS_HASH };
  for (const [i, when] of [filedAt, ...later].entries()) {
    const e = nextEvent({ id: 0, code }, prev, i === 0 ? 'received' : 'forward', { userId: 1, role: 'clerk' }, { note: `bước ${i + 1}` }, new Date(when));
    events.push(e);
    prev = e;
  }
  const d = await sql<{ id: number }>`INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name,
      applicant_name_key, receiving_agency_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at, received_at, last_hash, version)
    VALUES (${code}, 'tt01-2018', ${refs.province}, ${refs.procedureId}, '9.000001', ${refs.applicantId}, 'Nguyễn Văn An', 'nguyen van an',
      ${refs.agencyId}, ${refs.agencyId}, ${refs.path}, 'counter', 'received', 2, ${new Date(filedAt)}, ${new Date(filedAt)}, ${prev.hash}, ${events.length})
    RETURNING id`.execute(db);
  const id = Number(d.rows[0]?.id);
  for (const e of events) {
    await sql`INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version)
      VALUES (${id}, ${e.seq}, ${e.at}, ${e.action}, ${e.actorId}, ${e.actorRole}, ${JSON.stringify(e.payload)}, ${e.prevHash}, ${e.hash}, ${e.hashVersion})`.execute(db);
  }
  return id;
}

describe('migration 0210 on a database with events', () => {
  it('moves every event into its dossier\'s year with its id; the chains verify; uniqueness and the append-only guard hold', { timeout: 180_000 }, async () => {
    const province = await makeUnit(db, { code: '93', name: 'Tỉnh Chín Ba', level: 'province' });
    const agency = await makeAgency(db, province, { identifier: '000.00.93.H93', name: 'Ủy ban nhân dân tỉnh Chín Ba', level: 'province' });
    const { code: procedureCode } = await makeProcedure(db, { provinceCode: province.provinceCode });
    const procedure = await db.selectFrom('procedures').select('id').where('code', '=', procedureCode).executeTakeFirstOrThrow();
    const applicant = await sql<{ id: number }>`INSERT INTO applicants (name) VALUES ('Nguyễn Văn An') RETURNING id`.execute(db);
    const refs = { procedureId: procedure.id, agencyId: agency.id, province: province.provinceCode, path: province.path, applicantId: Number(applicant.rows[0]?.id) };
    const ids = {
      y1995: await oldDossier('000.00.93.H93-950301-0001', '1995-03-01T09:00:00+07:00', ['1995-03-02T09:00:00+07:00'], refs),
      y2024: await oldDossier('000.00.93.H93-241231-0001', '2024-12-31T23:30:00+07:00', ['2025-01-02T08:00:00+07:00', '2025-01-03T08:00:00+07:00'], refs),
      y2026: await oldDossier('000.00.93.H93-260302-0001', '2026-03-02T09:00:00+07:00', [], refs),
    };
    const rowsBefore = (await sql<{ id: number; dossier_id: number; seq: number; hash: string }>`SELECT id, dossier_id, seq, hash FROM dossier_events ORDER BY id`.execute(db)).rows;
    expect(rowsBefore).toHaveLength(6);

    await migrate(fresh.url);

    const after = (await sql<{ id: number; dossier_id: number; seq: number; hash: string; part: string; province_code: string }>`
      SELECT id, dossier_id, seq, hash, tableoid::regclass::text AS part, province_code FROM dossier_events ORDER BY id`.execute(db)).rows;
    expect(after.map(({ id, dossier_id, seq, hash }) => ({ id, dossier_id, seq, hash }))).toEqual(rowsBefore);
    const partOf = (id: number) => [...new Set(after.filter((r) => r.dossier_id === id).map((r) => r.part))];
    expect(partOf(ids.y2024)).toEqual(['dossier_events_y2024']);
    expect(partOf(ids.y2026)).toEqual(['dossier_events_y2026']);
    expect(partOf(ids.y1995)).toEqual(['dossier_events_default']);
    expect(new Set(after.map((r) => r.province_code))).toEqual(new Set([province.provinceCode]));
    expect(await verifyChain(db)).toEqual({ ok: true, dossiers: 3, events: 6 });

    // (dossier_id, seq) is still unique, and the log append-only
    await expect(sql`INSERT INTO dossier_events (dossier_id, seq, at, action, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
      SELECT dossier_id, seq, at, action, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at FROM dossier_events WHERE dossier_id = ${ids.y2024} AND seq = 3`.execute(db))
      .rejects.toMatchObject({ code: '23505' });
    await expect(sql`UPDATE dossier_events SET action = 'x' WHERE dossier_id = ${ids.y2026}`.execute(db)).rejects.toThrow();
    await expect(sql`DELETE FROM dossier_events_y2024`.execute(db)).rejects.toThrow();
    await expect(sql`TRUNCATE dossier_events`.execute(db)).rejects.toThrow();
    // the id sequence goes on after the moved rows
    const next = await sql<{ id: number }>`INSERT INTO dossier_events (dossier_id, seq, at, action, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
      SELECT dossier_id, 2, now(), 'forward', '{}', hash, repeat('a', 64), 2, province_code, dossier_submitted_at FROM dossier_events WHERE dossier_id = ${ids.y2026} AND seq = 1 RETURNING id`.execute(db);
    expect(Number(next.rows[0]?.id)).toBeGreaterThan(Math.max(...rowsBefore.map((r) => Number(r.id))));
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'dossier_events_unpartitioned'`.execute(db)).rows[0]?.n).toBe(0);
  });
});
