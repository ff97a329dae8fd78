// DESIGN §2: a capability never reaches into another's tables; it calls the other's service.
// The postal capability receives and returns dossiers through the dossiers' public module
// (receivePostalDossier, performAction, getDossier), issues receipts through the one receipt model,
// stores signatures through the documents' file store and queues SMS through notifications.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableReferences, tablesCreatedBy } from '../../test/table-boundaries';

const here = path.dirname(fileURLToPath(import.meta.url));
const migrations = path.join(here, '../platform/db/migrations');

describe('postal and the other capabilities\' tables', () => {
  it('no postal source file reads or writes another capability\'s table', () => {
    // the postal migrations: 0130 (shipments, legs, trail, hand-over records), 0132–0136 and the later `NNNN_postal_*.sql`
    const own = (f: string) => f === '0130_postal.sql' || /^013[2-6]_/.test(f) || /^\d{4}_postal_/.test(f);
    const tables = tablesCreatedBy({ except: readdirSync(migrations).filter(own) });
    expect(tables).toEqual(expect.arrayContaining(['dossiers', 'dossier_events', 'outbox', 'receipts', 'files', 'service_points', 'procedures']));
    expect(tableReferences(here, tables)).toEqual([]);
  });

  it('the guard sees a reference (it can fail)', () => {
    expect(tableReferences(path.join(here, '../notifications'), ['outbox']).length).toBeGreaterThan(0);
  });
});
