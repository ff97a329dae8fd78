// The queue's rules (issue 14 §4): booked tickets first at their time, then priority walk-ins, then
// walk-ins in order; labels, the spoken call, and the wait figures of the reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callAnnouncement, callOrder, DEFAULT_QUEUE_POLICY, nextToCall, normaliseBookingCode, queueFigures, ticketLabel, waitMinutes,
  type QueuePolicy, type WaitingTicket,
} from './queue-model';

const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00+07:00`);
const walkIn = (number: number, issued: string, priority = false): WaitingTicket => ({ id: number, number, kind: 'walk_in', priority, bookedAt: null, issuedAt: at(issued) });
const booked = (number: number, issued: string, time: string): WaitingTicket => ({ id: number, number, kind: 'booked', priority: false, bookedAt: at(time), issuedAt: at(issued) });
const policy: QueuePolicy = { priority: 'first', bookedEarlyMinutes: 10 };

describe('who is called next', () => {
  const waiting = [walkIn(1, '08:00'), walkIn(2, '08:02', true), booked(3, '08:05', '09:00'), walkIn(4, '08:06'), booked(5, '08:07', '08:30')];

  it('at 08:10 nobody\'s booking is due: the priority walk-in, then walk-ins in order, then the early booked by their time', () => {
    expect(callOrder(waiting, at('08:10'), policy).map((t) => t.number)).toEqual([2, 1, 4, 5, 3]);
  });

  it('at 08:20 the 08:30 booking is due (10 minutes early allowed) and goes before every walk-in', () => {
    expect(nextToCall(waiting, at('08:20'), policy)?.number).toBe(5);
    expect(nextToCall(waiting, at('08:19'), policy)?.number).toBe(2);
  });

  it('at 09:00 both bookings are due: the earlier appointment first, whatever the ticket numbers', () => {
    expect(callOrder(waiting, at('09:00'), policy).map((t) => t.number)).toEqual([5, 3, 2, 1, 4]);
  });

  it('with priority off, priority walk-ins wait their turn', () => {
    expect(callOrder(waiting, at('08:10'), { ...policy, priority: 'off' }).map((t) => t.number)).toEqual([1, 2, 4, 5, 3]);
  });

  it('nobody waiting: nobody is called', () => {
    expect(nextToCall([], at('08:00'), DEFAULT_QUEUE_POLICY)).toBeNull();
  });

  const ticketArb = fc.record({
    number: fc.integer({ min: 1, max: 500 }), booked: fc.boolean(), priority: fc.boolean(),
    issuedMin: fc.integer({ min: 0, max: 600 }), bookedMin: fc.integer({ min: 0, max: 600 }),
  });
  const ticketsArb = fc.uniqueArray(ticketArb, { selector: (t) => t.number, maxLength: 40 }).map((ts) => ts.map((t): WaitingTicket => ({
    id: t.number, number: t.number, kind: t.booked ? 'booked' : 'walk_in', priority: t.priority,
    bookedAt: t.booked ? new Date(at('07:00').getTime() + t.bookedMin * 60_000) : null, issuedAt: new Date(at('07:00').getTime() + t.issuedMin * 60_000),
  })));
  const nowArb = fc.integer({ min: 0, max: 700 }).map((m) => new Date(at('07:00').getTime() + m * 60_000));

  it('property: the order is a permutation; every due booking comes before every walk-in, and walk-ins of one rank keep their numbers\' order', () => {
    fc.assert(fc.property(ticketsArb, nowArb, fc.constantFrom<QueuePolicy['priority']>('first', 'off'), (tickets, now, priority) => {
      const p = { priority, bookedEarlyMinutes: 10 };
      const order = callOrder(tickets, now, p);
      expect([...order].map((t) => t.number).sort((a, b) => a - b)).toEqual(tickets.map((t) => t.number).sort((a, b) => a - b));
      const due = (t: WaitingTicket) => t.kind === 'booked' && (t.bookedAt?.getTime() ?? 0) - 10 * 60_000 <= now.getTime();
      const lastDue = order.map(due).lastIndexOf(true);
      const firstWalkIn = order.findIndex((t) => t.kind === 'walk_in');
      if (lastDue >= 0 && firstWalkIn >= 0) expect(lastDue).toBeLessThan(firstWalkIn);
      const rankOf = (t: WaitingTicket) => (priority === 'first' && t.priority ? 1 : 2);
      const walkIns = order.filter((t) => t.kind === 'walk_in');
      for (let i = 1; i < walkIns.length; i++) {
        const [a, b] = [walkIns[i - 1] as WaitingTicket, walkIns[i] as WaitingTicket];
        expect(rankOf(a) < rankOf(b) || (rankOf(a) === rankOf(b) && a.number < b.number)).toBe(true);
      }
    }));
  });

  it('property: a walk-in is never passed over by a later walk-in of the same rank, so nobody waits forever behind newcomers', () => {
    fc.assert(fc.property(ticketsArb, nowArb, (tickets, now) => {
      const first = nextToCall(tickets, now, policy);
      if (!first || first.kind !== 'walk_in') return;
      const sameRank = tickets.filter((t) => t.kind === 'walk_in' && t.priority === first.priority);
      expect(first.number).toBe(Math.min(...sameRank.map((t) => t.number)));
    }));
  });
});

describe('how a ticket reads and is announced', () => {
  it('labels a walk-in 007 and a booked ticket H012', () => {
    expect(ticketLabel({ number: 7, kind: 'walk_in' })).toBe('007');
    expect(ticketLabel({ number: 12, kind: 'booked' })).toBe('H012');
    expect(ticketLabel({ number: 1234, kind: 'walk_in' })).toBe('1234');
  });

  it('speaks every digit so that 012 is not heard as twelve', () => {
    expect(callAnnouncement({ number: 12, kind: 'walk_in' }, 'Quầy 2')).toBe('Mời công dân có số không một hai, đến Quầy 2.');
    expect(callAnnouncement({ number: 105, kind: 'booked' }, 'Quầy 1')).toBe('Mời công dân có lịch hẹn, số một không năm, đến Quầy 1.');
  });

  it('reads a booking code as typed at the kiosk', () => {
    expect(normaliseBookingCode(' hg7k-2m9p ')).toBe('HG7K2M9P');
    expect(normaliseBookingCode('ab')).toBeNull();
    expect(normaliseBookingCode('HG7K;DROP')).toBeNull();
  });
});

describe('waiting and service figures', () => {
  it('a walk-in waits from its ticket; a booked citizen who came early waits from their appointment', () => {
    expect(waitMinutes({ issuedAt: at('08:00'), bookedAt: null, calledAt: at('08:12') })).toBe(12);
    expect(waitMinutes({ issuedAt: at('08:40'), bookedAt: at('09:00'), calledAt: at('09:03') })).toBe(3);
    expect(waitMinutes({ issuedAt: at('08:40'), bookedAt: at('09:00'), calledAt: at('08:55') })).toBe(0);
  });

  it('average wait, the share called within 15 minutes and the average service time of a morning', () => {
    const f = queueFigures([
      { status: 'served', issuedAt: at('08:00'), bookedAt: null, calledAt: at('08:05'), finishedAt: at('08:17') }, // waited 5, served 12
      { status: 'served', issuedAt: at('08:01'), bookedAt: null, calledAt: at('08:21'), finishedAt: at('08:29') }, // waited 20, served 8
      { status: 'no_show', issuedAt: at('08:02'), bookedAt: null, calledAt: at('08:17'), finishedAt: at('08:19') }, // waited 15 (counts as within)
      { status: 'waiting', issuedAt: at('08:30'), bookedAt: null, calledAt: null, finishedAt: null },
    ]);
    expect(f).toEqual({ issued: 4, called: 3, served: 2, noShow: 1, averageWaitMinutes: 13.3, calledWithin15Percent: 66.7, averageServiceMinutes: 10 });
  });

  it('no ticket called: no averages rather than zeros', () => {
    expect(queueFigures([])).toMatchObject({ issued: 0, averageWaitMinutes: null, calledWithin15Percent: null, averageServiceMinutes: null });
  });
});
