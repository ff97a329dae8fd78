import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config';
import { FORM_SET_2025_FROM_DEFAULT, formSetFor } from './form-set';

describe('form set by receipt date', () => {
  it.each([
    ['2025-06-30', FORM_SET_2025_FROM_DEFAULT, '2018'],
    ['2025-07-01', FORM_SET_2025_FROM_DEFAULT, '2025'],
    ['2026-03-02', FORM_SET_2025_FROM_DEFAULT, '2025'],
    ['2025-07-14', '2025-07-15', '2018'], // a province that switched later (configuration)
    ['2025-07-15', '2025-07-15', '2025'],
  ])('received %s, switch %s → %s', (day, switchDate, set) => {
    expect(formSetFor(day, switchDate)).toBe(set);
  });

  it('the switch date is configuration with a documented default, and a malformed one is refused', () => {
    expect(loadConfig({}).formSet2025From).toBe('2025-07-01');
    expect(loadConfig({ MOTCUA_FORM_SET_2025_FROM: '2025-08-01' }).formSet2025From).toBe('2025-08-01');
    expect(() => loadConfig({ MOTCUA_FORM_SET_2025_FROM: '01/07/2025' })).toThrow(/MOTCUA_FORM_SET_2025_FROM/);
  });
});
