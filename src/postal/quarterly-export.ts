// The quarterly report for the post (issue 13 §8) as an export of the one export runner
// (src/reports/exports.ts, pg-boss `reports.exports`): the runner claims the request and calls this
// builder with the requester's rights (wired in src/app.ts); the figures are figures.ts's and the
// layout quarterly-layout.ts's.
import type { ServiceContext } from '../platform/context';
import { validationFailed } from '../platform/errors';
import { parsePeriod } from '../platform/period';
import { writeSafeXlsx } from '../platform/xlsx';
import { postalFigures } from './figures';
import { quarterlyReportWorkbook, quarterOf } from './quarterly-layout';
import { postalStatsScope } from './stats';

export const POSTAL_QUARTERLY_EXPORT = 'postal-quarterly-xlsx';

/** The report is made by quarter (TT 17 art. 14): from the first to the last day of one (400 `PERIOD_NOT_A_QUARTER` when asked). */
export function checkPostalQuarter(p: { readonly from: string; readonly to: string }): NonNullable<ReturnType<typeof quarterOf>> {
  const q = quarterOf(p.from, p.to);
  if (!q) throw validationFailed('PERIOD_NOT_A_QUARTER', 'Báo cáo bưu chính lập theo quý: từ ngày đầu đến ngày cuối của một quý.', [{ path: 'from', message: 'không phải một quý' }]);
  return q;
}

export async function buildPostalQuarterlyReport(ctx: ServiceContext, p: { readonly from: string; readonly to: string }, progress: (percent: number) => Promise<void>): Promise<{ name: string; contentType: string; bytes: Uint8Array }> {
  const scope = postalStatsScope(ctx);
  const q = checkPostalQuarter(p);
  const period = parsePeriod(p.from, p.to, 92);
  await progress(10);
  const { postOffices, total } = await postalFigures(ctx.db, scope, period);
  await progress(80);
  const scopeName = 'unitPath' in scope ? `đơn vị ${scope.unitPath}` : `bưu cục ${postOffices[0]?.name ?? ''}`.trim();
  const wb = quarterlyReportWorkbook({ ...q, scopeName, issuedAt: ctx.clock.now(), postOffices, total });
  return { name: `bao-cao-bcci-quy-${q.quarter}-${q.year}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await writeSafeXlsx(wb) };
}
