import { describe, expect, it } from 'vitest';
import { issueSentence } from './validation-messages';

describe('validation messages', () => {
  it('says what is wrong in Vietnamese, never the schema pattern', () => {
    const m = issueSentence({ instancePath: '/code', keyword: 'pattern', message: 'must match pattern "^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$"', params: { pattern: '^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$' } });
    expect(m).toBe('Mã hồ sơ không đúng định dạng.');
    expect(issueSentence({ instancePath: '/limit', keyword: 'maximum', params: { limit: 200 } })).toBe('Số dòng không được vượt quá 200.');
    expect(issueSentence({ instancePath: '', keyword: 'required', params: { missingProperty: 'from' } })).toBe('Từ ngày là bắt buộc.');
    expect(issueSentence({ instancePath: '/papers/0/copies', keyword: 'type', params: { type: 'integer' } })).toBe('copies phải là số.');
    expect(issueSentence({ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'admin' } })).toBe('Dữ liệu trường "admin" không được phép.');
  });
});
