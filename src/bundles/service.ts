// The bundles' use cases (issue 17 §2): receive a bundle at the counter — one parent coded by the
// receiving agency's serial and one member dossier per member procedure, all with their events in
// ONE transaction — and read a parent with its members. A member that waits for another's result is
// registered without a clock; hook.ts starts it when that result is ready.
import { can } from '../accounts/policy';
import { computeDueAt, vnDateOfInstant } from '../calendar';
import { calendarVersionTag, loadWorkCalendar } from '../calendar/store';
import { procedureForIntake } from '../catalog/references';
import { intakePoint } from '../directory/references';
import type { DossierContext } from '../dossiers/events';
import { claimIdempotencyKey, codeUnderKey, handOverReceived, idempotencyClaim, isKeyRace, keyInUse, memberSummaries, nextDossierCode, receiveBundleMember, type IdempotencyClaim, type MemberSummary } from '../dossiers/service';
import type { ApplicantInput, DeliveryInput, PaperInput } from '../dossiers/model';
import type { Status } from '../dossiers/lifecycle';
import type { Actor } from '../platform/actor';
import { forbidden, notFound, unauthenticated, validationFailed, type ErrorDetail } from '../platform/errors';
import { aggregateBundle, type BundleState } from './aggregate';
import { combineForms, memberForm, unknownFields, type CombinedForm, type FormSchema } from './combined-form';
import { bundleDefinitions } from './definitions';
import { memberRefusals, type GuardedAction, type Refusal } from './member-actions';
import { definitionInForce, startOrder, type BundleDefinition } from './model';
import { isBackFromPost } from './returns';
import { checkReturnChoice, choiceOfRow, choiceStillOpen, defaultReturnChoice, postalReturnProblem, returnableMembers, type ReturnChoice, type Returnable } from './return-choice';

export interface BundleIntakeInput {
  /** the bundle's national code (e.g. 2.002621) */
  readonly bundleCode: string;
  readonly applicant: ApplicantInput;
  /** the combined e-form: each field once */
  readonly formData: Record<string, unknown>;
  /** the papers of each member, by member key */
  readonly papers: Readonly<Record<string, readonly PaperInput[]>>;
  /**
   * The applicant's situation of each member whose paper list is published by situation (1.004222 in
   * the birth bundle; catalog/situations.ts), by member key: checked with the member's papers as at the
   * counter. A member without one is not asked yet (the bundle screen does not ask it).
   */
  readonly situations?: Readonly<Record<string, string>>;
  readonly delivery?: DeliveryInput;
  /** the applicant consents to keep their digitized papers in their document store (DOMAIN §10.3), recorded as the single intake does */
  readonly storeConsent?: boolean;
  /** how the results go back (issue 17 §4); without it each as it comes, at the counter (or as `delivery` says) */
  readonly returnChoice?: { readonly timing: string; readonly place: string; readonly address?: string };
}

export interface BundleMemberView {
  readonly key: string;
  readonly name: string;
  readonly waitsFor: string | null;
  readonly startedAt: Date | null;
  readonly fed: Record<string, unknown> | null;
  readonly dossier: MemberSummary;
  /** the members not started yet that wait for this one's result (dossier codes) */
  readonly waitedOnBy: readonly string[];
  /** what a person may not do to this member by hand now, and why (member-actions.ts, the hook's rule) */
  readonly refusals: readonly (Refusal & { readonly action: GuardedAction })[];
}

export interface BundleView {
  readonly code: string;
  readonly definition: { readonly code: string; readonly name: string; readonly effectiveFrom: string; readonly legalBasis: string; readonly lead: string };
  readonly applicantName: string;
  readonly receivedAt: Date;
  readonly statutoryDueAt: Date | null;
  readonly state: BundleState;
  readonly returnChoice: ReturnChoice;
  /** the member dossiers (codes) returnable now under the choice, and those the others wait for (together) */
  readonly returnable: Returnable;
  /** something is left to return, so the applicant's choice may still change (`setReturnChoice`) */
  readonly returnChoiceOpen: boolean;
  /** chosen by post, the one parcel came back to the agency undelivered: its members are returned at the counter now */
  readonly backFromPost: boolean;
  readonly members: readonly BundleMemberView[];
}

