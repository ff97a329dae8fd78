import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeeItem } from '../catalog/fees';
import { feeDue, intakeOf, reviewProblems, type DraftContent, type ProcedureFacts } from './model';

const procedure: ProcedureFacts = {
  code: '1.001234', onlineLevel: 'full', postalAllowed: true, placeTied: false, cases: [], durationValue: 5, durationUnit: 'working_days', cutoff: null,
  requiredPapers: [
    { key: 'p1', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, note: null, requirement: 'required' },
    { key: 'p2', name: 'Giấy chứng sinh', originals: 1, copies: 0, note: null, requirement: 'required' },
    { key: 'p3', name: 'Trường hợp ủy quyền thì có văn bản ủy quyền', originals: 1, copies: 0, note: null, requirement: 'conditional' },
  ],
  fees: [],
  eformSchema: { type: 'object', required: ['fullName'], properties: { fullName: { type: 'string', title: 'Họ và tên' }, birthDate: { type: 'string', format: 'date', title: 'Ngày sinh của trẻ' } } },
};

const complete: DraftContent = {
  procedureCode: '1.001234', caseKey: null, placeUnitCode: null,
  applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: '0912345678', unitCode: '29254' },
  formData: { fullName: 'Nguyễn Văn An', birthDate: '2026-11-30' },
  papers: [{ key: 'p1', source: 'uploaded', fileId: 41 }, { key: 'p2', source: 'reused', reusedDocumentId: 7 }],
  delivery: { method: 'post', address: 'Số 12 đường Lý Thường Kiệt, phường Mỹ Tho' }, storeConsent: false,
};

const paths = (d: DraftContent, p: ProcedureFacts = procedure) => reviewProblems(d, p).map((x) => x.path);

describe('check your answers (reviewProblems)', () => {
  it('finds nothing to fix in a complete draft with one upload and one reused paper, result by post', () => {
    expect(reviewProblems(complete, procedure)).toEqual([]);
  });

  it('lists every problem at once: missing phone, missing birth certificate, an upload without its file, a date that does not exist, no delivery choice', () => {
    const draft: DraftContent = {
      ...complete, applicant: { ...complete.applicant, phone: '' }, formData: { fullName: 'Nguyễn Văn An', birthDate: '2026-02-30' },
      papers: [{ key: 'p1', source: 'uploaded' }], delivery: null,
    };
    const problems = reviewProblems(draft, procedure);
    expect(problems.map((p) => p.path)).toEqual(['applicant.phone', 'papers', 'papers/0/fileId', '/formData/birthDate', 'delivery.method']);
    expect(problems.find((p) => p.path === 'papers')?.message).toBe('Thiếu thành phần hồ sơ: Giấy chứng sinh');
    expect(problems.find((p) => p.path === 'applicant.phone')?.message).toBe('Chưa nhập số điện thoại.');
  });

  it('refuses the post without an address, and a procedure not offered online', () => {
    expect(paths({ ...complete, delivery: { method: 'post' } })).toEqual(['delivery.address']);
    expect(paths(complete, { ...procedure, onlineLevel: 'none' })).toContain('procedureCode');
    expect(paths(complete, { ...procedure, postalAllowed: false })).toEqual(['delivery.method']);
  });

  it('names each required paper left out, whatever the subset given (property)', () => {
    const required = ['p1', 'p2'];
    fc.assert(fc.property(fc.subarray(['p1', 'p2', 'p3']), (keys) => {
      const draft = { ...complete, papers: keys.map((key, i) => ({ key, source: 'uploaded' as const, fileId: i + 1 })) };
      const missing = reviewProblems(draft, procedure).filter((p) => p.path === 'papers').map((p) => p.message);
      const expected = required.filter((k) => !keys.includes(k)).map((k) => `Thiếu thành phần hồ sơ: ${procedure.requiredPapers.find((p) => p.key === k)?.name}`);
      expect(missing).toEqual(expected);
    }));
  });

  it('makes the dossiers\' online intake of a draft', () => {
    expect(intakeOf(complete)).toEqual({
      procedureCode: '1.001234', channel: 'online', applicant: complete.applicant, formData: complete.formData,
      papers: [{ key: 'p1', source: 'uploaded', digitized: true, fileId: 41 }, { key: 'p2', source: 'reused', digitized: true, reusedDocumentId: 7 }],
      delivery: { method: 'post', address: 'Số 12 đường Lý Thường Kiệt, phường Mỹ Tho' },
    });
  });
});

describe('the fee of an online submission (feeDue)', () => {
  const fee = (o: Partial<FeeItem>): FeeItem => ({ name: 'Lệ phí đăng ký', amountVnd: 8000, note: null, ...o });
  it.each([
    // level, items, total online, payment before submit
    ['full', [fee({})], 8000, true],
    ['partial', [fee({})], 8000, false],
    ['full', [], 0, false],
    ['full', [fee({ amountVnd: 0 })], 0, false],
    // the fee only at the counter: nothing online
    ['full', [fee({ channels: ['counter'] })], 0, false],
    // an amount the clerk reads from the note still has to be paid
    ['full', [fee({ amountVnd: null, note: 'Theo Thông tư 85/2019/TT-BTC' })], 0, true],
  ] as const)('level %s with %j: %i đồng, payment first %s', (onlineLevel, fees, total, required) => {
    const due = feeDue({ onlineLevel, fees: [...fees] }, null);
    expect(due.quote.totalVnd).toBe(total);
    expect(due.paymentRequired).toBe(required);
  });

  it('takes the case\'s own fee item', () => {
    const fees = [fee({ caseKey: 'a', amountVnd: 50_000 }), fee({ caseKey: 'b', amountVnd: 100_000 })];
    expect(feeDue({ onlineLevel: 'full', fees }, 'b').quote.totalVnd).toBe(100_000);
  });
});
