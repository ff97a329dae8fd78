// Migration 0230 (ADR 022) on an installation that already has papers: a database migrated up to
// 0229, dossiers filed in 1995, on 31/12/2024 at 23:30 Vietnam time and in 2026, each with papers and
// a hash-chained log; after the migration every paper is there with its id, in its dossier's year,
// carrying the dossier's filing time and province, the chains verify and the foreign keys hold.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectUrl, type Database } from '../platform/db/connect';
import { migrate } from '../platform/db/migrate';
import { makeAgency, makeProcedure, makeUnit } from '../../test/factories';
import { verifyChain } from './audit';
import { GENESIS_HASH, nextEvent, type DossierEvent } from './events';
import { useDatabaseBefore } from '../../test/db';

const PAPERS_PARTITIONED = '0230_dossier_papers_partitioned.sql';
const fresh = useDatabaseBefore(PAPERS_PARTITIONED, 't_ppart');
let db: Database;

beforeAll(async () => {
  db = connectUrl(fresh.url, 2).db;
}, 180_000);
afterAll(async () => {
  await db?.destroy();
});

interface Refs { procedureId: number; agencyId: number; province: string; path: string; applicantId: number }

/** A dossier, its chain (in the partitioned log of 0210) and its papers as the one pre-0230 table held them. */
async function oldDossier(code: string, filedAt: string, later: readonly string[], papers: readonly string[], refs: Refs): Promise<number> {
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
    await sql`INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
      SELECT ${id}, ${e.seq}, ${e.at}, ${e.action}, ${e.actorId}, ${e.actorRole}, ${JSON.stringify(e.payload)}, ${e.prevHash}, ${e.hash}, ${e.hashVersion},
        province_code, submitted_at FROM dossiers WHERE id = ${id}`.execute(db);
  }
  for (const [i, key] of papers.entries()) {
    await sql`INSERT INTO dossier_papers (dossier_id, province_code, paper_key, name, originals, copies, source, file_id, digitized)
      VALUES (${id}, ${refs.province}, ${key}, ${`Giấy tờ ${key}`}, ${i + 1}, ${i}, 'scanned', ${i === 0 ? 9000 + id : null}, ${i === 0})`.execute(db);
  }
  return id;
}

describe('migration 0230 on a database with papers', () => {
  it('moves every paper into its dossier\'s year with its id and filing time; uniqueness and the foreign key hold; the chains verify', { timeout: 180_000 }, async () => {
    const province = await makeUnit(db, { code: '94', name: 'Tỉnh Chín Tư', level: 'province' });
    const agency = await makeAgency(db, province, { identifier: '000.00.94.H94', name: 'Ủy ban nhân dân tỉnh Chín Tư', level: 'province' });
    const { code: procedureCode } = await makeProcedure(db, { provinceCode: province.provinceCode });
    const procedure = await db.selectFrom('procedures').select('id').where('code', '=', procedureCode).executeTakeFirstOrThrow();
    const applicant = await sql<{ id: number }>`INSERT INTO applicants (name) VALUES ('Nguyễn Văn An') RETURNING id`.execute(db);
    const refs = { procedureId: procedure.id, agencyId: agency.id, province: province.provinceCode, path: province.path, applicantId: Number(applicant.rows[0]?.id) };
    // 2024's dossier gets a year of the log created after the fact (0210 only made the years it saw)
    await sql`SELECT dossier_events_ensure_year(2024), dossier_events_ensure_year(2026)`.execute(db);
    const ids = {
      y1995: await oldDossier('000.00.94.H94-950301-0001', '1995-03-01T09:00:00+07:00', ['1995-03-02T09:00:00+07:00'], ['don'], refs),
      y2024: await oldDossier('000.00.94.H94-241231-0001', '2024-12-31T23:30:00+07:00', ['2025-01-02T08:00:00+07:00'], ['don', 'cccd', 'so-do'], refs),
      y2026: await oldDossier('000.00.94.H94-260302-0001', '2026-03-02T09:00:00+07:00', [], ['don', 'cccd'], refs),
    };
    const columns = sql`id, dossier_id, paper_key, name, originals, copies, source, file_id, digitized, reused_document_id, province_code`;
    const before = (await sql<Record<string, unknown>>`SELECT ${columns} FROM dossier_papers ORDER BY id`.execute(db)).rows;
    expect(before).toHaveLength(6);

    await migrate(fresh.url);

    const after = (await sql<Record<string, unknown> & { part: string; dossier_submitted_at: Date }>`
      SELECT ${columns}, tableoid::regclass::text AS part, dossier_submitted_at FROM dossier_papers ORDER BY id`.execute(db)).rows;
    expect(after.map(({ part: _p, dossier_submitted_at: _s, ...rest }) => rest)).toEqual(before);
    const partOf = (id: number) => [...new Set(after.filter((r) => Number(r.dossier_id) === id).map((r) => r.part))];
    expect(partOf(ids.y2024)).toEqual(['dossier_papers_y2024']);
    expect(partOf(ids.y2026)).toEqual(['dossier_papers_y2026']);
    expect(partOf(ids.y1995)).toEqual(['dossier_papers_default']);
    const filed = (await db.selectFrom('dossiers').select(['id', 'submitted_at']).execute());
    for (const r of after) expect(r.dossier_submitted_at).toEqual(filed.find((d) => d.id === Number(r.dossier_id))?.submitted_at);
    expect(await verifyChain(db)).toEqual({ ok: true, dossiers: 3, events: 5 });

    // (dossier_id, paper_key) unique; a paper must carry its dossier's filing time and province
    const add = (dossierId: number, key: string, submitted: unknown, provinceCode: string) => sql`INSERT INTO dossier_papers
      (dossier_id, province_code, dossier_submitted_at, paper_key, name, source) VALUES (${dossierId}, ${provinceCode}, ${submitted}::timestamptz, ${key}, 'Giấy', 'paper')`.execute(db);
    const y2024At = filed.find((d) => d.id === ids.y2024)?.submitted_at;
    await expect(add(ids.y2024, 'cccd', y2024At, province.provinceCode)).rejects.toMatchObject({ code: '23505' });
    await expect(add(ids.y2024, 'cccd', '2025-06-01T00:00:00+07:00', province.provinceCode)).rejects.toMatchObject({ code: '23503', constraint: 'dossier_papers_dossier_fkey' });
    await expect(add(ids.y2024, 'khac', y2024At, '99')).rejects.toMatchObject({ code: '23503', constraint: 'dossier_papers_dossier_fkey' });
    // the id sequence goes on after the moved rows, and the file index is there
    const next = await sql<{ id: number }>`INSERT INTO dossier_papers (dossier_id, province_code, dossier_submitted_at, paper_key, name, source)
      SELECT id, province_code, submitted_at, 'khac', 'Giấy khác', 'paper' FROM dossiers WHERE id = ${ids.y2026} RETURNING id`.execute(db);
    expect(Number(next.rows[0]?.id)).toBeGreaterThan(Math.max(...before.map((r) => Number(r.id))));
    const indexes = (await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename = 'dossier_papers' ORDER BY 1`.execute(db)).rows.map((r) => r.indexname);
    expect(indexes).toEqual(['dossier_papers_dossier_key', 'dossier_papers_file_idx', 'dossier_papers_pkey']);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'dossier_papers_unpartitioned'`.execute(db)).rows[0]?.n).toBe(0);
  });
});
