// `motcua audit verify [--dossier CODE]` and `motcua audit rebuild`: checks the hash chains of the
// dossier events, and compares every stored dossier row with the fold of its events.
import type { Database } from '../platform/db/connect';
import { compareWithFold, verifyChain } from '../dossiers/audit';
import { UsageError } from './usage-error';

export interface AuditOutput {
  readonly stdout: string;
  readonly exitCode: number;
}

export async function runAuditCommand(db: Database, sub: string | undefined, dossier: string | undefined): Promise<AuditOutput> {
  if (sub === 'verify') {
    const r = await verifyChain(db, dossier);
    if (r.ok) return { stdout: `Chuỗi băm hợp lệ: ${r.dossiers} hồ sơ, ${r.events} sự kiện.\n`, exitCode: 0 };
    const b = r.broken;
    return {
      stdout: `CHUỖI BĂM BỊ PHÁ VỠ: hồ sơ ${b.dossierCode}, sự kiện số ${b.seq} (${b.reason})\n  mong đợi: ${b.expected}\n  thực tế:  ${b.actual}\n`,
      exitCode: 1,
    };
  }
  if (sub === 'rebuild') {
    if (dossier !== undefined) throw new UsageError('"audit rebuild" không nhận --dossier.');
    const r = await compareWithFold(db);
    if (r.differences.length === 0) return { stdout: `Khớp: ${r.dossiers} hồ sơ đúng bằng kết quả dựng lại từ sự kiện.\n`, exitCode: 0 };
    const lines = r.differences.map((d) => `  ${d.dossierCode} ${d.column}: lưu ${d.stored} ≠ dựng lại ${d.folded}`);
    return { stdout: `KHÁC BIỆT (${r.differences.length}) trên ${r.dossiers} hồ sơ:\n${lines.join('\n')}\n`, exitCode: 1 };
  }
  throw new UsageError('cách dùng: motcua audit verify [--dossier MÃ] | motcua audit rebuild');
}
