import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { receiveDossier } from './intake';
import { workQueue } from './queries';
import { buildWorld, type World } from './world.test-helper';

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
});
afterAll(async () => { await t?.close(); });

// Kept first in this file: Kysely logs a deprecation once per process, so a later test would miss it.
describe('work queue', () => {
  it('prints nothing to stdout (no Kysely deprecation warning)', async () => {
    const log = vi.spyOn(console, 'log');
    try {
      await receiveDossier(w.ctx(w.actors.clerk), w.intake());
      const q = await workQueue(w.ctx(w.actors.clerk));
      expect(q.items.length).toBeGreaterThan(0);
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});
