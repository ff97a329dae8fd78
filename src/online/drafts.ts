// The drafts of online submissions in the database (table online_drafts, migration 0155): the row
// as a draft's content and view, loading the actor's own draft (404 for anyone else's), writing
// the changes. Internal to the online capability.
import type { Actor } from '../platform/actor';
import type { Database } from '../platform/db/connect';
import { conflict, notFound } from '../platform/errors';
import type { ApplicantInput, DeliveryInput } from '../dossiers/model';
import type { DraftContent, DraftPaper } from './model';

export interface DraftRow {
  readonly id: number;
  readonly owner_user_id: number;
  readonly procedure_code: string;
  readonly case_key: string | null;
  readonly place_unit_code: string | null;
  readonly applicant: Record<string, unknown>;
  readonly form_data: Record<string, unknown>;
  readonly papers: Record<string, unknown>[];
  readonly delivery: Record<string, unknown> | null;
  readonly assisted: boolean;
  readonly store_consent: boolean;
  readonly payment_order_id: string | null;
  readonly dossier_code: string | null;
  readonly submitted_at: Date | null;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly version: number;
}

/** A draft as its owner sees it. */
export interface DraftView extends DraftContent {
  readonly id: number;
  readonly assisted: boolean;
  readonly paymentOrderId: string | null;
  readonly dossierCode: string | null;
  readonly submittedAt: string | null;
  readonly updatedAt: string;
  readonly version: number;
}

export const contentOf = (r: DraftRow): DraftContent => ({
  procedureCode: r.procedure_code, caseKey: r.case_key, placeUnitCode: r.place_unit_code,
  applicant: r.applicant as Partial<ApplicantInput>, formData: r.form_data, papers: r.papers as unknown as DraftPaper[],
  delivery: r.delivery as DeliveryInput | null, storeConsent: r.store_consent,
});

export const viewOf = (r: DraftRow): DraftView => ({
  ...contentOf(r), id: r.id, assisted: r.assisted, paymentOrderId: r.payment_order_id, dossierCode: r.dossier_code,
  submittedAt: r.submitted_at?.toISOString() ?? null, updatedAt: r.updated_at.toISOString(), version: r.version,
});

export const draftNotFound = (id: number) => notFound('DRAFT_NOT_FOUND', `Không tìm thấy bản nháp hồ sơ số ${id}.`);

/** The actor's own draft (anyone else's does not exist for them: 404). */
export async function ownDraft(db: Database, actor: Actor, id: number): Promise<DraftRow> {
  const row = await db.selectFrom('online_drafts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.owner_user_id !== actor.userId) throw draftNotFound(id);
  return row as unknown as DraftRow;
}

export const alreadySubmitted = (code: string) => conflict('DRAFT_SUBMITTED', `Bản nháp đã được nộp thành hồ sơ ${code}; không sửa được nữa.`);

/** The columns of a draft's content as stored. */
export const columnsOf = (c: Partial<DraftContent>) => ({
  ...(c.procedureCode !== undefined ? { procedure_code: c.procedureCode } : {}),
  ...(c.caseKey !== undefined ? { case_key: c.caseKey } : {}),
  ...(c.placeUnitCode !== undefined ? { place_unit_code: c.placeUnitCode } : {}),
  ...(c.applicant !== undefined ? { applicant: JSON.stringify(c.applicant) } : {}),
  ...(c.formData !== undefined ? { form_data: JSON.stringify(c.formData) } : {}),
  ...(c.papers !== undefined ? { papers: JSON.stringify(c.papers) } : {}),
  ...(c.delivery !== undefined ? { delivery: c.delivery === null ? null : JSON.stringify(c.delivery) } : {}),
  ...(c.storeConsent !== undefined ? { store_consent: c.storeConsent } : {}),
});
