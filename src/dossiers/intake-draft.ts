// The intake's first event, built before the statement runs (pure). The code and the applicant id
// are not known yet: the event carries random placeholders that the statement replaces by text,
// and the draft is checked here, on a sample, to give exactly the canonical text of real values.
import { formatDossierCode, type CodeSystem } from './codes';
import { vnYearOfInstant } from '../shared/civil-date';
import { eventHashBody, GENESIS_HASH, nextEvent, normalizePayload, type DerivedIntake, type DossierEvent } from './events';
import { filledBody, type IntakeTokens } from './intake-event-sql';
import { evolve, type IntakePayload } from './fold';
import type { Channel, PaperRecord } from './model';
import type { Delivery } from './delivery';
import type { Party } from './party';
import type { Actor } from '../platform/actor';
import type { ProcedureForIntake } from '../catalog/references';
import type { AgencyRef, UnitRef } from '../directory/references';

/** Where an intake goes: the applicant's commune, the competent and receiving agencies, the service point. */
export interface IntakeRoute {
  readonly unit: UnitRef;
  /** place-tied procedures: the commune of the place, which decided the competent agency */
  readonly place: UnitRef | null;
  readonly competent: AgencyRef;
  readonly receiving: AgencyRef;
  readonly servicePointId: number | null;
}

export interface IntakeFacts {
  readonly actor: Actor;
  readonly channel: Channel;
  readonly procedure: ProcedureForIntake;
  readonly route: IntakeRoute;
  readonly applicant: { personalId: string; name: string; phone: string };
  readonly papers: readonly PaperRecord[];
  readonly formData: Record<string, unknown>;
  readonly receivedAt: Date | null;
  readonly due: { dueAt: Date; calendarVersion: string } | null;
  /** the procedure case chosen at intake, if any */
  readonly caseKey: string | null;
  /** the applicant's situation, for a paper list published by situation (checked by validIntake) */
  readonly situation?: string;
  /** how the applicant will receive the result */
  readonly delivery: Delivery;
  /** who is who */
  readonly party: Party;
  /** the configured kind of system (code format); default provincial */
  readonly codeSystem?: CodeSystem;
  /** the applicant agreed to keep and reuse their papers in the document store */
  readonly storeConsent?: boolean;
  /** an online dossier filed by staff for the citizen, who confirmed it by one-time code (issue 15 §3) */
  readonly assisted?: boolean;
  /**
   * a member of a bundle (issue 17): the parent's code; `held` — it waits for another member's
   * result, so it is registered (`submitted`) without a receipt time until then
   */
  readonly bundle?: BundleIntake;
  readonly now: Date;
  /** random text for the placeholders (`randomBytes(12).toString('hex')` three times) */
  readonly randomParts: readonly [string, string, string];
}

/** A bundle member's intake: the parent's code; held (waits for `waitsFor`'s result); the first member received. */
export interface BundleIntake {
  readonly code: string;
  readonly held: boolean;
  readonly first?: boolean;
  /** a held member: the code of the dossier whose result it waits for */
  readonly waitsFor?: string;
}

export interface IntakeDraft {
  readonly event: DossierEvent;
  readonly derived: DerivedIntake;
  /** the code without its serial (receiving agency and day) */
  readonly codePrefix: string;
  readonly tokens: IntakeTokens;
  /** form 01's ledger: the receiving service point's receipt register of the year; null online */
  readonly ledger: { servicePointId: number; year: number } | null;
}

