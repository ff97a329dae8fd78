// Reads: one dossier with its timeline, the work queue, and public tracking (search: search.ts). Every read
// is restricted to the actor's scope (in SQL for lists); outside it a dossier does not exist.
import { sql } from 'kysely';
import { remainingWorkingTime, timeliness, dossierTimeliness, type Timeliness } from '../calendar';
import { can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import { forbidden, unauthenticated } from '../platform/errors';
import { calendarAround } from './work-calendar';
import { loadEvents, type DossierEvent, type DossierRow } from './events';
import { evolve, lifecycleOf, type DerivedDossier } from './fold';
import { actionLabels, allowedActions, intakeLabel, isAction, statusLabels, type Action, type Status } from './lifecycle';
import { userNames } from '../accounts/service';
import { assignableStaff, type AssignableStaff } from '../accounts/references';
import { procedureRules } from '../catalog/references';
import { agencyNames, servicePointCodes, servicePointPlace } from '../directory/references';
import type { DossierReadContext } from './handoffs';
import { controlSlipRows, stepDeadlines, type ControlSlipRow } from './steps';
import { counterRatingOpen } from './counter-rating';
import { isClockRunning } from './overdue';
import { ledgerEntry, type LedgerEntry } from './model';
import type { Delivery } from './delivery';
import { partyOf, type Party } from './party';
import { dossierNotFound, isDossierInScope, scopedActor, scopeWhere, type ScopedActor } from './scope';

const OPEN_STATUSES = ['submitted', 'received', 'processing', 'awaitingApproval', 'awaitingSupplement', 'awaitingPayment', 'resultReady'] as const satisfies readonly Status[];

/** The signed-in reader with their scope resolved: 401 without a session, 403 without the right to read dossiers. */
export async function readerOf(ctx: ServiceContext): Promise<ScopedActor> {
  const actor: Actor | null = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'dossiers.read') && !can(actor, 'portal.self')) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem hồ sơ.');
  return scopedActor(ctx.db, actor);
}

/**
 * What of an event's payload a citizen sees: the reason of the notices addressed to them — refusal
 * (form 03), rejection after appraisal, the supplement request (form 02, with what to add) and the
 * apology (with the old and new dates), the stop notice and the withdrawal; the appointment of the
 * receipt (form 01) and of a restarted clock; their own rating. Never notes, officer names,
 * consulted agencies or internal ids.
 */
function citizenPayload(e: DossierEvent): Record<string, unknown> {
  const p = e.payload;
  const pick = (...keys: string[]) => Object.fromEntries(keys.filter((k) => p[k] !== undefined && p[k] !== null).map((k) => [k, p[k]]));
  switch (e.action) {
    case 'refuse': case 'reject': return pick('reason');
    case 'requestSupplement': return pick('reason', 'items', 'supplementDueAt');
    case 'apologize': return pick('reason', 'newDueAt', 'originalDueAt');
    case 'received': case 'receive': return pick('receivedAt', 'dueAt');
    case 'supplementReceived': return pick('newDueAt');
    // the stop notice and the withdrawal are addressed to the applicant, with their reason
    case 'stop': case 'withdraw': return pick('reason');
    // their own rating
    case 'rate': return pick('stars', 'dislike', 'comment');
    default: return {};
  }
}

/** The status after each event (the fold, step by step); null where the log does not fold. */
function statusesOf(events: readonly DossierEvent[]): (Status | null)[] {
  let d: DerivedDossier | null = null;
  return events.map((e) => {
    try { d = evolve(d, e); return d.status; } catch { return null; }
  });
}

const eventLabel = (action: string): string => (isAction(action) ? actionLabels[action] : action === 'submitted' ? 'Nộp hồ sơ trực tuyến' : 'Tiếp nhận hồ sơ');
export const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The badge of a dossier: judged at its end if finished, else as it stands now. */
/** A finished dossier is judged by its end; an open one only while its clock runs (none while a supplement is awaited: src/dossiers/overdue.ts). */
export function badgeOf(d: Pick<DossierRow, 'status' | 'due_at' | 'original_due_at' | 'finished_at'>, now: Date): Timeliness | null {
  if (!d.due_at) return null;
  if (d.finished_at) return dossierTimeliness({ dueAt: d.due_at.getTime(), originalDueAt: d.original_due_at?.getTime() ?? null, apologizedAt: null }, d.finished_at.getTime());
  return isClockRunning(d.status) ? timeliness(d.due_at.getTime(), now.getTime()) : null;
}

