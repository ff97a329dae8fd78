import { describe, expect, it } from 'vitest';
import { draftsOf, itemsOfDrafts, periodsOfText } from './counter-hours-draft';

const data = {
  servicePointCode: 'BD-1', pointWeekly: { 1: ['07:30-11:30', '13:30-17:00'] }, counters: ['Q01', 'Q02'],
  items: [{ counterCode: 'Q02', weekly: { 1: ['07:30-11:30'], 6: ['07:30-11:30'] }, exceptions: [{ date: '2025-04-09', periods: [], reason: 'Tập huấn' }] }],
};

describe('the counters\' hours as the page edits them', () => {
  it('reads periods as people write them, and refuses wrong ones', () => {
    expect(periodsOfText('7:30 - 11:30, 13h30–17:00')).toEqual(['07:30-11:30', '13:30-17:00']);
    expect(periodsOfText('')).toEqual([]);
    expect(periodsOfText('11:30-07:30')).toBeNull();
    expect(periodsOfText('sáng')).toBeNull();
  });

  it('a counter without its own hours starts from the point\'s and is not sent; one with them round-trips', () => {
    const drafts = draftsOf(data);
    expect(drafts.map((d) => [d.code, d.own])).toEqual([['Q01', false], ['Q02', true]]);
    expect(itemsOfDrafts(drafts)).toEqual({ items: data.items, badDays: {}, badExceptions: [] });
  });

  it('names the wrong weekdays and the incomplete exceptions', () => {
    const [q1, q2] = draftsOf(data);
    if (!q1 || !q2) throw new Error('two counters');
    const wrong = itemsOfDrafts([
      { ...q1, own: true, hours: { ...q1.hours, 2: { morningStart: '11:00', morningEnd: '08:00', afternoonStart: '', afternoonEnd: '' } } },
      { ...q2, exceptions: [...q2.exceptions, { date: '2025-04-10', periods: '8-9', reason: 'Nghỉ phép' }, { date: '', periods: '', reason: 'x' }] },
    ]);
    expect(wrong.badDays).toEqual({ Q01: [2] });
    expect(wrong.badExceptions).toEqual(['Q02:1', 'Q02:2']);
  });
});
