// What every outgoing channel adapter (mail, SMS; real or simulated) shares: the idempotency key
// it is given, the receipt it returns and the one error it throws, which says whether trying
// again can help.

/** What an adapter returns once the server or gateway has accepted the message. */
export interface SentReceipt {
  /** The id the server or gateway gave the message (SMTP Message-ID, gateway id), if any. */
  readonly providerId: string | null;
  /** The gateway had already accepted a message with this idempotency key (nothing new was sent). */
  readonly duplicate?: boolean;
}

/**
 * A refused or failed send. `permanent`: the message itself cannot be delivered (bad number, text
 * too long, recipient refused) — no retry; otherwise the outbox tries again after a back-off, or
 * after `retryAfterSeconds` when the gateway said so.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly retryAfterSeconds: number | null;
  constructor(message: string, options: { readonly permanent: boolean; readonly retryAfterSeconds?: number | null }) {
    super(message);
    this.name = 'DeliveryError';
    this.permanent = options.permanent;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

export const isDeliveryError = (e: unknown): e is DeliveryError => e instanceof DeliveryError;

/**
 * The idempotency key of an outbox row, the same on every attempt: its id and the instant it was
 * written (ms), so that two databases sharing one gateway account (staging and production, or a
 * database restored under a rewound sequence) never present one key for two messages.
 */
export const idempotencyKeyOf = (row: { readonly id: number; readonly createdAt: Date }): string => `motcua-outbox-${row.id}-${row.createdAt.getTime()}`;
