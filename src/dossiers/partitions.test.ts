// The event log partitioned by its dossier's filing year (migration 0210, ADR 022): where events
// land, why (dossier_id, seq) stays unique, the DEFAULT partition emptied into a new year, and
// archiving an old year while current work goes on.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runAuditCommand } from '../cli/audit';
import { verifyAuditPeriod } from '../supervision/service';
import { verifyChain } from './audit';
import { archiveEventYear, ensureEventPartitions, ensureEventYear, vietnamYear } from './partitions';
import { performAction, receiveDossier } from './service';
import { useWorld, type World } from './world.test-helper';

const { t, w } = useWorld();

const at = (iso: string) => w.clock.set(new Date(iso));
const act = (who: keyof World['actors'], code: string, action: Parameters<typeof performAction>[2], input: Parameters<typeof performAction>[3] = {}) =>
  performAction(w.ctx(w.actors[who]), code, action, input);
const receiveAt = async (iso: string, o: Parameters<World['intake']>[0] = {}) => {
  at(iso);
  return (await receiveDossier(w.ctx(w.actors.clerk), w.intake(o))).code;
};
/** the partition (table) each event of a dossier is stored in, by seq */
const partitionsOf = async (code: string) => (await sql<{ part: string }>`
  SELECT e.tableoid::regclass::text AS part FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
  WHERE d.code = ${code} ORDER BY e.seq`.execute(t.db)).rows.map((r) => r.part);
/** the partition (table) each paper of a dossier is stored in, by key */
const paperPartitionsOf = async (code: string) => (await sql<{ part: string }>`
  SELECT p.tableoid::regclass::text AS part FROM dossier_papers p JOIN dossiers d ON d.id = p.dossier_id
  WHERE d.code = ${code} ORDER BY p.paper_key`.execute(t.db)).rows.map((r) => r.part);
const dossierOf = (code: string) => t.db.selectFrom('dossiers').select(['id', 'province_code', 'submitted_at', 'version']).where('code', '=', code).executeTakeFirstOrThrow();
/** a dossier taken to its result and handed over at the counter, all within a few days of `day` */
const returnedAt = async (day: string) => {
  const code = await receiveAt(`${day}T09:00:00+07:00`);
  await act('clerk', code, 'forward');
  await act('approver', code, 'approve');
  await act('officer', code, 'markResultReady');
  at(`${day}T11:00:00+07:00`);
  await act('clerk', code, 'return', { channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: `${day}T10:00:00+07:00` } });
  return code;
};

