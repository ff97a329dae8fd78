import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTrail, legStatusLabel, sameName, signaturePng, trailLabel, windowProblems, type TrailEvent } from './model';

const ev = (eventId: string, kind: TrailEvent['kind'], at: string, source: TrailEvent['source'] = 'courier'): TrailEvent => ({ eventId, kind, at, source });

// a result leg's life on 7–11/12/2026 (Vietnam time): requested, assigned, collected, an
// in-transit scan, two failed attempts, returned to the agency
const life: TrailEvent[] = [
  ev('r1', 'requested', '2026-12-07T08:00:00+07:00', 'system'),
  ev('a1', 'assigned', '2026-12-07T08:05:00+07:00', 'staff'),
  ev('c1', 'collected', '2026-12-07T09:30:00+07:00'),
  ev('t1', 'inTransit', '2026-12-07T10:00:00+07:00', 'carrier'),
  ev('f1', 'failedAttempt', '2026-12-07T14:00:00+07:00'),
  ev('f2', 'failedAttempt', '2026-12-09T14:00:00+07:00'),
  ev('x1', 'returnedToAgency', '2026-12-10T09:00:00+07:00'),
];

describe('the trail of a leg', () => {
  it('folds a whole life to its last status, with the failed attempts', () => {
    const t = foldTrail(life);
    expect(t.status).toBe('returnedToAgency');
    expect(t.entries.every((e) => e.applied)).toBe(true);
    expect(t.failedAttempts).toEqual(['2026-12-07T14:00:00+07:00', '2026-12-09T14:00:00+07:00']);
  });

  it('keeps an event that does not fit where its time puts it, without applying it', () => {
    // a delivery scan dated before the collection: the carrier's clock or a wrong scan
    const t = foldTrail([...life.slice(0, 2), ev('d0', 'delivered', '2026-12-07T08:10:00+07:00', 'carrier'), life[2] as TrailEvent]);
    expect(t.status).toBe('collected');
    expect(t.entries.find((e) => e.eventId === 'd0')?.applied).toBe(false);
  });

  it('gives one consistent trail whatever the order and however often each event arrives (property)', () => {
    const reference = foldTrail(life);
    fc.assert(fc.property(
      fc.shuffledSubarray(life, { minLength: life.length, maxLength: life.length }),
      fc.array(fc.integer({ min: 0, max: life.length - 1 }), { maxLength: 10 }),
      (shuffled, repeats) => {
        const arrived = [...shuffled, ...repeats.map((i) => life[i] as TrailEvent)];
        expect(foldTrail(arrived)).toEqual(reference);
      },
    ), { numRuns: 500 });
  });

  it('depends only on the set of events for any random events too (property)', () => {
    const kinds = ['requested', 'assigned', 'collected', 'inTransit', 'handedOver', 'delivered', 'failedAttempt', 'returnedToAgency'] as const;
    const arbEvent = fc.record({
      eventId: fc.string({ minLength: 1, maxLength: 3 }),
      kind: fc.constantFrom(...kinds),
      at: fc.integer({ min: 0, max: 20 }).map((h) => new Date(Date.UTC(2026, 11, 7, h)).toISOString()),
      source: fc.constantFrom('courier' as const, 'carrier' as const),
    });
    fc.assert(fc.property(fc.uniqueArray(arbEvent, { selector: (e) => e.eventId, maxLength: 12 }), fc.integer(), (events, seed) => {
      const reversed = [...events].reverse();
      const rotated = events.length === 0 ? events : [...events.slice(Math.abs(seed) % events.length), ...events.slice(0, Math.abs(seed) % events.length)];
      const twice = [...events, ...events];
      const base = foldTrail(events);
      expect(foldTrail(reversed)).toEqual(base);
      expect(foldTrail(rotated)).toEqual(base);
      expect(foldTrail(twice)).toEqual(base);
      // the status is always one a valid sequence reaches: never set by an event that does not fit
      const applied = base.entries.filter((e) => e.applied);
      expect(applied.length === 0 || applied[0]?.kind === 'requested').toBe(true);
    }), { numRuns: 500 });
  });
});

