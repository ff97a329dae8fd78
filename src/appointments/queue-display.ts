// What the waiting room's display shows (issue 14 §4): the tickets called last, each with its
// counter and the sentence it says aloud, and how many wait. Public by service point code: it
// carries no name, no ID, no phone — only numbers and counters. And the queue's figures for the
// reports: average wait and the share called within 15 minutes, per service point, in scope.
import { assertCan } from '../accounts/policy';
import { servicePointCodes, servicePointPlaceByCode } from '../directory/references';
import type { Clock } from '../platform/clock';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import { notFound, validationFailed } from '../platform/errors';
import { parseIsoDate, vnDateOfInstant } from '../shared/civil-date';
import { callAnnouncement, queueFigures, ticketLabel, type QueueFigures } from './queue-model';

export interface DisplayCall {
  readonly id: number;
  readonly label: string;
  readonly counterName: string;
  readonly calledAt: string;
  /** 1 at the first call, more at each recall: the display chimes and speaks again when it grows */
  readonly callCount: number;
  readonly announcement: string;
}

export interface DisplayBoard {
  readonly servicePointCode: string;
  readonly servicePointName: string;
  readonly day: string;
  /** the called tickets still being served, the latest call first (at most 8) */
  readonly calls: DisplayCall[];
  readonly waiting: number;
}

const BOARD_SIZE = 8;

export async function displayBoard(deps: { readonly db: Database; readonly clock: Clock }, servicePointCode: string): Promise<DisplayBoard> {
  const place = await servicePointPlaceByCode(deps.db, servicePointCode);
  if (!place) throw notFound('SERVICE_POINT_NOT_FOUND', 'Không tìm thấy điểm phục vụ này.');
  const day = vnDateOfInstant(deps.clock.now().getTime());
  // the point's province too: a router query once queue_tickets is distributed by province (docs/scale.md)
  const base = deps.db.selectFrom('queue_tickets').where('province_code', '=', place.provinceCode).where('service_point_id', '=', place.id).where('day', '=', day);
  const [called, waiting] = await Promise.all([
    base.select(['id', 'number', 'kind', 'counter_name', 'last_called_at', 'call_count']).where('status', '=', 'called')
      .orderBy('last_called_at', 'desc').limit(BOARD_SIZE).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'waiting').executeTakeFirstOrThrow(),
  ]);
  return {
    servicePointCode: place.code, servicePointName: place.name, day, waiting: Number(waiting.n),
    calls: called.map((t) => {
      const counterName = t.counter_name ?? 'quầy';
      return {
        id: t.id, label: ticketLabel(t), counterName, calledAt: (t.last_called_at ?? new Date(0)).toISOString(), callCount: t.call_count,
        announcement: callAnnouncement(t, counterName),
      };
    }),
  };
}

export interface QueueReport {
  readonly from: string;
  readonly to: string;
  readonly total: QueueFigures;
  readonly servicePoints: (QueueFigures & { readonly servicePointCode: string })[];
}

/** Waiting and service figures of the period (Vietnam days, both ends included) in the actor's scope. */
export async function queueReport(ctx: ServiceContext, period: { readonly from: string; readonly to: string }): Promise<QueueReport> {
  assertCan(ctx.actor, 'reports.read');
  const actor = ctx.actor;
  const from = parseIsoDate(period.from);
  const to = parseIsoDate(period.to);
  if (!from || !to || from > to) throw validationFailed('PERIOD_INVALID', 'Khoảng thời gian không hợp lệ.', [{ path: 'from', message: 'từ ngày phải trước đến ngày' }]);
  let q = ctx.db.selectFrom('queue_tickets').select(['service_point_id', 'status', 'issued_at', 'booked_at', 'called_at', 'finished_at'])
    .where('day', '>=', from).where('day', '<=', to);
  const scope = actor.scope;
  if (scope.kind === 'unit') q = q.where('unit_path', 'like', `${scope.unitPath}%`);
  else if (scope.kind === 'servicePoint') q = q.where('service_point_id', '=', scope.servicePointId);
  else q = q.where(({ lit }) => lit(false));
  const rows = await q.execute();
  const times = (rs: typeof rows) => queueFigures(rs.map((r) => ({ status: r.status, issuedAt: r.issued_at, bookedAt: r.booked_at, calledAt: r.called_at, finishedAt: r.finished_at })));
  const byPoint = new Map<number, typeof rows>();
  for (const r of rows) byPoint.set(r.service_point_id, [...(byPoint.get(r.service_point_id) ?? []), r]);
  const codes = await servicePointCodes(ctx.db, [...byPoint.keys()]);
  return {
    from, to, total: times(rows),
    servicePoints: [...byPoint.entries()].map(([id, rs]) => ({ servicePointCode: codes.get(id) ?? String(id), ...times(rs) }))
      .sort((a, b) => a.servicePointCode.localeCompare(b.servicePointCode)),
  };
}
