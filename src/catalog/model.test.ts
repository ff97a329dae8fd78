import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowProblems } from '../directory/model';
import { paperRequirement, readProcedureRow, standardSteps, stepsProblems } from './model';

describe('processing steps', () => {
  it('the standard steps share the whole duration', () => {
    expect(stepsProblems(standardSteps)).toEqual([]);
  });

  it('accepts any split of the duration into steps, and refuses one that does not add up', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const steps = weights.map((w, i) => ({ key: `s${i}`, name: `Bước ${i}`, role: 'officer' as const, share: w / total }));
      expect(stepsProblems(steps)).toEqual([]);
      expect(stepsProblems(steps.map((s) => ({ ...s, share: s.share * 0.9 })))).toHaveLength(1);
    }));
  });
});

describe('reading an import row', () => {
  it('names the row and field of each problem', () => {
    const problems = new RowProblems();
    readProcedureRow({ code: 'X', name: 'Thủ tục', requiredPapers: '[{"name":"Đơn","originals":-1}]' }, 4, problems);
    const messages = problems.details.map((d) => d.message);
    expect(messages).toContain('Dòng 4, trường "code": mã "X" không đúng dạng mã TTHC (vd. 1.001193)');
    expect(messages).toContain('Dòng 4, trường "requiredPapers": mục 1: "originals", "copies" phải là số nguyên ≥ 0');
    expect(messages).toContain('Dòng 4, trường "effectiveFrom": bắt buộc');
    expect(messages).toContain('Dòng 4, trường "postalAllowed": bắt buộc');
  });

  it('records the standard steps as a default when the row has none', () => {
    const problems = new RowProblems();
    const p = readProcedureRow({
      code: '1.000001', name: 'A', field: 'B', competentLevel: 'commune', competentAgency: 'UBND', durationValue: '2',
      durationUnit: 'working_days', onlineLevel: 'none', postalAllowed: 'có', resultType: 'paper', effectiveFrom: '2025-07-01',
    }, 1, problems);
    expect(problems.details).toEqual([]);
    expect(p.steps).toEqual(standardSteps);
    expect(p.defaultsApplied).toEqual([expect.objectContaining({ field: 'steps' })]);
    expect(p).toMatchObject({ durationValue: 2, postalAllowed: true, eformSchema: { type: 'object' } });
  });
});

describe('paper requirement from the published wording', () => {
  const p = (name: string, note: string | null = null) => ({ key: 'k', name, originals: 1, copies: 0, note });
  it.each([
    ['- Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh', null, 'required'],
    ['- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.', 'Giấy tờ phải nộp', 'conditional'],
    ['- Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh.', 'Giấy tờ phải nộp', 'conditional'],
    ['- Tờ khai đăng ký khai sinh theo mẫu  (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp)', null, 'conditional'],
    ['- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước', 'Giấy tờ phải xuất trình', 'showOnly'],
    ['Mẫu điện tử tương tác (do người yêu cầu cung cấp thông tin, nếu người có yêu cầu lựa chọn nộp hồ sơ trực tuyến)', null, 'conditional'],
  ] as const)('%s → %s', (name, note, expected) => {
    expect(paperRequirement(p(name, note))).toBe(expected);
  });

  it('keeps an explicit requirement from an import', () => {
    expect(paperRequirement({ ...p('- Trường hợp đặc biệt'), requirement: 'required' })).toBe('required');
  });
});