export function draftIntake(f: IntakeFacts): IntakeDraft {
  const { route, procedure, channel } = f;
  const { code: firstCode, format } = formatDossierCode({ agencyIdentifier: route.receiving.identifier, receivedAt: (f.receivedAt ?? f.now).getTime(), serial: 1, ...(f.codeSystem ? { system: f.codeSystem } : {}) });
  const codePrefix = firstCode.slice(0, -'0001'.length);
  // a dossier received at a service point (counter, post) is entered in its receipt ledger of the
  // year of the receipt (Vietnam time); an online submission has no receipt yet
  const ledger = route.servicePointId !== null && f.receivedAt !== null ? { servicePointId: route.servicePointId, year: vnYearOfInstant(f.receivedAt.getTime()) } : null;
  const tokens: IntakeTokens = {
    code: `${codePrefix}${f.randomParts[0]}`, applicant: `applicant-${f.randomParts[1]}`,
    ...(ledger ? { ledgerSerial: `ledger-${f.randomParts[2]}` } : {}),
  };
  const payloadOf = (code: string, applicantId: number | string, ledgerSerial: number | string | undefined): Record<string, unknown> => ({
    code, codeFormat: format, provinceCode: route.unit.provinceCode, procedureId: procedure.id, procedureCode: procedure.code,
    applicantId: applicantId as number, applicantName: f.applicant.name, applicantPhone: f.applicant.phone, personalId: f.applicant.personalId,
    receivingServicePointId: route.servicePointId, receivingAgencyId: route.receiving.id, competentAgencyId: route.competent.id,
    unitPath: route.competent.unitPath, applicantUnitId: route.unit.id, channel,
    onlineLevel: channel === 'online' ? (procedure.onlineLevel === 'full' ? 'full' : 'partial') : null,
    vneidAuthenticated: false, receivedAt: f.receivedAt?.toISOString() ?? null,
    dueAt: f.due?.dueAt.toISOString() ?? null, calendarVersion: f.due?.calendarVersion ?? null, formData: f.formData,
    // a paper's file and the stored document it was reused from, when it has them (indicators 4.x, the document store)
    papers: f.papers.map(({ fileId, reusedDocumentId, ...p }) => ({ ...p, ...(fileId !== null ? { fileId } : {}), ...(reusedDocumentId !== null ? { reusedDocumentId } : {}) })),
    ...(f.storeConsent ? { storeConsent: true as const } : {}),
    ...(f.assisted ? { assisted: true as const } : {}),
    ...(f.bundle ? { bundle: f.bundle.code } : {}),
    ...(f.bundle?.first === true ? { bundleFirst: true as const } : {}),
    ...(f.bundle?.held === true && f.bundle.waitsFor ? { bundleWaitsFor: f.bundle.waitsFor } : {}),
    delivery: f.delivery,
    ...(f.party.kind !== 'person' ? { party: f.party } : {}),
    ...(f.caseKey !== null ? { caseKey: f.caseKey } : {}),
    ...(f.situation !== undefined ? { situation: f.situation } : {}),
    ...(route.place !== null ? { placeUnitId: route.place.id } : {}),
    ...(ledger && ledgerSerial !== undefined ? { ledger: { year: ledger.year, serial: ledgerSerial as number } } : {}),
  } satisfies IntakePayload);
  const action = channel === 'online' || f.bundle?.held === true ? 'submitted' : 'received';
  const event = nextEvent({ id: 0, code: tokens.code }, { seq: 0, hash: GENESIS_HASH }, action, f.actor, payloadOf(tokens.code, tokens.applicant, tokens.ledgerSerial), f.now);
  // The statement fills the tokens in by text replacement; check now, before anything is written,
  // that this gives exactly the canonical text of the real values (here: a sample code and id).
  const sample = { code: `${codePrefix}0001`, applicantId: 1, ledgerSerial: ledger ? 1 : undefined };
  const filled = filledBody(event, tokens, sample.code, sample.applicantId, sample.ledgerSerial);
  const expected = eventHashBody({ ...event, dossierCode: sample.code, payload: normalizePayload(payloadOf(sample.code, sample.applicantId, sample.ledgerSerial)) });
  if (filled !== expected) throw new Error('intake: filling the placeholders would not give the canonical event text');
  // the serial is filled in by the statement (ledger_serial), as the code and the applicant id
  const { code: _c, applicant_id: _a, last_hash: _h, ledger_serial: _l, ...derived } = evolve(null, event);
  return { event, derived, codePrefix, tokens, ledger };
}
