// Daily signed anchors (issue 10 §7): a database rewritten end to end (payload, hashes and head
// recomputed) passes the chain check but not `audit verify --anchors`; neither do anchors re-signed
// with another key, nor deleted ones.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { runAuditCommand } from '../cli/audit';
import { performAction, receiveDossier } from './service';
import { createAnchorKey, readAnchorKey } from './anchor-key';
import { anchorJob } from './anchor-job';
import { anchorWithKey } from './anchor-key-store';
import { anchorPendingDays, headsOfDay, loadAnchors } from './anchor-store';
import { anchorDigest, checkAnchors, GENESIS_ANCHOR, makeAnchor, publicKeyText } from './anchors';
import { buildApp } from '../app';
import { loadConfig } from '../platform/config';
import { eventHash, GENESIS_HASH } from './event-hash';
import { loadEvents } from './events';
import { buildWorld, type World } from './world.test-helper';

const heads = [
  { code: '000.00.30.H20-260302-0002', seq: 1, hash: 'b'.repeat(64) },
  { code: '000.00.30.H20-260302-0001', seq: 3, hash: 'a'.repeat(64) },
];

describe('anchor digest and signature (pure)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('folds the heads sorted by code, the day and the previous digest', () => {
    const d = anchorDigest('2026-03-02', GENESIS_ANCHOR, heads);
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(anchorDigest('2026-03-02', GENESIS_ANCHOR, [...heads].reverse())).toBe(d);
    expect(anchorDigest('2026-03-03', GENESIS_ANCHOR, heads)).not.toBe(d);
    expect(anchorDigest('2026-03-02', 'f'.repeat(64), heads)).not.toBe(d);
    expect(anchorDigest('2026-03-02', GENESIS_ANCHOR, [{ ...heads[0]!, seq: 2 }, heads[1]!])).not.toBe(d);
  });

  it('checks the signature with the trusted key, not the one the anchor names', () => {
    const a = makeAnchor(privateKey, '2026-03-02', GENESIS_ANCHOR, heads);
    const recomputed = new Map([['2026-03-02', heads]]);
    expect(checkAnchors(publicKey, [a], recomputed)).toEqual([]);
    const other = generateKeyPairSync('ed25519');
    const forged = makeAnchor(other.privateKey, '2026-03-02', GENESIS_ANCHOR, heads);
    expect(checkAnchors(publicKey, [forged], recomputed).map((p) => p.reason)).toEqual(['signature']);
    expect(checkAnchors(publicKey, [a], new Map([['2026-03-02', heads.slice(1)]])).map((p) => p.reason)).toEqual(['digest']);
    const second = makeAnchor(privateKey, '2026-03-03', 'e'.repeat(64), heads);
    expect(checkAnchors(publicKey, [a, second], new Map([...recomputed, ['2026-03-03', heads]])).map((p) => p.reason)).toEqual(['chain']);
  });
});

it('refuses an anchor key inside the data folder', () => {
  expect(() => loadConfig({ MOTCUA_DATA_DIR: '/srv/motcua', MOTCUA_ANCHOR_KEY_FILE: '/srv/motcua/keys/anchor.pem' })).toThrow(/không được nằm trong thư mục dữ liệu/);
  expect(loadConfig({ MOTCUA_DATA_DIR: '/srv/motcua', MOTCUA_ANCHOR_KEY_FILE: '/etc/motcua/anchor.pem' }).anchorKeyFile).toBe('/etc/motcua/anchor.pem');
  expect(loadConfig({ MOTCUA_DATA_DIR: '/srv/motcua' }).anchorKeyFile).toBe(path.join(os.homedir(), '.motcua', 'anchor-key.pem'));
});

