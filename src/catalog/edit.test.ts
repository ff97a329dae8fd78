import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, editableFields, editProblems, versionChanges, type ProcedureEdit } from './edit';
import { feeChannels, quoteFees } from './fees';
import { applicantSchema, standardSteps, type ProcedureInput } from './model';

/** 2.000815 chứng thực bản sao as seeded: same day with the 15:00 cut-off, per-page fee at the counter. */
const certifiedCopy: ProcedureInput = {
  code: '2.000815', fullCode: null, name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực',
  competentLevel: 'commune', competentAgency: 'Ủy ban nhân dân cấp xã',
  competentBody: { kind: 'people_committee', level: 'commune', functionCode: null },
  placeTied: false, filingAnywhere: true,
  cases: [
    { key: 'trong-ngay', name: 'Trong ngày', durationValue: 0, durationUnit: 'working_days', cutoff: '15:00' },
    { key: 'keo-dai', name: 'Nhiều bản: kéo dài thêm không quá 2 ngày làm việc', durationValue: 2, durationUnit: 'working_days', cutoff: '15:00' },
  ],
  durationValue: 0, durationUnit: 'working_days', cutoff: '15:00',
  requiredPapers: [{ key: 'p1', name: 'Bản chính giấy tờ', originals: 1, copies: 1, note: null }],
  fees: [{ name: 'Phí chứng thực', amountVnd: 2000, note: null, channels: ['counter'], caseKey: null, basis: 'per_page', tiers: [{ fromPage: 3, amountVnd: 1000 }], maxPerCopyVnd: 200_000 }],
  onlineLevel: 'partial', postalAllowed: false, resultType: 'paper', resultDescription: 'Bản sao được chứng thực',
  eformSchema: { ...applicantSchema }, steps: standardSteps,
  defaultsApplied: [{ field: 'durationValue', default: 5, reason: 'nguồn không ghi' }, { field: 'steps', default: ['appraise'], reason: 'quy trình chuẩn' }],
  source: 'CSDL quốc gia', effectiveFrom: '2025-07-01',
};

const editOf = (p: ProcedureInput, o: Partial<ProcedureEdit> = {}): ProcedureEdit => ({
  ...(Object.fromEntries(editableFields.map((f) => [f, p[f]])) as Pick<ProcedureInput, (typeof editableFields)[number]>),
  effectiveFrom: '2027-01-01', reason: 'QĐ 1234/QĐ-UBND ngày 01/12/2026', ...o,
});
const TODAY = '2026-12-07';
const messages = (edit: ProcedureEdit) => editProblems(edit, certifiedCopy.effectiveFrom, TODAY).map((p) => `${p.path}: ${p.message}`);

describe('what an edit may become', () => {
  it('accepts the unchanged content from 01/01/2027 with its reason', () => {
    expect(messages(editOf(certifiedCopy))).toEqual([]);
  });

  it('refuses a version dated before today: dossiers already received keep theirs', () => {
    expect(messages(editOf(certifiedCopy, { effectiveFrom: '2026-12-06' }))).toEqual([
      'effectiveFrom: Ngày hiệu lực không được trước hôm nay (07/12/2026): hồ sơ đã nhận giữ phiên bản đã áp dụng',
    ]);
    expect(editProblems(editOf(certifiedCopy, { effectiveFrom: '2027-01-01' }), '2027-01-01', TODAY).map((p) => p.message))
      .toEqual(['Ngày hiệu lực phải sau ngày hiệu lực của phiên bản mới nhất (01/01/2027)']);
  });

  it('refuses a same-day case without its cut-off (2.000815)', () => {
    const cases = [{ ...certifiedCopy.cases[0]!, cutoff: null }, certifiedCopy.cases[1]!];
    expect(messages(editOf(certifiedCopy, { cases }))).toEqual([
      'cases[0].cutoff: Trường hợp 1 giải quyết trong ngày: cần giờ chốt nhận (vd. 15:00; nhận sau giờ này thì trả ngày làm việc tiếp theo)',
    ]);
  });

  it('refuses a fee tied to a case that does not exist, page tiers on a fixed fee, a cap under the page price', () => {
    const fees = [
      { name: 'Lệ phí', amountVnd: 10_000, note: null, channels: ['online' as const], caseKey: 'khong-co', basis: 'fixed' as const },
      { name: 'Phí', amountVnd: 5_000, note: null, channels: null, caseKey: null, basis: 'fixed' as const, tiers: [{ fromPage: 3, amountVnd: 1_000 }] },
      { name: 'Phí trang', amountVnd: 2_000, note: null, channels: ['counter' as const], caseKey: null, basis: 'per_page' as const, maxPerCopyVnd: 1_000 },
    ];
    expect(messages(editOf(certifiedCopy, { fees }))).toEqual([
      'fees[0].caseKey: Phí, lệ phí 1: trường hợp "khong-co" không có trong thủ tục',
      'fees[1].basis: Phí, lệ phí 2: bậc giá theo trang và mức tối đa một bản chỉ dùng cho cách tính "theo trang"',
      'fees[2].maxPerCopyVnd: Phí, lệ phí 3: mức tối đa một bản không được nhỏ hơn giá một trang',
    ]);
  });

  it('names duplicate keys, empty papers and a missing reason', () => {
    const requiredPapers = [certifiedCopy.requiredPapers[0]!, { key: 'p1', name: 'Tờ khai', originals: 0, copies: 0, note: null }];
    expect(messages(editOf(certifiedCopy, { requiredPapers, reason: ' ' }))).toEqual([
      'reason: Ghi căn cứ thay đổi (số, ngày quyết định công bố)',
      'requiredPapers[1].key: Giấy tờ 2: mã "p1" bị trùng',
      'requiredPapers[1]: Giấy tờ 2: cần ít nhất một bản chính hoặc bản sao',
    ]);
  });
});

