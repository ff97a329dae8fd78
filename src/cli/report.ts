// `motcua report summary|rebuild`: figures computed from the stored roll-ups, and the proof that
// the roll-ups are what the event log says.
import type { Database } from '../platform/db/connect';
import { isDomainError } from '../platform/errors';
import type { ReportScope } from '../reports/queries';
import type { AsOf } from '../reports/units';
import { UsageError } from './usage-error';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The report scope of `--unit` (default: the whole database) in the `--as-of` view. */
async function scopeOfUnit(db: Database, code: string | undefined, asOf: AsOf): Promise<ReportScope & { asOf: AsOf }> {
  const { reportScopeWithin } = await import('../reports/service');
  try {
    return await reportScopeWithin(db, '/', code, asOf);
  } catch (e) {
    if (isDomainError(e) && e.kind === 'NotFound') throw new UsageError(asOf === 'is' ? `không có đơn vị hành chính hiện hành mã ${code} (đơn vị cũ: dùng --as-of was)` : `không có đơn vị hành chính mã ${code}`);
    throw e;
  }
}

export async function reportCommand(db: Database, sub: string | undefined, v: Record<string, string | boolean | undefined>, out: (s: string) => void): Promise<number> {
  if (sub === 'summary') {
    const from = typeof v.from === 'string' ? v.from : undefined;
    const to = typeof v.to === 'string' ? v.to : undefined;
    if (!from || !to || !DATE_RE.test(from) || !DATE_RE.test(to) || from > to) throw new UsageError('cần --from YYYY-MM-DD --to YYYY-MM-DD (from ≤ to)');
    const asOf = v['as-of'] ?? 'was';
    if (asOf !== 'was' && asOf !== 'is') throw new UsageError('--as-of nhận was (đơn vị tại thời điểm tiếp nhận) hoặc is (đơn vị hiện nay)');
    const { summary } = await import('../reports/queries');
    const scope = await scopeOfUnit(db, typeof v.unit === 'string' ? v.unit : undefined, asOf);
    const s = { ...(await summary(db, scope, { from, to })), asOf };
    if (v.json === true) out(`${JSON.stringify(s, null, 2)}\n`);
    else {
      out(`Từ ${s.from} đến ${s.to} (${s.unitPath}; ${asOf === 'is' ? 'đơn vị hiện nay' : 'đơn vị tại thời điểm tiếp nhận'})\n`);
      out(`  Tiếp nhận mới: ${s.received} — trực tuyến ${s.receivedOnline} (${s.onlineShareOfNew}%), BCCI ${s.receivedPostal} (${s.postalShare}%)\n`);
      out(`  Đã giải quyết: ${s.resolved} — trước/đúng hạn ${s.resolvedEarly + s.resolvedOnTime} (${s.onTimeShare}%), quá hạn ${s.resolvedLate} (${s.lateShare}%)\n`);
      out(`  Đang giải quyết cuối kỳ: ${s.inProgress}; Trung tâm PVHCC tỉnh tiếp nhận: ${s.provincialCentreReceived}\n`);
    }
    return 0;
  }
  if (sub === 'rebuild') {
    const { rebuildRollups } = await import('../reports/rebuild');
    const report = await rebuildRollups(db, { apply: v.apply === true, onProgress: (n) => process.stderr.write(`\r${n} hồ sơ`) });
    process.stderr.write('\n');
    for (const d of report.differences.slice(0, 50)) out(`KHÁC ${d.table} ${d.key} ${d.metric}: lưu ${d.stored}, tính lại ${d.derived}\n`);
    if (report.differences.length > 50) out(`… và ${report.differences.length - 50} khác biệt nữa\n`);
    out(`${report.dossiers} hồ sơ, ${report.events} sự kiện, ${report.rows} dòng tổng hợp; ${report.differences.length} khác biệt${report.applied ? ' (đã ghi lại số liệu tổng hợp từ nhật ký)' : ''}\n`);
    return report.differences.length === 0 || report.applied ? 0 : 1;
  }
  throw new UsageError('cách dùng: motcua report summary --from D --to D [--unit MÃ] [--as-of was|is] [--json] | motcua report rebuild [--apply]');
}
