// DESIGN §2: a capability never reaches into another's tables; it calls the other's service.
// Dossiers read the directory, the catalogue and accounts through their reference functions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableReferences, tablesCreatedBy } from '../../test/table-boundaries';

describe('dossiers and the other capabilities\' tables', () => {
  it('no dossiers source file reads or joins another capability\'s table', () => {
    // every migration but the dossiers' own (0006, 0046: the event log's anchors, 0210: its partitions and archived years, 0220: the name's word-start suffixes, 0226: the days those years moved, 0230: the papers' partitions); later ones (reports, outbox delivery) only add to others' tables or their own
    const tables = tablesCreatedBy({ except: ['0006_dossiers.sql', '0046_audit_anchors.sql', '0210_dossier_events_partitioned.sql', '0220_dossier_name_suffixes.sql', '0226_dossier_event_archive_days.sql', '0230_dossier_papers_partitioned.sql'] });
    expect(tables).toEqual(expect.arrayContaining(['agencies', 'procedures', 'admin_units', 'service_points', 'users']));
    expect(tableReferences(path.dirname(fileURLToPath(import.meta.url)), tables)).toEqual([]);
  });
});