describe('audit verify --anchors on a database rewritten end to end', () => {
  let t: TestDatabase;
  let w: World;
  let dir: string;
  let keyFile: string;
  const now = new Date('2026-03-05T10:00:00+07:00');
  beforeAll(async () => {
    t = await createTestDatabase();
    w = await buildWorld(t.db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-anchor-'));
    keyFile = path.join(dir, 'anchor-key.pem');
    await createAnchorKey(keyFile);
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const audit = (sub: string, options: Parameters<typeof runAuditCommand>[3] = {}) => runAuditCommand(t.db, sub, undefined, { keyFile, now, ...options });
  const asOwnerBehindTriggers = async (run: () => Promise<unknown>) => {
    await t.pool.query('ALTER TABLE dossier_events DISABLE TRIGGER ALL');
    await t.pool.query('ALTER TABLE audit_anchors DISABLE TRIGGER ALL');
    try { await run(); } finally {
      await t.pool.query('ALTER TABLE dossier_events ENABLE TRIGGER ALL');
      await t.pool.query('ALTER TABLE audit_anchors ENABLE TRIGGER ALL');
    }
  };

  it('anchors each past day with events once, chained, and verifies', async () => {
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const a = await receiveDossier(w.ctx(w.actors.clerk), w.intake());
    const b = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '087190000777' }));
    w.clock.set(new Date('2026-03-03T10:00:00+07:00'));
    await performAction(w.ctx(w.actors.clerk), a.code, 'forward', {});
    await performAction(w.ctx(w.actors.clerk), b.code, 'forward', {});

    expect((await audit('verify', { anchors: true })).stdout).toContain('2026-03-02 (not_anchored)');
    const out = await audit('anchor', { out: path.join(dir, 'anchors.json') });
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('Đã neo 2 ngày');
    expect(out.stdout).toMatch(/2026-03-02: 2 hồ sơ/);
    const anchors = await loadAnchors(t.db);
    expect(anchors.map((x) => [x.day, x.heads])).toEqual([['2026-03-02', 2], ['2026-03-03', 2]]);
    expect(anchors[1]?.prevDigest).toBe(anchors[0]?.digest);
    expect((await audit('anchor')).stdout).toContain('Không có ngày nào cần neo');
    const ok = await audit('verify', { anchors: true, copy: path.join(dir, 'anchors.json') });
    expect(ok.stdout).toContain('Neo hợp lệ: 2 ngày');
    expect(ok.exitCode).toBe(0);
  });

  it('publishes the anchors and the key-file\'s public key as JSON (no sign-in)', async () => {
    const app = await buildApp({ db: t.db, clock: w.clock, config: loadConfig({ MOTCUA_WEB_DIR: '/nonexistent', MOTCUA_ANCHOR_KEY_FILE: keyFile }) });
    try {
      const json = await app.inject({ method: 'GET', url: '/api/v1/public/anchors' });
      expect(json.statusCode).toBe(200);
      const body = json.json<{ publicKey: string; keyId: string; anchors: { day: string; digest: string; signature: string }[] }>();
      const key = await readAnchorKey(keyFile);
      expect(body.publicKey).toBe(publicKeyText(key!.publicKey));
      expect(body.anchors.map((a) => a.day)).toEqual(['2026-03-02', '2026-03-03']);
      // the page at /cong-khai/neo is the web app's (e2e/narrow-screens), reading this answer
    } finally {
      await app.close();
    }
  });

  it('a rewrite with payload, hashes and head recomputed passes the chain check but not the anchors', async () => {
    const d = await t.db.selectFrom('dossiers').select(['id', 'code']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const events = await loadEvents(t.db, d);
    await asOwnerBehindTriggers(async () => {
      let prev = GENESIS_HASH;
      for (const e of events) {
        const payload = e.seq === 1 ? { ...e.payload, applicantName: 'Trần Thị Giả Mạo' } : e.payload;
        const hash = eventHash(prev, { ...e, payload });
        await t.pool.query('UPDATE dossier_events SET payload = $3, prev_hash = $4, hash = $5 WHERE dossier_id = $1 AND seq = $2', [d.id, e.seq, JSON.stringify(payload), prev, hash]);
        prev = hash;
      }
      await t.pool.query(`UPDATE dossiers SET last_hash = $2, applicant_name = 'Trần Thị Giả Mạo' WHERE id = $1`, [d.id, prev]);
    });
    // what passed before anchors existed: every chain and every row are consistent
    expect(await audit('verify')).toMatchObject({ exitCode: 0 });
    expect(await audit('rebuild')).toMatchObject({ exitCode: 0 });
    const r = await audit('verify', { anchors: true });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('2026-03-02 (digest)');
    expect(r.stdout).toContain('2026-03-03 (digest)');
  });

  it('anchors recomputed and re-signed with another key, or deleted, are refused too', async () => {
    const forger = generateKeyPairSync('ed25519');
    const days = (await loadAnchors(t.db)).map((a) => a.day);
    await asOwnerBehindTriggers(async () => {
      await t.pool.query('DELETE FROM audit_anchors');
      let prev = GENESIS_ANCHOR;
      for (const day of days) {
        const a = makeAnchor(forger.privateKey, day, prev, await headsOfDay(t.db, day));
        await t.pool.query('INSERT INTO audit_anchors (day, heads, prev_digest, digest, key_id, public_key, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [a.day, a.heads, a.prevDigest, a.digest, a.keyId, a.publicKey, a.signature]);
        prev = a.digest;
      }
    });
    const forged = await audit('verify', { anchors: true });
    expect(forged.exitCode).toBe(1);
    expect(forged.stdout).toContain('2026-03-02 (signature)');
    // the copy kept elsewhere disagrees as well
    expect((await audit('verify', { anchors: true, copy: path.join(dir, 'anchors.json') })).stdout).toContain('2026-03-02 (copy)');
    await asOwnerBehindTriggers(() => t.pool.query('DELETE FROM audit_anchors'));
    const deleted = await audit('verify', { anchors: true });
    expect(deleted.exitCode).toBe(1);
    expect(deleted.stdout).toContain('2026-03-02 (not_anchored)');
  });

  it('the daily job anchors with the configured private key, and does nothing without one', async () => {
    w.clock.set(new Date('2026-03-06T00:10:00+07:00'));
    await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '087190000888' })); // an event on 06/03
    w.clock.set(new Date('2026-03-07T00:10:00+07:00'));
    const none = anchorJob({ db: t.db, clock: w.clock, anchorKeyFile: path.join(dir, 'missing.pem') });
    expect(none.name).toBe('audit.anchor');
    expect(none.cron).toBe('10 0 * * *');
    expect(await none.handler()).toEqual({ anchored: 0, reason: 'no private anchor key' });
    // the anchors were deleted (test above): the key's record of its last anchor (beside the key,
    // outside the database) stops it from re-signing a history that may have been rewritten
    const job = anchorJob({ db: t.db, clock: w.clock, anchorKeyFile: keyFile });
    await expect(job.handler()).rejects.toThrow(/không phải neo cuối khóa này đã ký/);
    expect(await loadAnchors(t.db)).toEqual([]);
    // a fresh key (a new deployment of anchoring) starts the chain; then only new days are signed
    const fresh = path.join(dir, 'fresh', 'anchor-key.pem');
    await createAnchorKey(fresh);
    const first = anchorJob({ db: t.db, clock: w.clock, anchorKeyFile: fresh });
    expect(await first.handler()).toEqual({ anchored: 3, days: ['2026-03-02', '2026-03-03', '2026-03-06'] });
    expect(await first.handler()).toEqual({ anchored: 0, days: [] });
  });

  it('one key anchors another database (a fresh data folder) and still refuses the one whose anchors were deleted', async () => {
    const other = await createTestDatabase();
    try {
      // test databases are clones of one template: give this one an installation of its own, as a
      // new data folder has (migration 0115)
      await other.pool.query('ALTER TABLE installation DISABLE TRIGGER ALL');
      await other.pool.query('DELETE FROM installation');
      await other.pool.query('INSERT INTO installation DEFAULT VALUES');
      await other.pool.query('ALTER TABLE installation ENABLE TRIGGER ALL');
      const ids = await Promise.all([t, other].map(async (d) => (await d.pool.query<{ id: string }>('SELECT id::text AS id FROM installation')).rows[0]?.id));
      expect(ids[0]).not.toBe(ids[1]);
      expect(await anchorWithKey(other.db, keyFile, new Date('2026-03-08T00:10:00+07:00'))).toEqual([]);
    } finally {
      await other.close();
    }
    await expect(anchorWithKey(t.db, keyFile, new Date('2026-03-08T00:10:00+07:00'))).rejects.toThrow(/không phải neo cuối khóa này đã ký/);
    // the server's role cannot rename its database to escape the record
    await expect(t.pool.query(`UPDATE installation SET created_at = now()`)).rejects.toThrow();
  });

  it('the anchor key file: a public key verifies but cannot sign; no key file is a usage error', async () => {
    const key = await readAnchorKey(keyFile);
    expect(key?.privateKey?.asymmetricKeyType).toBe('ed25519');
    const pub = await readAnchorKey(`${keyFile}.pub`);
    expect(pub?.privateKey).toBeUndefined();
    await expect(audit('anchor', { keyFile: `${keyFile}.pub` })).rejects.toThrow(/khóa công khai/);
    await expect(audit('anchor', { keyFile: path.join(dir, 'missing.pem') })).rejects.toThrow(/không có tệp khóa neo/);
    expect(await anchorPendingDays(t.db, key!.privateKey!, new Date('2026-03-01T00:00:00Z'))).toEqual([]);
  });
});
