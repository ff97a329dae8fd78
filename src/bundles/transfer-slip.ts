// "Phiếu chuyển xử lý" of a bundle member (issue 17 §3, ND 61 art. 19.6): who hands the dossier to
// whom (the previous agency, else the one-stop), the task, its allotted time and deadline, electronic
// or on paper, and what the previous result fed it. Printed from the bundle's page; visible to whoever
// may see the bundle among the staff (getBundle's check: 404 otherwise); never the applicant (403).
import type { DossierContext } from '../dossiers/events';
import { formHeaderOf } from '../forms/service';
import { renderTransferSlip, type TransferSlipData } from '../forms';
import { can } from '../accounts/policy';
import { forbidden, notFound, unauthenticated } from '../platform/errors';
import { bundleDefinitions } from './definitions';
import { stepsOfBundle } from './handoffs';
import { getBundle } from './service';

const memberNotFound = (key: string) => notFound('BUNDLE_MEMBER_NOT_FOUND', `Hồ sơ liên thông không có thủ tục thành phần "${key}".`);

/** The slip's data for one member of a bundle. */
export async function transferSlipData(ctx: DossierContext, code: string, memberKey: string): Promise<TransferSlipData> {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  // passed between agencies, like the control slip: not the applicant's
  if (!can(ctx.actor, 'dossiers.read')) throw forbidden('SLIP_NOT_FOR_APPLICANT', 'Phiếu chuyển xử lý là giấy tờ nội bộ giữa các cơ quan, không cấp cho người nộp hồ sơ.');
  const view = await getBundle(ctx, code);
  const member = view.members.find((m) => m.key === memberKey);
  if (!member) throw memberNotFound(memberKey);
  const parent = await ctx.db.selectFrom('bundles').select(['id', 'code', 'definition_code', 'definition_from', 'service_point_id', 'receiving_agency_id', 'unit_path', 'form_data'])
    .where('code', '=', code).executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  const read = await stepsOfBundle(ctx.db, parent, now);
  const step = read.steps.find((s) => s.key === memberKey);
  if (!step) throw memberNotFound(memberKey);
  const definition = bundleDefinitions.find((d) => d.code === parent.definition_code && d.effectiveFrom === parent.definition_from);
  const prerequisite = definition?.members.find((m) => m.key === member.waitsFor);
  const facts = Object.entries(member.fed ?? {}).flatMap(([as, value]) => {
    const label = prerequisite?.feeds.find((f) => f.as === as)?.label ?? as;
    return typeof value === 'string' || typeof value === 'number' ? [`${label}: ${value}`] : [];
  });
  if (member.waitsFor && facts.length === 0) {
    const before = view.members.find((m) => m.key === member.waitsFor);
    if (before) facts.push(`Chờ kết quả của hồ sơ ${before.dossier.code} (${before.name})`);
  }
  const provinceCode = parent.unit_path.split('/').find((s) => s !== '') ?? null;
  const point = read.oneStop;
  const header = await formHeaderOf(ctx, { provinceCode, servicePointCode: null }, step.from, now);
  const address = typeof parent.form_data.address === 'string' ? parent.form_data.address : '';
  return {
    header: { ...header, unitName: step.from }, bundleCode: view.code, bundleName: view.definition.name, code: member.dossier.code,
    applicant: { name: view.applicantName, address, phone: '' },
    from: step.from, to: step.to, lead: view.members.find((m) => m.key === view.definition.lead)?.dossier.competentAgency.name ?? point,
    task: `Giải quyết thủ tục ${step.task}`, mode: step.mode, facts,
    ...(step.allotted ? { allotted: step.allotted } : {}),
    ...(step.dueAt !== null ? { dueAt: new Date(step.dueAt) } : {}),
    ...(step.handedAt !== null ? { handedAt: new Date(step.handedAt) } : {}),
  };
}

/** The slip as PDF bytes (A5). */
export async function transferSlipPdf(ctx: DossierContext, code: string, memberKey: string): Promise<Uint8Array> {
  return renderTransferSlip(await transferSlipData(ctx, code, memberKey));
}
