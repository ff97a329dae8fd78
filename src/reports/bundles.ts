// Bundles in the reports (issue 17 §5): a bundle counts ONCE as a submission — the dashboard's count
// of dossiers received with each bundle once is received − its members + its bundles — and each of
// its members per agency for timeliness (early or on time / late against the member's own due time).
// From the roll-ups only (no scan of the dossiers); the 766 indicators keep counting each member,
// which is its own national record.
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { agencyLabels } from '../directory/references';
import type { ServiceContext } from '../platform/context';
import type { HttpApp } from '../platform/http/server';
import { sumRollups, totalsOf } from './queries';
import { BundleFiguresSchema, type BundleFigures } from './schemas';
import { periodOf, scopeOf, type ReportQuery } from './service';

export type { BundleFigures };

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 100);

/** The period's bundle figures in the actor's scope (`reports.read`). */
export async function reportBundles(ctx: ServiceContext, q: ReportQuery): Promise<BundleFigures> {
  const scope = await scopeOf(ctx, q.unit, q.asOf);
  const period = periodOf(q);
  const [rows, agencies] = await Promise.all([sumRollups(ctx.db, scope, period, ['agency_id']), agencyLabels(ctx.db)]);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  let received = 0, bundles = 0, members = 0;
  const byAgency: BundleFigures['byAgency'] = [];
  for (const r of rows) {
    const t = totalsOf(r);
    received += t.received;
    bundles += t.bundles_received;
    members += t.bundle_members_received;
    const decided = t.bundle_members_resolved_on_time + t.bundle_members_resolved_late;
    if (t.bundle_members_received === 0 && decided === 0) continue;
    const agencyId = Number(r.agency_id);
    byAgency.push({
      agencyId, agencyName: names.get(agencyId) ?? String(agencyId), membersReceived: t.bundle_members_received,
      resolvedOnTime: t.bundle_members_resolved_on_time, resolvedLate: t.bundle_members_resolved_late, onTimeShare: pct(t.bundle_members_resolved_on_time, decided),
    });
  }
  byAgency.sort((a, b) => b.membersReceived - a.membersReceived || a.agencyName.localeCompare(b.agencyName, 'vi'));
  return { from: period.from, to: period.to, bundlesReceived: bundles, membersReceived: members, received, receivedCountingBundlesOnce: received - members + bundles, byAgency };
}

const BundleQuery = Type.Object({
  from: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }),
  to: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z@]+$' })),
  asOf: Type.Optional(Type.Union([Type.Literal('was'), Type.Literal('is')])),
}, { additionalProperties: false });

/** `GET /api/v1/reports/bundles` (registered by registerReportRoutes with its lagging reads). */
export function registerBundleReportRoute(app: HttpApp, reads: (request: FastifyRequest) => ServiceContext): void {
  app.get('/api/v1/reports/bundles', {
    schema: { tags: ['reports'], summary: 'Hồ sơ liên thông: tính một lần khi tiếp nhận, đúng hạn/trễ hạn của hồ sơ thành phần theo cơ quan', querystring: BundleQuery, response: { 200: BundleFiguresSchema } },
  }, async (request) => reportBundles(reads(request), request.query));
}
