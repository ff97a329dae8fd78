// The applicant's document store (issue 12 §4): who may see it, what it holds for a procedure,
// consent given or withdrawn on the portal, and the intake check of papers reused from it.
// Rows are written by store-hook.ts in the dossier event's transaction.
import type { Kysely, Selectable } from 'kysely';
import { can } from '../accounts/policy';
import { procedureForIntake } from '../catalog/references';
import type { IntakeCheck, IntakeCheckResult } from '../dossiers/events';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB, StoreConsentsTable, StoreDocumentsTable } from '../platform/db/schema';
import { forbidden, notFound, unauthenticated, validationFailed, type ErrorDetail } from '../platform/errors';
import { vnDateOfInstant } from '../shared/civil-date';
import {
  documentTypes, heldForProcedure, reuseProblem, STORE_CONSENT_PURPOSE, whyNotReusable,
  type Consent, type DocumentType, type HeldPaper, type Holder, type NotReusable, type RequiredPaperRef, type StoredDocument,
} from './store-model';

export interface StoreEntry extends StoredDocument {
  readonly reusable: boolean;
  readonly notReusable: NotReusable | null;
}

export interface StoreView {
  readonly holder: Holder;
  readonly consent: Consent | null;
  readonly documents: StoreEntry[];
  /** for the procedure asked: its papers the store already holds, with the documents that may be reused */
  readonly held: HeldPaper[] | null;
}

const isDocumentType = (v: string | null): v is DocumentType => v !== null && (documentTypes as readonly string[]).includes(v);

const documentOf = (r: Selectable<StoreDocumentsTable>): StoredDocument => ({
  id: r.id, paperKey: r.paper_key, docType: isDocumentType(r.doc_type) ? r.doc_type : null, title: r.title, fileId: r.file_id,
  sourceKind: r.source_kind, sourceDossierCode: r.source_dossier_code, sourceProcedureCode: r.source_procedure_code,
  validFrom: r.valid_from, validUntil: r.valid_until,
});

const consentOf = (r: Pick<Selectable<StoreConsentsTable>, 'given_at' | 'purpose' | 'given_via'> | undefined): Consent | null =>
  r ? { givenAt: r.given_at.toISOString(), purpose: r.purpose, givenVia: r.given_via } : null;

async function consentInForce(db: Kysely<DB>, h: Holder): Promise<Consent | null> {
  const row = await db.selectFrom('store_consents').select(['given_at', 'purpose', 'given_via'])
    .where('holder_kind', '=', h.kind).where('holder_id', '=', h.id).where('withdrawn_at', 'is', null).executeTakeFirst();
  return consentOf(row);
}

export interface StoreQuery {
  readonly personalId?: string;
  readonly taxCode?: string;
  readonly procedure?: string;
}

function holderOfQuery(q: StoreQuery): Holder {
  if (q.taxCode !== undefined && q.personalId !== undefined) throw validationFailed('STORE_HOLDER_AMBIGUOUS', 'Chỉ nhập số định danh cá nhân hoặc mã số thuế, không nhập cả hai.', [{ path: 'taxCode', message: 'bỏ trống khi tra theo số định danh' }]);
  if (q.taxCode !== undefined) return { kind: 'organisation', id: q.taxCode };
  if (q.personalId !== undefined) return { kind: 'person', id: q.personalId };
  throw validationFailed('STORE_HOLDER_REQUIRED', 'Cần số định danh cá nhân (12 chữ số) hoặc mã số thuế của tổ chức.', [{ path: 'personalId', message: 'bắt buộc' }]);
}

/**
 * The store of a person or organisation. Staff who receive dossiers (`documents.store`: counter
 * clerks, couriers) see it only when its holder consented — no reuse is offered otherwise. A
 * citizen sees their own (their account's personal ID): accounts mark no personal ID as
 * verified, so only the documents of dossiers they filed themselves on the portal. A citizen who
 * names no one gets their own.
 */
