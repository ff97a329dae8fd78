// The postal capability's types and pure rules (DOMAIN §5; QĐ 45/2016/QĐ-TTg, TT 17/2017/TT-BTTTT):
// shipments and their legs, the status trail of a leg as a fold of its events, and the inputs of
// the use cases. No I/O, no clock: times are arguments.
import labels from './labels.vi.json';

/**
 * A leg is one carriage: `pickup` applicant → post office (QĐ 45 art. 6), `toAgency` post → the
 * competent agency (art. 7), `result` agency → applicant (arts. 9–10), `transfer` between
 * agencies (TT 17 art. 16.2 as DOMAIN §5.2 step 13).
 */
export const legKinds = ['pickup', 'toAgency', 'result', 'transfer'] as const;
export type LegKind = (typeof legKinds)[number];

export const legStatuses = ['requested', 'assigned', 'collected', 'handedOver', 'delivered', 'failedAttempt', 'returnedToAgency', 'withdrawn'] as const;
export type LegStatus = (typeof legStatuses)[number];

/** What a trail event says happened; each status-changing kind names the status it leads to. */
export const trailKinds = ['requested', 'assigned', 'collected', 'inTransit', 'handedOver', 'delivered', 'failedAttempt', 'returnedToAgency', 'withdrawn', 'incident', 'incidentResolved'] as const;
export type TrailKind = (typeof trailKinds)[number];

export const legStatusLabels = labels.legStatus satisfies Record<LegStatus, string>;

export const trailLabels = { ...legStatusLabels, ...labels.trail } satisfies Record<TrailKind, string>;

/** Where a leg kind's words differ from the common ones: a result is collected from the agency, a pickup ends at the post office. */
const labelsByKind = labels.legStatusByKind satisfies Record<LegKind, Partial<Record<LegStatus, string>>>;

/** A leg's status in the words of its kind (a result leg's `collected` is "Đã nhận kết quả từ cơ quan"). */
export const legStatusLabel = (kind: LegKind, status: LegStatus): string => (labelsByKind[kind] as Partial<Record<LegStatus, string>>)[status] ?? legStatusLabels[status];

/** A trail event's label in the words of its leg's kind. */
export const trailLabel = (kind: LegKind, event: TrailKind): string =>
  (legStatuses as readonly string[]).includes(event) ? legStatusLabel(kind, event as LegStatus) : trailLabels[event];

/**
 * The statuses a trail event may follow, per event kind (null: the event keeps the status — a
 * position report in transit). A courier may be re-assigned before collection; a failed attempt
 * may be followed by another attempt, a delivery, or (after two, QĐ 45 art. 10 / DOMAIN §5.2
 * step 11) the return to the agency.
 */
export const trailTransitions = {
  requested: { from: [], to: 'requested' },
  assigned: { from: ['requested', 'assigned'], to: 'assigned' },
  collected: { from: ['assigned'], to: 'collected' },
  inTransit: { from: ['collected', 'failedAttempt'], to: null },
  handedOver: { from: ['collected'], to: 'handedOver' },
  delivered: { from: ['collected', 'failedAttempt'], to: 'delivered' },
  failedAttempt: { from: ['collected', 'failedAttempt'], to: 'failedAttempt' },
  returnedToAgency: { from: ['failedAttempt'], to: 'returnedToAgency' },
  // the applicant cancelled the visit before the courier came (a booked visit at home, issue 14): the pickup ends
  withdrawn: { from: ['requested', 'assigned'], to: 'withdrawn' },
  // an incident or complaint (incidents.ts) and its resolution are written on the trail at any status and keep it
  incident: { from: legStatuses, to: null },
  incidentResolved: { from: legStatuses, to: null },
} as const satisfies Record<TrailKind, { from: readonly LegStatus[]; to: LegStatus | null }>;

/** Which leg kinds end with which event: handed over to an agency, or delivered to the applicant. */
export const legEnds = {
  pickup: ['handedOver', 'withdrawn'],
  toAgency: ['handedOver'],
  transfer: ['handedOver'],
  result: ['delivered', 'returnedToAgency'],
} as const satisfies Record<LegKind, readonly TrailKind[]>;

export interface TrailEvent {
  /** unique per leg: the courier's or the carrier's id of the event (a repeat is the same event) */
  readonly eventId: string;
  readonly kind: TrailKind;
  /** when it happened (ISO instant), not when it reached us */
  readonly at: string;
  readonly source: 'staff' | 'courier' | 'carrier' | 'system';
  readonly note?: string;
  readonly position?: { readonly lat: number; readonly lon: number } | null;
}

export interface TrailEntry extends TrailEvent {
  /** false when the event does not fit the trail where its time puts it (kept, shown, not folded) */
  readonly applied: boolean;
}

export interface Trail {
  readonly status: LegStatus | null;
  readonly entries: readonly TrailEntry[];
  readonly failedAttempts: readonly string[];
}

const kindRank = new Map<TrailKind, number>(trailKinds.map((k, i) => [k, i]));

