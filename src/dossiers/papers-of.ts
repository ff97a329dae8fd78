// What other capabilities may know of a dossier's papers and filing, inside a dossier event's
// transaction (the document store's hook: an online dossier's papers enter the applicant's store
// when it is accepted, a result is filed under the dossier's filer; the electronic results of a dossier). Reads only.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';

export interface PaperFile {
  readonly paperId: number;
  readonly key: string;
  readonly name: string;
  readonly source: string;
  readonly digitized: boolean;
  readonly fileId: number | null;
}

/** The papers of a dossier, in the order they were recorded. */
export async function papersOf(db: Kysely<DB> | Transaction<DB>, dossierId: number): Promise<PaperFile[]> {
  const rows = await db.selectFrom('dossier_papers').select(['id', 'paper_key', 'name', 'source', 'digitized', 'file_id'])
    .where('dossier_id', '=', dossierId).orderBy('id').execute();
  return rows.map((r) => ({ paperId: r.id, key: r.paper_key, name: r.name, source: r.source, digitized: r.digitized, fileId: r.file_id }));
}

/** Who filed the dossier (the actor of its intake event; null for the system) and the intake event's payload. */
export async function filingOf(db: Kysely<DB> | Transaction<DB>, dossierId: number): Promise<{ filedBy: number | null; payload: Record<string, unknown> } | null> {
  const row = await db.selectFrom('dossier_events').select(['actor_id', 'payload']).where('dossier_id', '=', dossierId).where('seq', '=', 1).executeTakeFirst();
  return row ? { filedBy: row.actor_id, payload: row.payload } : null;
}

export interface ResultFileEvent {
  readonly seq: number;
  readonly at: Date;
  readonly fileId: number;
  readonly sha256: string;
  readonly mediaType: string;
  readonly title: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

/** The electronic results attached to a dossier (its `attachResult` events), oldest first. */
export async function resultFilesOf(db: Kysely<DB> | Transaction<DB>, dossierCode: string): Promise<ResultFileEvent[]> {
  const rows = await db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
    .select(['e.seq', 'e.at', 'e.payload']).where('d.code', '=', dossierCode).where('e.action', '=', 'attachResult').orderBy('e.seq').execute();
  return rows.map((r) => {
    const p = r.payload as Record<string, unknown>;
    const text = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
    return { seq: r.seq, at: r.at, fileId: Number(p.fileId), sha256: text('sha256') ?? '', mediaType: text('mediaType') ?? '', title: text('title') ?? '', validFrom: text('validFrom'), validUntil: text('validUntil') };
  });
}
