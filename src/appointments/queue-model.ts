// The counter queue's rules (issue 14 §4). Pure: no I/O, no clock reads (time is an argument).
// Who is called next, how a ticket reads and is announced, and the waiting and service figures.
import labels from './labels.vi.json';

export const ticketKinds = ['booked', 'walk_in'] as const;
export type TicketKind = (typeof ticketKinds)[number];

export const ticketStatuses = ['waiting', 'called', 'served', 'no_show'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketStatusLabels = labels.ticketStatus satisfies Record<TicketStatus, string>;

/**
 * How the queue favours people: `first` calls priority walk-ins (the elderly, the disabled,
 * pregnant women) before the other walk-ins; `off` treats them as any walk-in. Booked tickets
 * whose time has come are always called first: the appointment is a promise.
 */
export const priorityModes = ['first', 'off'] as const;
export type PriorityMode = (typeof priorityModes)[number];

export interface QueuePolicy {
  readonly priority: PriorityMode;
  /** A booked citizen who arrives early is called up to this many minutes before their time. */
  readonly bookedEarlyMinutes: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = { priority: 'first', bookedEarlyMinutes: 10 };

/** Served within this many minutes of waiting counts as "served within 15 minutes" in the reports. */
export const SERVED_WITHIN_MINUTES = 15;

export interface WaitingTicket {
  readonly id: number;
  readonly number: number;
  readonly kind: TicketKind;
  readonly priority: boolean;
  /** the appointment's start (booked tickets only) */
  readonly bookedAt: Date | null;
  readonly issuedAt: Date;
}

/**
 * The order in which waiting tickets are called at `now`:
 * 1. booked tickets whose time has come (within `bookedEarlyMinutes`), earliest appointment first;
 * 2. priority walk-ins, in the order they came (when the policy puts them first);
 * 3. walk-ins, in the order they came (ticket number);
 * 4. booked tickets still early, earliest appointment first — a counter with nobody else to serve
 *    does not sit idle.
 */
export function callOrder<T extends WaitingTicket>(waiting: readonly T[], now: Date, policy: QueuePolicy): T[] {
  const rank = (t: T): number => {
    if (t.kind === 'booked') return isBookingDue(t, now, policy) ? 0 : 3;
    return policy.priority === 'first' && t.priority ? 1 : 2;
  };
  const bookedTime = (t: T): number => t.bookedAt?.getTime() ?? t.issuedAt.getTime();
  return [...waiting].sort((a, b) => rank(a) - rank(b)
    || (a.kind === 'booked' && b.kind === 'booked' ? bookedTime(a) - bookedTime(b) : 0)
    || a.number - b.number);
}

/**
 * The next ticket to call, or null when nobody waits. `callable` keeps out the tickets the calling
 * counter may not take (a booked ticket goes to a counter that serves its procedure — for a
 * result's pickup, a counter that returns that procedure's results): they wait for another counter.
 */
export function nextToCall<T extends WaitingTicket>(waiting: readonly T[], now: Date, policy: QueuePolicy, callable: (t: T) => boolean = () => true): T | null {
  return callOrder(waiting.filter(callable), now, policy)[0] ?? null;
}

/** Which procedures each counter serves (appointment_counter_procedures): a counter without any serves every procedure. */
export function counterServes(served: readonly { readonly counter_code: string; readonly procedure_code: string }[], counterCode: string, procedureCode: string): boolean {
  const own = served.filter((r) => r.counter_code === counterCode);
  return own.length === 0 || own.some((r) => r.procedure_code === procedureCode);
}

export function isBookingDue(t: Pick<WaitingTicket, 'kind' | 'bookedAt'>, now: Date, policy: QueuePolicy): boolean {
  return t.kind === 'booked' && t.bookedAt !== null && t.bookedAt.getTime() - policy.bookedEarlyMinutes * 60_000 <= now.getTime();
}

/** "H012" for a booked ticket ("hẹn"), "012" for a walk-in: the letter tells the clerk and the display which it is. */
export function ticketLabel(t: { readonly number: number; readonly kind: TicketKind }): string {
  const digits = String(t.number).padStart(3, '0');
  return t.kind === 'booked' ? `H${digits}` : digits;
}

/** What the display says aloud: every digit spoken, so that "012" is not heard as twelve. */
export function callAnnouncement(t: { readonly number: number; readonly kind: TicketKind }, counterName: string): string {
  const spoken = [...String(t.number).padStart(3, '0')].map((d) => digitWords[Number(d)]).join(' ');
  const prefix = t.kind === 'booked' ? 'Mời công dân có lịch hẹn, số' : 'Mời công dân có số';
  return `${prefix} ${spoken}, đến ${counterName}.`;
}

const digitWords = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/**
 * Minutes a ticket waited: from taking the ticket to its first call — for a booked citizen who came
 * early, from the appointment's start (the wait the service point owes them).
 */
export function waitMinutes(t: { readonly issuedAt: Date; readonly bookedAt: Date | null; readonly calledAt: Date }): number {
  const from = Math.max(t.issuedAt.getTime(), t.bookedAt?.getTime() ?? 0);
  return Math.max(0, (t.calledAt.getTime() - from) / 60_000);
}

export interface QueueFigures {
  /** tickets issued */
  readonly issued: number;
  /** tickets called at least once */
  readonly called: number;
  readonly served: number;
  readonly noShow: number;
  /** average wait of the called tickets, minutes with one decimal (null: none called) */
  readonly averageWaitMinutes: number | null;
  /** share of the called tickets called within 15 minutes, percent with one decimal (null: none called) */
  readonly calledWithin15Percent: number | null;
  /** average service time of the served tickets (first call → served), minutes with one decimal */
  readonly averageServiceMinutes: number | null;
}

export interface TicketTimes {
  readonly status: TicketStatus;
  readonly issuedAt: Date;
  readonly bookedAt: Date | null;
  readonly calledAt: Date | null;
  readonly finishedAt: Date | null;
}

const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

/** The figures of a set of tickets (a service point's day, a unit's month). */
export function queueFigures(tickets: readonly TicketTimes[]): QueueFigures {
  const waits = tickets.flatMap((t) => (t.calledAt ? [waitMinutes({ issuedAt: t.issuedAt, bookedAt: t.bookedAt, calledAt: t.calledAt })] : []));
  const services = tickets.flatMap((t) => (t.status === 'served' && t.calledAt && t.finishedAt ? [(t.finishedAt.getTime() - t.calledAt.getTime()) / 60_000] : []));
  const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : oneDecimal(xs.reduce((a, b) => a + b, 0) / xs.length));
  return {
    issued: tickets.length,
    called: waits.length,
    served: tickets.filter((t) => t.status === 'served').length,
    noShow: tickets.filter((t) => t.status === 'no_show').length,
    averageWaitMinutes: mean(waits),
    calledWithin15Percent: waits.length === 0 ? null : oneDecimal((100 * waits.filter((w) => w <= SERVED_WITHIN_MINUTES).length) / waits.length),
    averageServiceMinutes: mean(services),
  };
}

/** A booking code as typed at the kiosk: letters and digits, upper case, no spaces or dashes. */
export function normaliseBookingCode(text: string): string | null {
  const code = text.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{4,32}$/.test(code) ? code : null;
}
