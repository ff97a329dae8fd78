// The dossiers' use cases: intake (ND 61 art. 17) and the processing actions (arts. 18–20) are
// here; the reads (one dossier, the work queue, search, public tracking) are in queries.ts and the
// audit of the hash chains in audit.ts, both re-exported so that this module is the one entry.
// Each use case checks the actor's permission and scope first, then writes the state and its
// hash-chained event (with the outbox row and the hooks) in one transaction.
import { randomBytes } from 'node:crypto';
import { vnDateOfInstant } from '../calendar';
import type { Transaction } from 'kysely';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { type ErrorDetail, conflict, forbidden, invalidTransition, isDomainError, unauthenticated, validationFailed } from '../platform/errors';
import { appendEvent, runHooks, type DossierContext, type DossierRow } from './events';
import { evolve, lifecycleOf, toDerived } from './fold';
import { assertMayReceive, channelFor, intakeDueTime, replayOf, resultOf, routeIntake, validIntake } from './intake';
import { draftIntake, type BundleIntake } from './intake-draft';
import { isUniqueViolation, writeIntake } from './intake-statement';
import { checkIdempotencyKey, keyInUse, requestHashOf } from './idempotency';
import { can } from '../accounts/policy';
import { actionLabels, actionPermissions, checkAction, statusLabels, violationMessages, type Action, type RuleViolation } from './lifecycle';
import { hasNul, normalizedApplicant, paperRecords, type PaperRecord, type Party, type PaymentChannel, type ActionInput, type ActionResult, type IntakeInput, type IntakeResult } from './model';
import { payloadBuilders, type Payload } from './payloads';
import { handoverPayload } from './payloads/forward';
import { dossierNotFound, isDossierInScope, scopedActor } from './scope';
import { withReceiptLedger } from './receive-ledger';

export { assigneesOf, getDossier, getDossierPrintFacts, trackingViewOf } from './queries';
export { searchDossiers, SEARCH_COUNT_CAP } from './search';
// the online inbox and the online share (src/online)
export { channelShare, onlineInbox, INBOX_LIMIT, type ChannelShare, type InboxItem } from './online-reads';
export { queueFilters, workQueue, type QueueFilter, type WorkItem } from './work-queue';
export type { DossierReadContext, HandoffSource, HandoffStep } from './handoffs';
export type { DossierDetail, DossierPrintFacts, QueueItem, TrackingView } from './queries';
export type { SearchFilters, SearchPage } from './search';
export { checkChain, compareWithFold, verifyAudit, verifyChain, type BrokenLink } from './audit';
export { archivedYears, vietnamYear } from './partitions';
// who sees which dossier, for the capabilities that read dossiers in SQL (supervision)
export { isDossierInScope, scopedActor, scopeWhere, type ScopedActor } from './scope';
export { resultPickupFacts, type ResultPickupFacts } from './pickup-facts';
// the dossiers changed in a period, for the national sync's backfill (src/sync/backfill.ts)
export { dossiersChangedBetween, type ChangedDossier } from './changed';
// a dossier's papers and filing, for the document store's hook (src/documents/store-hook.ts)
export { filingOf, papersOf, resultFilesOf, type PaperFile, type ResultFileEvent } from './papers-of';
// bundles (src/bundles, issue 17): the parent's code from the receiving agency's serial, its members' summaries
export { nextDossierCode } from './serials';
export { memberStatuses, memberSummaries, type MemberSummary } from './summaries';
// the one Idempotency-Key mechanism of intake, for a bundle's receipt (src/bundles)
export { claimIdempotencyKey, codeUnderKey, idempotencyClaim, isKeyRace, keyInUse, type IdempotencyClaim } from './idempotency';

// ── Intake ─────────────────────────────────────────────────────────────────────────────────────

/** Receives a dossier (counter, postal, online); a retry with the same idempotency key returns the first result. */
export async function receiveDossier(ctx: DossierContext, input: IntakeInput, idempotencyKey?: string): Promise<IntakeResult> {
  return receive(ctx, input, idempotencyKey, undefined);
}

