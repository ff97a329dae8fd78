import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels } from './model';
import { handoverFacts, handoverMode, handoverModes, handsOverOnReceipt, paperHandoverDueAt } from './handover';
import { show, testCalendar, vn } from '../calendar/deadlines.cases.test-helper';

describe('hand-over to the competent agency (ND 61 art. 18)', () => {
  it.each([
    // channel, agency setting → mode, automatic at receipt
    ['counter', 'paper', 'paper', false],
    ['postal', 'paper', 'paper', false],
    ['counter', 'electronic', 'electronic', true],
    ['postal', 'electronic', 'electronic', true],
    ['online', 'paper', 'electronic', true],
    ['online', 'electronic', 'electronic', true],
  ] as const)('%s dossier, agency "%s": %s hand-over, automatic %s', (channel, setting, mode, automatic) => {
    expect(handoverMode(channel, setting)).toBe(mode);
    expect(handsOverOnReceipt(channel, setting)).toBe(automatic);
  });

  it('online dossiers are always handed over electronically at once, whatever the setting', () => {
    fc.assert(fc.property(fc.constantFrom(...handoverModes), (setting) => handsOverOnReceipt('online', setting)));
    fc.assert(fc.property(fc.constantFrom(...channels), (channel) => handoverMode(channel, 'electronic') === 'electronic'));
  });

  it('records the agency by id and name, the unit path and how it was handed over', () => {
    expect(handoverFacts({ channel: 'counter', unitPath: '/82/28756/' }, { id: 41, name: 'Công an xã Mỹ Hội', handover: 'paper' }, false))
      .toEqual({ toAgencyId: 41, toAgencyName: 'Công an xã Mỹ Hội', unitPath: '/82/28756/', handover: 'paper', automatic: false });
  });
});

describe('by when a paper hand-over is owed (art. 18.2: same working day; after 15:00, the start of the next)', () => {
  it.each([
    { name: 'Mon 09:00 → the same day, closing time', received: '2026-03-02 09:00', due: 'Mon 2026-03-02 17:00' },
    { name: 'Mon 15:00 exactly is not after 15:00', received: '2026-03-02 15:00', due: 'Mon 2026-03-02 17:00' },
    { name: 'Mon 15:01 → Tuesday, first working hour', received: '2026-03-02 15:01', due: 'Tue 2026-03-03 08:00' },
    { name: 'Fri 16:00 → Monday, first working hour', received: '2026-03-06 16:00', due: 'Mon 2026-03-09 08:00' },
    { name: 'Sat (postal hand-over signed on a day off) → Monday', received: '2026-03-07 10:00', due: 'Mon 2026-03-09 08:00' },
    { name: 'Thu 29/04/2026 16:00 before the 30/4–1/5 holidays and the weekend → Mon 04/05', received: '2026-04-29 16:00', due: 'Mon 2026-05-04 08:00' },
  ])('$name', ({ received, due }) => {
    expect(show(paperHandoverDueAt(vn(received), testCalendar))).toBe(due);
  });
});
