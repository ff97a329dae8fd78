// Signatures recorded before migration 0175 kept their PNG in `postal_signatures.png`. On a database
// that went through the old migrations with such rows, migration 0178 drops the column and keeps the
// bytes aside; the job then moves them into the one file store (one file per content), the views
// read them from there, what the store refuses stays readable aside, and the archive job never
// deletes a signature's file.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { archiveHolders, runArchive } from '../documents/archive-job';
import { pngBytes } from '../documents/fixtures.test-helper';
import { FixedClock } from '../platform/clock';
import { connectUrl, type Database } from '../platform/db/connect';
import { migrate } from '../platform/db/migrate';
import { postalFilesHeld } from './archive-holder';
import { useTempFiles } from './files.test-helper';
import { moveSignatureImages, signatureMoveJob, SIGNATURE_MOVE_JOB } from './signature-move';
import { signatureImage } from './signatures';
import { useDatabaseBefore } from '../../test/db';

const DROP = '0178_postal_signature_png_drop.sql';
const files = useTempFiles();
const clock = new FixedClock(new Date('2026-10-01T09:00:00+07:00'));
const fresh = useDatabaseBefore(DROP, 't_up');
let db: Database;

beforeAll(async () => {
}, 180_000);
afterAll(async () => {
  await db?.destroy();
});

/** A signature as recorded before 0175: its bytes in the row. */
async function oldRow(c: pg.Client, png: Uint8Array, signer: string): Promise<number> {
  const r = await c.query<{ id: string }>(`INSERT INTO postal_signatures (sha256, png, signer_name, signed_at) VALUES ($1, $2, $3, '2026-03-02T08:00:00+07:00') RETURNING id`, ['x'.repeat(64), Buffer.from(png), signer]);
  return Number(r.rows[0]?.id);
}

describe('the signatures of an installation older than 0175', () => {
  it('keeps the bytes through the drop of the column, moves them into one file each, and reads them back', { timeout: 180_000 }, async () => {
    const a = new Uint8Array(pngBytes(6, 4, 1));
    const c = new pg.Client({ connectionString: fresh.url });
    await c.connect();
    const [first, same, other, broken] = [
      await oldRow(c, a, 'Nguyễn Văn An'), await oldRow(c, a, 'Nguyễn Văn An'),
      await oldRow(c, pngBytes(6, 4, 2), 'Trần Thị Nhận'), await oldRow(c, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'Lê Văn Hỏng'),
    ] as number[] as [number, number, number, number];
    await c.end();

    // the upgrade: 0178 and whatever came after it
    expect(await migrate(fresh.url)).toContain(DROP);
    ({ db } = connectUrl(fresh.url, 4));
    const columns = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'postal_signatures'`.execute(db);
    expect(columns.rows.map((r) => r.column_name)).not.toContain('png');
    const ctx = { db, clock, actor: null, files };
    expect(await signatureImage(ctx, first)).toEqual(a); // before the move: from the bytes kept aside

    const job = signatureMoveJob({ db, clock, files });
    expect(job).toMatchObject({ name: SIGNATURE_MOVE_JOB, runAtStart: true });
    expect(await job.handler()).toEqual({ moved: 3, refused: 1 });
    const rows = await db.selectFrom('postal_signatures').select(['id', 'file_id', 'sha256']).orderBy('id').execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first)?.file_id).not.toBeNull();
    expect(byId.get(first)?.file_id).toBe(byId.get(same)?.file_id); // one file per content
    expect(byId.get(other)?.file_id).not.toBe(byId.get(first)?.file_id);
    expect(byId.get(first)?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(byId.get(broken)).toMatchObject({ file_id: null }); // refused by the store: its bytes stay aside
    const aside = await db.selectFrom('postal_signature_legacy_png').select('signature_id').execute();
    expect(aside.map((r) => Number(r.signature_id))).toEqual([broken]);
    expect(await signatureImage(ctx, first)).toEqual(a); // after the move: from the file store
    expect(await signatureImage(ctx, broken)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    expect(await moveSignatureImages({ db, clock, files })).toEqual({ moved: 0, refused: 1 });

    // a year later the archive job still finds every signature's file held
    clock.set(new Date('2027-10-01T09:00:00+07:00'));
    const fileIds = [...new Set(rows.flatMap((r) => (r.file_id === null ? [] : [r.file_id])))];
    expect(await postalFilesHeld(db, fileIds)).toEqual(new Set(fileIds));
    expect(await runArchive({ db, clock, files, holders: archiveHolders([postalFilesHeld]) })).toMatchObject({ deleted: 0 });
  });
});
