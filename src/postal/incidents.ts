// Incidents and complaints of the postal service (issue 13 §8; TT 17/2017/TT-BTTTT art. 8; QĐ
// 45/2016/QĐ-TTg art. 14): staff of the post office that carries a leg record an item lost,
// damaged or late, or a complaint about the service, as the applicant or an agency reported it; a
// dispatcher resolves it, with the compensation paid (numbered per post office and year). Each
// write is one transaction with its trail event on the leg (`incident`, `incidentResolved`: they
// keep the leg's status). The rules are in incident-rules.ts.
import { can } from '../accounts/policy';
import { loadWorkCalendar } from '../calendar/store';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import { conflict, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors';
import { nextRegisterNumberSql } from '../platform/registers';
import { vnDateOfInstant, type IsoDate } from '../shared/civil-date';
import {
  formatCompensationNumber, incidentKindLabels, incidentProblems, incidentStatusLabels, isTimeBarred, resolutionProblems, resolveBy,
  type IncidentKind, type IncidentReport, type IncidentStatus, type Resolution,
} from './incident-rules';
import { foldTrail, type LegKind } from './model';
import { shipmentNotFound, type PostalStaff } from './scope';
import { parseTrackingNumber } from './tracking-number';
import { appendLegEvent, legTrailEvents, lockLeg } from './trail-store';

/** The compensation records' register among the post office's registers (src/platform/registers.ts). */
export const COMPENSATION_REGISTER = 'postal-compensation';

export interface IncidentView {
  readonly id: number;
  readonly shipmentId: number;
  readonly trackingNumber: string;
  readonly legKind: LegKind;
  readonly procedureName: string;
  readonly applicantName: string;
  readonly dossierCode: string | null;
  readonly kind: IncidentKind;
  readonly kindLabel: string;
  readonly description: string;
  readonly reportedBy: string;
  readonly reporterPhone: string | null;
  readonly reportedAt: string;
  /** the last day to resolve it (TT 17 art. 8), Vietnam date */
  readonly resolveBy: string;
  /** open past its resolve-by date */
  readonly overdue: boolean;
  readonly recordedByName: string;
  readonly status: IncidentStatus;
  readonly statusLabel: string;
  readonly resolution: string | null;
  readonly resolvedAt: string | null;
  readonly resolvedByName: string | null;
  readonly compensation: { readonly number: string; readonly amountVnd: number; readonly recipientName: string; readonly paymentMethod: string } | null;
}

const incidentNotFound = () => notFound('INCIDENT_NOT_FOUND', 'Không tìm thấy sự cố, khiếu nại.');

/** Staff of a post office who carry or dispatch its legs (403 otherwise). */
function incidentStaff(actor: Actor | null, resolving: boolean): PostalStaff {
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const allowed = resolving ? can(actor, 'postal.dispatch') : can(actor, 'postal.dispatch') || can(actor, 'postal.courier');
  if (!allowed) throw forbidden('FORBIDDEN', resolving ? 'Bạn không có quyền giải quyết sự cố, khiếu nại bưu chính.' : 'Bạn không có quyền ghi nhận sự cố bưu chính.');
  if (actor.scope.kind !== 'servicePoint') throw forbidden('NOT_AT_A_SERVICE_POINT', 'Chỉ nhân viên của một bưu cục được thực hiện việc này.');
  return actor as PostalStaff;
}

export interface RecordIncidentInput extends IncidentReport {}

/**
 * Records an incident or complaint on a leg of the actor's post office (404 elsewhere): the report
 * checked, a complaint past its 6-month limitation refused, the resolve-by date from the working
 * calendar; the row and the leg's `incident` event in one transaction.
 */
export async function recordIncident(ctx: ServiceContext, trackingNumber: string, input: RecordIncidentInput): Promise<IncidentView> {
  const staff = incidentStaff(ctx.actor, false);
  const now = ctx.clock.now();
  const n = parseTrackingNumber(trackingNumber);
  const peek = n ? await ctx.db.selectFrom('postal_legs').select(['id', 'service_point_id']).where('tracking_number', '=', n).executeTakeFirst() : undefined;
  if (!peek || peek.service_point_id !== staff.scope.servicePointId) throw shipmentNotFound();
  const problems = incidentProblems(input);
  if (problems.length > 0) throw validationFailed('INCIDENT_INVALID', 'Thông tin sự cố, khiếu nại chưa hợp lệ.', problems);
  const today = vnDateOfInstant(now.getTime());
  const year = Number(today.slice(0, 4));
  const cal = await loadWorkCalendar(ctx.db, { fromYear: year, toYear: year + 1 });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const leg = await lockLeg(trx, { id: peek.id });
    if (!leg) throw shipmentNotFound();
    const trail = foldTrail(await legTrailEvents(trx, leg.id), leg.kind);
    const end = [...trail.entries].reverse().find((e) => e.applied && (e.kind === 'handedOver' || e.kind === 'delivered' || e.kind === 'returnedToAgency'));
    if (isTimeBarred(end ? vnDateOfInstant(Date.parse(end.at)) : null, today)) {
      throw validationFailed('COMPLAINT_TIME_BARRED', 'Đã quá 6 tháng kể từ khi bưu gửi được phát: hết thời hiệu khiếu nại (TT 17/2017 Điều 8).', [{ path: 'trackingNumber', message: 'hết thời hiệu' }]);
    }
    const row = await trx.insertInto('postal_incidents').values({
      shipment_id: leg.shipment_id, province_code: leg.province_code, leg_id: leg.id, tracking_number: leg.tracking_number, service_point_id: leg.service_point_id, unit_path: staff.scope.unitPath,
      kind: input.kind, description: input.description.trim(), reported_by: input.reportedBy.normalize('NFC').trim(),
      reporter_phone: input.reporterPhone?.replace(/[ .]/g, '') ?? null, reported_at: now, resolve_by: resolveBy(cal.calendar, today),
      recorded_by_id: staff.userId, recorded_by_name: staff.fullName, status: 'open',
    }).returning('id').executeTakeFirstOrThrow();
    await appendLegEvent(trx, leg.id, {
      eventId: `incident-${row.id}`, kind: 'incident', at: now, source: 'staff', note: incidentKindLabels[input.kind], payload: { incidentId: row.id, kind: input.kind },
    }, staff, now);
    return row.id;
  });
  return incidentById(ctx, id, now);
}