/** The trail's order: by the time it happened, then by the lifecycle's order of kinds, then by id. */
export function compareTrailEvents(a: TrailEvent, b: TrailEvent): number {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta - tb;
  const ka = kindRank.get(a.kind) ?? 0;
  const kb = kindRank.get(b.kind) ?? 0;
  if (ka !== kb) return ka - kb;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Ends belong to kinds: a hand-over ends a leg to an agency (or the post office), a delivery or a return only a result leg. */
const endsOnlyFor: Partial<Record<TrailKind, readonly LegKind[]>> = {
  handedOver: ['pickup', 'toAgency', 'transfer'], delivered: ['result'], returnedToAgency: ['result'], withdrawn: ['pickup'],
};
const endsFit = (event: TrailKind, legKind: LegKind): boolean => endsOnlyFor[event]?.includes(legKind) ?? true;

/**
 * The trail of a leg from its events, whatever order they arrived in and however many times each
 * came: one entry per event id (the first received wins), ordered by `compareTrailEvents`, and the
 * status folded over them — an event that does not fit where its time puts it is kept but not
 * applied (with the leg's kind: an end that is not its kind's — a carrier's "delivered" on a leg to
 * an agency — never fits). The result depends only on the set of events, never on their arrival
 * order (TT 17 art. 12: track and trace must be accurate).
 */
export function foldTrail(events: readonly TrailEvent[], legKind?: LegKind): Trail {
  const byId = new Map<string, TrailEvent>();
  for (const e of events) if (!byId.has(e.eventId)) byId.set(e.eventId, e);
  const ordered = [...byId.values()].sort(compareTrailEvents);
  let status: LegStatus | null = null;
  const entries: TrailEntry[] = [];
  const failedAttempts: string[] = [];
  for (const e of ordered) {
    const t = trailTransitions[e.kind];
    const fits = (status === null ? e.kind === 'requested' : (t.from as readonly LegStatus[]).includes(status)) && (legKind === undefined || endsFit(e.kind, legKind));
    if (fits && t.to !== null) status = t.to;
    if (fits && e.kind === 'failedAttempt') failedAttempts.push(e.at);
    entries.push({ ...e, applied: fits });
  }
  return { status, entries, failedAttempts };
}

/** Whether an event of this kind may be recorded now, on a leg at this status. */
export const mayRecord = (status: LegStatus, kind: TrailKind): boolean => (trailTransitions[kind].from as readonly LegStatus[]).includes(status);

// ── Inputs of the use cases ──────────────────────────────────────────────────────────────────

export const pickupOrigins = ['portal', 'counter', 'phone'] as const;
export type PickupOrigin = (typeof pickupOrigins)[number];

export interface PickupRequestInput {
  readonly procedureCode: string;
  /** portal: the citizen's own; counter or phone: entered by the clerk */
  readonly origin?: PickupOrigin;
  readonly applicant: { readonly name: string; readonly phone: string; readonly personalId?: string };
  readonly address: string;
  /** statistics code of the commune, current or a pre-2025 one (translated through the succession) */
  readonly communeCode: string;
  /** the requested time window (ISO instants) */
  readonly windowFrom: string;
  readonly windowTo: string;
  /** the post office that serves it: the clerk's own when absent */
  readonly servicePointCode?: string;
  readonly note?: string;
}

export interface Position { readonly lat: number; readonly lon: number }

/** A signature drawn on the courier's screen: a PNG data URL, and who signed. */
export interface SignatureInput {
  readonly name: string;
  readonly personalId?: string;
  readonly image: string;
}

export const WINDOW_MAX_HOURS = 12;

/** The problems of a requested time window (from before to, not in the past, at most 12 h long, within 60 days). */
export function windowProblems(from: string, to: string, now: Date): { path: string; message: string }[] {
  const f = Date.parse(from);
  const t = Date.parse(to);
  if (Number.isNaN(f) || Number.isNaN(t)) return [{ path: 'windowFrom', message: 'Khung giờ hẹn không hợp lệ.' }];
  if (t <= f) return [{ path: 'windowTo', message: 'Giờ kết thúc phải sau giờ bắt đầu.' }];
  if (t < now.getTime()) return [{ path: 'windowTo', message: 'Khung giờ hẹn đã qua.' }];
  if (t - f > WINDOW_MAX_HOURS * 3_600_000) return [{ path: 'windowTo', message: `Khung giờ hẹn dài quá ${WINDOW_MAX_HOURS} giờ.` }];
  if (f - now.getTime() > 60 * 86_400_000) return [{ path: 'windowFrom', message: 'Chỉ hẹn lấy hồ sơ trong vòng 60 ngày.' }];
  return [];
}

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const SIGNATURE_MAX_BYTES = 200_000;

/** The PNG bytes of a signature's data URL, or null when it is not a PNG (or too big, or empty). */
export function signaturePng(image: string): Buffer | null {
  const m = PNG_DATA_URL.exec(image);
  if (!m?.[1]) return null;
  const bytes = Buffer.from(m[1], 'base64');
  if (bytes.length < 67 || bytes.length > SIGNATURE_MAX_BYTES || !bytes.subarray(0, 8).equals(PNG_MAGIC)) return null;
  return bytes;
}

/** Names compared as people read them: case, spaces and Unicode form ignored (diacritics kept). */
export const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi') === b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
