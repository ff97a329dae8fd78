import { describe, expect, it } from 'vitest';
import type { ProcedureVersion } from './api';
import { durationText, feeAmountText, formatVnd } from './describe';
import { checkDraft, draftOf } from './draft';
import { catalogVi, type CatalogAdminT } from './i18n';

// the Vietnamese texts with their {{placeholders}} filled, as i18next does
const t = ((key: keyof typeof catalogVi, vars: Record<string, string | number> = {}) =>
  catalogVi[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''))) as unknown as CatalogAdminT;

describe('how the catalogue reads', () => {
  it('a 0-day case is same day and never loses its cut-off (15:00 when none is stated)', () => {
    expect(durationText(0, 'working_days', '16:00', t)).toBe('Trong ngày (nhận trước 16:00; sau giờ này trả ngày làm việc tiếp theo)');
    expect(durationText(0, 'working_days', null, t)).toBe('Trong ngày (nhận trước 15:00; sau giờ này trả ngày làm việc tiếp theo)');
    expect(durationText(2, 'working_days', '15:00', t)).toBe('2 ngày làm việc, chốt nhận 15:00');
  });

  it('2.000815: 2.000 đ a page, from page 3 1.000 đ, at most 200.000 đ a copy; 1.004222 online 10.000 đ a dossier', () => {
    expect(feeAmountText({ name: 'Phí', amountVnd: 2000, note: null, basis: 'per_page', tiers: [{ fromPage: 3, amountVnd: 1000 }], maxPerCopyVnd: 200_000 }, t))
      .toBe('2.000 đ/trang; từ trang 3: 1.000 đ/trang; tối đa 200.000 đ/bản');
    expect(feeAmountText({ name: 'Lệ phí', amountVnd: 10_000, note: null, channels: ['online'] }, t)).toBe('10.000 đ/hồ sơ');
    expect(feeAmountText({ name: 'Lệ phí', amountVnd: null, note: 'theo HĐND tỉnh' }, t)).toBe('Ghi bằng lời: theo HĐND tỉnh');
    expect(formatVnd(1_250_000, t)).toBe('1.250.000 đ');
  });
});

describe('the editor draft', () => {
  const latest = {
    code: '1.004222', fullCode: null, version: 1, effectiveFrom: '2025-07-01', effectiveTo: null, source: null, defaultsApplied: [],
    name: 'Đăng ký thường trú', field: 'Cư trú', competentLevel: 'commune', competentAgency: 'Công an cấp xã',
    competentBody: { kind: 'commune_police', level: 'commune', functionCode: null }, placeTied: false, filingAnywhere: true, cases: [],
    durationValue: 7, durationUnit: 'working_days', cutoff: null, requiredPapers: [],
    fees: [{ name: 'Lệ phí', amountVnd: 10_000, note: null, channels: ['online'] }], onlineLevel: 'partial', postalAllowed: true,
    resultType: 'paper', resultDescription: null, eformSchema: {}, steps: [],
  } satisfies ProcedureVersion;

  it('copies the latest version, so editing never changes what is shown', () => {
    const draft = draftOf(latest);
    draft.content.fees[0]!.amountVnd = 5_000;
    expect(latest.fees[0]?.amountVnd).toBe(10_000);
  });

  it('sends the date as yyyy-mm-dd, and names what is missing or not a number', () => {
    const draft = { ...draftOf(latest), effectiveFrom: '01/01/2027', reason: 'QĐ 1234/QĐ-UBND' };
    expect(checkDraft(draft, t)).toEqual({ lines: [], edit: expect.objectContaining({ effectiveFrom: '2027-01-01', reason: 'QĐ 1234/QĐ-UBND', durationValue: 7 }) });
    const bad = { ...draft, effectiveFrom: '31/02/2027', reason: ' ', content: { ...draft.content, fees: [{ ...draft.content.fees[0]!, amountVnd: Number.NaN, channels: [] }] } };
    expect(checkDraft(bad, t)).toEqual({
      edit: null,
      lines: [
        'Áp dụng từ ngày: Ngày phải viết dd/mm/yyyy và là ngày có thật.',
        'Căn cứ thay đổi: bắt buộc.',
        'Khoản thu 1: nhập số từ 0 trở lên.',
        'Khoản thu 1: Chọn ít nhất một cách nộp.',
      ],
    });
  });
});
