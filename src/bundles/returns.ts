// Returning a bundle's results (issue 17 §4): the plan each member's result follows in the postal
// hook (wired in src/app.ts: none at the counter, its own leg as it comes, or one leg for all once
// every member with a result is ready), the clerk's change of the applicant's choice (audit
// `bundle.returnChoice`), the counter's return of every ready member in one transaction, and the
// counter's list of bundles to return. Bundles never write postal tables: the postal hook does.
import type { Transaction } from 'kysely';
import { can } from '../accounts/policy';
import { procedureForIntake } from '../catalog/references';
import type { DossierContext, DossierRow } from '../dossiers/events';
import { memberStatuses, memberSummaries, returnTogether, workQueue, type MemberSummary } from '../dossiers/service';
import type { ActionResult } from '../dossiers/model';
import type { DB } from '../platform/db/schema';
import { forbidden, invalidTransition, unauthenticated, validationFailed } from '../platform/errors';
import { counterClerk, loadBundle, withPermission } from './clerk';
import { resultsBackAtAgency, type ResultPlan } from '../postal/service';
import { vnDateOfInstant } from '../shared/civil-date';
import { bundleDefinitions } from './definitions';
import { checkReturnChoice, choiceOfRow, choiceStillOpen, postalReturnProblem, returnableMembers, type ReturnChoice, type Returnable } from './return-choice';

const contentsOf = (code: string, n: number) => `Kết quả hồ sơ liên thông ${code} (${n} hồ sơ)`;

/** The plan of a member's result for the postal hook (null: not a bundle's member). Together: the bundle is locked, so that two last results at once make one leg. */
export async function bundleResultPlan(trx: Transaction<DB>, dossier: Pick<DossierRow, 'code'>): Promise<ResultPlan | null> {
  const row = await trx.selectFrom('bundle_members as m').innerJoin('bundles as b', 'b.id', 'm.bundle_id')
    .select(['b.id', 'b.code', 'b.return_timing', 'b.return_place', 'b.return_address', 'b.receiving_agency_id']).where('m.dossier_code', '=', dossier.code).executeTakeFirst();
  if (!row) return null;
  const choice = choiceOfRow(row);
  if (choice.place === 'counter') return { kind: 'none' };
  const address = choice.address ?? '';
  if (choice.timing === 'asReady') return { kind: 'single', address };
  await trx.selectFrom('bundles').select('id').where('id', '=', row.id).forUpdate().execute();
  const members = await trx.selectFrom('bundle_members').select(['member_key', 'dossier_code']).where('bundle_id', '=', row.id).orderBy('position').execute();
  const statuses = await memberStatuses(trx, members.map((m) => m.dossier_code));
  const r = returnableMembers('together', members.flatMap((m) => { const s = statuses.get(m.dossier_code); return s ? [{ key: m.dossier_code, status: s }] : []; }));
  if (r.now.length === 0) return { kind: 'hold' };
  return { kind: 'together', codes: r.now, address, contents: contentsOf(row.code, r.now.length), agencyId: row.receiving_agency_id };
}

/** Every one of these members is on a result leg that came back to the agency undelivered. */
export const isBackFromPost = async (db: DossierContext['db'], codes: readonly string[]): Promise<boolean> =>
  codes.length > 0 && (await resultsBackAtAgency(db, codes)).length === codes.length;

const involvesPost = (a: ReturnChoice, b: ReturnChoice) => a.place === 'post' || b.place === 'post';

/**
 * The clerk changes how the results go back (the applicant asks again): audit `bundle.returnChoice`
 * with the old and new choice. Post only where every member allows it; a change to or from post
 * only while no member has a result (a result leg may already be on its way).
 */
export async function setReturnChoice(ctx: DossierContext, code: string, input: { timing: string; place: string; address?: string }): Promise<ReturnChoice> {
  withPermission(ctx, 'dossiers.receive');
  const b = await loadBundle(ctx.db, code);
  const { actor, summaries } = await counterClerk(ctx, 'dossiers.receive', b);
  const { choice, problems } = checkReturnChoice(input);
  const definition = bundleDefinitions.find((d) => d.code === b.parent.definition_code && d.effectiveFrom === b.parent.definition_from);
  if (choice.place === 'post' && definition) {
    const day = vnDateOfInstant(ctx.clock.now().getTime());
    const members = [];
    for (const m of definition.members) members.push({ key: m.key, name: m.name, procedureCode: m.procedureCode, postalAllowed: (await procedureForIntake(ctx.db, m.procedureCode, day)).postalAllowed });
    const problem = postalReturnProblem(members);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw validationFailed('BUNDLE_RETURN_CHOICE_INVALID', 'Cách nhận kết quả chưa hợp lệ, vui lòng kiểm tra lại.', problems);
  const old = choiceOfRow(b.parent);
  const withResult = summaries.filter((s) => s.status === 'resultReady' || s.status === 'returned');
  if (involvesPost(old, choice) && withResult.length > 0) {
    throw invalidTransition('BUNDLE_RETURN_UNDER_WAY', `Đã có kết quả của hồ sơ ${withResult.map((s) => s.code).join(', ')}: không thể đổi sang hoặc bỏ nhận qua bưu chính.`);
  }
  if (summaries.every((s) => s.status === 'returned')) throw invalidTransition('BUNDLE_RETURNED', 'Hồ sơ liên thông đã trả hết kết quả.');
  if (!choiceStillOpen(summaries)) throw invalidTransition('BUNDLE_NOTHING_TO_RETURN', 'Hồ sơ liên thông không còn kết quả nào để trả (các hồ sơ đã trả, đã rút hoặc kết thúc không có kết quả): không đổi cách trả kết quả.');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('bundles').set({ return_timing: choice.timing, return_place: choice.place, return_address: choice.address }).where('id', '=', b.parent.id).execute();
    await trx.insertInto('audit_log').values({
      province_code: b.parent.province_code, actor_id: actor.userId, actor_name: actor.fullName, action: 'bundle.returnChoice', entity: 'bundle', entity_key: code, payload: JSON.stringify({ from: old, to: choice }),
    }).execute();
  });
  return choice;
}

