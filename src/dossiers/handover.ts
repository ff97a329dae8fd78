// Hand-over from the receiving one-stop to the competent agency (ND 61/2018 art. 18). Pure.
//
// - Online dossiers are electronic: accepted by the one-stop, they are handed over at once
//   ("chuyển ngay hồ sơ điện tử", art. 18.1), whatever the agency's setting.
// - Counter and postal dossiers follow the competent agency's setting (`agencies.handover`,
//   migration 0090): 'electronic' — the agency's desk takes them as soon as they are received;
//   'paper' (the default) — the receiving point's clerk hands each one over with the action
//   "Chuyển đến <agency>", the same working day, or at the start of the next one when received
//   after 15:00 (art. 18.2).
import { DEFAULT_CUTOFF, type WorkCalendar } from '../calendar';
import { parseHhMm, vnDayNumberOfInstant, vnMsOfDay, type EpochMs } from '../shared/civil-date';
import type { Channel } from './model';

export const handoverModes = ['paper', 'electronic'] as const;
export type HandoverMode = (typeof handoverModes)[number];

/** The default of `agencies.handover`: nothing reaches an agency's desk without the one-stop's act. */
export const DEFAULT_HANDOVER: HandoverMode = 'paper';

/** How a dossier received through `channel` reaches an agency whose setting is `agencySetting`. */
export const handoverMode = (channel: Channel, agencySetting: HandoverMode): HandoverMode =>
  channel === 'online' ? 'electronic' : agencySetting;

/** Whether the dossier goes to the agency's queue without the clerk's action, as soon as it is received. */
export const handsOverOnReceipt = (channel: Channel, agencySetting: HandoverMode): boolean =>
  handoverMode(channel, agencySetting) === 'electronic';

/** What the event of a hand-over records: where the dossier went, and how. */
export interface HandoverFacts {
  readonly toAgencyId: number;
  readonly toAgencyName: string;
  readonly unitPath: string;
  readonly handover: HandoverMode;
  /** true: done by the system at receipt (electronic hand-over); false: the clerk's action */
  readonly automatic: boolean;
}

export function handoverFacts(
  dossier: { readonly channel: Channel; readonly unitPath: string },
  agency: { readonly id: number; readonly name: string; readonly handover: HandoverMode },
  automatic: boolean,
): HandoverFacts {
  return { toAgencyId: agency.id, toAgencyName: agency.name, unitPath: dossier.unitPath, handover: handoverMode(dossier.channel, agency.handover), automatic };
}

const HOUR_MS = 3_600_000;

/**
 * By when a paper hand-over is owed (art. 18.2): received on a working day up to the cut-off
 * (15:00) → the end of that working day; after it, or on a day off → the start of the next working
 * day, read as its first working hour ("đầu giờ ngày làm việc tiếp theo").
 */
export function paperHandoverDueAt(receivedAt: EpochMs, calendar: WorkCalendar, cutoff: string = DEFAULT_CUTOFF): EpochMs {
  const day = vnDayNumberOfInstant(receivedAt);
  const cutoffMs = (parseHhMm(cutoff) ?? 15 * 60) * 60_000;
  if (calendar.isWorkingDayNumber(day) && vnMsOfDay(receivedAt) <= cutoffMs) return calendar.endOfWorkingDay(day);
  return calendar.instantAtWorkingTime(calendar.workingTimeAtNextWorkingDayStart(receivedAt) + HOUR_MS);
}