export async function storeOf(ctx: ServiceContext, q: StoreQuery): Promise<StoreView> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const self = can(actor, 'portal.self');
  // a citizen asking for no one in particular asks for their own store
  const own = self && q.personalId === undefined && q.taxCode === undefined && actor.scope.kind === 'self' ? actor.scope.personalId : null;
  const holder = holderOfQuery(own !== null ? { ...q, personalId: own } : q);
  if (!self && !can(actor, 'documents.store')) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem kho dữ liệu của người nộp hồ sơ.');
  if (self && (holder.kind !== 'person' || actor.scope.kind !== 'self' || actor.scope.personalId !== holder.id)) {
    throw notFound('NOT_FOUND', 'Không tìm thấy kho dữ liệu.');
  }
  const now = ctx.clock.now();
  const today = vnDateOfInstant(now.getTime());
  const consent = await consentInForce(ctx.db, holder);
  const procedure = q.procedure === undefined ? null : await procedureForIntake(ctx.db, q.procedure, today);
  if (!self && consent === null) return { holder, consent: null, documents: [], held: procedure ? [] : null };
  let query = ctx.db.selectFrom('store_documents').selectAll().where('holder_kind', '=', holder.kind).where('holder_id', '=', holder.id);
  if (self) query = query.where('filed_by', '=', actor.userId);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  const docs = rows.map(documentOf);
  const documents = docs.map((d) => {
    const why = whyNotReusable(d, consent, today);
    return { ...d, reusable: why === null, notReusable: why };
  });
  const held = procedure ? heldForProcedure(procedure.code, procedure.requiredPapers, docs, consent, today) : null;
  return { holder, consent, documents, held };
}

/** The citizen consents on the portal to keep and reuse their papers (recorded with time and purpose; once in force, again is the same). */
export async function giveConsent(ctx: ServiceContext): Promise<Consent> {
  const { actor, personalId } = portalSelf(ctx);
  const holder: Holder = { kind: 'person', id: personalId };
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const inserted = await trx.insertInto('store_consents').values({
      holder_kind: holder.kind, holder_id: holder.id, purpose: STORE_CONSENT_PURPOSE, given_at: now, given_via: 'portal', recorded_by: actor.userId,
    }).onConflict((oc) => oc.columns(['holder_kind', 'holder_id']).where('withdrawn_at', 'is', null).doNothing()).returning('id').executeTakeFirst();
    if (inserted) await recordAudit(trx, actor, { action: 'store.consent', entity: 'store_consent', entityKey: inserted.id, payload: { purpose: STORE_CONSENT_PURPOSE, via: 'portal' }, at: now });
    return (await consentInForce(trx, holder)) as Consent;
  });
}

/** The citizen withdraws their consent: from now on nothing of their store is offered or added. */
export async function withdrawConsent(ctx: ServiceContext): Promise<{ withdrawnAt: string }> {
  const { actor, personalId } = portalSelf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const row = await trx.updateTable('store_consents').set({ withdrawn_at: now, withdrawn_by: actor.userId })
      .where('holder_kind', '=', 'person').where('holder_id', '=', personalId).where('withdrawn_at', 'is', null).returning('id').executeTakeFirst();
    if (!row) throw notFound('NO_CONSENT', 'Bạn chưa đồng ý lưu giữ giấy tờ nên không có gì để rút lại.');
    await recordAudit(trx, actor, { action: 'store.consentWithdrawn', entity: 'store_consent', entityKey: row.id, at: now });
    return { withdrawnAt: now.toISOString() };
  });
}

function portalSelf(ctx: ServiceContext): { actor: Actor; personalId: string } {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'portal.self')) throw forbidden('FORBIDDEN', 'Chỉ người dân đồng ý hoặc rút lại sự đồng ý cho kho dữ liệu của mình.');
  if (actor.scope.kind !== 'self' || actor.scope.personalId === null) throw forbidden('NO_PERSONAL_ID', 'Tài khoản chưa có số định danh cá nhân.');
  return { actor, personalId: actor.scope.personalId };
}

/**
 * The intake check of papers reused from the store (wired in src/app.ts): each `reusedDocumentId`
 * names a document of the applicant's (or the organisation's) store, with consent in force,
 * valid today, that fits the paper; its file becomes the paper's. A reused paper without one, or
 * a document given for another source, is refused.
 */
