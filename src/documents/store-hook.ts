// The document store's place in the dossiers' write path (wired in src/app.ts): every digitized
// paper of a received dossier and every electronic result enters the holder's store in the
// transaction (or the one intake statement) of the event that made it, and the consent given at
// intake is recorded with it. Documents enter only a store whose holder consented (now or before).
import { sql, type Transaction } from 'kysely';
import type { DerivedIntake, DossierEvent, DossierHook, DossierRow, IntakeWrite } from '../dossiers/events';
import { filingOf, papersOf } from '../dossiers/service';
import type { DB } from '../platform/db/schema';
import { vnDateOfInstant } from '../shared/civil-date';
import { documentTypeOf, holderOfIntake, STORE_CONSENT_PURPOSE, type Holder } from './store-model';

type Via = 'counter' | 'postal' | 'portal';
const viaOf = (channel: string): Via => (channel === 'online' ? 'portal' : channel === 'postal' ? 'postal' : 'counter');

/** The consent in force of a holder, as an SQL condition. */
const consentInForce = (h: Holder) =>
  sql`EXISTS (SELECT 1 FROM store_consents sc WHERE sc.holder_kind = ${h.kind} AND sc.holder_id = ${h.id} AND sc.withdrawn_at IS NULL)`;

interface PaperType { readonly key: string; readonly doc_type: string | null }

/** A stored document's title holds 1000 characters (migration 0123); some catalogue papers' names are longer (1.004222's run to 1333): cut with an ellipsis. */
const TITLE_MAX = 1000;
const storedTitle = (name: string) => (name.length > TITLE_MAX ? `${name.slice(0, TITLE_MAX - 1)}…` : name);
const storedTitleSql = sql`CASE WHEN length(p.name) > ${TITLE_MAX} THEN left(p.name, ${TITLE_MAX - 1}) || '…' ELSE p.name END`;

function intakeWrites(event: DossierEvent, dossier: DerivedIntake): readonly IntakeWrite[] {
  const holder = holderOfIntake(event.payload);
  if (holder === null) return [];
  const writes: IntakeWrite[] = [];
  const givenNow = event.payload.storeConsent === true;
  if (givenNow) {
    writes.push({
      name: 'store_consent',
      statement: sql`INSERT INTO store_consents (holder_kind, holder_id, purpose, given_at, given_via, dossier_code, recorded_by)
        SELECT ${holder.kind}, ${holder.id}, ${STORE_CONSENT_PURPOSE}, ${event.at}, ${viaOf(dossier.channel)}, d.code, ${event.actorId}::bigint FROM d
        ON CONFLICT (holder_kind, holder_id) WHERE withdrawn_at IS NULL DO NOTHING RETURNING id`,
    });
  }
  // an online dossier's papers enter the store when it is accepted (afterEvent 'receive')
  if (event.action !== 'received') return writes;
  const papers = Array.isArray(event.payload.papers) ? (event.payload.papers as { key: string; name: string }[]) : [];
  const types: PaperType[] = papers.map((p) => ({ key: p.key, doc_type: documentTypeOf(p.name) }));
  writes.push({
    name: 'store_papers',
    statement: sql`INSERT INTO store_documents (holder_kind, holder_id, paper_key, doc_type, title, file_id, source_kind, source_dossier_id, province_code, source_dossier_code, source_procedure_code, filed_by, created_at)
      SELECT ${holder.kind}, ${holder.id}, p.paper_key, t.doc_type, ${storedTitleSql}, p.file_id, 'digitized', d.id, d.province_code, d.code, d.procedure_code, ${event.actorId}::bigint, ${event.at}
      FROM d JOIN p ON p.dossier_id = d.id JOIN jsonb_to_recordset(${JSON.stringify(types)}::jsonb) AS t(key text, doc_type text) ON t.key = p.paper_key
      WHERE p.file_id IS NOT NULL AND p.digitized AND p.source <> 'reused' AND (${givenNow}::boolean OR ${consentInForce(holder)})
      ON CONFLICT DO NOTHING RETURNING id`,
  });
  return writes;
}

/** An online dossier accepted: its digitized papers enter the store (the consent was recorded at its submission). */
async function storeAcceptedPapers(trx: Transaction<DB>, event: DossierEvent, dossier: DossierRow): Promise<void> {
  const filing = await filingOf(trx, dossier.id);
  const holder = filing ? holderOfIntake(filing.payload) : null;
  if (!filing || !holder) return;
  const papers = (await papersOf(trx, dossier.id)).filter((p) => p.fileId !== null && p.digitized && p.source !== 'reused');
  if (papers.length === 0) return;
  const consent = await trx.selectFrom('store_consents').select('id').where('holder_kind', '=', holder.kind).where('holder_id', '=', holder.id)
    .where('withdrawn_at', 'is', null).executeTakeFirst();
  if (!consent) return;
  await trx.insertInto('store_documents').values(papers.map((p) => ({
    holder_kind: holder.kind, holder_id: holder.id, paper_key: p.key, doc_type: documentTypeOf(p.name), title: storedTitle(p.name), file_id: p.fileId as number,
    source_kind: 'digitized' as const, source_dossier_id: dossier.id, province_code: dossier.province_code, source_dossier_code: dossier.code, source_procedure_code: dossier.procedure_code,
    filed_by: filing.filedBy, created_at: event.at,
  }))).onConflict((oc) => oc.doNothing()).execute();
}

/** An electronic result attached: it enters the holder's store (if they consented), filed under whoever filed the dossier. */
async function storeResult(trx: Transaction<DB>, event: DossierEvent, dossier: DossierRow): Promise<void> {
  const filing = await filingOf(trx, dossier.id);
  const holder = filing ? holderOfIntake(filing.payload) : null;
  const p = event.payload;
  if (!filing || !holder || typeof p.fileId !== 'number' || typeof p.title !== 'string') return;
  const consent = await trx.selectFrom('store_consents').select('id').where('holder_kind', '=', holder.kind).where('holder_id', '=', holder.id)
    .where('withdrawn_at', 'is', null).executeTakeFirst();
  if (!consent) return;
  await trx.insertInto('store_documents').values({
    holder_kind: holder.kind, holder_id: holder.id, paper_key: null, doc_type: typeof p.docType === 'string' ? p.docType : documentTypeOf(p.title),
    title: p.title, file_id: p.fileId, source_kind: 'result', source_dossier_id: dossier.id, province_code: dossier.province_code, source_dossier_code: dossier.code,
    source_procedure_code: dossier.procedure_code, filed_by: filing.filedBy, created_at: event.at,
    valid_from: typeof p.validFrom === 'string' ? p.validFrom : null, valid_until: typeof p.validUntil === 'string' ? p.validUntil : null,
  }).onConflict((oc) => oc.doNothing()).execute();
}

async function afterEvent(trx: Transaction<DB>, event: DossierEvent, dossier: DossierRow): Promise<void> {
  if (event.action === 'receive') await storeAcceptedPapers(trx, event, dossier);
  if (event.action === 'attachResult') await storeResult(trx, event, dossier);
}

/** The document store's hook (src/app.ts adds it to the dossier hooks). */
export const storeHook: DossierHook = { afterEvent, intakeWrites };

/** Today in Vietnam (validity of stored documents is by civil date). */
export const vnToday = (now: Date): string => vnDateOfInstant(now.getTime());