/**
 * Receives a dossier carried by the post at the hand-over to the agency (src/postal): its legal
 * receipt time is when the hand-over record was signed (QĐ 45/2016/QĐ-TTg art. 7.2), and its due
 * time counts from then on the working calendar. Only the postal capability's hand-over calls this;
 * no HTTP request can set a receipt time (POST /dossiers receives at the server's now).
 */
export async function receivePostalDossier(ctx: DossierContext, input: IntakeInput, handoverSignedAt: Date, idempotencyKey?: string): Promise<IntakeResult> {
  const now = ctx.clock.now().getTime();
  if (Number.isNaN(handoverSignedAt.getTime()) || handoverSignedAt.getTime() > now || handoverSignedAt.getTime() < now - HANDOVER_MAX_AGE_MS) {
    throw validationFailed('HANDOVER_TIME_INVALID', 'Thời điểm ký biên bản giao nhận không hợp lệ (không ở tương lai, không quá 30 ngày).');
  }
  return receive(ctx, { ...input, channel: 'postal' }, idempotencyKey, handoverSignedAt);
}

/**
 * An online submission (issue 15 §2, §3; src/online calls it at submit, src/sync for national
 * submissions): always channel online, status `submitted`. A citizen files for themself; staff who
 * receive dossiers (the one-stop, a postal worker) file for the applicant — `assisted` when the
 * citizen confirmed it by one-time code (the online capability checks that before calling), and
 * the intake event records `assisted: true`.
 */
export async function submitOnlineDossier(ctx: DossierContext, input: IntakeInput, options: OnlineIntakeOptions, idempotencyKey?: string): Promise<IntakeResult> {
  const actor = ctx.actor;
  const staff = actor !== null && (can(actor, 'dossiers.receive') || can(actor, 'postal.courier'));
  if (options.assisted && !staff) {
    throw forbidden('ASSISTED_FILING_NOT_ALLOWED', 'Chỉ nhân viên tiếp nhận hoặc bưu tá được nộp hồ sơ trực tuyến thay người dân.');
  }
  return receive(ctx, { ...input, channel: 'online' }, idempotencyKey, undefined, options);
}

export interface OnlineIntakeOptions {
  readonly assisted: boolean;
  /**
   * The caller's writes that belong to the submission (src/online: the draft marked submitted, its
   * payment moved, the assisted citizen's account): run in the intake's transaction after the
   * intake statement, with the new dossier's code; a failure rolls the dossier back with them.
   * Not run when the idempotency key already made the dossier (the first run did them).
   */
  readonly alongside?: (trx: Transaction<DB>, dossierCode: string, provinceCode: string) => Promise<void>;
}

/** A hand-over record may be entered up to this long after it was signed. */
const HANDOVER_MAX_AGE_MS = 30 * 86_400_000;

async function receive(ctx: DossierContext, input: IntakeInput, idempotencyKey: string | undefined, legalReceiptAt: Date | undefined, online?: OnlineIntakeOptions): Promise<IntakeResult> {
  const actor = ctx.actor;
  assertMayReceive(actor);
  if (idempotencyKey !== undefined) checkIdempotencyKey(idempotencyKey);
  const requestHash = requestHashOf(input);
  try {
    const received = await intake(ctx, actor, input, idempotencyKey, requestHash, legalReceiptAt, online);
    const handedOver = received.replayed ? null : await handOverOnReceipt(ctx, received.code);
    return handedOver ? { ...received, status: handedOver.status, syncCode: handedOver.syncCode } : received;
  } catch (e) {
    // A retry of a request that succeeded earlier but no longer validates (e.g. the procedure
    // changed since) still gets the first result.
    if (idempotencyKey === undefined || !isDomainError(e) || e.kind === 'Conflict') throw e;
    const replay = await replayOf(ctx, actor.userId, idempotencyKey, requestHash);
    if (replay) return replay;
    throw e;
  }
}

