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
  /** Couriers of the point who visit homes (the at-home capacity); 0: no visits at home. */
  readonly homeCouriers: number;
  /** Travel between two visits, added after each visit (the postal day plan reads the same). */
  readonly homeTravelMinutes: number;
}

export const DEFAULT_RULES: BookingRules = { minNoticeMinutes: 120, horizonDays: 30, homeCouriers: 2, homeTravelMinutes: 20 };

/** Minutes after its end when a booking still 'booked' counts as a no-show (the job records it). */
export const NO_SHOW_GRACE_MINUTES = 30;

/** The seat of the n-th courier (1-based): at-home bookings are seats too, under the same constraint. */
export const courierSeat = (n: number): string => `courier-${n}`;

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

/** What the answer of a booking may say of the applicant's document store (issue 14 §3). */
export type StoreDisclosure = 'names' | 'count' | 'none';

/**
 * Names of the papers the store holds only to a signed-in citizen whose verified personal ID is the
 * booking's; a count only when a personal ID was given by anyone else (a visitor, staff); nothing
 * without a personal ID or to a signed-in account whose personal ID is not verified.
 */
export function storeDisclosure(actor: { readonly scope: { readonly kind: string; readonly personalId?: string | null } } | null, personalId: string | null): StoreDisclosure {
  if (personalId === null) return 'none';
  if (actor?.scope.kind === 'self') return actor.scope.personalId === personalId ? 'names' : 'none';
  return 'count';
}
