import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES, WorkCalendar } from '../calendar';
import { vnInstant, type IsoDate } from '../shared/civil-date';
import { SHIPPED_SERVICE_TIME_TABLES as tables, addWorkingDays, legTarget, metTarget, tableInForce, type Place } from './service-times';

const calendar = new WorkCalendar({ fromYear: 2024, toYear: 2027, schedules: OFFICIAL_SCHEDULES });
const d = (s: string) => s as IsoDate;

// new Đồng Tháp (82): phường Cao Lãnh 29869, phường Đạo Thạnh 28249; TP. Hồ Chí Minh 79; Hà Nội 01
const caoLanh: Place = { communeCode: '29869', districtCode: null, provinceCode: '82' };
const daoThanh: Place = { communeCode: '28249', districtCode: null, provinceCode: '82' };
const saiGon: Place = { communeCode: '26740', districtCode: null, provinceCode: '79' };
const hoanKiem: Place = { communeCode: '00070', districtCode: null, provinceCode: '01' };
// old Đồng Tháp (87), before 2025-07-01: two communes of old thành phố Cao Lãnh (866), one of Lấp Vò (874)
const oldWard1: Place = { communeCode: '29869', districtCode: '866', provinceCode: '87' };
const oldMyTra: Place = { communeCode: '29884', districtCode: '866', provinceCode: '87' };
const oldLapVo: Place = { communeCode: '30169', districtCode: '874', provinceCode: '87' };

describe('J + n targets (TT 17 Arts. 6–7) on the working calendar', () => {
  it.each([
    // J, from, to, with slip, relation, n, due date — and why
    ['2026-02-12', caoLanh, caoLanh, false, 'local', 1, '2026-02-13'], // Thu → Fri
    ['2026-02-12', caoLanh, caoLanh, true, 'local', 2, '2026-02-23'], // Tết 14–22/02 off
    ['2026-02-13', caoLanh, daoThanh, false, 'province', 2, '2026-02-24'], // Fri, Tết, Mon 23, Tue 24
    ['2026-02-13', caoLanh, daoThanh, true, 'province', 4, '2026-02-26'],
    ['2026-08-28', caoLanh, saiGon, false, 'interProvincial', 4, '2026-09-08'], // 31/08 swapped, 1–2/09 National Day
    ['2026-08-28', saiGon, hoanKiem, false, 'majorCities', 3, '2026-09-07'],
    ['2026-08-28', saiGon, hoanKiem, true, 'majorCities', 6, '2026-09-10'],
    ['2026-01-09', caoLanh, caoLanh, false, 'local', 1, '2026-01-10'], // Saturday 10/01 is a make-up working day
    ['2026-12-05', caoLanh, daoThanh, true, 'province', 4, '2026-12-10'], // J on a Saturday: J itself never counts
  ] as const)('J %s %s → %s, slip %s: %s J+%i = %s', (j, from, to, withAppointmentSlip, relation, n, due) => {
    const target = legTarget(tables, calendar, { j: d(j), from, to, withAppointmentSlip });
    expect(target).toMatchObject({ tableId: 'tt17-two-level-2025', relation, workingDays: n, dueDate: due });
  });

  it('before 2025-07-01 counts districts: two wards of one old district are local, another district is not', () => {
    const j = d('2025-06-27'); // Friday
    expect(legTarget(tables, calendar, { j, from: oldWard1, to: oldMyTra, withAppointmentSlip: false }))
      .toEqual({ tableId: 'tt17-2017', relation: 'local', workingDays: 1, dueDate: '2025-06-30' });
    expect(legTarget(tables, calendar, { j, from: oldWard1, to: oldLapVo, withAppointmentSlip: false }))
      .toMatchObject({ relation: 'province', workingDays: 2, dueDate: '2025-07-01' });
    expect(tableInForce(tables, d('2025-07-01'))?.id).toBe('tt17-two-level-2025');
    expect(tableInForce(tables, d('2017-08-14'))).toBeNull();
  });

  it('a leg ended on its due date (Vietnam time) met its target; the next morning it did not', () => {
    const target = legTarget(tables, calendar, { j: d('2026-02-12'), from: caoLanh, to: caoLanh, withAppointmentSlip: true });
    if (!target) throw new Error('no target');
    expect(metTarget(target, vnInstant(d('2026-02-23'), 23 * 60 + 59))).toBe(true);
    // 00:30 on 24/02 in Vietnam is still 23/02 in UTC: the Vietnam date decides
    expect(metTarget(target, vnInstant(d('2026-02-24'), 30))).toBe(false);
  });

  it('adds working days exactly: 0 is J itself, negatives are refused', () => {
    expect(addWorkingDays(calendar, d('2026-04-24'), 0)).toBe('2026-04-24');
    expect(addWorkingDays(calendar, d('2026-04-24'), 1)).toBe('2026-04-28'); // 26 Sun Hùng Kings, 27 substitute
    expect(() => addWorkingDays(calendar, d('2026-04-24'), -1)).toThrow(RangeError);
  });
});