export interface ResolveIncidentInput extends Resolution {
  readonly compensation?: { readonly amountVnd: number; readonly recipientName: string; readonly paymentMethod: 'cash' | 'transfer' };
}

/**
 * Resolves an open incident of the dispatcher's post office: the resolution, and the compensation
 * paid (a numbered record 0001/BT-2026 in the post office's register of the year); the row and the
 * leg's `incidentResolved` event in one transaction. A second resolution is refused (409).
 */
export async function resolveIncident(ctx: ServiceContext, id: number, input: ResolveIncidentInput): Promise<IncidentView> {
  const staff = incidentStaff(ctx.actor, true);
  const now = ctx.clock.now();
  const peek = await ctx.db.selectFrom('postal_incidents').select(['service_point_id']).where('id', '=', id).executeTakeFirst();
  if (!peek || peek.service_point_id !== staff.scope.servicePointId) throw incidentNotFound();
  const problems = resolutionProblems(input);
  if (problems.length > 0) throw validationFailed('RESOLUTION_INVALID', 'Kết quả giải quyết chưa hợp lệ.', problems);
  const year = Number(vnDateOfInstant(now.getTime()).slice(0, 4));
  await ctx.db.transaction().execute(async (trx) => {
    const incident = await trx.selectFrom('postal_incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (incident.status !== 'open') throw conflict('INCIDENT_ALREADY_RESOLVED', 'Sự cố, khiếu nại này đã được giải quyết.');
    const c = input.compensation;
    let serial: number | null = null;
    if (c) {
      const taken = await nextRegisterNumberSql({ servicePointId: incident.service_point_id, year, register: COMPENSATION_REGISTER, provinceCode: incident.province_code }).execute(trx);
      serial = taken.rows[0]?.last_number ?? null;
      if (serial === null) throw new Error('compensation register: no number taken');
    }
    await trx.updateTable('postal_incidents').set({
      status: 'resolved', resolution: input.resolution.trim(), resolved_at: now, resolved_by_id: staff.userId, resolved_by_name: staff.fullName,
      ...(c && serial !== null ? {
        compensation_vnd: c.amountVnd, compensation_year: year, compensation_number: serial,
        compensation_recipient: c.recipientName.normalize('NFC').trim(), compensation_method: c.paymentMethod,
      } : {}),
    }).where('id', '=', id).execute();
    await lockLeg(trx, { id: incident.leg_id });
    await appendLegEvent(trx, incident.leg_id, {
      eventId: `incidentResolved-${id}`, kind: 'incidentResolved', at: now, source: 'staff', note: incidentKindLabels[incident.kind],
      payload: { incidentId: id, compensationVnd: c?.amountVnd ?? 0, ...(serial !== null ? { compensationNumber: formatCompensationNumber(year, serial) } : {}) },
    }, staff, now);
  });
  return incidentById(ctx, id, now);
}

export interface IncidentFilter {
  readonly status?: IncidentStatus;
  readonly limit?: number;
}

/** The incidents of the actor's post office, newest first. */
export async function listIncidents(ctx: ServiceContext, filter: IncidentFilter = {}): Promise<{ items: IncidentView[] }> {
  const staff = incidentStaff(ctx.actor, false);
  const rows = await incidentRows(ctx)
    .where('i.service_point_id', '=', staff.scope.servicePointId)
    .$if(filter.status !== undefined, (q) => q.where('i.status', '=', filter.status ?? 'open'))
    .orderBy('i.reported_at', 'desc').orderBy('i.id', 'desc').limit(filter.limit ?? 100).execute();
  const today = vnDateOfInstant(ctx.clock.now().getTime());
  return { items: rows.map((r) => incidentView(r, today)) };
}

const incidentRows = (ctx: Pick<ServiceContext, 'db'>) => ctx.db.selectFrom('postal_incidents as i')
  .innerJoin('postal_legs as l', 'l.id', 'i.leg_id').innerJoin('postal_shipments as s', 's.id', 'i.shipment_id')
  .selectAll('i').select(['l.kind as leg_kind', 's.procedure_name', 's.applicant', 's.dossier_code']);

type IncidentRow = Awaited<ReturnType<ReturnType<typeof incidentRows>['executeTakeFirstOrThrow']>>;

async function incidentById(ctx: Pick<ServiceContext, 'db'>, id: number, now: Date): Promise<IncidentView> {
  return incidentView(await incidentRows(ctx).where('i.id', '=', id).executeTakeFirstOrThrow(), vnDateOfInstant(now.getTime()));
}

function incidentView(r: IncidentRow, today: IsoDate): IncidentView {
  const name = (r.applicant as Record<string, unknown>).name;
  return {
    id: r.id, shipmentId: r.shipment_id, trackingNumber: r.tracking_number, legKind: r.leg_kind as LegKind, procedureName: r.procedure_name,
    applicantName: typeof name === 'string' ? name : '', dossierCode: r.dossier_code, kind: r.kind, kindLabel: incidentKindLabels[r.kind],
    description: r.description, reportedBy: r.reported_by, reporterPhone: r.reporter_phone, reportedAt: r.reported_at.toISOString(),
    resolveBy: r.resolve_by, overdue: r.status === 'open' && today > r.resolve_by, recordedByName: r.recorded_by_name,
    status: r.status, statusLabel: incidentStatusLabels[r.status], resolution: r.resolution, resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedByName: r.resolved_by_name,
    compensation: r.compensation_vnd > 0 && r.compensation_year !== null && r.compensation_number !== null
      ? { number: formatCompensationNumber(r.compensation_year, r.compensation_number), amountVnd: r.compensation_vnd, recipientName: r.compensation_recipient ?? '', paymentMethod: r.compensation_method ?? '' }
      : null,
  };
}
