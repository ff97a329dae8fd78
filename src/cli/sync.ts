// `motcua sync backfill|prune`: the national sync's backfill of a period and the retention of its
// acknowledged rows (src/sync/backfill.ts), as the system (audited without a user).
import { loadConfig } from '../platform/config';
import { systemClock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { isDomainError } from '../platform/errors';
import { DAY_MS } from '../shared/civil-date';
import { UsageError } from './usage-error';

export async function syncCommand(db: Database, sub: string | undefined, v: { from?: string | undefined; to?: string | undefined }, out: (s: string) => void): Promise<number> {
  const { pruneSyncOutbox, runBackfill } = await import('../sync/backfill');
  if (sub === 'backfill') {
    if (!v.from || !v.to) throw new UsageError('cần --from YYYY-MM-DD --to YYYY-MM-DD');
    try {
      const r = await runBackfill({ db, clock: systemClock }, null, { from: v.from, to: v.to });
      out(`Từ ${r.from} đến ${r.to}: ${r.dossiers} hồ sơ có thay đổi — xếp gửi ${r.queued}, gửi lại ${r.retried}, đang chờ gửi ${r.pending}, Cổng đã nhận ${r.acknowledged}.\n`);
      return 0;
    } catch (e) {
      if (isDomainError(e)) throw new UsageError(e.message);
      throw e;
    }
  }
  if (sub === 'prune') {
    const days = loadConfig().syncRetentionDays;
    const n = await pruneSyncOutbox(db, new Date(systemClock.now().getTime() - days * DAY_MS));
    out(`Đã xóa ${n} bản ghi đồng bộ đã được Cổng xác nhận, cũ hơn ${days} ngày.\n`);
    return 0;
  }
  throw new UsageError('cách dùng: motcua sync backfill --from YYYY-MM-DD --to YYYY-MM-DD | motcua sync prune');
}
