// The archive job on the real database (issue 12 §6): a scan nothing holds is deleted (row,
// uploads, bytes) once its period is over; a dossier's scan, a store document's file and a recent
// upload are kept.
import { describe, expect, it } from 'vitest';
import { paperFilesHeld } from '../dossiers/paper-files';
import { receiveDossier } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import { archiveHolders, runArchive } from './archive-job';
import { pngBytes, useFolderFiles } from './fixtures.test-helper';
import { storeFile } from './service';

const { t, w } = useWorld('2026-10-01T09:00:00+07:00');
const folder = useFolderFiles('motcua-archive-', t, () => w.actors.clerk);

const keys = async () => { const k: string[] = []; for await (const key of folder.files.store.list()) k.push(key); return k; };

describe('runArchive', () => {
  it('deletes an unattached scan after 30 days, keeps a dossier\'s scan and a recent upload', async () => {
    const ctx = { ...w.ctx(w.actors.clerk), files: folder.files };
    // 2026-10-01: two scans; one goes into a dossier
    const abandoned = await storeFile(ctx, { buffer: pngBytes(5, 5, 1), fileName: 'bo-do.png' });
    const attached = await storeFile(ctx, { buffer: pngBytes(5, 5, 2), fileName: 'giay-to.png' });
    await receiveDossier(w.ctx(w.actors.clerk), w.intake({ papers: [{ key: 'p1', source: 'scanned', fileId: attached.id }, { key: 'p2', source: 'paper' }] }));
    // 2026-10-25: a third scan
    w.clock.set(new Date('2026-10-25T09:00:00+07:00'));
    const recent = await storeFile(ctx, { buffer: pngBytes(5, 5, 3), fileName: 'moi.png' });
    expect(await keys()).toHaveLength(3);

    // 2026-10-20: nothing is 30 days old yet
    w.clock.set(new Date('2026-10-20T09:00:00+07:00'));
    expect(await runArchive({ db: t.db, clock: w.clock, files: folder.files, holders: archiveHolders([paperFilesHeld]) })).toMatchObject({ deleted: 0 });

    // 2026-11-02: the abandoned scan is 32 days old and held by nothing
    w.clock.set(new Date('2026-11-02T09:00:00+07:00'));
    expect(await runArchive({ db: t.db, clock: w.clock, files: folder.files, holders: archiveHolders([paperFilesHeld]) })).toEqual({ examined: 2, deleted: 1 });
    const left = await t.db.selectFrom('files').select('id').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual([attached.id, recent.id]);
    expect(await t.db.selectFrom('file_uploads').select('file_id').where('file_id', '=', abandoned.id).execute()).toEqual([]);
    expect((await keys()).some((k) => k.endsWith(abandoned.sha256))).toBe(false);
    expect(await keys()).toHaveLength(2);
    expect(await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'file').where('entity_key', '=', String(abandoned.id)).orderBy('id').execute())
      .toEqual([{ action: 'file.stored' }, { action: 'file.archived' }]);
  });
});
