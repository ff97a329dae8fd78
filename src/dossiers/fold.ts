// The dossier row as a pure fold of its events. The services write exactly what `evolve`
// returns, so `motcua audit rebuild` can compare every stored row with the fold of its events.
import type { DossierRow, DossierEvent } from './events';
import type { Party } from './party';
import { applyAction, isAction, isRatingStars, syncCode, type LifecycleState, type Status } from './lifecycle';

/** The columns of `dossiers` that events determine (all but id and created_at). */
export type DerivedDossier = Omit<DossierRow, 'id' | 'created_at'>;

/** The columns of a row that its events determine. */
export function toDerived(row: DossierRow): DerivedDossier {
  const { id: _id, created_at: _created, ...rest } = row;
  return rest;
}

/** Payload of the intake event (`received` at a counter or by post, `submitted` online). */
export interface IntakePayload {
  readonly code: string;
  readonly codeFormat: string;
  readonly provinceCode: string;
  readonly procedureId: number;
  readonly procedureCode: string;
  readonly applicantId: number;
  readonly applicantName: string;
  readonly applicantPhone: string | null;
  readonly personalId: string | null;
  readonly receivingServicePointId: number | null;
  readonly receivingAgencyId: number;
  readonly competentAgencyId: number;
  readonly unitPath: string;
  readonly applicantUnitId: number | null;
  readonly channel: 'counter' | 'online' | 'postal';
  readonly onlineLevel: 'partial' | 'full' | null;
  readonly vneidAuthenticated: boolean;
  /** ISO; received: the legal receipt time (postal: hand-over record signed) */
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly calendarVersion: string | null;
  readonly formData: Record<string, unknown>;
  readonly papers: readonly { key: string; name: string; originals: number; copies: number; source: string; digitized: boolean; fileId?: number; reusedDocumentId?: number }[];
  /** the applicant agreed at intake that their digitized papers and results be kept and reused (src/documents/store-model.ts STORE_CONSENT_PURPOSE) */
  readonly storeConsent?: true;
  /** the procedure case whose processing time gave dueAt (absent: the procedure's own) */
  readonly caseKey?: string;
  /** a paper list published by situation (catalog/situations.ts): the applicant's situation the papers were checked against */
  readonly situation?: string;
  /** place-tied procedures: the commune of the land, works or business (decides the competent agency) */
  readonly placeUnitId?: number;
  /** received at a service point: form 01's ledger — the year of the receipt and the serial in that year's book */
  readonly ledger?: { readonly year: number; readonly serial: number };
  /** how the applicant will receive the result, chosen at intake (absent in events before migration 0081) */
  readonly delivery?: { readonly method: 'counter' | 'post' | 'online'; readonly address: string | null };
  /** who is who, when the filer does not file for themself (absent: a person for themself) */
  readonly party?: Party;
  /** an online dossier filed by staff on the citizen's behalf and confirmed by the citizen (issue 15 §3; absent: false) */
  readonly assisted?: true;
  /** a member of a bundle (hồ sơ liên thông, issue 17): the parent's code, which the national record names */
  readonly bundle?: string;
  /** the first member received of its bundle: the bundle counts once there as a submission (reports) */
  readonly bundleFirst?: true;
  /** a held member: the dossier code of the member whose result it waits for */
  readonly bundleWaitsFor?: string;
}

const date = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const ledgerOf = (v: unknown): { year: number; serial: number } | null => {
  if (typeof v !== 'object' || v === null) return null;
  const { year, serial } = v as Record<string, unknown>;
  return typeof year === 'number' && typeof serial === 'number' ? { year, serial } : null;
};

export const lifecycleOf = (d: Pick<DerivedDossier, 'status' | 'status_before_supplement' | 'supplement_count' | 'apology_used' | 'approved_at' | 'rated_at'>): LifecycleState => ({
  status: d.status,
  statusBeforeSupplement: d.status_before_supplement,
  supplementCount: d.supplement_count,
  apologyUsed: d.apology_used,
  approved: d.approved_at !== null,
  rated: d.rated_at !== null,
});

function fromIntake(e: DossierEvent): DerivedDossier {
  const p = e.payload as unknown as IntakePayload;
  const status: Status = e.action === 'submitted' ? 'submitted' : 'received';
  const receivedAt = date(p.receivedAt);
  return {
    code: p.code, code_format: p.codeFormat, province_code: p.provinceCode, procedure_id: p.procedureId,
    procedure_code: p.procedureCode, applicant_id: p.applicantId, applicant_name: p.applicantName,
    applicant_phone: p.applicantPhone, personal_id: p.personalId, receiving_service_point_id: p.receivingServicePointId,
    receiving_agency_id: p.receivingAgencyId, competent_agency_id: p.competentAgencyId, unit_path: p.unitPath,
    applicant_unit_id: p.applicantUnitId, channel: p.channel, online_level: p.onlineLevel, status,
    sync_code: syncCode[status], status_before_supplement: null, submitted_at: e.at, received_at: receivedAt,
    due_at: date(p.dueAt), original_due_at: null, calendar_version: p.calendarVersion, clock_started_at: receivedAt,
    supplement_requested_at: null, supplement_completed_at: null, supplement_count: 0, apology_used: false,
    apologized_at: null, approved_at: null, refused_at: null, finished_at: null, returned_at: null, result_delivery: null,
    vneid_authenticated: p.vneidAuthenticated, form_data: p.formData, last_hash: e.hash, version: e.seq,
    rated_at: null, rating_stars: null, ledger_year: p.ledger?.year ?? null, ledger_serial: p.ledger?.serial ?? null,
    delivery_method: p.delivery?.method ?? null, delivery_address: p.delivery?.address ?? null,
    applicant_kind: p.party?.kind ?? 'person', applicant_party: p.party && p.party.kind !== 'person' ? { ...p.party } : null,
    assisted: p.assisted === true, filed_by_user_id: e.actorId,
  };
}

