// `motcua audit verify --anchors` after `motcua audit archive --year` (ADR 022): an anchor covers the
// chains that existed when it was signed. A dossier filed on 30/12/2029 and returned on 04/01/2030
// is in the 2029 partition, so archiving 2029 takes its heads out of the anchors of 30/12/2029 and
// 04/01/2030. Verify reads them from the detached table while it is there (and still catches a
// change in it); once it is dumped and dropped, those two days are reported as archived, not as
// tampering, while the other days keep their full check.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../cli/audit';
import { createAnchorKey } from './anchor-key';
import { headsOfDay, loadAnchors } from './anchor-store';
import { checkAnchors, makeAnchor, GENESIS_ANCHOR } from './anchors';
import { archiveEventYear, ensureEventYear } from './partitions';
import { performAction, receiveDossier } from './service';
import { useWorld, type World } from './world.test-helper';

const { t, w } = useWorld();
let dir: string;
let keyFile: string;
const now = new Date('2035-06-01T10:00:00+07:00');
const audit = (sub: string, options: Parameters<typeof runAuditCommand>[3] = {}) => runAuditCommand(t.db, sub, undefined, { keyFile, now, ...options });
const at = (iso: string) => w.clock.set(new Date(iso));
const act = (who: keyof World['actors'], code: string, action: Parameters<typeof performAction>[2], input: Parameters<typeof performAction>[3] = {}) =>
  performAction(w.ctx(w.actors[who]), code, action, input);
const receiveAt = async (iso: string, personalId: string) => {
  at(iso);
  return (await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId }))).code;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-anchor-archive-'));
  keyFile = path.join(dir, 'anchor-key.pem');
  await createAnchorKey(keyFile);
});
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

describe('audit verify --anchors after a year is archived', () => {
  let old = '';
  let lastHash = '';

  it('anchors 2029, 2030 and 2034, archives 2029, and recomputes its days from the detached table', async () => {
    for (const y of [2029, 2030, 2034]) await ensureEventYear(t.db, y);
    old = await receiveAt('2029-12-30T09:00:00+07:00', '087090002029');
    await act('clerk', old, 'forward');
    await act('approver', old, 'approve');
    await act('officer', old, 'markResultReady');
    at('2030-01-04T10:00:00+07:00');
    await act('clerk', old, 'return', { channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: '2030-01-04T10:00:00+07:00' } });
    const filed2030 = await receiveAt('2030-01-04T09:30:00+07:00', '087090002030');
    await receiveAt('2034-03-02T09:00:00+07:00', '087090002034');

    expect((await audit('anchor')).stdout).toContain('Đã neo 3 ngày');
    expect((await loadAnchors(t.db)).map((a) => [a.day, a.heads])).toEqual([['2029-12-30', 1], ['2030-01-04', 2], ['2034-03-02', 1]]);
    expect(await audit('verify', { anchors: true })).toMatchObject({ exitCode: 0 });

    expect(await archiveEventYear(t.db, 2029, now)).toMatchObject({ year: 2029, dossiers: 1, events: 5 });
    expect(await t.db.selectFrom('dossier_event_archive_days').select(['year', sql<string>`day::text`.as('day'), 'heads']).orderBy('day').execute())
      .toEqual([{ year: 2029, day: '2029-12-30', heads: 1 }, { year: 2029, day: '2030-01-04', heads: 1 }]);
    // from the attached log alone both days would read as rewritten: what verify did before it knew the archived years
    const { publicKey } = generateKeyPairSync('ed25519');
    const anchors = await loadAnchors(t.db);
    const attachedOnly = new Map(await Promise.all(anchors.map(async (a) => [a.day, await headsOfDay(t.db, a.day)] as const)));
    expect(attachedOnly.get('2029-12-30')).toEqual([]);
    expect(attachedOnly.get('2030-01-04')?.map((h) => h.code)).toEqual([filed2030]);
    expect(checkAnchors(publicKey, anchors, attachedOnly).filter((p) => p.reason === 'digest').map((p) => p.day)).toEqual(['2029-12-30', '2030-01-04']);

    const r = await audit('verify', { anchors: true });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Năm 2029 đã lưu trữ: 1 hồ sơ không kiểm ở đây');
    expect(r.stdout).toContain('Neo của 2 ngày có hồ sơ năm 2029 (đã lưu trữ) được tính lại từ bảng đã tách dossier_events_y2029.');
    expect(r.stdout).toContain('Neo hợp lệ: 3 ngày');
  });

  it('still finds a change in the detached table', async () => {
    lastHash = (await sql<{ hash: string }>`SELECT hash FROM dossier_events_y2029 ORDER BY seq DESC LIMIT 1`.execute(t.db)).rows[0]?.hash ?? '';
    const rewrite = async (hash: string) => {
      await t.pool.query('ALTER TABLE dossier_events_y2029 DISABLE TRIGGER dossier_events_archived_append_only');
      try {
        await t.pool.query('UPDATE dossier_events_y2029 SET hash = $1 WHERE seq = (SELECT max(seq) FROM dossier_events_y2029)', [hash]);
      } finally {
        await t.pool.query('ALTER TABLE dossier_events_y2029 ENABLE TRIGGER dossier_events_archived_append_only');
      }
    };
    await rewrite('f'.repeat(64));
    try {
      const r = await audit('verify', { anchors: true });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/NEO KHÔNG KHỚP \(1\)[^\n]*\n {2}2030-01-04 \(digest\)/);
    } finally {
      await rewrite(lastHash);
    }
    expect(await audit('verify', { anchors: true })).toMatchObject({ exitCode: 0 });
  });

  it('once the table is dumped and dropped, reports the two days as archived and keeps checking the rest', async () => {
    await t.pool.query('DROP TABLE dossier_events_y2029');
    const r = await audit('verify', { anchors: true });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Năm 2029 đã lưu trữ và bảng dossier_events_y2029 đã xóa: 2 ngày có hồ sơ năm đó chỉ kiểm chữ ký, chuỗi neo và số hồ sơ');
    expect(r.stdout).toContain('Neo hợp lệ: 3 ngày');
    expect(r.stdout).not.toContain('NEO KHÔNG KHỚP');
  });

  it('checks the number of heads of an archived day (pure): one chain too few is a mismatch', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const kept = { code: '000.00.30.H20-210104-0001', seq: 1, hash: 'a'.repeat(64) };
    const archived = { code: '000.00.30.H20-201230-0001', seq: 5, hash: 'b'.repeat(64) };
    const anchor = makeAnchor(privateKey, '2030-01-04', GENESIS_ANCHOR, [kept, archived]);
    expect(checkAnchors(publicKey, [anchor], new Map([['2030-01-04', [kept]]]), new Map([['2030-01-04', 1]]))).toEqual([]);
    expect(checkAnchors(publicKey, [anchor], new Map([['2030-01-04', []]]), new Map([['2030-01-04', 1]])))
      .toEqual([{ day: '2030-01-04', reason: 'digest', detail: 'đã ký 2 hồ sơ, còn 0 trong nhật ký và 1 của năm đã lưu trữ' }]);
  });
});
