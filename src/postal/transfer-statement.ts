// The month's statement of an agency's transfer postage (DOMAIN §5.2 step 13, §5.4): the post
// carries papers between agencies at the sending agency's cost (QĐ 45/2016 art. 16.2), never the
// applicant's, so it bills the agency, once a month, for the transfer legs it collected from it —
// each leg with its collection date, weight and postage as the courier priced it at the collection
// (migration 0245), and the total in đồng. Months and dates are Vietnam time.
//
// Who reads it: the post office's dispatcher (`postal.dispatch`) the legs their post office
// carried, every sending agency; an administrator or supervisor (`reports.read`) the agencies of
// their unit; an agency's officer (`postal.transfer`) their own agency's only — another agency is
// 404, as if it had none.
import { can } from '../accounts/policy';
import { agencyById, agencyRefs, servicePointPlace } from '../directory/references';
import type { ServiceContext } from '../platform/context';
import { forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors';
import { addDays, daysInMonth, isoDateFromYmd, vnMidnightOf, type IsoDate } from '../shared/civil-date';
import type { Zone } from './tariff';

export interface TransferStatementLine {
  readonly trackingNumber: string;
  /** the collection at the sending agency (ISO instant; shown dd/mm/yyyy in Vietnam time) */
  readonly collectedAt: string;
  readonly toAgencyName: string;
  readonly dossierCodes: string[];
  readonly contents: string | null;
  readonly weightGrams: number;
  readonly zone: Zone;
  readonly tariffId: string;
  readonly amountVnd: number;
}

export interface AgencyTransferStatement {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly legs: TransferStatementLine[];
  readonly totalVnd: number;
}

export interface TransferStatement {
  /** yyyy-mm */
  readonly month: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** by agency name; an agency with no priced transfer in the month is not listed */
  readonly agencies: AgencyTransferStatement[];
  readonly totalVnd: number;
}

/** What the reader may see: one post office's legs, a unit's agencies, or one agency. */
type StatementScope =
  | { readonly kind: 'postOffice'; readonly servicePointId: number }
  | { readonly kind: 'unit'; readonly unitPath: string }
  | { readonly kind: 'agency'; readonly agencyId: number };

export function transferStatementScope(ctx: Pick<ServiceContext, 'actor'>): StatementScope {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const scope = actor.scope;
  if (can(actor, 'postal.dispatch') && scope.kind === 'servicePoint') return { kind: 'postOffice', servicePointId: scope.servicePointId };
  if (can(actor, 'reports.read') && scope.kind === 'unit') return { kind: 'unit', unitPath: scope.unitPath };
  if (can(actor, 'postal.transfer') && scope.kind === 'agency') return { kind: 'agency', agencyId: scope.agencyId };
  throw forbidden('FORBIDDEN', 'Bạn không có quyền xem bảng kê cước chuyển hồ sơ.');
}

/** A month `yyyy-mm` → its first and last day (400 `MONTH_INVALID` otherwise). */
export function statementMonth(month: string): { from: IsoDate; to: IsoDate } {
  const m = /^([0-9]{4})-([0-9]{2})$/.exec(month);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  if (!m || mo < 1 || mo > 12 || y < 2000 || y > 2100) {
    throw validationFailed('MONTH_INVALID', 'Tháng không hợp lệ: nhập theo dạng năm-tháng, ví dụ 2026-12.', [{ path: 'month', message: 'yyyy-mm' }]);
  }
  return { from: isoDateFromYmd(y, mo, 1), to: isoDateFromYmd(y, mo, daysInMonth(y, mo)) };
}

/**
 * The statement of `month` (yyyy-mm) for the agencies the reader may see, or for `agencyId` alone
 * (an agency's officer: their own; 404 `AGENCY_NOT_FOUND` for another or one outside the scope).
 */
export async function transferStatement(ctx: ServiceContext, q: { readonly month: string; readonly agencyId?: number }): Promise<TransferStatement> {
  const scope = transferStatementScope(ctx);
  const { from, to } = statementMonth(q.month);
  if (scope.kind === 'agency' && q.agencyId !== undefined && q.agencyId !== scope.agencyId) throw agencyNotFound();
  const agencyId = scope.kind === 'agency' ? scope.agencyId : q.agencyId;
  // the legs alone; the agencies' names and units through the directory's reference read (DESIGN §2)
  let query = ctx.db.selectFrom('postal_legs as l')
    .select(['l.id', 'l.tracking_number', 'l.postage_at', 'l.dossier_codes', 'l.contents', 'l.weight_grams', 'l.postage_zone', 'l.postage_tariff_id', 'l.postage_vnd',
      'l.from_agency_id', 'l.agency_id'])
    .where('l.kind', '=', 'transfer')
    .where('l.postage_at', '>=', new Date(vnMidnightOf(from)))
    .where('l.postage_at', '<', new Date(vnMidnightOf(addDays(to, 1))));
  // each scope names its province (the legs' shard): the post office's, the unit's, the agency's —
  // a transfer is carried by the post office of the sending agency's unit, in its province
  const province = await scopeProvince(ctx, scope);
  if (province) query = query.where('l.province_code', '=', province);
  if (scope.kind === 'postOffice') query = query.where('l.service_point_id', '=', scope.servicePointId);
  if (agencyId !== undefined) query = query.where('l.from_agency_id', '=', agencyId);
  const legs = await query.execute();
  const agencies = await agencyRefs(ctx.db, legs.flatMap((l) => [l.from_agency_id, l.agency_id]).filter((id): id is number => id !== null));
  const rows = legs.flatMap((l) => {
    const from = l.from_agency_id === null ? undefined : agencies.get(l.from_agency_id);
    if (!from || (scope.kind === 'unit' && !from.unitPath.startsWith(scope.unitPath))) return [];
    return [{ ...l, agency_id: from.id, agency_name: from.name, to_agency_name: l.agency_id === null ? null : agencies.get(l.agency_id)?.name ?? null }];
  }).sort((a, b) => a.agency_name.localeCompare(b.agency_name, 'vi') || (a.postage_at?.getTime() ?? 0) - (b.postage_at?.getTime() ?? 0) || a.id - b.id);
  if (agencyId !== undefined && rows.length === 0 && scope.kind !== 'agency' && !(await agencyVisible(ctx, scope, agencyId))) throw agencyNotFound();
  const byAgency = new Map<number, { agencyId: number; agencyName: string; legs: TransferStatementLine[]; totalVnd: number }>();
  for (const r of rows) {
    // the migration's check keeps a priced leg's columns together; a row without them is not priced
    if (r.postage_at === null || r.weight_grams === null || r.postage_zone === null || r.postage_tariff_id === null || r.postage_vnd === null) continue;
    const entry = byAgency.get(r.agency_id) ?? { agencyId: r.agency_id, agencyName: r.agency_name, legs: [], totalVnd: 0 };
    entry.legs.push({
      trackingNumber: r.tracking_number, collectedAt: r.postage_at.toISOString(), toAgencyName: r.to_agency_name ?? '', dossierCodes: r.dossier_codes,
      contents: r.contents, weightGrams: r.weight_grams, zone: r.postage_zone, tariffId: r.postage_tariff_id, amountVnd: r.postage_vnd,
    });
    entry.totalVnd += r.postage_vnd;
    byAgency.set(r.agency_id, entry);
  }
  const statements = [...byAgency.values()];
  return { month: q.month, from, to, agencies: statements, totalVnd: statements.reduce((sum, a) => sum + a.totalVnd, 0) };
}

/** The province of the reader's scope, or null for the whole country (a system administrator's '/'). */
async function scopeProvince(ctx: ServiceContext, scope: StatementScope): Promise<string | null> {
  if (scope.kind === 'unit') return /^\/([0-9]+)\//.exec(scope.unitPath)?.[1] ?? null;
  if (scope.kind === 'postOffice') return (await servicePointPlace(ctx.db, scope.servicePointId))?.provinceCode ?? null;
  return (await agencyById(ctx.db, scope.agencyId))?.provinceCode ?? null;
}

const agencyNotFound = () => notFound('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.');

/** Whether an agency asked for with no legs in the month is one the reader may ask about (else 404, as one that does not exist). */
async function agencyVisible(ctx: ServiceContext, scope: StatementScope, agencyId: number): Promise<boolean> {
  const agency = await agencyById(ctx.db, agencyId);
  if (!agency) return false;
  if (scope.kind === 'unit') return agency.unitPath.startsWith(scope.unitPath);
  if (scope.kind === 'agency') return agency.id === scope.agencyId;
  // a post office bills the agencies whose transfers it carried: any of its legs, of any month
  const carried = await ctx.db.selectFrom('postal_legs').select('id').where('kind', '=', 'transfer').where('from_agency_id', '=', agencyId)
    .where('service_point_id', '=', scope.servicePointId).limit(1).executeTakeFirst();
  return carried !== undefined;
}