describe('yearly partitions of the event log', () => {
  it('files every event of a dossier in the year it was filed, Vietnam time, even an event of the next year', async () => {
    await ensureEventYear(t.db, 2027);
    await ensureEventYear(t.db, 2028);
    // 31/12/2027 23:30 in Vietnam is 16:30 UTC: the dossier belongs to 2027
    const code = await receiveAt('2027-12-31T23:30:00+07:00');
    at('2028-01-03T08:00:00+07:00');
    await act('clerk', code, 'forward');
    expect(await partitionsOf(code)).toEqual(['dossier_events_y2027', 'dossier_events_y2027']);
    const d = await dossierOf(code);
    const e = await t.db.selectFrom('dossier_events').select(['province_code', 'dossier_submitted_at']).where('dossier_id', '=', d.id).execute();
    expect(e).toEqual([d, d].map((x) => ({ province_code: x.province_code, dossier_submitted_at: x.submitted_at })));
    expect(vietnamYear(d.submitted_at)).toBe(2027);
    expect(await verifyChain(t.db, code)).toEqual({ ok: true, dossiers: 1, events: 2 });
  });

  it('keeps (dossier_id, seq) unique: a second seq 1 is refused, and so is one that claims another filing time to land elsewhere', async () => {
    const code = await receiveAt('2026-03-02T09:00:00+07:00');
    const d = await dossierOf(code);
    const copy = sql`INSERT INTO dossier_events (dossier_id, seq, at, action, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
      SELECT dossier_id, seq, at, action, payload, prev_hash, hash, hash_version, province_code`;
    await expect(sql`${copy}, dossier_submitted_at FROM dossier_events WHERE dossier_id = ${d.id} AND seq = 1`.execute(t.db))
      .rejects.toMatchObject({ code: '23505' });
    // the same seq under the filing time of another year would be unique in that partition: the foreign key refuses it
    await expect(sql`${copy}, '2024-06-01T09:00:00+07:00'::timestamptz FROM dossier_events WHERE dossier_id = ${d.id} AND seq = 1`.execute(t.db))
      .rejects.toMatchObject({ code: '23503', constraint: 'dossier_events_dossier_fkey' });
    await expect(sql`INSERT INTO dossier_events (dossier_id, seq, at, action, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
      SELECT dossier_id, 2, at, action, payload, prev_hash, hash, hash_version, '99', dossier_submitted_at FROM dossier_events WHERE dossier_id = ${d.id} AND seq = 1`.execute(t.db))
      .rejects.toMatchObject({ code: '23503' });
    expect(await verifyChain(t.db, code)).toEqual({ ok: true, dossiers: 1, events: 1 });
  });

  it('appends one event per version under 12 concurrent actions on one dossier; seqs stay 1..n and the chain verifies', async () => {
    const code = await receiveAt('2026-03-02T09:00:00+07:00');
    at('2026-03-02T10:00:00+07:00');
    const tries = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => act('clerk', code, 'forward', { note: `lần ${i}` })));
    const done = tries.filter((r) => r.status === 'fulfilled');
    expect(done).toHaveLength(1);
    for (const r of tries) if (r.status === 'rejected') expect(r.reason).toMatchObject({ kind: expect.stringMatching(/Conflict|InvalidTransition/) });
    const seqs = (await t.db.selectFrom('dossier_events').select('seq').where('dossier_id', '=', (await dossierOf(code)).id).orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual([1, 2]);
    expect(await verifyChain(t.db, code)).toEqual({ ok: true, dossiers: 1, events: 2 });
  });

  it('sends a year without a partition to the DEFAULT one and moves it out when the year is created; the chain continues', async () => {
    const code = await receiveAt('2036-05-06T09:00:00+07:00');
    expect(await partitionsOf(code)).toEqual(['dossier_events_default']);
    expect(await ensureEventYear(t.db, 2036)).toBe(true);
    expect(await ensureEventYear(t.db, 2036)).toBe(false);
    expect(await partitionsOf(code)).toEqual(['dossier_events_y2036']);
    at('2036-05-06T10:00:00+07:00');
    await act('clerk', code, 'forward');
    expect(await partitionsOf(code)).toEqual(['dossier_events_y2036', 'dossier_events_y2036']);
    expect(await verifyChain(t.db, code)).toEqual({ ok: true, dossiers: 1, events: 2 });
    // the moved-into default is append-only as before
    await expect(sql`TRUNCATE dossier_events_default`.execute(t.db)).rejects.toThrow();
    await expect(sql`DELETE FROM dossier_events_y2036`.execute(t.db)).rejects.toThrow();
  });

  it('creates this year and the next ahead (Vietnam time), once', async () => {
    const created = await ensureEventPartitions(t.db, new Date('2039-12-31T17:30:00Z')); // 01/01/2040 00:30 in Vietnam
    expect(created).toEqual([2040, 2041]);
    expect(await ensureEventPartitions(t.db, new Date('2040-06-01T00:00:00Z'))).toEqual([]);
  });
});

