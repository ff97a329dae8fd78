// Postal records in the one archive job (issue 13 §8): a scan the courier attached to a pickup's
// draft is kept past the 30 days of an unattached scan, while a scan nothing names is deleted.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveHolders, runArchive } from '../documents/archive-job';
import { pngBytes } from '../documents/fixtures.test-helper';
import type { FilesDeps } from '../documents/model';
import { storeFile } from '../documents/service';
import { useWorld } from '../dossiers/world.test-helper';
import { folderFileStore } from '../platform/files/folder-store';
import { postalFilesHeld } from './archive-holder';
import { assignCourier, requestPickup, saveDraft } from './service';

const { t, w } = useWorld('2026-10-01T07:00:00+07:00');
let root: string;
let files: FilesDeps;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-postal-archive-'));
  files = { store: folderFileStore(root), maxBytes: 1024 * 1024, maxPages: 10, readers: [] };
  const a = w.actors.courier;
  await t.db.insertInto('users').values({
    id: a.userId, username: a.username, full_name: a.fullName, role: a.role, scope_unit_id: null, scope_agency_id: null,
    scope_service_point_id: null, scope_code: null, scope_path: null, personal_id: null, email: null, phone: null, password_hash: 'x',
  }).execute();
});
afterAll(async () => { await fs.rm(root, { recursive: true, force: true }); });

describe('postal records in the archive job', () => {
  it('keeps a draft\'s scan past 30 days and deletes a scan nothing names', async () => {
    const s = await requestPickup(w.ctx(w.actors.clerk), {
      procedureCode: w.procedureCode, origin: 'phone', applicant: { name: 'Phạm Văn Dũng', phone: '0912888999' }, address: 'Số 7 đường Hùng Vương, khóm 4',
      communeCode: w.commune.code, windowFrom: '2026-10-01T08:00:00+07:00', windowTo: '2026-10-01T10:00:00+07:00',
    });
    await assignCourier(w.ctx(w.actors.courier), s.legs[0]?.trackingNumber ?? '');
    const ctx = { ...w.ctx(w.actors.courier), files };
    const scan = await storeFile(ctx, { buffer: pngBytes(5, 5, 7), fileName: 'giay-khai-sinh.png' });
    const stray = await storeFile(ctx, { buffer: pngBytes(5, 5, 8), fileName: 'chup-nham.png' });
    await saveDraft(w.ctx(w.actors.courier), s.id, { papers: [{ key: 'p1', source: 'scanned', fileId: scan.id }] });
    expect(await postalFilesHeld(t.db, [scan.id, stray.id])).toEqual(new Set([scan.id]));
    // 2026-11-05: both are 35 days old; the pickup never reached an agency
    w.clock.set(new Date('2026-11-05T09:00:00+07:00'));
    expect(await runArchive({ db: t.db, clock: w.clock, files, holders: archiveHolders([postalFilesHeld]) })).toEqual({ examined: 2, deleted: 1 });
    expect((await t.db.selectFrom('files').select('id').execute()).map((r) => r.id)).toEqual([scan.id]);
  });
});
