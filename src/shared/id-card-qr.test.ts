import { describe, expect, it } from 'vitest';
import { civilDateOf, nameCase, parseIdCardQr } from './id-card-qr';
import fc from 'fast-check';

const example = '087090001234|341234567|Nguyễn Văn An|15031990|Nam|Số 12, Ấp 3, Xã Mỹ Tân, Thành phố Cao Lãnh, Đồng Tháp|20042021';

describe('CCCD QR payload', () => {
  it('reads the seven fields of DOMAIN §8', () => {
    expect(parseIdCardQr(example)).toEqual({
      ok: true,
      data: {
        personalId: '087090001234', oldId: '341234567', name: 'Nguyễn Văn An', birthDate: '1990-03-15', sex: 'Nam',
        address: 'Số 12, Ấp 3, Xã Mỹ Tân, Thành phố Cao Lãnh, Đồng Tháp', issuedOn: '2021-04-20',
      },
    });
  });

  it('reads an empty old ID', () => {
    const r = parseIdCardQr('087090001234||NGUYỄN THỊ BÉ|01012000|Nữ|Ấp 1, Tân Hồng|02022022');
    expect(r.ok && r.data).toMatchObject({ oldId: null, name: 'Nguyễn Thị Bé', birthDate: '2000-01-01', sex: 'Nữ', issuedOn: '2022-02-02' });
  });

  it('reads six fields when the scanner dropped the empty old ID', () => {
    const r = parseIdCardQr('087090001234|Nguyễn Văn An|15031990|Nam|Số 12, Ấp 3|20042021');
    expect(r.ok && r.data).toMatchObject({ personalId: '087090001234', oldId: null, name: 'Nguyễn Văn An', birthDate: '1990-03-15', address: 'Số 12, Ấp 3' });
  });

  it('normalises decomposed diacritics to NFC and tolerates a trailing newline', () => {
    const r = parseIdCardQr(`${example.normalize('NFD')}\r\n`);
    expect(r.ok && r.data.name).toBe('Nguyễn Văn An');
    expect(r.ok && r.data.name === 'Nguyễn Văn An'.normalize('NFC')).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['087090001234|Nguyễn Văn An|15031990', 'fieldCount'],
    ['08709000123|341234567|Nguyễn Văn An|15031990|Nam|x|20042021', 'personalId'],
    ['087090001234|341234567|15031990|Nam|x|20042021|x', 'name'],
  ])('refuses %j (%s)', (payload, problem) => {
    expect(parseIdCardQr(payload)).toEqual({ ok: false, problem });
  });

  it('leaves an impossible birth date empty rather than guessing', () => {
    const r = parseIdCardQr('087090001234||Nguyễn Văn An|31021990|Nam|x|20042021');
    expect(r.ok && r.data.birthDate).toBeNull();
  });
});

describe('helpers', () => {
  it('checks the day exists', () => {
    expect(civilDateOf('29022024')).toBe('2024-02-29');
    expect(civilDateOf('29022023')).toBeNull();
    expect(civilDateOf('1503199')).toBeNull();
  });

  it('title-cases names written in capitals only', () => {
    expect(nameCase('ĐẶNG THỊ  ÁNH')).toBe('Đặng Thị Ánh');
    expect(nameCase('Lê văn Tám')).toBe('Lê văn Tám');
  });
});

describe('any input (property)', () => {
  const problems = ['empty', 'fieldCount', 'personalId', 'name'];
  const check = (input: unknown) => {
    const r = parseIdCardQr(input); // throws nothing
    if (r.ok) {
      expect(r.data.personalId).toMatch(/^\d{12}$/);
      expect(r.data.birthDate === null || /^\d{4}-\d{2}-\d{2}$/.test(r.data.birthDate)).toBe(true);
    } else {
      expect(problems).toContain(r.problem);
    }
  };

  it('answers a typed success or failure for any value, never an exception', () => {
    fc.assert(fc.property(fc.anything(), check), { numRuns: 500 });
  });

  it('and for any text shaped like a card: "|"-separated fields of any characters, lone surrogates included', () => {
    const field = fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^\d{8}$/), fc.constant(''));
    fc.assert(fc.property(fc.array(field, { maxLength: 10 }), (fields) => check(fields.join('|'))), { numRuns: 300 });
  });
});

describe('well-formed cards (property)', () => {
  const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
  const syllable = fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Văn', 'Thị', 'Ánh', 'Đức', 'Bé', 'Tâm', 'Ngọc', 'Hữu', 'Yến');
  const name = fc.array(syllable, { minLength: 2, maxLength: 4 }).map((ws) => ws.join(' '));
  const civil = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const ddMMyyyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;
  const addressWord = fc.constantFrom('Số', '12,', 'Ấp', '3,', 'Xã', 'Mỹ', 'Tân,', 'Phường', 'Cao', 'Lãnh,', 'Đồng', 'Tháp');
  const address = fc.array(addressWord, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
  const card = fc.record({
    personalId: digits(12), oldId: fc.option(digits(9), { nil: null }), name, birthDate: civil,
    sex: fc.constantFrom('Nam', 'Nữ'), address, issuedOn: civil, capitals: fc.boolean(),
  });

  it('seven fields (old ID present or empty) read back as written; names in capitals come back title-cased', () => {
    fc.assert(fc.property(card, (c) => {
      const written = c.capitals ? c.name.toLocaleUpperCase('vi') : c.name;
      const payload = [c.personalId, c.oldId ?? '', written, ddMMyyyy(c.birthDate), c.sex, c.address, ddMMyyyy(c.issuedOn)].join('|');
      const { capitals: _, ...expected } = c;
      expect(parseIdCardQr(payload)).toEqual({ ok: true, data: expected });
    }), { numRuns: 300 });
  });

  it('six fields (a scanner that drops the empty old ID) read back the same, with no old ID', () => {
    fc.assert(fc.property(card, (c) => {
      const payload = [c.personalId, c.name, ddMMyyyy(c.birthDate), c.sex, c.address, ddMMyyyy(c.issuedOn)].join('|');
      const { capitals: _, ...expected } = c;
      expect(parseIdCardQr(payload)).toEqual({ ok: true, data: { ...expected, oldId: null } });
    }), { numRuns: 300 });
  });

  it('random bytes decoded as a camera decoder would (UTF-8, replacement characters) give a typed answer', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const r = parseIdCardQr(new TextDecoder('utf-8').decode(bytes));
      expect(r.ok || ['empty', 'fieldCount', 'personalId', 'name'].includes(r.problem)).toBe(true);
    }), { numRuns: 500 });
  });
});
