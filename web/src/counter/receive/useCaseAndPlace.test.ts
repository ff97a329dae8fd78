import { describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '../api';
import { termsOf } from './useCaseAndPlace';

// 2.000815 as the catalogue serves it: same day by default, an extended case, a per-page fee at the counter only
const copies = {
  code: '2.000815', name: 'Chứng thực bản sao', field: 'Chứng thực', competentLevel: 'commune', durationValue: 0, durationUnit: 'working_days',
  cutoff: '15:00', requiredPapers: [], eformSchema: {}, placeTied: false, filingAnywhere: true, postalAllowed: true, onlineLevel: 'partial', competentAgency: 'Ủy ban nhân dân cấp xã',
  competentBody: { kind: 'people_committee', level: 'commune', functionCode: null },
  cases: [
    { key: '2.000815.trong-ngay', name: 'Trong ngày', durationValue: 0, durationUnit: 'working_days', cutoff: '15:00' },
    { key: '2.000815.keo-dai', name: 'Nhiều bản, nhiều trang', durationValue: 2, durationUnit: 'working_days', cutoff: '15:00' },
  ],
  fees: [
    { name: 'Phí', amountVnd: 2000, note: null, channels: ['counter'], basis: 'per_page', tiers: [{ fromPage: 3, amountVnd: 1000 }], maxPerCopyVnd: 200_000 },
    { name: 'Phí trực tuyến', amountVnd: 1000, note: null, channels: ['online'] },
    { name: 'Phí kéo dài', amountVnd: 5000, note: null, caseKey: '2.000815.keo-dai' },
  ],
} satisfies ProcedureDetail;

describe('the terms shown before intake', () => {
  it('no case chosen: the procedure\'s own time, counter items for every case only', () => {
    const t = termsOf(copies, '');
    expect(t).toMatchObject({ durationValue: 0, caseName: null, cutoff: '15:00' });
    expect(t.fees).toEqual([{ name: 'Phí', amountVnd: Number.NaN, formula: '2.000 đồng/trang; từ trang thứ 3: 1.000 đồng/trang; tối đa 200.000 đồng/bản' }]);
  });
  it('the extended case: 2 working days and its own item', () => {
    const t = termsOf(copies, '2.000815.keo-dai');
    expect(t).toMatchObject({ durationValue: 2, durationUnit: 'working_days', caseName: 'Nhiều bản, nhiều trang' });
    expect(t.fees.map((f) => f.name)).toEqual(['Phí', 'Phí kéo dài']);
    expect(t.fees[1]?.amountVnd).toBe(5000);
  });
});