export interface DossierDetail {
  readonly code: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly syncCode: number;
  readonly version: number;
  readonly channel: DossierRow['channel'];
  readonly procedure: { code: string; name: string };
  readonly applicant: { name: string; phone: string | null; personalId: string | null };
  readonly receivingAgency: { identifier: string; name: string };
  /** the service point (a post office, a one-stop centre) where the dossier was received; null online */
  readonly receivingPoint: { code: string; name: string } | null;
  readonly competentAgency: { identifier: string; name: string };
  /** form 01's ledger entry (received at a service point) */
  readonly ledger: LedgerEntry | null;
  /** how the applicant chose at intake to receive the result */
  readonly delivery: Delivery | null;
  /** who is who: the applicant (the filer) for themself, for an organisation, or for another person */
  readonly party: Party;
  /** a bundle's member (src/bundles): the parent's code, from its intake event; null for a dossier of its own */
  readonly bundle: string | null;
  /**
   * a bundle's member registered to wait for another member's result (issue 17): the code of the
   * dossier it waits for ('' when not recorded); null otherwise. It is received by the system then:
   * receive and refuse are not offered.
   */
  readonly waitingFor: string | null;
  readonly submittedAt: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly originalDueAt: string | null;
  readonly finishedAt: string | null;
  readonly returnedAt: string | null;
  readonly remainingWorkingMinutes: number | null;
  readonly timeliness: Timeliness | null;
  readonly supplementCount: number;
  readonly apologyUsed: boolean;
  readonly formData: Record<string, unknown>;
  /** fileId: the paper's scan (GET /api/v1/files/{id}), null for paper only */
  readonly papers: { key: string; name: string; originals: number; copies: number; source: string; digitized: boolean; fileId: number | null }[];
  /**
   * Staff: every event with its payload. Citizens: action label, time and the status after it;
   * `actorRole` null and the payload only what is addressed to them (see citizenPayload).
   */
  readonly timeline: { seq: number; at: string; action: string; label: string; status: Status | null; actorRole: string | null; payload: Record<string, unknown> }[];
  readonly steps: { key: string; name: string; role: string; dueAt: string }[];
  readonly controlSlip: ControlSlipRow[];
  readonly allowedActions: Action[];
}

const unknownAgency = { identifier: '', name: '' };

/** A bundle member still waiting for another's result (registered at the counter, not filed online): the code it waits for. */
export function heldFor(status: Status, intake: { readonly action: string; readonly payload: Readonly<Record<string, unknown>> } | undefined): string | null {
  if (status !== 'submitted' || !intake || intake.action !== 'submitted' || typeof intake.payload.bundle !== 'string' || intake.payload.channel === 'online') return null;
  return typeof intake.payload.bundleWaitsFor === 'string' ? intake.payload.bundleWaitsFor : '';
}

