// Intake's check of the scans its papers name (issue 12 §1–2), wired into the dossiers' intake by
// src/app.ts: a paper's `fileId` must be a stored file that the receiving user uploaded (a
// document of the applicant's store is reused by `reusedDocumentId`, checked by store.ts).
import type { IntakeCheck } from '../dossiers/events';

export const paperFilesCheck: IntakeCheck = async (db, facts) => {
  const named = facts.papers.flatMap((p, i) => (p.fileId === undefined ? [] : [{ i, fileId: p.fileId }]));
  if (named.length === 0) return { problems: [] };
  const mine = await db.selectFrom('file_uploads').select('file_id')
    .where('file_id', 'in', [...new Set(named.map((n) => n.fileId))]).where('user_id', '=', facts.actor.userId).execute();
  const found = new Set(mine.map((r) => r.file_id));
  return {
    problems: named.filter((n) => !found.has(n.fileId)).map((n) => ({
      path: `papers/${n.i}/fileId`,
      message: `Không tìm thấy bản quét số ${n.fileId} do bạn tải lên cho giấy tờ "${facts.requiredPapers.find((r) => r.key === facts.papers[n.i]?.key)?.name ?? facts.papers[n.i]?.key ?? ''}". Hãy quét lại.`,
    })),
  };
};
