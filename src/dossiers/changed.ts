// The dossiers changed in a period (an event at a time in it), each with its newest event whatever
// its time: the national sync's backfill (src/sync/backfill.ts) reads them here rather than in the
// dossiers' tables. Keyset pages by dossier id; the period's events through
// dossier_events_workload_idx (at, dossier_id), the newest event through (dossier_id, seq).
import { sql } from 'kysely';
import type { Database } from '../platform/db/connect';
import type { DossierRow } from './events';
import { syncCode } from './lifecycle';

export interface ChangedDossier {
  readonly id: number;
  readonly code: string;
  readonly unitPath: string;
  readonly provinceCode: string;
  readonly channel: DossierRow['channel'];
  /** the national status of the dossier now (TrangThaiHoSo 1–10) */
  readonly syncCode: number;
  /** its newest event */
  readonly seq: number;
  readonly action: string;
  readonly at: Date;
}

export async function dossiersChangedBetween(db: Database, start: Date, end: Date, afterId: number, limit: number): Promise<ChangedDossier[]> {
  const r = await sql<{ id: number; code: string; unit_path: string; province_code: string; channel: DossierRow['channel']; status: DossierRow['status']; seq: number; action: string; at: Date }>`
    SELECT d.id, d.code, d.unit_path, d.province_code, d.channel, d.status, e.seq, e.action, e.at
    FROM dossiers d
    JOIN LATERAL (SELECT seq, action, at FROM dossier_events WHERE dossier_id = d.id ORDER BY seq DESC LIMIT 1) e ON true
    WHERE d.id IN (SELECT DISTINCT dossier_id FROM dossier_events WHERE at >= ${start} AND at < ${end} AND dossier_id > ${afterId})
    ORDER BY d.id LIMIT ${limit}`.execute(db);
  return r.rows.map((x) => ({
    id: Number(x.id), code: x.code, unitPath: x.unit_path, provinceCode: x.province_code, channel: x.channel, syncCode: syncCode[x.status], seq: x.seq, action: x.action, at: x.at,
  }));
}