// what counts a bundle once among the dossiers filed in a period (src/online's panel)
export { bundleMembersBeyondFirst } from './submissions';

const bundleNotFound = (code: string) => notFound('BUNDLE_NOT_FOUND', `Không tìm thấy hồ sơ liên thông ${code}.`);

/** The definition in force on a day with its members' catalogue e-forms and the combined form. */
export async function bundleForm(db: DossierContext['db'], code: string, day: string): Promise<{ definition: BundleDefinition; form: CombinedForm; schemas: Map<string, FormSchema>; postalAllowed: Map<string, boolean> }> {
  const definition = definitionInForce(bundleDefinitions, code, day);
  if (!definition) throw validationFailed('BUNDLE_UNKNOWN', `Không có nhóm thủ tục liên thông mã ${code} có hiệu lực ngày ${day}.`, [{ path: 'bundleCode', message: 'Mã nhóm thủ tục liên thông không có hoặc chưa có hiệu lực.' }]);
  const schemas = new Map<string, FormSchema>();
  const postalAllowed = new Map<string, boolean>();
  for (const m of definition.members) {
    const procedure = await procedureForIntake(db, m.procedureCode, day);
    schemas.set(m.key, procedure.eformSchema as FormSchema);
    postalAllowed.set(m.key, procedure.postalAllowed);
  }
  return { definition, form: combineForms(definition.members.map((m) => ({ key: m.key, schema: schemas.get(m.key) ?? {} }))), schemas, postalAllowed };
}

/** What a receipt answers: the parent's code and each member as received (in start order). */
export interface BundleReceipt {
  readonly code: string;
  readonly statutoryDueAt: Date | null;
  readonly members: readonly { readonly key: string; readonly code: string; readonly status: Status; readonly syncCode: number; readonly dueAt: string | null; readonly competentAgency: string }[];
  /** true when this is the bundle an earlier request with the same Idempotency-Key made (nothing written) */
  readonly replayed: boolean;
}

/**
 * Receives a bundle at the counter: the parent and every member, with their events, in one
 * transaction. With an Idempotency-Key (the intake's one mechanism, dossiers/idempotency.ts) a
 * retry of the same request returns the bundle the first made and writes nothing; the same key
 * with another request is 409 IDEMPOTENCY_KEY_REUSED.
 */
export async function receiveBundle(ctx: DossierContext, input: BundleIntakeInput, idempotencyKey?: string): Promise<BundleReceipt> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'dossiers.receive') || actor.scope.kind !== 'servicePoint') throw forbidden('BUNDLE_COUNTER_ONLY', 'Chỉ bộ phận tiếp nhận tại quầy được nhận hồ sơ liên thông.');
  const point = actor.scope;
  const claim = idempotencyKey === undefined ? null : idempotencyClaim(actor.userId, idempotencyKey, input);
  const earlier = claim ? await codeUnderKey(ctx.db, claim) : null;
  if (earlier) return storedReceipt(ctx, earlier);
  try {
    return await receiveNew(ctx, actor, point, input, claim);
  } catch (e) {
    // a concurrent request with the same key committed first: its bundle
    if (!claim || !isKeyRace(e)) throw e;
    const winner = await codeUnderKey(ctx.db, claim);
    if (winner) return storedReceipt(ctx, winner);
    throw keyInUse();
  }
}

