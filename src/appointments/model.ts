// Appointments ("Hẹn giờ", issue 14): the words, the defaults and the small pure rules of
// bookings. Slots are computed in slots.ts; one-time codes in one-time-codes.ts.
import { normalizeVietnameseMobile } from '../notifications/sms';
import labels from './labels.vi.json';

/** What a booked time is for: intake of a dossier at a counter, result pickup, or a courier's visit at home. */
export const purposes = ['intake', 'pickup', 'home'] as const;
export type Purpose = (typeof purposes)[number];

export const purposeLabels = labels.purpose satisfies Record<Purpose, string>;

export const bookingStatuses = ['booked', 'arrived', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export const bookingStatusLabels = labels.bookingStatus satisfies Record<BookingStatus, string>;

/** Who made the booking: the citizen on the portal, a clerk at the counter, a phone operator. */
export const channels = ['portal', 'counter', 'phone'] as const;
export type BookingChannel = (typeof channels)[number];

export const channelLabels = labels.channel satisfies Record<BookingChannel, string>;

/** Minutes one service takes when the procedure has no duration of its own for the purpose. */
export const DEFAULT_DURATION_MINUTES = { intake: 20, pickup: 10, home: 30 } as const satisfies Record<Purpose, number>;

export interface BookingRules {
  /** A slot can be booked only this long before it starts. */
  readonly minNoticeMinutes: number;
  /** Bookable days ahead, counted from today (Vietnam time). */
  readonly horizonDays: number;
  /** Kept for the settings' API; the capacity at home is the couriers visiting the address's commune (courier_areas). */
  readonly homeCouriers: number;
  /** Travel between two visits in different communes when the directory lacks a commune's centre (home-travel.ts). */
  readonly homeTravelMinutes: number;
}

export const DEFAULT_RULES: BookingRules = { minNoticeMinutes: 120, horizonDays: 30, homeCouriers: 2, homeTravelMinutes: 20 };

/** Minutes after its end when a booking still 'booked' counts as a no-show (the job records it). */
export const NO_SHOW_GRACE_MINUTES = 30;

/**
 * Who holds a booking, for "one future booking per procedure": the personal ID, or the verified
 * phone when no ID is given (as 84…, so 0912… and +84912… are one person).
 */
export function holderKeyOf(personalId: string | null, phone: string): string | null {
  if (personalId) return `id:${personalId}`;
  const mobile = normalizeVietnameseMobile(phone);
  return mobile ? `phone:${mobile}` : null;
}

/** 'HG' and 8 characters without look-alikes (0/O, 1/I/L): read out on the phone, typed at the kiosk. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BOOKING_CODE_RE = /^HG[2-9A-HJKMNP-Z]{8}$/;

export function bookingCodeFrom(randomBytes: Uint8Array): string {
  let code = 'HG';
  for (let i = 0; i < 8; i++) code += BOOKING_CODE_ALPHABET[(randomBytes[i] ?? 0) % BOOKING_CODE_ALPHABET.length];
  return code;
}

export const PERSONAL_ID_RE = /^[0-9]{12}$/;

/** What the answer of a booking may say of the applicant's document store (issue 14 §3): the names, or nothing. */
export type StoreDisclosure = 'names' | 'none';

/**
 * The papers the store holds only to a signed-in citizen whose verified personal ID is the
 * booking's; to anyone else — a visitor who typed a personal ID, staff, an unverified account —
 * nothing at all, not even a count: a count would tell a stranger that the person has papers.
 */
export function storeDisclosure(actor: { readonly scope: { readonly kind: string; readonly personalId?: string | null } } | null, personalId: string | null): StoreDisclosure {
  if (personalId === null || actor?.scope.kind !== 'self') return 'none';
  return actor.scope.personalId === personalId ? 'names' : 'none';
}
