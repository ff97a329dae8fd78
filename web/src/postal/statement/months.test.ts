import { describe, expect, it } from 'vitest';
import { recentMonths } from './months';

describe('the months a statement offers', () => {
  it('counts back across the new year from the Vietnam date', () => {
    expect(recentMonths('2026-02-14', 4)).toEqual([
      { value: '2026-02', label: '02/2026' }, { value: '2026-01', label: '01/2026' },
      { value: '2025-12', label: '12/2025' }, { value: '2025-11', label: '11/2025' },
    ]);
  });
  it('offers twelve months by default, this one first', () => {
    const months = recentMonths('2026-12-08');
    expect(months).toHaveLength(12);
    expect(months[0]?.value).toBe('2026-12');
    expect(months.at(-1)?.value).toBe('2026-01');
  });
});
