import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { commonMessages, durationText, type CommonT } from './common';

const i18n = i18next.createInstance();
const untyped = (key: string, options: Record<string, unknown>) => (i18n.t as unknown as (k: string, o: Record<string, unknown>) => string)(key, options);
const tIn = (lng: 'vi' | 'en'): CommonT => ((key: string, vars?: Record<string, unknown>) => untyped(`common.${key}`, { lng, ...vars })) as CommonT;

beforeAll(async () => {
  await i18n.init({
    resources: { vi: { translation: { common: commonMessages.vi } }, en: { translation: { common: commonMessages.en } } },
    lng: 'vi', fallbackLng: 'vi', interpolation: { escapeValue: false },
  });
});

describe('procedure durations', () => {
  it.each([
    [1, 'working_days', '1 working day', '1 ngày làm việc'],
    [15, 'working_days', '15 working days', '15 ngày làm việc'],
    [1, 'working_hours', '1 working hour', '1 giờ làm việc'],
    [4, 'working_hours', '4 working hours', '4 giờ làm việc'],
    [1, 'calendar_days', '1 day', '1 ngày'],
    [30, 'calendar_days', '30 days', '30 ngày'],
    [0, 'working_days', 'Same day', 'Trong ngày'],
  ])('%i %s reads "%s" and "%s"', (value, unit, english, vietnamese) => {
    expect(durationText(tIn('en'), value, unit)).toBe(english);
    expect(durationText(tIn('vi'), value, unit)).toBe(vietnamese);
  });

  it('reads an unknown unit as working days, the law\'s default', () => {
    expect(durationText(tIn('en'), 2, 'fortnights')).toBe('2 working days');
  });
});
