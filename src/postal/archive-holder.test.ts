// Postal records in the one archive job (issue 13 §8): a scan the courier attached to a pickup's
// draft is kept past the 30 days of an unattached scan, while a scan nothing names is deleted.
import { describe, expect, it } from 'vitest';
import { archiveHolders, runArchive } from '../documents/archive-job';
import { pngBytes, useFolderFiles } from '../documents/fixtures.test-helper';
import { storeFile } from '../documents/service';
import { useWorld } from '../dossiers/world.test-helper';
import { postalFilesHeld } from './archive-holder';
import { assignCourier, requestPickup, saveDraft } from './service';
import { phonePickup } from './pickup.test-helper';

const { t, w } = useWorld('2026-10-01T07:00:00+07:00');
const folder = useFolderFiles('motcua-postal-archive-', t, () => w.actors.courier);

describe('postal records in the archive job', () => {
  it('keeps a draft\'s scan past 30 days and deletes a scan nothing names', async () => {
    const s = await requestPickup(w.ctx(w.actors.clerk), phonePickup(w, { name: 'Phạm Văn Dũng', phone: '0912888999' }, 'Số 7 đường Hùng Vương, khóm 4', '2026-10-01'));
    await assignCourier(w.ctx(w.actors.courier), s.legs[0]?.trackingNumber ?? '');
    const ctx = { ...w.ctx(w.actors.courier), files: folder.files };
    const scan = await storeFile(ctx, { buffer: pngBytes(5, 5, 7), fileName: 'giay-khai-sinh.png' });
    const stray = await storeFile(ctx, { buffer: pngBytes(5, 5, 8), fileName: 'chup-nham.png' });
    await saveDraft(w.ctx(w.actors.courier), s.id, { papers: [{ key: 'p1', source: 'scanned', fileId: scan.id }] });
    expect(await postalFilesHeld(t.db, [scan.id, stray.id])).toEqual(new Set([scan.id]));
    // 2026-11-05: both are 35 days old; the pickup never reached an agency
    w.clock.set(new Date('2026-11-05T09:00:00+07:00'));
    expect(await runArchive({ db: t.db, clock: w.clock, files: folder.files, holders: archiveHolders([postalFilesHeld]) })).toEqual({ examined: 2, deleted: 1 });
    expect((await t.db.selectFrom('files').select('id').execute()).map((r) => r.id)).toEqual([scan.id]);
  });
});