describe('archiving an old year', () => {
  it('refuses a year younger than 5 years, one with an open dossier, and then detaches it while current work goes on', async () => {
    await ensureEventYear(t.db, 2029);
    await ensureEventYear(t.db, 2026);
    const old = await returnedAt('2029-03-01');
    const stillOpen = await receiveAt('2029-06-01T09:00:00+07:00');
    const current = await receiveAt('2026-03-02T09:00:00+07:00');

    await expect(archiveEventYear(t.db, 2029, new Date('2030-03-02T09:00:00+07:00'))).rejects.toMatchObject({ code: 'ARCHIVE_TOO_RECENT' });
    const in2035 = new Date('2035-01-05T09:00:00+07:00');
    await expect(archiveEventYear(t.db, 2029, in2035)).rejects.toMatchObject({ code: 'ARCHIVE_OPEN_DOSSIERS' });
    at('2029-06-02T09:00:00+07:00');
    await act('citizen', stillOpen, 'withdraw', { reason: 'Không còn nhu cầu' });
    const before = await verifyChain(t.db);
    expect(before).toMatchObject({ ok: true });
    const oldEvents = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM dossier_events_y2029`.execute(t.db)).rows[0]?.n);

    const archived = await archiveEventYear(t.db, 2029, in2035);
    expect(archived).toEqual({ year: 2029, tableName: 'dossier_events_y2029', dossiers: 2, events: oldEvents, papersTable: 'dossier_papers_y2029', papers: 4 });
    await expect(archiveEventYear(t.db, 2029, in2035)).rejects.toMatchObject({ code: 'ARCHIVE_DONE' });

    // the detached table keeps the year's events, append-only
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM dossier_events_y2029`.execute(t.db)).rows[0]?.n)).toBe(oldEvents);
    await expect(sql`UPDATE dossier_events_y2029 SET action = 'x'`.execute(t.db)).rejects.toThrow();
    expect(await partitionsOf(old)).toEqual([]);
    // current work: an action and a new intake as before
    at('2026-03-02T10:00:00+07:00');
    await act('clerk', current, 'forward');
    const fresh = await receiveAt('2026-03-03T09:00:00+07:00');
    expect(await partitionsOf(fresh)).toEqual(['dossier_events_y2026']);
    // an archived dossier takes no new event: 409, nothing written
    at('2029-03-05T09:00:00+07:00');
    await expect(act('citizen', old, 'rate', { stars: 5 })).rejects.toMatchObject({ kind: 'Conflict', code: 'DOSSIER_ARCHIVED' });
    expect((await dossierOf(old)).version).toBe(5);

    // verify checks the attached years and says what it left out
    const after = await verifyChain(t.db);
    expect(after).toMatchObject({ ok: true, dossiers: (before.dossiers - 2) + 1, archived: [{ year: 2029, dossiers: 2, tableName: 'dossier_events_y2029' }] });
    expect(await verifyChain(t.db, old)).toEqual({ ok: true, dossiers: 0, events: 0, archived: [{ year: 2029, dossiers: 1, tableName: 'dossier_events_y2029' }] });
    // the supervisor's check of a period counts them apart
    const period = await verifyAuditPeriod(w.ctx(w.actors.supervisor), { from: '2029-03-01', to: '2029-03-31' });
    expect(period).toMatchObject({ ok: true, dossiers: 0, events: 0, archivedDossiers: 1 });
    const cli = await runAuditCommand(t.db, 'verify', undefined);
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toContain('Năm 2029 đã lưu trữ: 2 hồ sơ không kiểm ở đây; sự kiện của chúng ở bảng đã tách dossier_events_y2029');
    // the year is not created again at start
    expect(await ensureEventYear(t.db, 2029)).toBe(false);
  });

  it('says why over the CLI, and refuses a year that is not a year', async () => {
    const r = await runAuditCommand(t.db, 'archive', undefined, { year: '2020', now: new Date('2035-01-05T09:00:00+07:00') });
    expect(r).toEqual({ exitCode: 1, stdout: 'Năm 2020 không có phân vùng riêng của nhật ký: không có gì để lưu trữ.\n' });
    await expect(runAuditCommand(t.db, 'archive', undefined, { year: 'hai nghìn' })).rejects.toThrow('motcua audit archive --year NĂM');
  });
});