async function intake(ctx: DossierContext, actor: Actor, input: IntakeInput, idempotencyKey: string | undefined, requestHash: string, legalReceiptAt: Date | undefined, online: OnlineIntakeOptions | undefined, bundle?: BundleIntake): Promise<IntakeResult> {
  // an online submission through submitOnlineDossier (staff may file one for the applicant)
  const channel = online ? 'online' : channelFor(actor, input.channel);
  const assisted = online?.assisted === true;
  if (hasNul(input)) throw validationFailed('VALIDATION_FAILED', 'Dữ liệu chứa ký tự không hợp lệ.');
  const now = ctx.clock.now();
  const valid = await validIntake(ctx, actor, input, channel, now, legalReceiptAt, channel === 'counter' && bundle === undefined);
  const { procedure, rule, delivery, party } = valid;
  // a held bundle member has no receipt yet: its clock starts when its prerequisite's result is ready
  const receivedAt = bundle?.held === true ? null : valid.receivedAt;
  const route = await routeIntake(ctx, actor, input.applicant.unitCode, procedure, channel, vnDateOfInstant(now.getTime()), input.placeUnitCode);
  const due = await intakeDueTime(ctx, rule, receivedAt);
  const applicant = { ...input.applicant, ...normalizedApplicant(input.applicant) };
  const papers = await checkedPapers(ctx, actor, input, procedure, party, now);
  const draft = draftIntake({
    actor, channel, procedure, route, applicant, papers, formData: input.formData, receivedAt, due, caseKey: rule.caseKey, delivery, party, now,
    ...(input.storeConsent ? { storeConsent: true } : {}),
    // checked against the list by validIntake (a situation for a list without any is refused)
    ...(input.situation !== undefined ? { situation: input.situation } : {}),
    ...(assisted ? { assisted: true } : {}),
    ...(bundle ? { bundle } : {}),
    ...(ctx.codeSystem ? { codeSystem: ctx.codeSystem } : {}),
    randomParts: [randomBytes(12).toString('hex'), randomBytes(12).toString('hex'), randomBytes(12).toString('hex')],
  });
  const hookWrites = (ctx.hooks ?? []).flatMap((h) => h.intakeWrites(draft.event, draft.derived));
  let row: DossierRow | null;
  try {
    const statement = {
      key: idempotencyKey === undefined ? null : { actorId: actor.userId, key: idempotencyKey, requestHash },
      applicant: { ...applicant, unitId: route.unit.id },
      serial: { agencyId: route.receiving.id, day: vnDateOfInstant((receivedAt ?? now).getTime()), codePrefix: draft.codePrefix }, ledger: draft.ledger,
      tokens: draft.tokens, derived: draft.derived, event: draft.event, papers, hookWrites,
    };
    const alongside = online?.alongside;
    row = alongside === undefined ? await writeIntake(ctx.db, statement) : await ctx.db.transaction().execute(async (trx) => {
      const written = await writeIntake(trx, statement);
      if (written) await alongside(trx, written.code, written.province_code);
      return written;
    });
  } catch (e) {
    // a concurrent request with the same key won the race (its intake committed first)
    if (!isUniqueViolation(e, 'idempotency_keys_pkey')) throw e;
    row = null;
  }
  if (row === null) {
    const winner = await replayOf(ctx, actor.userId, idempotencyKey ?? '', requestHash);
    if (winner) return winner;
    throw keyInUse();
  }
  // The event's hash was computed by the statement over the filled-in text, checked on a sample
  // before writing (`motcua audit verify` re-computes every chain).
  return resultOf(row, route.receiving.identifier, route.competent.identifier, false);
}

// ── Bundles (issue 17): the members of a bundle are received in the caller's transaction ─────────

/**
 * Receives one member of a bundle (src/bundles) inside the caller's transaction, with the parent's
 * code in its intake event; `held`: it waits for another member's result (registered, no clock).
 * No hand-over here: the caller hands the members over after its commit (`handOverReceived`).
 */
export async function receiveBundleMember(trx: Transaction<DB>, ctx: DossierContext, input: IntakeInput, bundle: BundleIntake): Promise<IntakeResult> {
  const actor = ctx.actor;
  assertMayReceive(actor);
  const requestHash = requestHashOf(input);
  return intake({ ...ctx, db: trx }, actor, input, undefined, requestHash, undefined, undefined, bundle);
}

/**
 * A held member whose prerequisite's result is ready: received by the system at `ctx.clock.now()`
 * (its clock starts then, on the working calendar), in the caller's transaction (a hook of the
 * prerequisite's action); `facts` (what the prerequisite's result feeds it) join the event.
 */
