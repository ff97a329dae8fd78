// What every outgoing channel adapter (mail, SMS; real or simulated) shares: the idempotency key
// it is given, the receipt it returns and the one error it throws, which says whether trying
// again can help; and the shape of the local simulators (failures a test can queue).

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

/** A failure a test asks a simulator for (transient unless `permanent`). */
export interface FailureRequest {
  readonly message?: string;
  readonly permanent?: boolean;
}

/** A local simulator of a channel: a sender whose next sends a test can make fail. */
export interface SimulatedSender<M> {
  readonly description: string;
  send(message: M): Promise<SentReceipt>;
  /** The next `count` sends fail (transient unless `permanent`), before any check. */
  failNext(count: number, failure?: FailureRequest): void;
}

/**
 * A simulator from what it does with an accepted message (`accept`: the gateway's checks, then
 * its record); failures a test queued with `failNext` come first, as DeliveryErrors.
 */
export function simulatedSender<M>(description: string, failureMessage: string, accept: (message: M) => Promise<SentReceipt>): SimulatedSender<M> {
  const failures: { message: string; permanent: boolean }[] = [];
  return {
    description,
    failNext(count, failure = {}) {
      for (let i = 0; i < count; i++) failures.push({ message: failure.message ?? failureMessage, permanent: failure.permanent ?? false });
    },
    async send(message) {
      const failure = failures.shift();
      if (failure) throw new DeliveryError(failure.message, { permanent: failure.permanent });
      return accept(message);
    },
  };
}

/**
 * The idempotency key of an outbox row, the same on every attempt: its id and the instant it was
 * written (ms), so that two databases sharing one gateway account (staging and production, or a
 * database restored under a rewound sequence) never present one key for two messages.
 */
export const idempotencyKeyOf = (row: { readonly id: number; readonly createdAt: Date }): string => `motcua-outbox-${row.id}-${row.createdAt.getTime()}`;
