// attachResult (issue 12 §5): the signed electronic result, once the decision is signed. The file
// was checked by the documents capability (it exists, its hash and type); the payload records it
// with its hash, so the event log proves which bytes were the result. `first` marks the dossier's
// first electronic result (F766 4.1 counts dossiers, not files).
import { invalidTransition } from '../../platform/errors';
import { inputError, noted, type Payload, type PayloadArgs } from './common';

const CIVIL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export async function attachResultPayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row, input } = args;
  const file = input.resultFile;
  if (!file) throw inputError('resultFile', 'Kết quả điện tử được đính kèm qua POST /api/v1/dossiers/{code}/result-files (kèm tệp đã tải lên).');
  if (row.status === 'processing' && row.approved_at === null) {
    throw invalidTransition('RESULT_NOT_APPROVED', 'Chưa có quyết định được lãnh đạo phê duyệt: chưa thể đính kèm kết quả điện tử.');
  }
  const title = file.title.normalize('NFC').trim();
  if (title.length < 2 || title.length > 300) throw inputError('title', 'Tên kết quả phải từ 2 đến 300 ký tự.');
  for (const k of ['validFrom', 'validUntil'] as const) {
    const v = file[k];
    if (v !== undefined && (!CIVIL_DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))) throw inputError(k, 'Ngày phải có dạng YYYY-MM-DD.');
  }
  if (file.validFrom && file.validUntil && file.validUntil < file.validFrom) throw inputError('validUntil', 'Ngày hết hiệu lực phải sau ngày có hiệu lực.');
  const earlier = await ctx.db.selectFrom('dossier_events').select('seq').where('dossier_id', '=', row.id).where('action', '=', 'attachResult').limit(1).executeTakeFirst();
  return {
    ...noted(args), fileId: file.fileId, sha256: file.sha256, mediaType: file.mediaType, title, docType: file.docType,
    validFrom: file.validFrom ?? null, validUntil: file.validUntil ?? null, first: earlier === undefined,
  };
}