export async function acceptHeldMember(trx: Transaction<DB>, ctx: DossierContext, code: string, facts: Record<string, unknown>): Promise<ActionResult> {
  const row = await trx.selectFrom('dossiers').selectAll().where('code', '=', code).forUpdate().executeTakeFirstOrThrow();
  if (row.status !== 'submitted') throw invalidTransition('BUNDLE_MEMBER_NOT_HELD', `Hồ sơ ${code} không ở trạng thái chờ tiếp nhận.`);
  const now = ctx.clock.now();
  const inTrx = { ...ctx, db: trx };
  const payload = await payloadBuilders.receive({ ctx: inTrx, row, input: {}, now });
  return writeAction(trx, inTrx, row, 'receive', null, { ...payload, ...facts }, now);
}

/** Hands a just received dossier over where its agency takes dossiers electronically (else null: the clerk forwards it). */
export async function handOverReceived(ctx: DossierContext, code: string): Promise<ActionResult | null> {
  return handOverOnReceipt(ctx, code);
}

/** The papers as recorded, after the other capabilities' checks (400 DOSSIER_INVALID), with the files of reused papers filled in. */
async function checkedPapers(ctx: DossierContext, actor: Actor, input: IntakeInput, procedure: Parameters<typeof paperRecords>[0] & { code: string }, party: Party, now: Date): Promise<PaperRecord[]> {
  const problems: ErrorDetail[] = [];
  const files = new Map<number, number>();
  for (const check of ctx.intakeChecks ?? []) {
    const r = await check(ctx.db, {
      actor, now, procedureCode: procedure.code, requiredPapers: procedure.requiredPapers, applicant: { personalId: input.applicant.personalId },
      organisationTaxCode: party.kind === 'organisation' ? party.taxCode : null, papers: input.papers,
    });
    problems.push(...r.problems);
    for (const [i, f] of r.files ?? []) files.set(i, f);
  }
  if (problems.length > 0) throw validationFailed('DOSSIER_INVALID', 'Hồ sơ chưa hợp lệ, vui lòng kiểm tra lại.', problems);
  return paperRecords(procedure, input.papers.map((p, i) => (files.has(i) ? { ...p, fileId: files.get(i) as number, digitized: true } : p)));
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────────

const ruleError = (v: RuleViolation, action: Action, status: DossierRow['status']) =>
  v === 'ACTION_NOT_ALLOWED_FOR_ROLE'
    ? forbidden(v, violationMessages[v])
    : invalidTransition(v, v === 'INVALID_TRANSITION'
      ? `Không thể "${actionLabels[action]}" khi hồ sơ đang ở trạng thái "${statusLabels[status]}".`
      : violationMessages[v]);

const versionConflict = () => conflict('VERSION_CONFLICT', 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại và thử lại.');

/** Applies one lifecycle action to a dossier. */
export async function performAction(ctx: DossierContext, code: string, action: Action, input: ActionInput = {}): Promise<ActionResult> {
  const actor: Actor | null = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, actionPermissions[action])) {
    throw forbidden('ACTION_NOT_ALLOWED_FOR_ROLE', violationMessages.ACTION_NOT_ALLOWED_FOR_ROLE);
  }
  if (hasNul(input)) throw validationFailed('VALIDATION_FAILED', 'Dữ liệu chứa ký tự không hợp lệ.');
  const now = ctx.clock.now();
  // Scope and rules are checked on a first read so that the payload (which may read the
  // calendar) is built outside the lock; the locked re-read below must find the same version.
  const seen = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  if (!seen || !isDossierInScope(await scopedActor(ctx.db, actor), seen)) throw dossierNotFound(code);
  if (input.expectedVersion !== undefined && input.expectedVersion !== seen.version) throw versionConflict();
  const violation = checkAction(lifecycleOf(seen), action, actor.role);
  if (violation) throw ruleError(violation, action, seen.status);
  const payload = await payloadBuilders[action]({ ctx, row: seen, input, now });
  const result = await commitAction(ctx, seen, action, actor, payload, now);
  // an online dossier accepted by the one-stop goes to the agency's queue at once (ND 61 art. 18.1)
  return action === 'receive' ? (await handOverOnReceipt(ctx, code)) ?? result : result;
}