export async function getDossier(ctx: DossierReadContext, code: string): Promise<DossierDetail> {
  const actor = await readerOf(ctx);
  const d = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  if (!d || !isDossierInScope(actor, d)) throw dossierNotFound(code);
  const now = ctx.clock.now();
  // the directory and the catalogue through their reference reads (DESIGN §2), not their tables
  const citizen = actor.scope.kind === 'self';
  const [events, papers, rules, cal, agencies, point, handoffs, refused] = await Promise.all([
    loadEvents(ctx.db, d),
    ctx.db.selectFrom('dossier_papers').select(['paper_key as key', 'name', 'originals', 'copies', 'source', 'digitized', 'file_id as fileId']).where('dossier_id', '=', d.id).orderBy('id').execute(),
    procedureRules(ctx.db, d.procedure_id),
    calendarAround(ctx.db, now),
    agencyNames(ctx.db, [d.receiving_agency_id, d.competent_agency_id]),
    d.receiving_service_point_id === null ? null : servicePointPlace(ctx.db, d.receiving_service_point_id),
    citizen || !ctx.handoffs ? [] : ctx.handoffs(ctx.db, d.code, now),
    ctx.refusedActions ? ctx.refusedActions(ctx.db, { id: d.id, code: d.code }) : new Set<string>(),
  ]);
  const receiving = agencies.get(d.receiving_agency_id) ?? unknownAgency;
  const competent = agencies.get(d.competent_agency_id) ?? unknownAgency;
  const open = (OPEN_STATUSES as readonly Status[]).includes(d.status);
  const statuses = statusesOf(events);
  let steps: DossierDetail['steps'] = [];
  if (d.clock_started_at && d.due_at) {
    const startCal = await calendarAround(ctx.db, d.clock_started_at);
    steps = stepDeadlines(d.clock_started_at.getTime(), d.due_at.getTime(), { value: rules.durationValue, unit: rules.durationUnit }, rules.steps, startCal.calendar)
      .map((s) => ({ ...s, dueAt: new Date(s.dueAt).toISOString() }));
  }
  let remaining: number | null = null;
  if (open && d.due_at && isClockRunning(d.status)) {
    try { remaining = Math.round(remainingWorkingTime(now.getTime(), d.due_at.getTime(), cal.calendar)); } catch { remaining = null; }
  }
  return {
    code: d.code, status: d.status, statusLabel: statusLabels[d.status], syncCode: d.sync_code, version: d.version, channel: d.channel,
    procedure: { code: d.procedure_code, name: rules.name },
    applicant: { name: d.applicant_name, phone: d.applicant_phone, personalId: d.personal_id },
    receivingAgency: { identifier: receiving.identifier, name: receiving.name },
    receivingPoint: point ? { code: point.code, name: point.name } : null,
    competentAgency: { identifier: competent.identifier, name: competent.name },
    ledger: ledgerEntry(d.ledger_year, d.ledger_serial),
    delivery: d.delivery_method === null ? null : { method: d.delivery_method, address: d.delivery_address },
    party: partyOf(d.applicant_party),
    bundle: typeof events[0]?.payload.bundle === 'string' ? events[0].payload.bundle : null,
    waitingFor: heldFor(d.status, events[0]),
    submittedAt: d.submitted_at.toISOString(), receivedAt: iso(d.received_at), dueAt: iso(d.due_at), originalDueAt: iso(d.original_due_at),
    finishedAt: iso(d.finished_at), returnedAt: iso(d.returned_at), remainingWorkingMinutes: remaining, timeliness: badgeOf(d, now),
    supplementCount: d.supplement_count, apologyUsed: d.apology_used, formData: d.form_data, papers,
    timeline: events.map((e, i) => ({
      seq: e.seq, at: e.at.toISOString(), action: e.action, label: e.action === 'received' || e.action === 'submitted' ? intakeLabel(e.action, e.payload) : eventLabel(e.action), status: statuses[i] ?? null,
      actorRole: citizen ? null : e.actorRole, payload: citizen ? citizenPayload(e) : { ...e.payload },
    })),
    steps,
    // the control slip (form 05/06) is the agencies' hand-over record, not the applicant's
    controlSlip: citizen ? [] : controlSlipRows(events, { oneStop: receiving.name, agency: competent.name, applicant: d.applicant_name }, d.due_at?.getTime() ?? null, handoffs),
    // staff enter a rating only for the result they just handed over at the counter
    allowedActions: allowedActions(lifecycleOf(d), actor.role).filter((a) => a !== 'rate' || can(actor, 'portal.self') || counterRatingOpen({
      status: d.status, resultDelivery: d.result_delivery, returnedAt: d.returned_at,
      returnedBy: events.findLast((e) => e.action === 'return')?.actorId ?? null,
    // a bundle's member waiting for another's result is not acted on by hand (src/bundles/member-actions.ts):
    // no receipt or refusal, no supplement, withdrawn only with its whole bundle
    }, actor.userId, now)).filter((a) => heldFor(d.status, events[0]) === null && !refused.has(a)),
  };
}

/** Whom a dossier may be assigned to: the competent agency's officers and approvers; for its officers and approvers only. */
export async function assigneesOf(ctx: ServiceContext, code: string): Promise<{ items: AssignableStaff[] }> {
  const actor = await readerOf(ctx);
  const d = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  if (!d || !isDossierInScope(actor, d)) throw dossierNotFound(code);
  if (!can(actor, 'dossiers.process')) throw forbidden('FORBIDDEN', 'Chỉ cán bộ của cơ quan giải quyết được xem danh sách phân công.');
  return { items: await assignableStaff(ctx.db, d.competent_agency_id) };
}

export interface QueueItem {
  readonly code: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly remainingWorkingMinutes: number | null;
  readonly timeliness: Timeliness | null;
}

export interface TrackingView {
  readonly code: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly procedureName: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  /** the applicant has rated the handling (not how) */
  readonly rated: boolean;
  /** how the result will be received (counter, post, online) — never the address */
  readonly deliveryMethod: Delivery['method'] | null;
  /** who filed, as a kind only (a person for themself, an organisation, for another person) — no names */
  readonly applicantKind: Party['kind'];
  readonly steps: { label: string; at: string }[];
  /**
   * While a supplement is awaited: what to bring (the papers named in the request, form 02) and by
   * when (null: no date set), when it was asked. No reason text, no names: nothing personal.
   */
  readonly supplement: { readonly items: string[]; readonly dueBy: string | null; readonly requestedAt: string } | null;
}

/** What an awaited supplement asks for, from the latest request (public tracking). */
function supplementAsked(events: readonly { action: string; at: Date; payload: unknown }[], status: Status): TrackingView['supplement'] {
  if (status !== 'awaitingSupplement') return null;
  const last = [...events].reverse().find((e) => e.action === 'requestSupplement');
  if (!last) return null;
  const p = (last.payload ?? {}) as { items?: unknown; supplementDueAt?: unknown };
  const items = Array.isArray(p.items) ? p.items.filter((i): i is string => typeof i === 'string') : [];
  return { items, dueBy: typeof p.supplementDueAt === 'string' ? p.supplementDueAt : null, requestedAt: last.at.toISOString() };
}

