import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanText, formatDuration, formatPlaceDate, formatShortDateTime, formatVnd, formatVnDate, formatVnDateTime,
  formNumberLabel, groupThousands, toVnWallClock,
} from './format';
import { vn } from './fixtures.test-helper';

const originalTz = process.env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe('Vietnamese dates and times', () => {
  it('prints hours, minutes and the date in Vietnam time', () => {
    expect(formatVnDateTime(vn('2026-03-05 10:30'))).toBe('10 giờ 30 phút, ngày 05 tháng 03 năm 2026');
    expect(formatVnDate(vn('2026-03-05 10:30'))).toBe('ngày 05 tháng 03 năm 2026');
    expect(formatPlaceDate('Đồng Tháp', vn('2026-03-05 10:30'))).toBe('Đồng Tháp, ngày 05 tháng 03 năm 2026');
  });

  it('an instant late on the UTC day is already the next day in Vietnam', () => {
    const instant = new Date('2026-03-04T17:30:00Z');
    expect(formatVnDateTime(instant)).toBe('00 giờ 30 phút, ngày 05 tháng 03 năm 2026');
    expect(formatShortDateTime(instant)).toBe('05/03/2026 00:30');
  });

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('does not depend on the server time zone (%s)', (tz) => {
    process.env['TZ'] = tz;
    expect(formatVnDateTime(new Date('2025-12-31T23:59:00Z'))).toBe('06 giờ 59 phút, ngày 01 tháng 01 năm 2026');
  });

  it('prints blanks for an invalid date instead of NaN', () => {
    expect(formatVnDateTime(new Date(Number.NaN))).toBe('… giờ … phút, ngày … tháng … năm …');
    expect(formatShortDateTime(new Date(Number.NaN))).toBe('');
  });

  it('wall-clock dates for spreadsheets read Vietnam time in their UTC fields', () => {
    expect(toVnWallClock(vn('2026-03-05 10:30')).toISOString()).toBe('2026-03-05T10:30:00.000Z');
  });
});

describe('amounts and durations', () => {
  it.each([
    [50_000, '50.000 đồng'],
    [1_250_000, '1.250.000 đồng'],
    [500, '500 đồng'],
    [0, 'Miễn phí'],
  ])('%d VND → %s', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });

  it('groups thousands with dots', () => {
    expect(groupThousands(1_000)).toBe('1.000');
    expect(groupThousands(-25_000)).toBe('-25.000');
  });

  it('names the unit of a duration', () => {
    expect(formatDuration({ value: 15, unit: 'working_days' })).toBe('15 ngày làm việc');
    expect(formatDuration({ value: 8, unit: 'working_hours' })).toBe('8 giờ làm việc');
    expect(formatDuration({ value: 30, unit: 'calendar_days' })).toBe('30 ngày');
    expect(formatDuration({ value: 0.5, unit: 'working_days' })).toBe('0,5 ngày làm việc');
  });
});

describe('form numbers', () => {
  it('follows the form set of the dossier', () => {
    expect(formNumberLabel('2018', 'control')).toBe('Mẫu số 05');
    expect(formNumberLabel('2025', 'control')).toBe('Mẫu số 06');
    expect(formNumberLabel(undefined, 'ledger')).toBe('Mẫu số 07');
    expect(formNumberLabel('2018', 'stop')).toBeNull();
  });
});

describe('cleanText', () => {
  it('composes combining marks into the precomposed Vietnamese letters', () => {
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 A\u0301nh Tuye\u0302\u0301t';
    expect(cleanText(decomposed)).toBe('Nguyễn Thị Ánh Tuyết');
  });

  it('drops control characters and lone surrogates but keeps line breaks', () => {
    expect(cleanText('a\u0000b\r\nc\td\uD800')).toBe('ab\nc d\uFFFD');
  });
});
