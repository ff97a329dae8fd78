import { describe, expect, it } from 'vitest';
import { buildFormData, eformFields, prefillEform, type ApplicantFacts } from './eform';

const schema = {
  type: 'object',
  required: ['fullName', 'personalId'],
  properties: {
    reason: { type: 'string', title: 'Nội dung yêu cầu', maxLength: 5 },
    fullName: { type: 'string', title: 'Họ và tên' },
    personalId: { type: 'string', title: 'Số định danh', pattern: '^[0-9]{12}$' },
    eventDate: { type: 'string', title: 'Ngày', format: 'date' },
    copies: { type: 'integer', title: 'Số bản' },
    kind: { type: 'string', enum: ['a', 'b'] },
    urgent: { type: 'boolean', title: 'Khẩn' },
    nested: { type: 'object' },
  },
};

const facts: ApplicantFacts = { personalId: '087090001234', name: 'Nguyễn Văn An', birthDate: '1990-03-15', phone: '0912345678', email: '', address: 'Tân Hồng' };

describe('e-form from a JSON schema', () => {
  it('makes one field per simple property, required first', () => {
    const fields = eformFields(schema);
    expect(fields.map((f) => [f.key, f.kind, f.required])).toEqual([
      ['fullName', 'text', true], ['personalId', 'text', true], ['reason', 'text', false], ['eventDate', 'date', false],
      ['copies', 'integer', false], ['kind', 'enum', false], ['urgent', 'boolean', false],
    ]);
    expect(fields.find((f) => f.key === 'kind')?.title).toBe('kind');
    expect(eformFields(null)).toEqual([]);
  });

  it('prefills the applicant fields and keeps what the clerk typed', () => {
    const fields = eformFields(schema);
    const first = prefillEform(fields, {}, facts, null);
    expect(first).toMatchObject({ fullName: 'Nguyễn Văn An', personalId: '087090001234' });
    const typed = { ...first, fullName: 'Nguyễn Văn Bình' };
    const again = prefillEform(fields, typed, { ...facts, personalId: '087090009999' }, facts);
    expect(again).toMatchObject({ fullName: 'Nguyễn Văn Bình', personalId: '087090009999' });
  });

  it('builds the data to send and lists the problems', () => {
    const fields = eformFields(schema);
    expect(buildFormData(fields, { fullName: ' An ', personalId: '087090001234', copies: '2', urgent: true, kind: '' })).toEqual({
      data: { fullName: 'An', personalId: '087090001234', copies: 2, urgent: true }, problems: [],
    });
    expect(buildFormData(fields, { personalId: '12', copies: '1.5', reason: 'quá dài' }).problems).toEqual([
      { key: 'fullName', kind: 'required' }, { key: 'personalId', kind: 'pattern' }, { key: 'reason', kind: 'tooLong' }, { key: 'copies', kind: 'number' },
    ]);
  });
});