/**
 * Writes one action's event, the row it folds to, the outbox row and the hooks in one transaction,
 * if the dossier is still at the version the rules were checked on. `actor` null: the system.
 */
async function commitAction(ctx: DossierContext, seen: DossierRow, action: Action, actor: Actor | null, payload: Payload, now: Date): Promise<ActionResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('dossiers').selectAll().where('id', '=', seen.id).forUpdate().executeTakeFirstOrThrow();
    if (row.version !== seen.version) {
      // what happened meanwhile may forbid this action: say so (a second rating from a double
      // submit is ALREADY_RATED, not a version conflict)
      const meanwhile = actor ? checkAction(lifecycleOf(row), action, actor.role) : null;
      if (meanwhile) throw ruleError(meanwhile, action, row.status);
      throw versionConflict();
    }
    // an online dossier accepted at a service point is entered in its receipt ledger (form 01)
    const written = action === 'receive' ? await withReceiptLedger(trx, actor, payload, now, row.province_code) : payload;
    return writeAction(trx, ctx, row, action, actor, written, now);
  });
}

/**
 * Returns several dossiers in ONE transaction (a bundle's results given back together, issue 17
 * §4): each its own `return` event, checked as `performAction` checks one (permission, scope,
 * transition, payload); `alongside` writes the caller's rows in the same transaction. Rows are
 * locked in code order (no deadlock between two such returns).
 */
export function returnTogether(ctx: DossierContext, codes: readonly string[], input: ActionInput, alongside?: (trx: Transaction<DB>) => Promise<void>): Promise<ActionResult[]> {
  return actTogether(ctx, 'return', codes, input, {}, alongside);
}

/**
 * Withdraws several dossiers in ONE transaction (a bundle withdrawn as a whole, issue 17): each its
 * own `withdraw` event carrying `facts` (the bundle's code), checked as `returnTogether` checks.
 */
export function withdrawTogether(ctx: DossierContext, codes: readonly string[], input: ActionInput, facts: Record<string, unknown>, alongside?: (trx: Transaction<DB>) => Promise<void>): Promise<ActionResult[]> {
  return actTogether(ctx, 'withdraw', codes, input, facts, alongside);
}

async function actTogether(ctx: DossierContext, action: 'return' | 'withdraw', codes: readonly string[], input: ActionInput, facts: Record<string, unknown>, alongside?: (trx: Transaction<DB>) => Promise<void>): Promise<ActionResult[]> {
  const actor: Actor | null = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, actionPermissions[action])) throw forbidden('ACTION_NOT_ALLOWED_FOR_ROLE', violationMessages.ACTION_NOT_ALLOWED_FOR_ROLE);
  if (hasNul(input)) throw validationFailed('VALIDATION_FAILED', 'Dữ liệu chứa ký tự không hợp lệ.');
  const now = ctx.clock.now();
  const scoped = await scopedActor(ctx.db, actor);
  const checked: { seen: DossierRow; payload: Payload }[] = [];
  for (const code of [...new Set(codes)].sort()) {
    const seen = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
    if (!seen || !isDossierInScope(scoped, seen)) throw dossierNotFound(code);
    const violation = checkAction(lifecycleOf(seen), action, actor.role);
    if (violation) throw ruleError(violation, action, seen.status);
    checked.push({ seen, payload: { ...await payloadBuilders[action]({ ctx, row: seen, input, now }), ...facts } });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const results: ActionResult[] = [];
    for (const { seen, payload } of checked) {
      const row = await trx.selectFrom('dossiers').selectAll().where('id', '=', seen.id).forUpdate().executeTakeFirstOrThrow();
      if (row.version !== seen.version) throw versionConflict();
      results.push(await writeAction(trx, ctx, row, action, actor, payload, now));
    }
    await alongside?.(trx);
    return results;
  });
}