describe('what changed', () => {
  it('1.004222: the online fee lowered from 10.000 đ to 5.000 đ is the one change, before and after', () => {
    const before: ProcedureInput = {
      ...certifiedCopy, code: '1.004222', cases: [], durationValue: 7, cutoff: null,
      fees: [
        { name: 'Lệ phí đăng ký thường trú', amountVnd: 10_000, note: null, channels: ['online'], caseKey: null, basis: 'fixed' },
        { name: 'Lệ phí đăng ký thường trú', amountVnd: 20_000, note: null, channels: ['counter'], caseKey: null, basis: 'fixed' },
      ],
    };
    const fees = [{ ...before.fees[0]!, amountVnd: 5_000 }, before.fees[1]!];
    const after = applyEdit(before, editOf(before, { fees }));
    expect(versionChanges(before, after)).toEqual([{ field: 'fees', before: before.fees, after: fees }]);
    expect(quoteFees(after.fees, { channel: 'online' }).totalVnd).toBe(5_000);
    expect(quoteFees(after.fees, { channel: 'counter' }).totalVnd).toBe(20_000);
    expect(after.effectiveFrom).toBe('2027-01-01');
  });

  it('a field the administrator sets is no longer a documented default; untouched defaults stay', () => {
    const after = applyEdit(certifiedCopy, editOf(certifiedCopy, { durationValue: 1 }));
    expect(after.defaultsApplied.map((d) => d.field)).toEqual(['steps']);
    expect(applyEdit(certifiedCopy, editOf(certifiedCopy)).defaultsApplied).toHaveLength(2);
  });

  it('never reports a change for the same content, whatever the key order or absent-vs-null', () => {
    const fee = fc.record({
      name: fc.string({ minLength: 1, maxLength: 10 }), amountVnd: fc.option(fc.integer({ min: 0, max: 1_000_000 })), note: fc.constant(null),
      channels: fc.option(fc.subarray([...feeChannels], { minLength: 1 })), caseKey: fc.constant(null), basis: fc.constantFrom('fixed' as const, 'per_copy' as const),
    });
    fc.assert(fc.property(fc.array(fee, { maxLength: 5 }), (fees) => {
      const reordered = fees.map((f) => Object.fromEntries(Object.entries(f).reverse().filter(([, v]) => v !== null)) as unknown as typeof f);
      expect(versionChanges({ ...certifiedCopy, fees }, { ...certifiedCopy, fees: reordered })).toEqual([]);
      if (fees.length > 0) expect(versionChanges({ ...certifiedCopy, fees }, { ...certifiedCopy, fees: fees.slice(1) }).map((c) => c.field)).toEqual(['fees']);
    }), { numRuns: 200 });
  });
});
