// The steps of an intake (ND 61 art. 17) before its one statement: who may receive on which
// channel, what the request must contain, where the dossier goes (phi địa giới routing), its due
// time, and what an idempotent retry gets back. The use case that runs them is in service.ts.
import { computeDueAt, vnDateOfInstant } from '../calendar';
import { can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import { forbidden, validationFailed, type ErrorDetail } from '../platform/errors';
import { chooseCase, type DurationRule } from '../catalog/cases';
import { procedureForIntake, type ProcedureForIntake } from '../catalog/references';
import { agencyNames, communeByCode, competentAgencyFor, intakePoint, onlineReceivingAgency } from '../directory/references';
import { filingBoundaryProblem } from './filing-boundary';
import type { IntakeRoute } from './intake-draft';
import type { DossierContext, DossierRow } from './events';
import { checkApplicant, checkChannel, checkPapers, ledgerEntry, problemsCode, receiptTime, type Channel, type IntakeInput, type IntakeResult } from './model';
import { validateFormData } from './eform';
import { chooseDelivery, type Delivery } from './delivery';
import { checkParty, type Party } from './party';
import { calendarAround } from './work-calendar';
import { codeUnderKey } from './idempotency';

/**
 * The channels an actor may receive on, the first being their default: the one-stop
 * (`dossiers.receive`) at the counter and by post, a postal worker (`postal.courier`) by post, a
 * citizen (`portal.self`) online.
 */
export function intakeChannels(actor: Actor): Channel[] {
  const options: Channel[] = [];
  if (can(actor, 'dossiers.receive')) options.push('counter', 'postal');
  if (can(actor, 'postal.courier') && !options.includes('postal')) options.push('postal');
  if (can(actor, 'portal.self')) options.push('online');
  return options;
}

export function assertMayReceive(actor: Actor | null): asserts actor is Actor {
  if (actor === null || intakeChannels(actor).length === 0) throw forbidden('FORBIDDEN', 'Bạn không có quyền tiếp nhận hồ sơ.');
}

export function channelFor(actor: Actor, requested: Channel | undefined): Channel {
  const options = intakeChannels(actor);
  const channel = requested ?? options[0];
  if (channel === undefined || !options.includes(channel)) {
    throw forbidden('CHANNEL_NOT_ALLOWED', 'Vai trò của bạn không được tiếp nhận hồ sơ qua kênh này.');
  }
  return channel;
}

/**
 * The procedure in force and the receipt time, or 400 DOSSIER_INVALID listing every problem of
 * the request (applicant, channel, papers, e-form, postal hand-over, result delivery, who is who). A citizen files for themselves only.
 */
export async function validIntake(ctx: DossierContext, actor: Actor, input: IntakeInput, channel: Channel, now: Date, legalReceiptAt?: Date, situationAsked = channel === 'counter'): Promise<{ procedure: ProcedureForIntake; receivedAt: Date | null; rule: DurationRule; delivery: Delivery; party: Party }> {
  const problems: ErrorDetail[] = [];
  checkApplicant(input.applicant, problems);
  // a verified citizen files for their own personal ID only; an unverified account files as itself
  // and sees only what it filed (scope.ts) until a verification ties it to a personal ID
  if (can(actor, 'portal.self') && (actor.scope.kind !== 'self' || (actor.scope.personalId !== null && actor.scope.personalId !== input.applicant.personalId))) {
    throw forbidden('OWN_DOSSIERS_ONLY', 'Bạn chỉ nộp hồ sơ trực tuyến cho chính mình.');
  }
  const procedure = await procedureForIntake(ctx.db, input.procedureCode, vnDateOfInstant(now.getTime()));
  checkChannel(procedure, channel, problems);
  // the counter asks the applicant's situation (web/src/counter PapersStep); a path that does not ask it
  // yet (a bundle's members, the courier's door e-form, online) is checked when it names one
  checkPapers(procedure, input.papers, problems, input.situation ?? (situationAsked ? null : undefined));
  problems.push(...validateFormData(procedure.eformSchema, input.formData));
  const receivedAt = receiptTime(channel, legalReceiptAt, now);
  const delivery = chooseDelivery(input.delivery, channel, procedure, problems);
  const party = checkParty(input.party, input.applicant.personalId, problems);
  const choice = chooseCase(procedure, input.caseKey);
  if (!choice.ok) problems.push({ path: 'caseKey', message: choice.message });
  if (procedure.placeTied && !input.placeUnitCode) {
    problems.push({ path: 'placeUnitCode', message: 'Thủ tục gắn với địa điểm (đất đai, công trình, địa điểm kinh doanh): cần chọn xã, phường nơi có địa điểm.' });
  } else if (!procedure.placeTied && input.placeUnitCode) {
    problems.push({ path: 'placeUnitCode', message: 'Thủ tục này không gắn với địa điểm; bỏ trống xã, phường nơi có địa điểm.' });
  }
  if (problems.length > 0 || !choice.ok) {
    const code = problemsCode(problems, 'DOSSIER_INVALID');
    throw validationFailed(code, code === 'DOSSIER_INVALID' ? 'Hồ sơ chưa hợp lệ, vui lòng kiểm tra lại.' : problems[0]?.message ?? '', problems);
  }
  return { procedure, receivedAt, rule: choice.rule, delivery, party };
}

/**
 * Where the dossier goes: the competent agency from the procedure's competent body and the
 * commune it is decided for — the place's commune for a place-tied procedure, else the
 * applicant's (never a default: directory/references `competentAgencyFor`); the receiving agency
 * is the online one-stop for an online dossier, else the actor's service point, which receives
 * for its own province only (400 APPLICANT_OUTSIDE_PROVINCE), and a procedure not on the "phi địa
 * giới" list only where filing-boundary.ts says (400 FILING_OUTSIDE_BOUNDARY).
 */
export async function routeIntake(ctx: DossierContext, actor: Actor, unitCode: string, procedure: ProcedureForIntake, channel: Channel, day: string, placeUnitCode?: string): Promise<IntakeRoute> {
  const unit = await communeByCode(ctx.db, unitCode, day);
  const place = placeUnitCode ? await communeByCode(ctx.db, placeUnitCode, day, 'placeUnitCode') : null;
  const competent = await competentAgencyFor(ctx.db, procedure, place ?? unit, day, place ? 'placeUnitCode' : 'applicant.unitCode');
  const level = procedure.competentBody?.level ?? procedure.competentLevel;
  if (channel === 'online') {
    return { unit, place, competent, receiving: await onlineReceivingAgency(ctx.db, competent, level, day), servicePointId: null };
  }
  if (actor.scope.kind !== 'servicePoint') throw forbidden('NO_SERVICE_POINT', 'Tài khoản chưa được gắn với điểm phục vụ.');
  const point = await intakePoint(ctx.db, actor.scope.servicePointId, day);
  if (unit.provinceCode !== point.provinceCode || competent.provinceCode !== point.provinceCode) {
    const message = 'Xã, phường của người nộp hồ sơ không thuộc tỉnh, thành phố của điểm tiếp nhận; hồ sơ phải nộp tại điểm tiếp nhận của tỉnh, thành phố nơi cư trú.';
    throw validationFailed('APPLICANT_OUTSIDE_PROVINCE', message, [{ path: 'applicant.unitCode', message }]);
  }
  if (place && place.provinceCode !== point.provinceCode) {
    const message = 'Xã, phường nơi có địa điểm không thuộc tỉnh, thành phố của điểm tiếp nhận.';
    throw validationFailed('PLACE_OUTSIDE_PROVINCE', message, [{ path: 'placeUnitCode', message }]);
  }
  const decided = place ?? unit;
  const outside = filingBoundaryProblem({ procedureCode: procedure.code, filingAnywhere: procedure.filingAnywhere, level }, channel,
    { unitId: point.unitId, atProvincialCentre: point.receivingLevel === 'province' }, { unitId: decided.id, code: decided.code, isPlace: place !== null });
  if (outside) throw validationFailed(outside.code, outside.message, [{ path: outside.path, message: 'không tiếp nhận tại điểm này (thủ tục không phi địa giới)' }]);
  return { unit, place, competent, receiving: point.receivingAgency, servicePointId: point.id };
}

/**
 * The due time from the receipt under the chosen case's processing time (none before an online
 * dossier is received) and the calendar version used.
 */
export async function intakeDueTime(ctx: DossierContext, rule: DurationRule, receivedAt: Date | null): Promise<{ dueAt: Date; calendarVersion: string } | null> {
  if (!receivedAt) return null;
  const cal = await calendarAround(ctx.db, receivedAt);
  const due = computeDueAt(receivedAt.getTime(), { value: rule.durationValue, unit: rule.durationUnit }, cal.calendar, rule.cutoff === null ? undefined : { cutoff: rule.cutoff });
  return { dueAt: new Date(due), calendarVersion: cal.versionTag };
}

export const resultOf = (d: Pick<DossierRow, 'code' | 'status' | 'sync_code' | 'channel' | 'received_at' | 'due_at' | 'calendar_version' | 'procedure_code' | 'ledger_year' | 'ledger_serial'>,
  receiving: string, competent: string, replayed: boolean): IntakeResult => ({
  code: d.code, status: d.status, syncCode: d.sync_code, channel: d.channel, receivedAt: d.received_at?.toISOString() ?? null,
  dueAt: d.due_at?.toISOString() ?? null, calendarVersion: d.calendar_version, procedureCode: d.procedure_code,
  receivingAgency: receiving, competentAgency: competent, ledger: ledgerEntry(d.ledger_year, d.ledger_serial), replayed,
});

async function storedResult(ctx: DossierContext, code: string): Promise<IntakeResult> {
  const d = await ctx.db.selectFrom('dossiers')
    .select(['code', 'status', 'sync_code', 'channel', 'received_at', 'due_at', 'calendar_version', 'procedure_code', 'receiving_agency_id', 'competent_agency_id', 'ledger_year', 'ledger_serial'])
    .where('code', '=', code).executeTakeFirstOrThrow();
  // agency identifiers from the directory's reference read (DESIGN §2), not its table
  const agencies = await agencyNames(ctx.db, [d.receiving_agency_id, d.competent_agency_id]);
  return resultOf(d, agencies.get(d.receiving_agency_id)?.identifier ?? '', agencies.get(d.competent_agency_id)?.identifier ?? '', true);
}

/**
 * The result stored under an idempotency key: the first result when the same request was already
 * done (409 IDEMPOTENCY_KEY_REUSED for another request), null when the key is unknown.
 */
export async function replayOf(ctx: DossierContext, actorId: number, key: string, requestHash: string): Promise<IntakeResult | null> {
  const code = await codeUnderKey(ctx.db, { actorId, key, requestHash });
  return code ? storedResult(ctx, code) : null;
}
