// The postal figures for the dashboard (issue 13 §5): `GET /api/v1/postal/stats?from&to` in the
// caller's scope — a supervisor (reports.read) the post offices under their unit, a dispatcher
// (postal.dispatch) their own post office. The figures are figures.ts's.
import { can } from '../accounts/policy';
import type { ServiceContext } from '../platform/context';
import { forbidden, unauthenticated } from '../platform/errors';
import { parsePeriod } from '../platform/period';
import { postalFigures, type PostalScope, type PostOfficeFigures, type PostOfficeRow } from './figures';

/** The longest period the panel reads at once (a year and a day, as the reports). */
export const POSTAL_STATS_MAX_DAYS = 366;

export interface PostalStatsView {
  readonly from: string;
  readonly to: string;
  readonly total: PostOfficeFigures;
  readonly postOffices: PostOfficeRow[];
}

/** The scope of the figures the actor may read (403 otherwise). */
export function postalStatsScope(ctx: Pick<ServiceContext, 'actor'>): PostalScope {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const scope = actor.scope;
  if (can(actor, 'reports.read') && (scope.kind === 'unit' || scope.kind === 'agency')) return { unitPath: scope.unitPath };
  if ((can(actor, 'reports.read') || can(actor, 'postal.dispatch')) && scope.kind === 'servicePoint') return { servicePointId: scope.servicePointId };
  throw forbidden('FORBIDDEN', 'Bạn không có quyền xem số liệu bưu chính.');
}

export async function postalStats(ctx: ServiceContext, q: { readonly from: string; readonly to: string }): Promise<PostalStatsView> {
  const scope = postalStatsScope(ctx);
  const period = parsePeriod(q.from, q.to, POSTAL_STATS_MAX_DAYS);
  const { postOffices, total } = await postalFigures(ctx.db, scope, period);
  return { from: period.from, to: period.to, total, postOffices };
}