/** The event of an action on a locked row, the row it folds to, the outbox row and the hooks (in the caller's transaction). */
async function writeAction(trx: Transaction<DB>, ctx: DossierContext, row: DossierRow, action: Action, actor: Actor | null, payload: Payload, now: Date): Promise<ActionResult> {
  const event = await appendEvent(trx, row, action, actor, payload, now);
  const { code: _c, ...next } = evolve(toDerived(row), event);
  const updated = await trx.updateTable('dossiers').set({ ...next, form_data: JSON.stringify(next.form_data), applicant_party: next.applicant_party === null ? null : JSON.stringify(next.applicant_party) })
    .where('id', '=', row.id).where('version', '=', row.version).returningAll().executeTakeFirstOrThrow();
  await trx.insertInto('outbox').values({
    kind: `dossier.${action}`, payload: JSON.stringify({ code: row.code, status: updated.status, seq: event.seq }), province_code: row.province_code,
  }).execute();
  await runHooks(trx, ctx.hooks ?? [], event, updated);
  return { code: updated.code, status: updated.status, syncCode: updated.sync_code, version: updated.version, dueAt: updated.due_at?.toISOString() ?? null };
}

/**
 * A fee paid for a dossier that awaits it (nghĩa vụ tài chính): its `paymentReceived`, in the
 * transaction of the receipt (src/payments, wired in src/app.ts). The actor is who took the money
 * (a clerk at the counter) or null — the system — for the payment gateway's notification. The row
 * is locked: of concurrent payments one moves the dossier. Null when the dossier does not await a
 * payment (paid before it was asked: nothing to move).
 */
export async function recordPaymentReceived(trx: Transaction<DB>, ctx: DossierContext, code: string, actor: Actor | null, paymentChannel: PaymentChannel, now: Date): Promise<ActionResult | null> {
  const row = await trx.selectFrom('dossiers').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!row || row.status !== 'awaitingPayment') return null;
  // a clerk who may not record the payment in this dossier's lifecycle takes it for the system
  const by = actor && !checkAction(lifecycleOf(row), 'paymentReceived', actor.role) ? actor : null;
  const payload = await payloadBuilders.paymentReceived({ ctx, row, input: { paymentChannel, note: 'Biên lai thu phí, lệ phí' }, now });
  return writeAction(trx, ctx, row, 'paymentReceived', by, payload, now);
}

/** What the post's hand-over record says of a forwarded dossier's paper handed to the agency. */
export interface PostalHandoverFacts {
  readonly agencyId: number;
  readonly recordNumber: string;
  readonly trackingNumber: string;
  readonly receiverName: string;
}

/**
 * The paper of a dossier its counter forwarded by post (src/postal forward-by-post.ts) handed to the
 * competent agency: the hand-over record's signature is the dossier's `forward` (ND 61 art. 18), in
 * the record's transaction, at the signature — by the system (the courier holds no one-stop
 * permission; the record names who gave and who took). The clerk's list then no longer shows it as
 * waiting for the clerk. Null when it is not `received` any more (the clerk forwarded it already)
 * or the record's agency is not its competent agency (the clerk still has to act).
 */
export async function recordPostalHandover(trx: Transaction<DB>, ctx: DossierContext, code: string, facts: PostalHandoverFacts, now: Date): Promise<ActionResult | null> {
  const row = await trx.selectFrom('dossiers').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!row || row.status !== 'received' || row.competent_agency_id !== facts.agencyId) return null;
  const payload = await handoverPayload(trx, row, false);
  const note = `Bàn giao qua bưu chính: biên bản ${facts.recordNumber}, bưu gửi ${facts.trackingNumber}, người nhận ${facts.receiverName}`;
  return writeAction(trx, ctx, row, 'forward', null, { ...payload, note, byPost: { recordNumber: facts.recordNumber, trackingNumber: facts.trackingNumber, receiverName: facts.receiverName } }, now);
}

/** One uploaded file for one item of the supplement request (form 02). */
export interface SupplementPaper {
  readonly item: string;
  readonly fileId: number;
}

/**
 * The applicant sends online the supplement their online dossier awaits (issue 15 §2; ND 61 arts.
 * 15.3, 19.4): files they uploaded for every item the request (form 02) listed — the supplement is
 * complete only then —, recorded as the dossier's papers with its `supplementReceived` event, by the
 * applicant, in one transaction. The dossier resumes where it was: the one-stop's online inbox
 * (`submitted`, no clock yet) or the agency's queue in appraisal, its clock restarted from zero at
 * the arrival (DOMAIN §1.6). Once: the request is made once, and once sent nothing awaits.
 */