/** Public tracking (src/tracking checks the PIN first): no personal data; null for an unknown code. */
export async function trackingViewOf(db: Database, code: string): Promise<TrackingView | null> {
  const d = await db.selectFrom('dossiers as d')
    .select(['d.id', 'd.code', 'd.status', 'd.received_at', 'd.due_at', 'd.procedure_id', 'd.rated_at', 'd.delivery_method', 'd.applicant_kind', 'd.submitted_at'])
    .where('d.code', '=', code).executeTakeFirst();
  if (!d) return null;
  const [events, rules] = await Promise.all([
    // the filing time names the one partition of the log to read (ADR 022)
    db.selectFrom('dossier_events').select(['action', 'at', 'payload']).where('dossier_id', '=', d.id)
      .where('dossier_submitted_at', '>=', d.submitted_at).where('dossier_submitted_at', '<', new Date(d.submitted_at.getTime() + 1)).orderBy('seq').execute(),
    procedureRules(db, d.procedure_id),
  ]);
  return {
    code: d.code, status: d.status, statusLabel: statusLabels[d.status], procedureName: rules.name,
    receivedAt: iso(d.received_at), dueAt: iso(d.due_at), rated: d.rated_at !== null, deliveryMethod: d.delivery_method, applicantKind: d.applicant_kind,
    steps: events.map((e) => ({ label: eventLabel(e.action), at: e.at.toISOString() })),
    supplement: supplementAsked(events, d.status),
  };
}

/** What printed slips and the ledger (forms/) need beyond the detail; same scope rule as getDossier. */
export interface DossierPrintFacts {
  readonly code: string;
  readonly provinceCode: string;
  /** null for online dossiers */
  readonly receivingServicePointCode: string | null;
  readonly applicant: { readonly address: string | null; readonly email: string | null };
  /** the acting user's full name per event seq (null: system or unknown user) */
  readonly actorNames: Readonly<Record<number, string | null>>;
  /** the procedure case chosen at intake (catalogue cases[].key); null: the procedure's own terms */
  readonly caseKey: string | null;
}

/** Print facts of the dossiers in the actor's scope among `codes` (out of scope: absent). */
export async function getDossierPrintFacts(ctx: ServiceContext, codes: readonly string[]): Promise<Map<string, DossierPrintFacts>> {
  const actor = await readerOf(ctx);
  const out = new Map<string, DossierPrintFacts>();
  if (codes.length === 0) return out;
  const rows = await ctx.db.selectFrom('dossiers as d')
    .innerJoin('applicants as a', 'a.id', 'd.applicant_id')
    .select(['d.id', 'd.code', 'd.province_code', 'd.receiving_service_point_id', 'a.address', 'a.email'])
    .where(scopeWhere(actor)).where('d.code', 'in', [...codes]).execute();
  const events = rows.length === 0 ? [] : await ctx.db.selectFrom('dossier_events as e')
    .select(['e.dossier_id', 'e.seq', 'e.actor_id', sql<string | null>`e.payload->>'caseKey'`.as('case_key')])
    .where('e.dossier_id', 'in', rows.map((r) => r.id)).orderBy('e.seq').execute();
  // service point codes from the directory, user names from accounts (DESIGN §2: not their tables)
  const [points, users] = await Promise.all([
    servicePointCodes(ctx.db, rows.flatMap((r) => (r.receiving_service_point_id === null ? [] : [r.receiving_service_point_id]))),
    userNames(ctx.db, events.flatMap((e) => (e.actor_id === null ? [] : [e.actor_id]))),
  ]);
  const names = new Map<number, Record<number, string | null>>();
  const caseKeys = new Map<number, string>();
  for (const e of events) {
    names.set(e.dossier_id, { ...names.get(e.dossier_id), [e.seq]: e.actor_id === null ? null : users.get(e.actor_id) ?? null });
    if (e.case_key !== null && !caseKeys.has(e.dossier_id)) caseKeys.set(e.dossier_id, e.case_key);
  }
  for (const r of rows) {
    const pointCode = r.receiving_service_point_id === null ? null : points.get(r.receiving_service_point_id) ?? null;
    out.set(r.code, { code: r.code, provinceCode: r.province_code, receivingServicePointCode: pointCode, applicant: { address: r.address, email: r.email }, actorNames: names.get(r.id) ?? {}, caseKey: caseKeys.get(r.id) ?? null });
  }
  return out;
}
