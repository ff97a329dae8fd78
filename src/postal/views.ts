// What the postal routes answer: a shipment with its legs and their trails, for staff and for the
// citizen it is for; and the public view of a tracking number (no personal data). Pure mapping.
import type { Zone } from './tariff';
import { foldTrail, legStatusLabel, trailLabel, type LegKind, type LegStatus, type TrailEvent, type TrailKind } from './model';

export interface LegView {
  readonly id: number;
  readonly kind: LegKind;
  readonly trackingNumber: string;
  readonly status: LegStatus;
  readonly statusLabel: string;
  readonly courierId: number | null;
  readonly courierName: string | null;
  readonly agencyId: number | null;
  readonly recipient: { name: string; personalId: string | null } | null;
  readonly failedAttempts: number;
  /** the dossiers the leg carries when more than its shipment's one: a transfer's, a bundle's results delivered together */
  readonly dossierCodes: string[];
  /** what the parcel holds (a transfer's papers; "Kết quả hồ sơ liên thông …") */
  readonly contents: string | null;
  /** a transfer's weighed parcel and postage, billed to the sending agency (migration 0245); null for other legs and before the collection */
  readonly postage: LegPostageView | null;
  readonly trail: TrailEntryView[];
}

export interface LegPostageView {
  readonly weightGrams: number;
  readonly amountVnd: number;
  readonly zone: Zone;
  readonly tariffId: string;
  readonly at: string;
}

export interface TrailEntryView {
  readonly eventId: string;
  readonly kind: TrailKind;
  readonly label: string;
  readonly at: string;
  readonly source: TrailEvent['source'];
  readonly applied: boolean;
  readonly note: string | null;
  readonly actorName: string | null;
  readonly position: { lat: number; lon: number } | null;
}

export interface ShipmentView {
  readonly id: number;
  readonly origin: string;
  readonly servicePointId: number;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly applicant: { name: string; phone: string; personalId: string | null };
  readonly address: string;
  readonly commune: { code: string; name: string; requestedCode: string };
  readonly windowFrom: string | null;
  readonly windowTo: string | null;
  readonly note: string | null;
  readonly draft: Record<string, unknown>;
  readonly feeVnd: number;
  readonly postageVnd: number;
  readonly receiptId: number | null;
  readonly sealedAt: string | null;
  readonly dossierCode: string | null;
  readonly createdAt: string;
  readonly legs: LegView[];
}

export interface ShipmentRow {
  id: number; origin: string; service_point_id: number; procedure_code: string; procedure_name: string; applicant: Record<string, unknown>;
  personal_id: string | null; address: string; commune_code: string; commune_name: string; requested_commune_code: string;
  window_from: Date | null; window_to: Date | null; note: string | null; draft: Record<string, unknown>; fee_vnd: number; postage_vnd: number;
  receipt_id: number | null; sealed_at: Date | null; dossier_code: string | null; created_at: Date;
}

export interface LegRowWithEvents {
  id: number; kind: LegKind; tracking_number: string; courier_id: number | null; courier_name: string | null; agency_id: number | null;
  recipient: Record<string, unknown> | null;
  dossier_codes: string[];
  contents: string | null;
  weight_grams: number | null; postage_vnd: number | null; postage_zone: Zone | null; postage_tariff_id: string | null; postage_at: Date | null;
  events: (TrailEvent & { actorName: string | null })[];
}

/** The postage columns of a leg not priced (the public tracking reads no more than this). */
export const UNPRICED = { weight_grams: null, postage_vnd: null, postage_zone: null, postage_tariff_id: null, postage_at: null } as const;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function legView(l: LegRowWithEvents): LegView {
  const trail = foldTrail(l.events, l.kind);
  const names = new Map(l.events.map((e) => [e.eventId, e.actorName]));
  const status = trail.status ?? 'requested';
  return {
    id: l.id, kind: l.kind, trackingNumber: l.tracking_number, status, statusLabel: legStatusLabel(l.kind, status), courierId: l.courier_id,
    courierName: l.courier_name, agencyId: l.agency_id,
    recipient: l.recipient ? { name: str(l.recipient.name) ?? '', personalId: str(l.recipient.personalId) } : null,
    failedAttempts: trail.failedAttempts.length, dossierCodes: l.dossier_codes, contents: l.contents,
    postage: l.weight_grams !== null && l.postage_vnd !== null && l.postage_zone !== null && l.postage_tariff_id !== null && l.postage_at !== null
      ? { weightGrams: l.weight_grams, amountVnd: l.postage_vnd, zone: l.postage_zone, tariffId: l.postage_tariff_id, at: l.postage_at.toISOString() }
      : null,
    trail: trail.entries.map((e) => ({
      eventId: e.eventId, kind: e.kind, label: trailLabel(l.kind, e.kind), at: e.at, source: e.source, applied: e.applied, note: e.note ?? null,
      actorName: names.get(e.eventId) ?? null, position: e.position ?? null,
    })),
  };
}

export function shipmentView(s: ShipmentRow, legs: readonly LegRowWithEvents[]): ShipmentView {
  return {
    id: s.id, origin: s.origin, servicePointId: s.service_point_id, procedureCode: s.procedure_code, procedureName: s.procedure_name,
    applicant: { name: str(s.applicant.name) ?? '', phone: str(s.applicant.phone) ?? '', personalId: s.personal_id },
    address: s.address, commune: { code: s.commune_code, name: s.commune_name, requestedCode: s.requested_commune_code },
    windowFrom: s.window_from?.toISOString() ?? null, windowTo: s.window_to?.toISOString() ?? null, note: s.note, draft: s.draft,
    feeVnd: s.fee_vnd, postageVnd: s.postage_vnd, receiptId: s.receipt_id, sealedAt: s.sealed_at?.toISOString() ?? null,
    dossierCode: s.dossier_code, createdAt: s.created_at.toISOString(), legs: legs.map(legView),
  };
}

/** Public tracking of a leg: its kind, status and trail labels with times — no names, no addresses, no notes. */
export interface PublicTrackingView {
  readonly trackingNumber: string;
  readonly kind: LegKind;
  readonly status: LegStatus;
  readonly statusLabel: string;
  readonly procedureName: string;
  readonly communeName: string;
  readonly steps: { label: string; at: string }[];
}

export function publicTrackingView(l: LegRowWithEvents, procedureName: string, communeName: string): PublicTrackingView {
  const v = legView(l);
  return {
    trackingNumber: v.trackingNumber, kind: v.kind, status: v.status, statusLabel: v.statusLabel, procedureName, communeName,
    steps: v.trail.filter((e) => e.applied).map((e) => ({ label: e.label, at: e.at })),
  };
}
