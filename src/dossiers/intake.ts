// Intake (ND 61 art. 17): validates, computes the due time, then one SQL statement (its own
// transaction, ADR 008) allocates the code and writes the dossier, its papers, the hash-chained
// `received` event, the outbox row and the hooks' writes (the roll-ups). Requests carry an
// idempotency key: a retry returns the first result.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { computeDueAt } from '../calendar';
import { can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { conflict, forbidden, isDomainError, validationFailed, type ErrorDetail } from '../platform/errors';
import { formatDossierCode } from './codes';
import { calendarAround, hasNul, vnDay, type DossierContext } from './context';
import { validateFormData } from './eform';
import { filledBody, intakeEventSql } from './intake-event-sql';
import { canonicalJson, eventHashBody, GENESIS_HASH, nextEvent, normalizePayload, type DerivedIntake, type DossierEvent, type DossierRow, type IntakeWrite } from './events';
import { evolve, type IntakePayload } from './fold';
import type { Status } from './lifecycle';
import { paperRequirement } from '../catalog/model';
import { procedureForIntake, type ProcedureForIntake } from '../catalog/references';
import { agencyNames, communeByCode, competentAgencyFor, intakePoint, onlineReceivingAgency, type AgencyRef } from '../directory/references';

export type Channel = 'counter' | 'online' | 'postal';
export const paperSources = ['scanned', 'uploaded', 'reused', 'national_db', 'prior_result', 'paper'] as const;
export type PaperSource = (typeof paperSources)[number];

export interface PaperInput {
  readonly key: string;
  readonly originals?: number;
  readonly copies?: number;
  readonly source: PaperSource;
  readonly digitized?: boolean;
  readonly fileId?: number;
}

export interface ApplicantInput {
  readonly personalId: string;
  readonly name: string;
  readonly phone: string;
  readonly email?: string;
  readonly birthDate?: string;
  readonly address?: string;
  /** statistics code of the applicant's commune (phi địa giới: decides the competent agency) */
  readonly unitCode: string;
}

export interface IntakeInput {
  readonly procedureCode: string;
  /** default by role: clerk → counter, courier → postal, citizen → online */
  readonly channel?: Channel;
  readonly applicant: ApplicantInput;
  readonly papers: readonly PaperInput[];
  readonly formData: Record<string, unknown>;
  /** postal: when the courier and the agency signed the hand-over record (the legal receipt time) */
  readonly handoverSignedAt?: string;
  /**
   * Kept in the request schema for forward compatibility (F766 `TaiKhoanDuocXacThucVoiVNeID`),
   * but ignored: there is no VNeID integration yet, so a client's claim cannot be trusted and
   * every dossier records `false`. Set it from the VNeID login once one exists, never from the body.
   */
  readonly vneidAuthenticated?: boolean;
}

export interface IntakeResult {
  readonly code: string;
  readonly status: Status;
  readonly syncCode: number;
  readonly channel: Channel;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly calendarVersion: string | null;
  readonly procedureCode: string;
  readonly receivingAgency: string;
  readonly competentAgency: string;
  /** true when this is the stored result of an earlier request with the same idempotency key */
  readonly replayed: boolean;
}

const PERSONAL_ID_RE = /^[0-9]{12}$/;
const PHONE_RE = /^(0|\+84)[0-9]{9,10}$/;
const KEY_RE = /^[\x21-\x7e]{8,128}$/;

function channelFor(actor: Actor, requested: Channel | undefined): Channel {
  const allowed: Record<string, readonly Channel[]> = { clerk: ['counter', 'postal'], courier: ['postal'], citizen: ['online'] };
  const options = allowed[actor.role] ?? [];
  const channel = requested ?? options[0];
  if (channel === undefined || !options.includes(channel)) {
    throw forbidden('CHANNEL_NOT_ALLOWED', 'Vai trò của bạn không được tiếp nhận hồ sơ qua kênh này.');
  }
  return channel;
}

function assertMayReceive(actor: Actor | null): asserts actor is Actor {
  const ok = actor !== null && (
    (actor.role === 'clerk' && can(actor, 'dossiers.receive'))
    || (actor.role === 'courier' && can(actor, 'postal.courier'))
    || (actor.role === 'citizen' && can(actor, 'portal.self')));
  if (!ok) throw forbidden('FORBIDDEN', 'Bạn không có quyền tiếp nhận hồ sơ.');
}

function checkApplicant(a: ApplicantInput, problems: ErrorDetail[]): void {
  if (!PERSONAL_ID_RE.test(a.personalId)) problems.push({ path: 'applicant.personalId', message: 'Số định danh cá nhân phải gồm 12 chữ số.' });
  if (!PHONE_RE.test(a.phone.replace(/[ .]/g, ''))) problems.push({ path: 'applicant.phone', message: 'Số điện thoại không hợp lệ.' });
  const name = a.name.normalize('NFC').trim();
  if (name.length < 2 || name.length > 100 || /[0-9<>{}]/.test(name)) problems.push({ path: 'applicant.name', message: 'Họ và tên không hợp lệ.' });
  if (a.birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(a.birthDate)) problems.push({ path: 'applicant.birthDate', message: 'Ngày sinh phải có dạng YYYY-MM-DD.' });
}

function checkPapers(procedure: ProcedureForIntake, papers: readonly PaperInput[], problems: ErrorDetail[]): void {
  const listed = new Map(procedure.requiredPapers.map((p) => [p.key, p]));
  const seen = new Set<string>();
  for (const [i, p] of papers.entries()) {
    if (!listed.has(p.key)) problems.push({ path: `papers/${i}/key`, message: `Thành phần hồ sơ "${p.key}" không có trong danh mục của thủ tục.` });
    if (seen.has(p.key)) problems.push({ path: `papers/${i}/key`, message: `Thành phần hồ sơ "${p.key}" bị lặp.` });
    seen.add(p.key);
  }
  const missing = procedure.requiredPapers.filter((p) => paperRequirement(p) === 'required' && !seen.has(p.key));
  for (const m of missing) problems.push({ path: 'papers', message: `Thiếu thành phần hồ sơ: ${m.name}` });
}

const resultOf = (d: Pick<DossierRow, 'code' | 'status' | 'sync_code' | 'channel' | 'received_at' | 'due_at' | 'calendar_version' | 'procedure_code'>,
  receiving: string, competent: string, replayed: boolean): IntakeResult => ({
  code: d.code, status: d.status, syncCode: d.sync_code, channel: d.channel, receivedAt: d.received_at?.toISOString() ?? null,
  dueAt: d.due_at?.toISOString() ?? null, calendarVersion: d.calendar_version, procedureCode: d.procedure_code,
  receivingAgency: receiving, competentAgency: competent, replayed,
});

async function storedResult(ctx: DossierContext, code: string): Promise<IntakeResult> {
  const d = await ctx.db.selectFrom('dossiers')
    .select(['code', 'status', 'sync_code', 'channel', 'received_at', 'due_at', 'calendar_version', 'procedure_code', 'receiving_agency_id', 'competent_agency_id'])
    .where('code', '=', code).executeTakeFirstOrThrow();
  // agency identifiers from the directory's reference read (DESIGN §2), not its table
  const agencies = await agencyNames(ctx.db, [d.receiving_agency_id, d.competent_agency_id]);
  return resultOf(d, agencies.get(d.receiving_agency_id)?.identifier ?? '', agencies.get(d.competent_agency_id)?.identifier ?? '', true);
}

const keyReused = () => conflict('IDEMPOTENCY_KEY_REUSED', 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.');

export async function receiveDossier(ctx: DossierContext, input: IntakeInput, idempotencyKey?: string): Promise<IntakeResult> {
  const actor = ctx.actor;
  assertMayReceive(actor);
  if (idempotencyKey !== undefined && !KEY_RE.test(idempotencyKey)) {
    throw validationFailed('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key phải gồm 8–128 ký tự ASCII in được.');
  }
  const requestHash = createHash('sha256').update(canonicalJson(input)).digest('hex');
  try {
    return await intake(ctx, actor, input, idempotencyKey, requestHash);
  } catch (e) {
    // A retry of a request that succeeded earlier but no longer validates (e.g. the procedure
    // changed since) still gets the first result.
    if (idempotencyKey === undefined || !isDomainError(e) || e.kind === 'Conflict') throw e;
    const seen = await ctx.db.selectFrom('idempotency_keys').select(['request_hash', 'dossier_code'])
      .where('actor_id', '=', actor.userId).where('key', '=', idempotencyKey).executeTakeFirst();
    if (seen && seen.request_hash !== requestHash) throw keyReused();
    if (seen?.dossier_code) return storedResult(ctx, seen.dossier_code);
    throw e;
  }
}

async function intake(ctx: DossierContext, actor: Actor, input: IntakeInput, idempotencyKey: string | undefined, requestHash: string): Promise<IntakeResult> {
  const channel = channelFor(actor, input.channel);
  if (hasNul(input)) throw validationFailed('VALIDATION_FAILED', 'Dữ liệu chứa ký tự không hợp lệ.');

  const now = ctx.clock.now();
  const day = vnDay(now);
  const problems: ErrorDetail[] = [];
  checkApplicant(input.applicant, problems);
  if (actor.role === 'citizen' && (actor.scope.kind !== 'self' || actor.scope.personalId !== input.applicant.personalId)) {
    throw forbidden('OWN_DOSSIERS_ONLY', 'Bạn chỉ nộp hồ sơ trực tuyến cho chính mình.');
  }
  const procedure = await procedureForIntake(ctx.db, input.procedureCode, day);
  if (channel === 'postal' && !procedure.postalAllowed) problems.push({ path: 'channel', message: 'Thủ tục này không nhận hồ sơ qua dịch vụ bưu chính công ích.' });
  if (channel === 'online' && procedure.onlineLevel === 'none') problems.push({ path: 'channel', message: 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến.' });
  checkPapers(procedure, input.papers, problems);
  problems.push(...validateFormData(procedure.eformSchema, input.formData));

  let receivedAt: Date | null = channel === 'online' ? null : now;
  if (channel === 'postal') {
    const signed = input.handoverSignedAt ? new Date(input.handoverSignedAt) : null;
    if (!signed || Number.isNaN(signed.getTime()) || signed.getTime() > now.getTime() + 60_000 || signed.getTime() < now.getTime() - 30 * 86_400_000) {
      problems.push({ path: 'handoverSignedAt', message: 'Cần thời điểm ký biên bản giao nhận hồ sơ (không ở tương lai, không quá 30 ngày).' });
    } else receivedAt = signed;
  }
  if (problems.length > 0) throw validationFailed('DOSSIER_INVALID', 'Hồ sơ chưa hợp lệ, vui lòng kiểm tra lại.', problems);

  const unit = await communeByCode(ctx.db, input.applicant.unitCode, day);
  const competent = await competentAgencyFor(ctx.db, procedure, unit, day);
  let receiving: AgencyRef;
  let servicePointId: number | null = null;
  if (channel === 'online') {
    receiving = await onlineReceivingAgency(ctx.db, competent, procedure.competentLevel, day);
  } else {
    if (actor.scope.kind !== 'servicePoint') throw forbidden('NO_SERVICE_POINT', 'Tài khoản chưa được gắn với điểm phục vụ.');
    const point = await intakePoint(ctx.db, actor.scope.servicePointId, day);
    // a counter or courier receives for its own province only: the applicant's commune and the
    // competent agency must be in the service point's province
    if (unit.provinceCode !== point.provinceCode || competent.provinceCode !== point.provinceCode) {
      const message = 'Xã, phường của người nộp hồ sơ không thuộc tỉnh, thành phố của điểm tiếp nhận; hồ sơ phải nộp tại điểm tiếp nhận của tỉnh, thành phố nơi cư trú.';
      throw validationFailed('APPLICANT_OUTSIDE_PROVINCE', message, [{ path: 'applicant.unitCode', message }]);
    }
    receiving = point.receivingAgency;
    servicePointId = point.id;
  }
  let dueAt: Date | null = null;
  let calendarVersion: string | null = null;
  if (receivedAt) {
    const cal = await calendarAround(ctx.db, receivedAt);
    dueAt = new Date(computeDueAt(receivedAt.getTime(), { value: procedure.durationValue, unit: procedure.durationUnit }, cal.calendar, procedure.cutoff === null ? undefined : { cutoff: procedure.cutoff }));
    calendarVersion = cal.versionTag;
  }
  const papers = input.papers.map((p) => {
    const listed = procedure.requiredPapers.find((r) => r.key === p.key);
    return {
      key: p.key, name: listed?.name ?? p.key, originals: p.originals ?? listed?.originals ?? 0, copies: p.copies ?? listed?.copies ?? 0,
      source: p.source, digitized: p.digitized ?? (p.source !== 'paper'), fileId: p.fileId ?? null,
    };
  });
  const phone = input.applicant.phone.replace(/[ .]/g, '');
  const name = input.applicant.name.normalize('NFC').trim();

  // Built with placeholders for the code and the applicant id, which the statement fills in.
  const serialDay = vnDay(receivedAt ?? now);
  const { code: firstCode, format } = formatDossierCode({ agencyIdentifier: receiving.identifier, receivedAt: (receivedAt ?? now).getTime(), serial: 1 });
  const codePrefix = firstCode.slice(0, -'0001'.length);
  const tokens = { code: `${codePrefix}${randomBytes(12).toString('hex')}`, applicant: `applicant-${randomBytes(12).toString('hex')}` };
  const payloadOf = (code: string, applicantId: number | string): IntakePayload => ({
    code, codeFormat: format, provinceCode: unit.provinceCode, procedureId: procedure.id, procedureCode: procedure.code,
    applicantId: applicantId as number, applicantName: name, applicantPhone: phone, personalId: input.applicant.personalId,
    receivingServicePointId: servicePointId, receivingAgencyId: receiving.id, competentAgencyId: competent.id,
    unitPath: competent.unitPath, applicantUnitId: unit.id, channel,
    onlineLevel: channel === 'online' ? (procedure.onlineLevel === 'full' ? 'full' : 'partial') : null,
    vneidAuthenticated: false, receivedAt: receivedAt?.toISOString() ?? null,
    dueAt: dueAt?.toISOString() ?? null, calendarVersion, formData: input.formData, papers: papers.map(({ fileId: _f, ...p }) => p),
  });
  const action = channel === 'online' ? 'submitted' : 'received';
  const draft = nextEvent({ id: 0, code: tokens.code }, { seq: 0, hash: GENESIS_HASH }, action, actor, payloadOf(tokens.code, tokens.applicant) as unknown as Record<string, unknown>, now);
  // The statement fills the tokens in by text replacement; check now, before anything is written,
  // that this gives exactly the canonical text of the real values (here: a sample code and id).
  const sample = { code: `${codePrefix}0001`, applicantId: 1 };
  const filled = filledBody(draft, tokens, sample.code, sample.applicantId);
  const expected = eventHashBody({ ...draft, dossierCode: sample.code, payload: normalizePayload(payloadOf(sample.code, sample.applicantId) as unknown as Record<string, unknown>) });
  if (filled !== expected) throw new Error('intake: filling the placeholders would not give the canonical event text');
  const { code: _c, applicant_id: _a, last_hash: _h, ...derived } = evolve(null, draft);
  const hookWrites = (ctx.hooks ?? []).flatMap((h) => h.intakeWrites(draft, derived));
  let row: DossierRow | null;
  try {
    row = await writeIntake(ctx.db, {
      key: idempotencyKey === undefined ? null : { actorId: actor.userId, key: idempotencyKey, requestHash },
      applicant: { ...input.applicant, name, phone, unitId: unit.id },
      serial: { agencyId: receiving.id, day: serialDay, codePrefix }, tokens, derived, event: draft, papers, hookWrites,
    });
  } catch (e) {
    // a concurrent request with the same key won the race (its intake committed first)
    if (!isUniqueViolation(e, 'idempotency_keys_pkey')) throw e;
    row = null;
  }
  if (row === null) {
    const winner = await ctx.db.selectFrom('idempotency_keys').select(['request_hash', 'dossier_code'])
      .where('actor_id', '=', actor.userId).where('key', '=', idempotencyKey ?? '').executeTakeFirst();
    if (winner && winner.request_hash !== requestHash) throw keyReused();
    if (winner?.dossier_code) return storedResult(ctx, winner.dossier_code);
    throw conflict('IDEMPOTENCY_KEY_IN_USE', 'Yêu cầu cùng Idempotency-Key đang được xử lý, vui lòng thử lại.');
  }
  // The event's hash was computed by the statement over the filled-in text, checked above on a
  // sample before writing (`motcua audit verify` re-computes every chain).
  return resultOf(row, receiving.identifier, competent.identifier, false);
}

const isUniqueViolation = (e: unknown, constraint: string): boolean =>
  (e as { code?: unknown })?.code === '23505' && (e as { constraint?: unknown }).constraint === constraint;

interface IntakeWriteInput {
  /** the request's idempotency key; null without one */
  readonly key: { actorId: number; key: string; requestHash: string } | null;
  readonly applicant: ApplicantInput & { readonly unitId: number };
  readonly serial: { agencyId: number; day: string; codePrefix: string };
  /** stand-ins for the code and the applicant id in `derived` and `event`, replaced by the statement */
  readonly tokens: { code: string; applicant: string };
  readonly derived: DerivedIntake;
  readonly event: DossierEvent;
  readonly papers: readonly { key: string; name: string; originals: number; copies: number; source: string; digitized: boolean; fileId: number | null }[];
  readonly hookWrites: readonly IntakeWrite[];
}

/**
 * The whole intake is ONE statement, hence one transaction of its own (autocommit): it claims the
 * idempotency key, upserts the applicant, allocates the day's serial of the receiving agency and
 * writes the dossier row, its first event, its papers, the outbox row and the hooks' writes (the
 * roll-ups). The serial row is locked from the moment the statement takes it until its commit,
 * with no round trip to the application in between, so concurrent intakes queue for the shortest
 * possible time; a failure anywhere rolls the number back (DOMAIN §2.1: no gap, no duplicate).
 * The code (`codePrefix` + serial, at least 4 digits) replaces the code token in the row, in the
 * event's payload and in the hashed text, and the applicant's id replaces its token (a JSON string
 * in the payload becomes a number), and the hash is event-hash.ts's definition (intake-event-sql.ts).
 * Returns null when the key was already used (nothing is written); a concurrent request with the
 * same key fails on the key's primary key and writes nothing.
 */
async function writeIntake(db: Kysely<DB>, w: IntakeWriteInput): Promise<DossierRow | null> {
  const filled = intakeEventSql(w.event, w.tokens, sql<string>`c.code`, sql<number>`a.id`);
  const columns = Object.keys(w.derived) as (keyof DerivedIntake)[];
  const values = columns.map((c) => (c === 'form_data' ? sql`${JSON.stringify(w.derived.form_data)}::jsonb` : sql`${w.derived[c]}`));
  const paperRows = JSON.stringify(w.papers.map((p) => ({ ...p, file_id: p.fileId })));
  const a = w.applicant;
  const names = new Set(['k', 'a', 's', 'c', 'h', 'd', 'e', 'p', 'o', 'i']);
  for (const hw of w.hookWrites) {
    if (names.has(hw.name) || !/^[a-z_][a-z0-9_]*$/.test(hw.name)) throw new Error(`intake hook write named ${hw.name}`);
    names.add(hw.name);
  }
  const hookCtes = w.hookWrites.map((hw) => sql`, ${sql.id(hw.name)} AS (${hw.statement})`);
  const result = await sql<DossierRow>`
    WITH k AS (
      SELECT ${w.key === null}::boolean OR NOT EXISTS (
        SELECT 1 FROM idempotency_keys WHERE actor_id = ${w.key?.actorId ?? 0} AND key = ${w.key?.key ?? ''}) AS go
    ), a AS (
      INSERT INTO applicants (personal_id, name, phone, email, birth_date, address, unit_id)
      SELECT ${a.personalId}::text, ${a.name}::text, ${a.phone}::text, ${a.email ?? null}::text, ${a.birthDate ?? null}::date, ${a.address ?? null}::text, ${a.unitId}::bigint
      FROM k WHERE k.go
      ON CONFLICT (personal_id) WHERE personal_id IS NOT NULL DO UPDATE SET
        name = excluded.name, phone = excluded.phone, email = coalesce(excluded.email, applicants.email),
        birth_date = coalesce(excluded.birth_date, applicants.birth_date), address = coalesce(excluded.address, applicants.address),
        unit_id = excluded.unit_id, updated_at = now()
      RETURNING id
    ), s AS (
      INSERT INTO dossier_serials (agency_id, day, last_serial) SELECT ${w.serial.agencyId}::bigint, ${w.serial.day}::date, 1 FROM a
      ON CONFLICT (agency_id, day) DO UPDATE SET last_serial = dossier_serials.last_serial + 1
      RETURNING last_serial
    ), c AS (
      SELECT ${w.serial.codePrefix}::text || CASE WHEN s.last_serial < 10000 THEN lpad(s.last_serial::text, 4, '0') ELSE s.last_serial::text END AS code FROM s
    ), h AS (
      SELECT c.code, a.id AS applicant_id, ${filled.payload} AS payload, ${filled.hash} AS hash
      FROM c, a
    ), d AS (
      INSERT INTO dossiers (code, applicant_id, last_hash, ${sql.join(columns.map((c) => sql.ref(c)))})
      SELECT h.code, h.applicant_id, h.hash, ${sql.join(values)} FROM h RETURNING *
    ), e AS (
      INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version)
      SELECT d.id, ${w.event.seq}, ${w.event.at}, ${w.event.action}, ${w.event.actorId}, ${w.event.actorRole}, h.payload, ${w.event.prevHash}, h.hash, ${w.event.hashVersion}::smallint FROM d, h
    ), p AS (
      INSERT INTO dossier_papers (dossier_id, paper_key, name, originals, copies, source, file_id, digitized)
      SELECT d.id, x.key, x.name, x.originals, x.copies, x.source, x.file_id, x.digitized
      FROM d, jsonb_to_recordset(${paperRows}::jsonb) AS x(key text, name text, originals int, copies int, source text, file_id bigint, digitized boolean)
    ), o AS (
      INSERT INTO outbox (kind, payload)
      SELECT 'dossier.received', jsonb_build_object('code', d.code, 'status', d.status, 'dueAt', d.due_at) FROM d
    ), i AS (
      INSERT INTO idempotency_keys (actor_id, key, request_hash, dossier_code)
      SELECT ${w.key?.actorId ?? 0}::bigint, ${w.key?.key ?? ''}::text, ${w.key?.requestHash ?? ''}::text, d.code FROM d WHERE ${w.key !== null}::boolean
    )${sql.join(hookCtes, sql``)}
    SELECT * FROM d`.execute(db);
  return result.rows[0] ?? null;
}