async function receiveNew(ctx: DossierContext, actor: Actor, scope: Extract<Actor['scope'], { kind: 'servicePoint' }>, input: BundleIntakeInput, claim: IdempotencyClaim | null): Promise<BundleReceipt> {
  const { servicePointId, unitPath } = scope;
  const now = ctx.clock.now();
  const day = vnDateOfInstant(now.getTime());
  const { definition, form, schemas, postalAllowed } = await bundleForm(ctx.db, input.bundleCode, day);
  const { choice, delivery, problems: choiceProblems } = returnChoiceOf(input, definition, postalAllowed);
  const problems: ErrorDetail[] = [
    ...choiceProblems,
    ...unknownFields(form, input.formData).map((f) => ({ path: `formData.${f}`, message: 'Trường này không thuộc tờ khai của nhóm thủ tục.' })),
    ...Object.keys(input.papers).filter((k) => !definition.members.some((m) => m.key === k)).map((k) => ({ path: `papers.${k}`, message: 'Không có thủ tục thành phần này trong nhóm.' })),
    ...Object.keys(input.situations ?? {}).filter((k) => !definition.members.some((m) => m.key === k)).map((k) => ({ path: `situations.${k}`, message: 'Không có thủ tục thành phần này trong nhóm.' })),
  ];
  if (problems.length > 0) throw validationFailed('BUNDLE_INVALID', 'Hồ sơ liên thông chưa hợp lệ, vui lòng kiểm tra lại.', problems);
  const point = await intakePoint(ctx.db, servicePointId, day);
  const statutory = await statutoryDue(ctx.db, definition, now);
  const order = startOrder(definition.members) ?? [];
  const written = await ctx.db.transaction().execute(async (trx) => {
    // the point's province is its members' (the intake refuses a point of another province): the bundle's sharding key
    const provinceCode = point.provinceCode;
    const code = await nextDossierCode(trx, { provinceCode, agencyId: point.receivingAgency.id, agencyIdentifier: point.receivingAgency.identifier, at: now, ...(ctx.codeSystem ? { codeSystem: ctx.codeSystem } : {}) });
    const members: (BundleReceipt['members'][number])[] = [];
    for (const m of order) {
      const r = await receiveBundleMember(trx, ctx, {
        procedureCode: m.procedureCode, applicant: input.applicant, papers: input.papers[m.key] ?? [],
        ...(input.situations?.[m.key] !== undefined ? { situation: input.situations[m.key] } : {}),
        formData: memberForm(schemas.get(m.key) ?? {}, input.formData), ...(delivery ? { delivery } : {}),
        // the applicant's consent once for the bundle: each member's intake records it as the single intake does (the store keeps one)
        ...(input.storeConsent ? { storeConsent: true } : {}),
      }, {
        code, held: m.waitsFor !== null, first: members.length === 0,
        // the start order puts a prerequisite first: its code is known here
        ...(m.waitsFor !== null ? { waitsFor: members.find((x) => x.key === m.waitsFor)?.code ?? '' } : {}),
      });
      members.push({ ...r, key: m.key });
    }
    const ids = await trx.selectFrom('dossiers').select(['id', 'code']).where('code', 'in', members.map((m) => m.code)).execute();
    const parent = await trx.insertInto('bundles').values({
      code, province_code: provinceCode, definition_code: definition.code, definition_from: definition.effectiveFrom, receiving_agency_id: point.receivingAgency.id,
      service_point_id: point.id, personal_id: input.applicant.personalId, applicant_name: input.applicant.name.trim(),
      unit_path: unitPath, received_at: now, statutory_due_at: statutory?.dueAt ?? null, calendar_version: statutory?.versionTag ?? null,
      form_data: JSON.stringify(input.formData), created_by: actor.userId,
      return_timing: choice.timing, return_place: choice.place, return_address: choice.address,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('bundle_members').values(order.map((m, position) => {
      const member = members[position];
      const id = ids.find((r) => r.code === member?.code)?.id ?? 0;
      return { bundle_id: parent.id, province_code: provinceCode, member_key: m.key, position, dossier_id: id, dossier_code: member?.code ?? '', waits_for: m.waitsFor, started_at: m.waitsFor === null ? now : null, fed: null };
    })).execute();
    await trx.insertInto('audit_log').values({
      province_code: provinceCode, actor_id: actor.userId, actor_name: actor.fullName, action: 'bundle.receive', entity: 'bundle', entity_key: code,
      payload: JSON.stringify({ definition: definition.code, effectiveFrom: definition.effectiveFrom, returnChoice: choice, members: members.map((m) => ({ key: m.key, code: m.code, status: m.status })) }),
    }).execute();
    if (claim) await claimIdempotencyKey(trx, claim, code);
    return { code, members };
  });
  // the members whose agencies take dossiers electronically go to them at once (ND 61 art. 18)
  const members = [];
  for (const m of written.members) {
    const handed = m.status === 'received' ? await handOverReceived(ctx, m.code) : null;
    members.push(handed ? { ...m, status: handed.status, syncCode: handed.syncCode } : m);
  }
  return { code: written.code, members, statutoryDueAt: statutory?.dueAt ?? null, replayed: false };
}

/** The receipt of a bundle made earlier (an idempotent retry): its members as they stand now. */
async function storedReceipt(ctx: DossierContext, code: string): Promise<BundleReceipt> {
  const parent = await ctx.db.selectFrom('bundles').select(['id', 'statutory_due_at']).where('code', '=', code).executeTakeFirstOrThrow();
  const rows = await ctx.db.selectFrom('bundle_members').select(['member_key', 'dossier_code']).where('bundle_id', '=', parent.id).orderBy('position').execute();
  const summaries = ctx.actor ? await memberSummaries(ctx.db, ctx.actor, rows.map((r) => r.dossier_code)) : [];
  const members = rows.flatMap((r) => {
    const d = summaries.find((s) => s.code === r.dossier_code);
    return d ? [{ key: r.member_key, code: d.code, status: d.status, syncCode: d.syncCode, dueAt: d.dueAt?.toISOString() ?? null, competentAgency: d.competentAgency.identifier }] : [];
  });
  return { code, statutoryDueAt: parent.statutory_due_at, members, replayed: true };
}

/**
 * The applicant's choice of return and the delivery each member records (form 01 item 6): from
 * `returnChoice`; else from a plain `delivery` (each as it comes, where it says); else each as it
 * comes at the counter. Post only where every member's procedure allows it, naming the one that does not.
 */
function returnChoiceOf(input: BundleIntakeInput, definition: BundleDefinition, postalAllowed: Map<string, boolean>): { choice: ReturnChoice; delivery: DeliveryInput | undefined; problems: ErrorDetail[] } {
  if (input.returnChoice && input.delivery) {
    return { choice: defaultReturnChoice, delivery: undefined, problems: [{ path: 'delivery', message: 'Hình thức nhận kết quả của hồ sơ liên thông ghi ở returnChoice, không ghi delivery.' }] };
  }
  if (!input.returnChoice) {
    const d = input.delivery;
    return { choice: d?.method === 'post' ? { timing: 'asReady', place: 'post', address: d.address?.trim() ?? '' } : defaultReturnChoice, delivery: d, problems: [] };
  }
  const { choice, problems } = checkReturnChoice(input.returnChoice);
  if (choice.place === 'post') {
    const problem = postalReturnProblem(definition.members.map((m) => ({ key: m.key, name: m.name, procedureCode: m.procedureCode, postalAllowed: postalAllowed.get(m.key) ?? false })));
    if (problem) problems.push(problem);
  }
  const delivery: DeliveryInput = choice.place === 'post' ? { method: 'post', address: choice.address ?? '' } : { method: 'counter' };
  return { choice, delivery, problems };
}

/** The bundle's own limit (where the decree sets one) from its receipt, on the working calendar. */
async function statutoryDue(db: DossierContext['db'], definition: BundleDefinition, at: Date): Promise<{ dueAt: Date; versionTag: string } | null> {
  if (!definition.duration) return null;
  const year = Number(vnDateOfInstant(at.getTime()).slice(0, 4));
  const loaded = await loadWorkCalendar(db, { fromYear: year - 1, toYear: year + 1 });
  const due = computeDueAt(at.getTime(), { value: definition.duration.value, unit: definition.duration.unit }, loaded.calendar, { cutoff: '15:00' });
  return { dueAt: new Date(due), versionTag: calendarVersionTag(loaded.versions) };
}

/** A parent with its members; visible to whoever may see one of its members (404 otherwise). */
export async function getBundle(ctx: DossierContext, code: string): Promise<BundleView> {
  const actor: Actor | null = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'dossiers.read') && !can(actor, 'portal.self')) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem hồ sơ.');
  const parent = await ctx.db.selectFrom('bundles').selectAll().where('code', '=', code).executeTakeFirst();
  if (!parent) throw bundleNotFound(code);
  const rows = await ctx.db.selectFrom('bundle_members').selectAll().where('bundle_id', '=', parent.id).orderBy('position').execute();
  const summaries = await memberSummaries(ctx.db, actor, rows.map((r) => r.dossier_code));
  if (!summaries.some((s) => s.visible)) throw bundleNotFound(code);
  const definition = bundleDefinitions.find((d) => d.code === parent.definition_code && d.effectiveFrom === parent.definition_from);
  if (!definition) throw new Error(`bundle ${code}: definition ${parent.definition_code}@${parent.definition_from} is gone`);
  const members = rows.flatMap((r): BundleMemberView[] => {
    const dossier = summaries.find((s) => s.code === r.dossier_code);
    const m = definition.members.find((d) => d.key === r.member_key);
    if (!dossier || !m) return [];
    // held: not started and still registered (a waiting member withdrawn with its bundle never starts, and waits no more)
    const held = (row: typeof r) => row.waits_for !== null && row.started_at === null && summaries.find((s) => s.code === row.dossier_code)?.status === 'submitted';
    const waitedOnBy = rows.filter((w) => w.waits_for === r.member_key && held(w)).map((w) => w.dossier_code);
    const waiting = held(r);
    return [{ key: r.member_key, name: m.name, waitsFor: r.waits_for, startedAt: r.started_at, fed: r.fed, dossier, waitedOnBy, refusals: memberRefusals(r.dossier_code, code, { waiting, waitedOnBy }) }];
  });
  const state = aggregateBundle(definition.members, members.map((m) => ({ key: m.key, status: m.dossier.status, dueAt: m.dossier.dueAt?.getTime() ?? null, supplementItems: m.dossier.supplementItems })));
  const returnChoice = choiceOfRow(parent);
  const returnable = returnableMembers(returnChoice.timing, members.map((m) => ({ key: m.dossier.code, status: m.dossier.status })));
  return {
    code, definition: { code: definition.code, name: definition.name, effectiveFrom: definition.effectiveFrom, legalBasis: definition.legalBasis, lead: definition.lead },
    applicantName: parent.applicant_name, receivedAt: parent.received_at, statutoryDueAt: parent.statutory_due_at, state, members,
    returnChoice, returnable, returnChoiceOpen: choiceStillOpen(members.map((m) => m.dossier)),
    backFromPost: returnChoice.place === 'post' && await isBackFromPost(ctx.db, returnable.now),
  };
}

/** The bundle (parent code) a dossier belongs to, if any (for a member's page). */
export async function bundleOfDossier(db: DossierContext['db'], dossierCode: string): Promise<string | null> {
  const row = await db.selectFrom('bundle_members as m').innerJoin('bundles as b', 'b.id', 'm.bundle_id').select('b.code').where('m.dossier_code', '=', dossierCode).executeTakeFirst();
  return row?.code ?? null;
}
