import { describe, expect, it } from 'vitest';
import { validateEform } from './eform-validation';

const schema = {
  type: 'object',
  required: ['fullName', 'personalId'],
  additionalProperties: false,
  properties: {
    fullName: { type: 'string', title: 'Họ và tên', minLength: 2, maxLength: 10 },
    personalId: { type: 'string', title: 'Số định danh cá nhân', pattern: '^[0-9]{12}$' },
    birthDate: { type: 'string', title: 'Ngày sinh', format: 'date' },
    email: { type: 'string', title: 'Thư điện tử', format: 'email' },
    gender: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
    copies: { type: 'integer', title: 'Số bản', minimum: 1, maximum: 5 },
    area: { type: 'number', title: 'Diện tích', exclusiveMinimum: 0, exclusiveMaximum: 10000, multipleOf: 0.5 },
    heirs: { type: 'array', title: 'Người thừa kế', minItems: 1, maxItems: 2, uniqueItems: true, items: { type: 'string' } },
    agreed: { const: true, title: 'Cam kết' },
  },
} as const;

const ok = { fullName: 'Lê Thị Hoa', personalId: '087090001234' };
const issues = (data: unknown) => validateEform(schema, data).map((i) => [i.path, i.keyword, i.message]);

describe('the e-form validator (Ajv, Vietnamese messages by keyword)', () => {
  it('accepts valid data', () => {
    expect(validateEform(schema, { ...ok, birthDate: '2024-02-29', gender: 'Nữ', copies: 5, area: 120.5, heirs: ['An'], agreed: true })).toEqual([]);
  });

  it.each([
    ['required', { personalId: '087090001234' }, ['/fullName', 'required', 'Họ và tên: bắt buộc']],
    ['required, an empty text counts as missing', { ...ok, fullName: '' }, ['/fullName', 'required', 'Họ và tên: bắt buộc']],
    ['type', { ...ok, copies: '2' }, ['/copies', 'type', 'Số bản: phải là số nguyên']],
    ['minLength (characters, not UTF-16 units)', { ...ok, fullName: 'Ạ' }, ['/fullName', 'minLength', 'Họ và tên: ngắn hơn 2 ký tự']],
    ['maxLength', { ...ok, fullName: 'Nguyễn Thị Minh Khai' }, ['/fullName', 'maxLength', 'Họ và tên: dài quá 10 ký tự']],
    ['pattern', { ...ok, personalId: '08709000123' }, ['/personalId', 'pattern', 'Số định danh cá nhân: không đúng định dạng']],
    ['format date (a day that exists)', { ...ok, birthDate: '2023-02-29' }, ['/birthDate', 'format', 'Ngày sinh: phải là ngày dạng YYYY-MM-DD']],
    ['format email', { ...ok, email: 'an@' }, ['/email', 'format', 'Thư điện tử: phải là địa chỉ thư điện tử']],
    ['enum', { ...ok, gender: 'Khác' }, ['/gender', 'enum', 'Giới tính: giá trị không nằm trong danh sách cho phép']],
    ['minimum', { ...ok, copies: 0 }, ['/copies', 'minimum', 'Số bản: phải ≥ 1']],
    ['maximum', { ...ok, copies: 6 }, ['/copies', 'maximum', 'Số bản: phải ≤ 5']],
    ['exclusiveMinimum', { ...ok, area: 0 }, ['/area', 'exclusiveMinimum', 'Diện tích: phải > 0']],
    ['exclusiveMaximum', { ...ok, area: 10000 }, ['/area', 'exclusiveMaximum', 'Diện tích: phải < 10000']],
    ['multipleOf', { ...ok, area: 120.3 }, ['/area', 'multipleOf', 'Diện tích: phải là bội số của 0.5']],
    ['minItems', { ...ok, heirs: [] }, ['/heirs', 'minItems', 'Người thừa kế: cần ít nhất 1 mục']],
    ['maxItems', { ...ok, heirs: ['An', 'Bình', 'Chi'] }, ['/heirs', 'maxItems', 'Người thừa kế: nhiều nhất 2 mục']],
    ['uniqueItems', { ...ok, heirs: ['An', 'An'] }, ['/heirs', 'uniqueItems', 'Người thừa kế: có mục trùng nhau']],
    ['const', { ...ok, agreed: false }, ['/agreed', 'const', 'Cam kết: phải là true']],
    ['additionalProperties', { ...ok, extra: 1 }, ['/extra', 'additionalProperties', 'trường không có trong biểu mẫu']],
  ])('%s', (_name, data, expected) => {
    expect(issues(data)).toEqual([expected]);
  });

  it('lists every problem at once', () => {
    expect(issues({ fullName: 'A', personalId: 'x', gender: 'Khác', extra: 1 }).map(([path]) => path).sort())
      .toEqual(['/extra', '/fullName', '/gender', '/personalId']);
  });

  it('the whole form must be an object', () => {
    expect(issues(undefined)).toEqual([['', 'type', 'phải là đối tượng']]);
  });

  it('a broken catalogue schema is one typed issue, not an exception', () => {
    expect(validateEform({ type: 'object', properties: { a: { type: 'string', pattern: '(' } } }, { a: 'x' }))
      .toEqual([{ path: '', keyword: 'schema', message: 'Biểu mẫu điện tử của thủ tục không hợp lệ; báo quản trị danh mục thủ tục.' }]);
  });
});
