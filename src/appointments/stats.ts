// The appointments' figures for the dashboard (issue 14 §4): the queue's waits (average, share
// called within 15 minutes, no-shows at the counter) and the bookings of the period by channel and
// outcome, in the caller's scope. Read by GET /api/v1/appointments/stats and web/src/dashboard/QueuePanel.tsx.
import type { ServiceContext } from '../platform/context';
import { DAY_MS, vnMidnightOf } from '../shared/civil-date';
import { queueReport } from './queue-display';
import type { QueueFigures } from './queue-model';
import { bookingFigures, type BookingFigures } from './stats-model';

export interface AppointmentStats {
  readonly from: string;
  readonly to: string;
  readonly queue: QueueFigures;
  readonly bookings: BookingFigures;
}

/** The period's figures (Vietnam days, both ends included); `reports.read` in scope (checked by queueReport). */
export async function appointmentStats(ctx: ServiceContext, period: { readonly from: string; readonly to: string }): Promise<AppointmentStats> {
  const queue = await queueReport(ctx, period);
  const scope = ctx.actor?.scope;
  let q = ctx.db.selectFrom('bookings').select(['status', 'channel'])
    .where('starts_at', '>=', new Date(vnMidnightOf(queue.from)))
    .where('starts_at', '<', new Date(vnMidnightOf(queue.to) + DAY_MS));
  if (scope?.kind === 'unit') q = q.where('unit_path', 'like', `${scope.unitPath}%`);
  else if (scope?.kind === 'servicePoint') q = q.where('service_point_id', '=', scope.servicePointId);
  else q = q.where(({ lit }) => lit(false));
  return { from: queue.from, to: queue.to, queue: queue.total, bookings: bookingFigures(await q.execute()) };
}
