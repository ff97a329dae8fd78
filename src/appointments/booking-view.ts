// What a booking looks like to the people who read it: the citizen (through the signed link), the
// staff of the point, and the answer of a booking or a reschedule.
import type { Selectable } from 'kysely';
import type { BookingsTable } from '../platform/db/schema';
import { formatVnInstant } from '../shared/civil-date';
import { normalizeVietnameseMobile } from '../notifications/sms';
import { bookingStatusLabels, purposeLabels, type BookingChannel, type BookingStatus, type Purpose } from './model';
import { mask } from './one-time-codes';

export interface PaperToBring {
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
  /** required: always; conditional: only in the case its text names; showOnly: shown, not kept */
  readonly requirement: string;
  /** already in the applicant's document store ("đã có trong kho"); null: not disclosed to this reader */
  readonly inStore: boolean | null;
}

/** How many of the papers the applicant's store already holds (shown without names to readers who may not see them). */
export interface StoreHeld {
  readonly held: number;
  readonly of: number;
}

export interface BookingView {
  readonly code: string;
  readonly status: BookingStatus;
  readonly statusLabel: string;
  readonly purpose: Purpose;
  readonly purposeLabel: string;
  readonly servicePoint: { readonly code: string; readonly name: string; readonly address: string };
  /** the counter (or 'courier:<account id>' for a visit at home) that serves it */
  readonly seat: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  /** ISO 8601 in Vietnam time, e.g. '2025-04-26T07:30:00+07:00' */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly name: string;
  readonly maskedPhone: string;
  readonly channel: BookingChannel;
  readonly address: string | null;
  /** a visit at home: the address's commune (in force); a reschedule offers the slots of the same commune */
  readonly communeCode: string | null;
  readonly dossierCode: string | null;
}

export interface BookingWithLink extends BookingView {
  /** the token of the cancel/reschedule link (no sign-in): `/dat-lich/{code}?t={token}` */
  readonly manageToken: string;
  readonly papers: PaperToBring[];
  /** null: no personal ID given, or a reader who may not know */
  readonly store: StoreHeld | null;
}

export type BookingRow = Selectable<BookingsTable>;

/** `point` may be the directory's whole service point: only its code, name and address are shown. */
export function bookingView(row: BookingRow, point: { code: string; name: string; address: string }): BookingView {
  return {
    code: row.code, status: row.status, statusLabel: bookingStatusLabels[row.status], purpose: row.purpose, purposeLabel: purposeLabels[row.purpose],
    servicePoint: { code: point.code, name: point.name, address: point.address }, seat: row.seat, procedureCode: row.procedure_code, procedureName: row.procedure_name,
    startsAt: formatVnInstant(row.starts_at.getTime()), endsAt: formatVnInstant(row.ends_at.getTime()),
    name: row.name, maskedPhone: mask(normalizeVietnameseMobile(row.phone) ?? row.phone), channel: row.channel,
    address: row.address, communeCode: row.commune_code, dossierCode: row.dossier_code,
  };
}

/** The path of the manage page a link opens (the portal's booking page). */
export const manageLinkPath = (code: string, token: string): string => `/dat-lich/${encodeURIComponent(code)}?t=${encodeURIComponent(token)}`;
