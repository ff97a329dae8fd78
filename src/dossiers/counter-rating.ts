// Who may enter a rating at the counter (the `rate` action for a clerk): only the clerk who just
// handed the result over at the counter, on that day, from the counter's rating device. Anyone
// else rates on the portal, so that the staff being rated never fill in their own ratings. Pure.
import { vnDateOfInstant } from '../calendar';

export interface CounterRatingFacts {
  readonly status: string;
  readonly resultDelivery: string | null;
  readonly returnedAt: Date | null;
  /** who recorded the `return` event */
  readonly returnedBy: number | null;
}

export const counterRatingOpen = (d: CounterRatingFacts, clerkId: number, now: Date): boolean =>
  d.status === 'returned' && d.resultDelivery === 'counter' && d.returnedAt !== null
  && vnDateOfInstant(d.returnedAt.getTime()) === vnDateOfInstant(now.getTime()) && d.returnedBy === clerkId;