/** The row after one more event. Throws on an event that does not fit (a corrupt log). */
export function evolve(current: DerivedDossier | null, e: DossierEvent): DerivedDossier {
  if (current === null) {
    if (e.action !== 'received' && e.action !== 'submitted') throw new Error(`first event of ${e.dossierCode} is ${e.action}`);
    return fromIntake(e);
  }
  if (!isAction(e.action)) throw new Error(`unexpected ${e.action} at seq ${e.seq} of ${e.dossierCode}`);
  const p = e.payload;
  const state = applyAction(lifecycleOf(current), e.action);
  let d: DerivedDossier = {
    ...current, status: state.status, sync_code: syncCode[state.status], status_before_supplement: state.statusBeforeSupplement,
    supplement_count: state.supplementCount, apology_used: state.apologyUsed, last_hash: e.hash, version: e.seq,
  };
  switch (e.action) {
    case 'receive': {
      // form 01's ledger of the service point that accepted the online dossier (absent before issue 15)
      const ledger = ledgerOf(p.ledger);
      d = { ...d, received_at: date(p.receivedAt), clock_started_at: date(p.receivedAt), due_at: date(p.dueAt), calendar_version: str(p.calendarVersion),
        ...(ledger ? { ledger_year: ledger.year, ledger_serial: ledger.serial } : {}) };
      break;
    }
    case 'refuse':
      d = { ...d, refused_at: e.at };
      break;
    case 'forward':
      if (typeof p.toAgencyId === 'number') d = { ...d, competent_agency_id: p.toAgencyId, unit_path: str(p.unitPath) ?? d.unit_path };
      break;
    case 'requestSupplement':
      d = { ...d, supplement_requested_at: e.at };
      break;
    case 'supplementReceived': {
      const newDue = date(p.newDueAt);
      d = { ...d, supplement_completed_at: e.at };
      // ND 61 art. 19.4: the clock restarts from zero (only if it was running). The new due time
      // is the new original: an apology of the former period no longer applies (timeliness is
      // judged on original_due_at ?? due_at), and the new period may have its own apology.
      if (newDue) {
        d = { ...d, due_at: newDue, original_due_at: null, apologized_at: null, clock_started_at: e.at, calendar_version: str(p.calendarVersion) ?? d.calendar_version };
      }
      break;
    }
    case 'apologize':
      d = { ...d, original_due_at: d.due_at, due_at: date(p.newDueAt), apologized_at: e.at };
      break;
    case 'approve':
      d = { ...d, approved_at: e.at };
      break;
    case 'recomputeDue':
      d = { ...d, due_at: date(p.newDueAt), calendar_version: str(p.calendarVersion) ?? d.calendar_version };
      break;
    case 'return':
      d = { ...d, returned_at: e.at, result_delivery: (str(p.channel) as DerivedDossier['result_delivery']) ?? null };
      break;
    case 'rate':
      // the stars are on the row (indicators, the once-only guard); reasons and comment stay in the event
      if (!isRatingStars(p.stars)) throw new Error(`rating without stars at seq ${e.seq} of ${e.dossierCode}`);
      d = { ...d, rated_at: e.at, rating_stars: p.stars };
      break;
    default:
      break;
  }
  // F766 end time: the first of result ready, returned, stopped/rejected, withdrawn, refused
  if (d.finished_at === null && ['resultReady', 'returned', 'rejected', 'stopped', 'withdrawn', 'refused'].includes(d.status)) {
    d = { ...d, finished_at: e.at };
  }
  return d;
}

/** The dossier row its events describe. */
export function rebuildDossierFromEvents(events: readonly DossierEvent[]): DerivedDossier {
  let d: DerivedDossier | null = null;
  for (const e of events) d = evolve(d, e);
  if (d === null) throw new Error('no events');
  return d;
}

const comparable = (v: unknown): string => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null));

/** Columns where a stored row differs from the fold (empty when they agree). */
export function differences(stored: DerivedDossier, folded: DerivedDossier): { column: string; stored: string; folded: string }[] {
  const out: { column: string; stored: string; folded: string }[] = [];
  for (const key of Object.keys(folded) as (keyof DerivedDossier)[]) {
    const json = key === 'form_data' || key === 'applicant_party';
    const a = json ? canonical(stored[key]) : comparable(stored[key]);
    const b = json ? canonical(folded[key]) : comparable(folded[key]);
    if (a !== b) out.push({ column: key, stored: a, folded: b });
  }
  return out;
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
}
