// Electronic results (issue 12 §5): the agency attaches the signed result file to a dossier (an
// `attachResult` event of the dossier, through its public `performAction`); the applicant (signed
// in, or with the tracking PIN) and staff who may read the dossier download it; the clerk prints it.
import type { Readable } from 'node:stream';
import { can } from '../accounts/policy';
import type { DossierContext } from '../dossiers/events';
import type { ActionResult } from '../dossiers/model';
import { getDossier, performAction, resultFilesOf, type ResultFileEvent } from '../dossiers/service';
import { forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors';
import type { FilesContext, FileMeta } from './model';
import { fileMeta, isUploader, openFile } from './service';
import { documentTypeOf } from './store-model';

export interface AttachResultInput {
  readonly fileId: number;
  /** the result's name as issued, e.g. "Giấy khai sinh" */
  readonly title: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly note?: string;
  readonly expectedVersion?: number;
}

export interface ResultFile {
  readonly fileId: number;
  readonly title: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly attachedAt: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

const resultOf = (e: ResultFileEvent): ResultFile => ({
  fileId: e.fileId, title: e.title, sha256: e.sha256, mediaType: e.mediaType, attachedAt: e.at.toISOString(), validFrom: e.validFrom, validUntil: e.validUntil,
});

/**
 * The officer or approver (`documents.result`) attaches a file they uploaded as the dossier's
 * signed result; the dossiers' rules decide when (after approval) and the scope (404 outside).
 */
export async function attachResultFile(ctx: DossierContext, code: string, input: AttachResultInput): Promise<ActionResult & { file: FileMeta }> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'documents.result')) throw forbidden('FORBIDDEN', 'Chỉ cán bộ, lãnh đạo cơ quan giải quyết được đính kèm kết quả điện tử.');
  await getDossier(ctx, code); // 404 outside the scope, before anything is said about the file
  const meta = await fileMeta(ctx, input.fileId);
  if (!meta || !(await isUploader(ctx, actor, input.fileId))) {
    throw validationFailed('RESULT_FILE_UNKNOWN', 'Không tìm thấy tệp kết quả bạn đã tải lên; hãy tải tệp lên trước khi đính kèm.', [{ path: 'fileId', message: 'Tệp không tồn tại hoặc không do bạn tải lên.' }]);
  }
  const title = input.title.normalize('NFC').trim();
  const result = await performAction(ctx, code, 'attachResult', {
    ...(input.note ? { note: input.note } : {}), ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
    resultFile: {
      fileId: meta.id, sha256: meta.sha256, mediaType: meta.mediaType, title, docType: documentTypeOf(title),
      ...(input.validFrom ? { validFrom: input.validFrom } : {}), ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    },
  });
  return { ...result, file: meta };
}

/** The dossier's electronic results, for whoever may read the dossier (staff in scope, the citizen whose dossier it is). */
export async function listResultFiles(ctx: DossierContext, code: string): Promise<{ code: string; items: ResultFile[] }> {
  const dossier = await getDossier(ctx, code); // 401, 404 outside the scope
  return { code: dossier.code, items: (await resultFilesOf(ctx.db, dossier.code)).map(resultOf) };
}

const notAResult = () => notFound('RESULT_FILE_NOT_FOUND', 'Không tìm thấy tệp kết quả này của hồ sơ.');

/** One result file's bytes, for whoever may read the dossier; or after the tracking PIN was checked (`trackedCode`). */
export async function openResultFile(ctx: FilesContext, code: string, fileId: number, trackedCode?: string): Promise<{ meta: FileMeta; stream: Readable; fileName: string }> {
  const dossierCode = trackedCode ?? (await getDossier(ctx, code)).code;
  const result = (await resultFilesOf(ctx.db, dossierCode)).find((r) => r.fileId === fileId);
  if (!result) throw notAResult();
  const opened = await openFile(ctx, fileId);
  if (!opened) throw notAResult();
  const extension = opened.meta.mediaType === 'application/pdf' ? 'pdf' : opened.meta.mediaType === 'image/png' ? 'png' : opened.meta.mediaType === 'image/jpeg' ? 'jpg' : 'tif';
  return { ...opened, fileName: `ket-qua-${dossierCode}-${fileId}.${extension}` };
}