describe('the trail of a toAgency or a transfer leg', () => {
  // post office → agency (or agency → agency) on 7/12/2026: asked, assigned, collected, scanned, an incident, handed over
  const carried: TrailEvent[] = [
    ev('r1', 'requested', '2026-12-07T09:10:00+07:00', 'system'),
    ev('a1', 'assigned', '2026-12-07T09:10:00+07:00', 'system'),
    ev('c1', 'collected', '2026-12-07T13:30:00+07:00'),
    ev('t1', 'inTransit', '2026-12-07T14:00:00+07:00', 'carrier'),
    ev('i1', 'incident', '2026-12-07T14:10:00+07:00', 'staff'),
    ev('h1', 'handedOver', '2026-12-07T15:20:00+07:00'),
  ];

  it('ends handed over whatever the order and however often each event arrives (property)', () => {
    const reference = foldTrail(carried);
    expect(reference.status).toBe('handedOver');
    expect(reference.entries.every((e) => e.applied)).toBe(true);
    fc.assert(fc.property(
      fc.shuffledSubarray(carried, { minLength: carried.length, maxLength: carried.length }),
      fc.array(fc.integer({ min: 0, max: carried.length - 1 }), { maxLength: 10 }),
      (shuffled, repeats) => { expect(foldTrail([...shuffled, ...repeats.map((i) => carried[i] as TrailEvent)])).toEqual(reference); },
    ), { numRuns: 300 });
  });

  it('folds a hand-over record that opens, collects and closes the leg at one instant in the lifecycle\'s order (property)', () => {
    const at = '2026-12-07T15:20:00+07:00';
    const instant = (['requested', 'assigned', 'collected', 'handedOver'] as const).map((k) => ev(`${k}-9`, k, at));
    fc.assert(fc.property(fc.shuffledSubarray(instant, { minLength: 4, maxLength: 4 }), (shuffled) => {
      const t = foldTrail(shuffled);
      expect(t.status).toBe('handedOver');
      expect(t.entries.map((e) => e.kind)).toEqual(['requested', 'assigned', 'collected', 'handedOver']);
    }), { numRuns: 50 });
  });

  it('never lets a delivery end a leg that goes to an agency, nor a hand-over a result leg', () => {
    const withDelivery = [...carried.slice(0, 3), ev('d1', 'delivered', '2026-12-07T13:40:00+07:00', 'carrier'), carried[5] as TrailEvent];
    const t = foldTrail(withDelivery, 'toAgency');
    expect(t.status).toBe('handedOver');
    expect(t.entries.find((e) => e.eventId === 'd1')?.applied).toBe(false);
    const r = foldTrail([...life.slice(0, 3), ev('h9', 'handedOver', '2026-12-07T09:40:00+07:00', 'carrier')], 'result');
    expect(r.status).toBe('collected');
    expect(r.entries.at(-1)?.applied).toBe(false);
  });

  it('speaks of each kind in its own words', () => {
    expect(legStatusLabel('result', 'collected')).toBe('Đã nhận kết quả từ cơ quan');
    expect(trailLabel('result', 'collected')).toBe('Đã nhận kết quả từ cơ quan');
    expect(legStatusLabel('pickup', 'collected')).toBe('Đã nhận, niêm phong');
    expect(legStatusLabel('pickup', 'handedOver')).toBe('Đã về bưu cục, chuyển tiếp đến cơ quan');
    expect(legStatusLabel('toAgency', 'handedOver')).toBe('Đã bàn giao cho cơ quan');
    expect(legStatusLabel('transfer', 'handedOver')).toBe('Đã bàn giao cho cơ quan nhận');
    expect(trailLabel('transfer', 'inTransit')).toBe('Đang vận chuyển');
    expect(legStatusLabel('toAgency', 'assigned')).toBe('Đã giao bưu tá');
  });
});

describe('pickup windows', () => {
  const now = new Date('2026-12-07T08:00:00+07:00');
  it('accepts a 2-hour window this afternoon and names what is wrong otherwise', () => {
    expect(windowProblems('2026-12-07T14:00:00+07:00', '2026-12-07T16:00:00+07:00', now)).toEqual([]);
    expect(windowProblems('2026-12-07T16:00:00+07:00', '2026-12-07T14:00:00+07:00', now)[0]?.path).toBe('windowTo');
    expect(windowProblems('2026-12-06T14:00:00+07:00', '2026-12-06T16:00:00+07:00', now)[0]?.message).toBe('Khung giờ hẹn đã qua.');
    expect(windowProblems('2026-12-08T06:00:00+07:00', '2026-12-08T20:00:00+07:00', now)[0]?.message).toContain('12 giờ');
    expect(windowProblems('2027-03-01T08:00:00+07:00', '2027-03-01T10:00:00+07:00', now)[0]?.path).toBe('windowFrom');
    expect(windowProblems('sáng mai', '2026-12-07T16:00:00+07:00', now)[0]?.path).toBe('windowFrom');
  });
});

describe('signatures', () => {
  // a 1×1 transparent PNG
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  it('takes a PNG data URL and refuses anything else', () => {
    expect(signaturePng(png)?.length).toBeGreaterThan(60);
    expect(signaturePng('data:image/jpeg;base64,/9j/4AAQ')).toBeNull();
    expect(signaturePng(`data:image/png;base64,${Buffer.from('GIF89a not a png at all, padded to be long enough for the size check').toString('base64')}`)).toBeNull();
  });
  it('compares names as people read them, diacritics kept', () => {
    expect(sameName('  nguyễn   văn AN ', 'Nguyễn Văn An')).toBe(true);
    expect(sameName('Nguyen Van An', 'Nguyễn Văn An')).toBe(false);
  });
});