export async function sendOnlineSupplement(ctx: DossierContext, code: string, input: { papers: readonly SupplementPaper[]; note?: string; expectedVersion?: number }): Promise<ActionResult> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'portal.self')) throw forbidden('FORBIDDEN', 'Chỉ người nộp hồ sơ gửi bổ sung trực tuyến.');
  if (hasNul(input)) throw validationFailed('VALIDATION_FAILED', 'Dữ liệu chứa ký tự không hợp lệ.');
  const now = ctx.clock.now();
  const seen = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  if (!seen || !isDossierInScope(await scopedActor(ctx.db, actor), seen)) throw dossierNotFound(code);
  if (seen.channel !== 'online') throw invalidTransition('SUPPLEMENT_NOT_ONLINE', 'Hồ sơ không nộp trực tuyến: vui lòng nộp bổ sung tại nơi đã nộp hồ sơ.');
  if (seen.status !== 'awaitingSupplement') throw invalidTransition('NOT_AWAITING_SUPPLEMENT', 'Hồ sơ không ở trạng thái chờ bổ sung (có thể đã gửi bổ sung).');
  if (input.expectedVersion !== undefined && input.expectedVersion !== seen.version) throw versionConflict();
  const papers = input.papers.map((p) => ({ item: p.item.trim(), fileId: p.fileId }));
  // every item of the request, each with its file(s) (400 naming what is missing or unknown)
  const payload = await payloadBuilders.supplementReceived({ ctx, row: seen, input: { receivedPapers: [...new Set(papers.map((p) => p.item))], ...(input.note ? { note: input.note } : {}) }, now });
  const records = papers.map((p, i) => ({ key: `supplement-${i + 1}`, name: p.item, source: 'uploaded' as const, fileId: p.fileId }));
  const problems: ErrorDetail[] = [];
  // the files are the applicant's own uploads (the documents capability's intake check, wired in src/app.ts)
  for (const check of ctx.intakeChecks ?? []) {
    const r = await check(ctx.db, {
      actor, now, procedureCode: seen.procedure_code, requiredPapers: records.map((r) => ({ key: r.key, name: r.name })),
      applicant: { personalId: seen.personal_id ?? '' }, organisationTaxCode: null, papers: records,
    });
    problems.push(...r.problems);
  }
  if (problems.length > 0) throw validationFailed('SUPPLEMENT_INVALID', 'Giấy tờ bổ sung chưa hợp lệ, vui lòng kiểm tra lại.', problems);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('dossiers').selectAll().where('id', '=', seen.id).forUpdate().executeTakeFirstOrThrow();
    if (row.status !== 'awaitingSupplement') throw invalidTransition('NOT_AWAITING_SUPPLEMENT', 'Hồ sơ không ở trạng thái chờ bổ sung (có thể đã gửi bổ sung).');
    if (row.version !== seen.version) throw versionConflict();
    await trx.insertInto('dossier_papers').values(records.map((r) => ({
      dossier_id: row.id, province_code: row.province_code, dossier_submitted_at: row.submitted_at, paper_key: r.key, name: r.name, originals: 0, copies: 0, source: r.source, file_id: r.fileId, digitized: true,
    }))).execute();
    return writeAction(trx, ctx, row, 'supplementReceived', actor, { ...payload, sentOnline: true, papers: records.map((r) => ({ key: r.key, name: r.name, fileId: r.fileId })) }, now);
  });
}

/**
 * Electronic hand-over (handover.ts): a dossier just received whose competent agency takes dossiers
 * electronically (or an online one) is forwarded by the system, in its own transaction right after
 * the receipt. Null when it stays with the one-stop (paper hand-over: the clerk's "Chuyển đến …").
 * A failure leaves the dossier received — the clerk's list shows it awaiting hand-over and the
 * clerk forwards it — and never undoes the receipt.
 */
async function handOverOnReceipt(ctx: DossierContext, code: string): Promise<ActionResult | null> {
  try {
    const row = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row || row.status !== 'received') return null;
    const payload = await handoverPayload(ctx.db, row, true);
    if (payload.handover !== 'electronic') return null;
    return await commitAction(ctx, row, 'forward', null, payload, ctx.clock.now());
  } catch {
    return null;
  }
}

