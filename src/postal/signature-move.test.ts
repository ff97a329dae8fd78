// Signatures recorded before migration 0175 kept their PNG in `postal_signatures.png`: the job moves
// the bytes into the one file store (one file per content), reads them from there afterwards, keeps
// what the store refuses, and the archive job never deletes a signature's file.
import { describe, expect, it } from 'vitest';
import { archiveHolders, runArchive } from '../documents/archive-job';
import { pngBytes } from '../documents/fixtures.test-helper';
import { useWorld } from '../dossiers/world.test-helper';
import { postalFilesHeld } from './archive-holder';
import { useTempFiles } from './files.test-helper';
import { moveSignatureImages, signatureMoveJob, SIGNATURE_MOVE_JOB } from './signature-move';
import { signatureImage } from './signatures';

const { t, w } = useWorld('2026-10-01T09:00:00+07:00');
const files = useTempFiles();

const oldRow = (png: Uint8Array, name: string) => t.db.insertInto('postal_signatures')
  .values({ sha256: 'x'.repeat(64), png: Buffer.from(png), file_id: null, signer_name: name, signer_personal_id: null, signed_at: new Date('2026-03-02T08:00:00+07:00') })
  .returning('id').executeTakeFirstOrThrow();

describe('moving signatures into the file store', () => {
  it('moves each old PNG into one file, reads it back from there, and keeps what the store refuses', async () => {
    const ctx = { db: t.db, clock: w.clock, actor: null, files };
    const a = new Uint8Array(pngBytes(6, 4, 1));
    const first = await oldRow(a, 'Nguyễn Văn An');
    const same = await oldRow(a, 'Nguyễn Văn An');
    const other = await oldRow(pngBytes(6, 4, 2), 'Trần Thị Nhận');
    const broken = await oldRow(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'Lê Văn Hỏng');
    expect(await signatureImage(ctx, first.id)).toEqual(a); // before the move: from the row

    const job = signatureMoveJob({ db: t.db, clock: w.clock, files });
    expect(job).toMatchObject({ name: SIGNATURE_MOVE_JOB, runAtStart: true });
    expect(await job.handler()).toEqual({ moved: 3, refused: 1 });
    const rows = await t.db.selectFrom('postal_signatures').select(['id', 'file_id', 'png', 'sha256']).orderBy('id').execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.id)?.png).toBeNull();
    expect(byId.get(first.id)?.file_id).toBe(byId.get(same.id)?.file_id); // one file per content
    expect(byId.get(other.id)?.file_id).not.toBe(byId.get(first.id)?.file_id);
    expect(byId.get(first.id)?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(byId.get(broken.id)).toMatchObject({ file_id: null }); // refused by the store: its bytes stay
    expect(byId.get(broken.id)?.png).not.toBeNull();
    expect(await signatureImage(ctx, first.id)).toEqual(a); // after the move: from the file store
    expect(await moveSignatureImages({ db: t.db, clock: w.clock, files })).toEqual({ moved: 0, refused: 1 });

    // a year later the archive job still finds every signature's file held
    w.clock.set(new Date('2027-10-01T09:00:00+07:00'));
    const fileIds = [...new Set(rows.flatMap((r) => (r.file_id === null ? [] : [r.file_id])))];
    expect(await postalFilesHeld(t.db, fileIds)).toEqual(new Set(fileIds));
    expect(await runArchive({ db: t.db, clock: w.clock, files, holders: archiveHolders([postalFilesHeld]) })).toMatchObject({ deleted: 0 });
  });
});
