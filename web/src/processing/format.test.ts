import { describe, expect, it } from 'vitest';
import { splitWorkingMinutes } from './format';

describe('working time left', () => {
  it.each([
    [480, { overdue: false, days: 1, hours: 0, minutes: 0 }],
    [635, { overdue: false, days: 1, hours: 2, minutes: 35 }],
    [45, { overdue: false, days: 0, hours: 0, minutes: 45 }],
    [-90, { overdue: true, days: 0, hours: 1, minutes: 30 }],
  ])('splits %i minutes into 8-hour working days', (minutes, parts) => {
    expect(splitWorkingMinutes(minutes)).toEqual(parts);
  });
});