export const reusedPapersCheck: IntakeCheck = async (db, facts): Promise<IntakeCheckResult> => {
  const problems: ErrorDetail[] = [];
  const files = new Map<number, number>();
  const wanted = facts.papers.flatMap((p, i) => (p.reusedDocumentId !== undefined || p.source === 'reused' ? [{ p, i }] : []));
  if (wanted.length === 0) return { problems };
  const holder: Holder = facts.organisationTaxCode !== null ? { kind: 'organisation', id: facts.organisationTaxCode } : { kind: 'person', id: facts.applicant.personalId };
  const ids = wanted.flatMap(({ p }) => (p.reusedDocumentId !== undefined ? [p.reusedDocumentId] : []));
  const rows = ids.length === 0 ? [] : await db.selectFrom('store_documents').selectAll().where('id', 'in', ids).execute();
  const consent = await consentInForce(db, holder);
  const today = vnDateOfInstant(facts.now.getTime());
  for (const { p, i } of wanted) {
    if (p.source !== 'reused') { problems.push({ path: `papers/${i}/reusedDocumentId`, message: 'Chỉ giấy tờ lấy từ kho dữ liệu (nguồn "reused") mới ghi giấy tờ trong kho.' }); continue; }
    if (p.reusedDocumentId === undefined) { problems.push({ path: `papers/${i}/reusedDocumentId`, message: 'Giấy tờ sử dụng lại cần chỉ rõ giấy tờ nào trong kho dữ liệu.' }); continue; }
    if (p.fileId !== undefined) { problems.push({ path: `papers/${i}/fileId`, message: 'Giấy tờ sử dụng lại dùng tệp của giấy tờ trong kho; không gửi kèm tệp khác.' }); continue; }
    const row = rows.find((r) => r.id === p.reusedDocumentId);
    const paper = facts.requiredPapers.find((r) => r.key === p.key) ?? { key: p.key, name: p.key };
    const problem = reuseProblem(row ? { ...documentOf(row), holder: { kind: row.holder_kind, id: row.holder_id } } : null, holder, facts.procedureCode, paper, consent, today);
    if (problem !== null) problems.push({ path: `papers/${i}/reusedDocumentId`, message: problem });
    else if (row) files.set(i, row.file_id);
  }
  return { problems, files };
};

/**
 * A FileReader (wired in src/app.ts): the citizen may read the files of their own store (documents
 * of dossiers they filed themselves); staff who look up stores (`documents.store`) those of a
 * store whose holder consented.
 */
export async function mayReadStoredFile(ctx: ServiceContext & { readonly actor: Actor }, fileId: number): Promise<boolean> {
  const actor = ctx.actor;
  if (can(actor, 'portal.self')) {
    if (actor.scope.kind !== 'self' || actor.scope.personalId === null) return false;
    const row = await ctx.db.selectFrom('store_documents').select('id').where('file_id', '=', fileId).where('holder_kind', '=', 'person')
      .where('holder_id', '=', actor.scope.personalId).where('filed_by', '=', actor.userId).limit(1).executeTakeFirst();
    return row !== undefined;
  }
  if (!can(actor, 'documents.store')) return false;
  const row = await ctx.db.selectFrom('store_documents as d').innerJoin('store_consents as c', (j) => j.onRef('c.holder_kind', '=', 'd.holder_kind').onRef('c.holder_id', '=', 'd.holder_id'))
    .select('d.id').where('d.file_id', '=', fileId).where('c.withdrawn_at', 'is', null).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Which papers of a procedure a person's store holds (reusable today, consent in force): the keys
 * and names the store can stand in for. For other capabilities (appointments: the papers to bring);
 * the caller decides what it may disclose — names only to the verified holder, else counts.
 */
export async function papersHeldFor(db: Kysely<DB>, personalId: string, procedureCode: string, papers: readonly RequiredPaperRef[], today: string): Promise<HeldPaper[]> {
  const holder: Holder = { kind: 'person', id: personalId };
  const consent = await consentInForce(db, holder);
  if (consent === null) return [];
  const rows = await db.selectFrom('store_documents').selectAll().where('holder_kind', '=', 'person').where('holder_id', '=', personalId)
    .orderBy('id', 'desc').limit(500).execute();
  return heldForProcedure(procedureCode, papers, rows.map(documentOf), consent, today);
}