/**
 * Returns at the counter every member returnable now under the choice (together: all ready ones
 * once none is awaited), each with its own `return` event, all in one transaction with the audit
 * row `bundle.return`. 409 while nothing is returnable (naming what is awaited) or when the choice is
 * post — unless the post's parcel came back to the agency undelivered: then it is returned here too.
 */
export async function returnBundleAtCounter(ctx: DossierContext, code: string, input: { signature: { name: string; signedAt: string }; note?: string }): Promise<{ code: string; returned: ActionResult[] }> {
  withPermission(ctx, 'dossiers.return');
  const b = await loadBundle(ctx.db, code);
  const { actor, summaries } = await counterClerk(ctx, 'dossiers.return', b);
  const choice = choiceOfRow(b.parent);
  const r = returnableMembers(choice.timing, summaries.map((s) => ({ key: s.code, status: s.status })));
  // by post: only once the parcel came back to the agency undelivered (two failed attempts, QĐ 45 art. 10)
  const backFromPost = choice.place === 'post' && await isBackFromPost(ctx.db, r.now);
  if (choice.place === 'post' && !backFromPost) throw invalidTransition('BUNDLE_RETURNS_BY_POST', 'Người nộp đã chọn nhận kết quả qua bưu chính: bưu tá phát kết quả đến địa chỉ đã đăng ký.');
  if (r.now.length === 0) {
    throw invalidTransition('BUNDLE_NOT_RETURNABLE', r.awaited.length > 0 ? `Chưa trả được: còn chờ kết quả của hồ sơ ${r.awaited.join(', ')}.` : 'Không có kết quả nào chờ trả.');
  }
  const returned = await returnTogether(ctx, r.now, { channel: 'counter', signature: input.signature, ...(input.note ? { note: input.note } : {}) }, async (trx) => {
    await trx.insertInto('audit_log').values({
      province_code: b.parent.province_code, actor_id: actor.userId, actor_name: actor.fullName, action: 'bundle.return', entity: 'bundle', entity_key: code, payload: JSON.stringify({ members: r.now, choice, ...(backFromPost ? { backFromPost } : {}) }),
    }).execute();
  });
  return { code, returned };
}

export interface BundleToReturn {
  readonly code: string;
  readonly definitionName: string;
  readonly applicantName: string;
  readonly receivedAt: Date;
  readonly returnChoice: ReturnChoice;
  readonly returnable: Returnable;
  /** chosen by post, the parcel came back to the agency undelivered: returned at the counter now */
  readonly backFromPost: boolean;
  readonly members: readonly { key: string; name: string; dossier: MemberSummary }[];
}

/**
 * The counter's bundles to return (the clerk's service point): those returned together at the
 * counter with something returnable now, and those returned together by post whose parcel came back
 * to the agency undelivered (`backFromPost`); `heldCodes`: the ready members of bundles returned
 * together (counter or post), which the one-by-one list leaves out.
 */
export async function bundlesToReturn(ctx: DossierContext): Promise<{ items: BundleToReturn[]; heldCodes: string[] }> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'dossiers.return') || actor.scope.kind !== 'servicePoint') throw forbidden('FORBIDDEN', 'Chỉ bộ phận trả kết quả tại quầy xem được danh sách này.');
  const ready = (await workQueue(ctx, { filter: 'resultReady', limit: 500 })).items.map((i) => i.code);
  if (ready.length === 0) return { items: [], heldCodes: [] };
  const parents = await ctx.db.selectFrom('bundle_members as m').innerJoin('bundles as b', 'b.id', 'm.bundle_id').select(['b.code'])
    .where('m.dossier_code', 'in', ready).where('b.return_timing', '=', 'together').where('b.service_point_id', '=', actor.scope.servicePointId)
    .distinct().execute();
  const items: BundleToReturn[] = [];
  const heldCodes: string[] = [];
  for (const { code } of parents) {
    const b = await loadBundle(ctx.db, code);
    const summaries = await memberSummaries(ctx.db, actor, b.members.map((m) => m.dossier_code));
    heldCodes.push(...summaries.filter((s) => s.status === 'resultReady').map((s) => s.code));
    const choice = choiceOfRow(b.parent);
    const returnable = returnableMembers(choice.timing, summaries.map((s) => ({ key: s.code, status: s.status })));
    if (returnable.now.length === 0) continue;
    const backFromPost = choice.place === 'post' && await isBackFromPost(ctx.db, returnable.now);
    if (choice.place !== 'counter' && !backFromPost) continue;
    const definition = bundleDefinitions.find((d) => d.code === b.parent.definition_code && d.effectiveFrom === b.parent.definition_from);
    items.push({
      code, definitionName: definition?.name ?? b.parent.definition_code, applicantName: b.parent.applicant_name, receivedAt: b.parent.received_at, returnChoice: choice, returnable, backFromPost,
      members: b.members.flatMap((m) => {
        const dossier = summaries.find((s) => s.code === m.dossier_code);
        return dossier ? [{ key: m.member_key, name: definition?.members.find((d) => d.key === m.member_key)?.name ?? m.member_key, dossier }] : [];
      }),
    });
  }
  return { items: items.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()), heldCodes };
}