describe('the papers follow the events (migration 0230)', () => {
  it('files a dossier\'s papers in its filing year with its filing time and province; a paper claiming another year or province is refused', async () => {
    await ensureEventYear(t.db, 2027);
    const code = await receiveAt('2027-12-31T23:30:00+07:00');
    expect(await paperPartitionsOf(code)).toEqual(['dossier_papers_y2027', 'dossier_papers_y2027']);
    const d = await dossierOf(code);
    const papers = await t.db.selectFrom('dossier_papers').select(['paper_key', 'province_code', 'dossier_submitted_at']).where('dossier_id', '=', d.id).orderBy('paper_key').execute();
    expect(papers).toEqual(['p1', 'p2'].map((k) => ({ paper_key: k, province_code: d.province_code, dossier_submitted_at: d.submitted_at })));
    const copy = (submitted: string, province: string) => sql`INSERT INTO dossier_papers (dossier_id, province_code, dossier_submitted_at, paper_key, name, source)
      VALUES (${d.id}, ${province}, ${submitted}::timestamptz, 'p9', 'Giấy khác', 'paper')`;
    // (dossier_id, paper_key) stays unique: the same key again, under another year, is refused by the foreign key
    await expect(sql`INSERT INTO dossier_papers (dossier_id, province_code, dossier_submitted_at, paper_key, name, source)
      SELECT dossier_id, province_code, dossier_submitted_at, paper_key, name, source FROM dossier_papers WHERE dossier_id = ${d.id} AND paper_key = 'p1'`.execute(t.db))
      .rejects.toMatchObject({ code: '23505' });
    await expect(copy('2028-06-01T09:00:00+07:00', d.province_code).execute(t.db)).rejects.toMatchObject({ code: '23503', constraint: 'dossier_papers_dossier_fkey' });
    await expect(copy(d.submitted_at.toISOString(), '99').execute(t.db)).rejects.toMatchObject({ code: '23503', constraint: 'dossier_papers_dossier_fkey' });
  });

  it('moves a year\'s papers out of the DEFAULT partition with its events', async () => {
    const code = await receiveAt('2037-02-03T09:00:00+07:00');
    expect(await paperPartitionsOf(code)).toEqual(['dossier_papers_default', 'dossier_papers_default']);
    expect(await ensureEventYear(t.db, 2037)).toBe(true);
    expect(await paperPartitionsOf(code)).toEqual(['dossier_papers_y2037', 'dossier_papers_y2037']);
    expect(await partitionsOf(code)).toEqual(['dossier_events_y2037']);
    expect(await ensureEventYear(t.db, 2037)).toBe(false);
  });

  it('archives 2020 on 07/12/2026: its events and papers leave together, a 2026 dossier is untouched; an open 2020 dossier blocks the year', async () => {
    await ensureEventYear(t.db, 2020);
    await ensureEventYear(t.db, 2026);
    // the world's units, agencies, points and procedure take effect on 01/07/2025 (the merger): older here
    for (const table of ['admin_units', 'agencies', 'service_points'] as const) await sql`UPDATE ${sql.table(table)} SET valid_from = '2019-01-01'`.execute(t.db);
    await t.db.updateTable('procedures').set({ effective_from: '2019-01-01' }).execute();
    const old = await returnedAt('2020-05-04');
    const open2020 = await receiveAt('2020-11-20T09:00:00+07:00');
    const current = await receiveAt('2026-12-07T08:30:00+07:00');
    const today = new Date('2026-12-07T10:00:00+07:00');

    await expect(archiveEventYear(t.db, 2020, today)).rejects.toMatchObject({ code: 'ARCHIVE_OPEN_DOSSIERS' });
    expect(await paperPartitionsOf(open2020)).toEqual(['dossier_papers_y2020', 'dossier_papers_y2020']);
    at('2020-11-21T09:00:00+07:00');
    await act('citizen', open2020, 'withdraw', { reason: 'Không còn nhu cầu' });

    const r = await runAuditCommand(t.db, 'archive', undefined, { year: '2020', now: today });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Đã lưu trữ năm 2020: 2 hồ sơ, ');
    expect(r.stdout).toContain('4 giấy tờ vào bảng dossier_papers_y2020');
    const [archived] = await archivedYearsOf();
    expect(archived).toMatchObject({ year: 2020, tableName: 'dossier_events_y2020', dossiers: 2, papersTable: 'dossier_papers_y2020', papers: 4 });

    // the year's rows are in the detached tables, append-only; the dossiers themselves stay
    expect(await paperPartitionsOf(old)).toEqual([]);
    expect(await partitionsOf(old)).toEqual([]);
    const detached = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM dossier_papers_y2020 p JOIN dossiers d ON d.id = p.dossier_id WHERE d.code IN (${old}, ${open2020})`.execute(t.db)).rows[0]?.n;
    expect(detached).toBe(4);
    await expect(sql`DELETE FROM dossier_papers_y2020`.execute(t.db)).rejects.toThrow();
    expect((await dossierOf(old)).version).toBe(5);
    // a paper for an archived dossier is refused by the guard partition, not put in DEFAULT
    const d = await dossierOf(old);
    await expect(sql`INSERT INTO dossier_papers (dossier_id, province_code, dossier_submitted_at, paper_key, name, source)
      VALUES (${d.id}, ${d.province_code}, ${d.submitted_at}, 'p9', 'Giấy khác', 'paper')`.execute(t.db))
      .rejects.toMatchObject({ code: '23514', constraint: 'dossier_papers_archived' });

    // 2026 untouched: its papers and events in place, work goes on
    expect(await paperPartitionsOf(current)).toEqual(['dossier_papers_y2026', 'dossier_papers_y2026']);
    at('2026-12-07T10:30:00+07:00');
    await act('clerk', current, 'forward');
    expect(await partitionsOf(current)).toEqual(['dossier_events_y2026', 'dossier_events_y2026']);
    const fresh = await receiveAt('2026-12-07T11:00:00+07:00');
    expect(await paperPartitionsOf(fresh)).toEqual(['dossier_papers_y2026', 'dossier_papers_y2026']);
    expect(await ensureEventYear(t.db, 2020)).toBe(false);
  });
});

const archivedYearsOf = async () => (await import('./partitions')).archivedYears(t.db);
