// The store's pure rules on the catalogue's real paper names: which kind of document a name
// describes, what may be offered again today, and what the store holds for a procedure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTypeOf, heldForProcedure, holderOfIntake, reuseProblem, whyNotReusable, type Consent, type StoredDocument } from './store-model';

const consent: Consent = { givenAt: '2026-03-02T02:00:00.000Z', purpose: 'Lưu giữ…', givenVia: 'counter' };
const doc = (o: Partial<StoredDocument> & { id: number }): StoredDocument => ({
  paperKey: 'p2', docType: 'birthNotice', title: 'Giấy chứng sinh', fileId: 100 + o.id, sourceKind: 'digitized',
  sourceDossierCode: '000.00.30.H20-260302-0001', sourceProcedureCode: '1.001193', validFrom: null, validUntil: null, ...o,
});

describe('documentTypeOf: the kind of document a catalogue name describes', () => {
  it.each([
    ['- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các giấy tờ khác', 'identity'],
    ['- Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng', 'birthNotice'],
    ['+ Bản sao Giấy khai sinh do cơ quan có thẩm quyền của Việt Nam cấp hợp lệ', 'birthCertificate'],
    ['Giấy khai sinh', 'birthCertificate'],
    ['Giấy chứng nhận kết hôn', 'marriageCertificate'],
    ['Giấy xác nhận tình trạng hôn nhân', 'maritalStatus'],
    ['- Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp.', 'deathNotice'],
    ['Giấy chứng nhận đã cấp', 'landCertificate'],
    ['Giấy chứng nhận quyền sử dụng đất được cấp theo quy định của Luật Đất đai qua các thời kỳ.', 'landCertificate'],
    ['- Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không thể khai thác', 'residenceProof'],
    ['- Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật', 'authorisation'],
    ['Văn bản uỷ quyền', 'authorisation'],
    ['Trích lục khai tử', 'civilStatusExtract'],
  ])('%s → %s', (name, type) => expect(documentTypeOf(name)).toBe(type));

  it.each([
    '- Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp)',
    'Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)',
    'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 18',
    '- Mẫu hộ tịch điện tử tương tác đăng ký khai sinh',
    'Bản vẽ tách thửa đất, hợp thửa đất theo Mẫu số 22',
    'Giấy tờ, tài liệu xác nhận về việc chăm sóc, nuôi dưỡng, trợ giúp.',
  ])('a form or an unrecognised paper is no kind: %s', (name) => expect(documentTypeOf(name)).toBeNull());

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => { documentTypeOf(s); }));
  });
});

describe('whyNotReusable on 15/03/2026', () => {
  const today = '2026-03-15';
  it.each([
    ['no consent', doc({ id: 1 }), null, 'noConsent'],
    ['valid until the day before', doc({ id: 2, validUntil: '2026-03-14' }), consent, 'expired'],
    ['valid until that very day', doc({ id: 3, validUntil: '2026-03-15' }), consent, null],
    ['valid from the next day', doc({ id: 4, validFrom: '2026-03-16' }), consent, 'notYetValid'],
    ['a form', doc({ id: 5, docType: null, paperKey: 'p1', title: 'Tờ khai đăng ký khai sinh' }), consent, 'oneDossierOnly'],
    ['a result without an end date', doc({ id: 6, docType: 'birthCertificate', paperKey: null, title: 'Giấy khai sinh', sourceKind: 'result' }), consent, null],
  ] as const)('%s', (_n, d, c, why) => expect(whyNotReusable(d, c, today)).toBe(why));
});

describe('heldForProcedure', () => {
  const papers = [
    { key: 'p1', name: 'Tờ khai đăng ký kết hôn theo mẫu' },
    { key: 'p2', name: '- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử' },
    { key: 'p3', name: 'Giấy xác nhận tình trạng hôn nhân' },
  ];
  const docs = [
    doc({ id: 10, docType: 'identity', title: 'Thẻ căn cước công dân' }),
    doc({ id: 12, docType: 'identity', title: 'Thẻ căn cước' }),
    doc({ id: 11, docType: 'maritalStatus', title: 'Giấy xác nhận tình trạng hôn nhân', validUntil: '2026-02-28', sourceKind: 'result', paperKey: null }),
    doc({ id: 13, docType: null, paperKey: 'p1', title: 'Tờ khai đăng ký kết hôn theo mẫu', sourceProcedureCode: '1.000894' }),
  ];
  it('offers the identity card (newest first), not the expired certificate nor the form', () => {
    expect(heldForProcedure('1.000894', papers, docs, consent, '2026-03-15')).toEqual([
      { paperKey: 'p2', paperName: papers[1]?.name, documentIds: [12, 10] },
    ]);
  });
  it('offers nothing without consent', () => {
    expect(heldForProcedure('1.000894', papers, docs, null, '2026-03-15')).toEqual([]);
  });
  it('an unrecognised paper matches the same paper of the same procedure only', () => {
    const own = [{ key: 'p4', name: 'Giấy tờ, tài liệu xác nhận về việc chăm sóc, nuôi dưỡng' }];
    const d = doc({ id: 20, docType: null, paperKey: 'p4', title: own[0]?.name as string, sourceProcedureCode: '1.004222' });
    expect(heldForProcedure('1.004222', own, [d], consent, '2026-03-15')).toHaveLength(1);
    expect(heldForProcedure('1.004194', own, [d], consent, '2026-03-15')).toEqual([]);
  });
});

describe('reuseProblem', () => {
  const holder = { kind: 'person', id: '087090001234' } as const;
  const paper = { key: 'p2', name: 'Giấy chứng sinh' };
  const mine = { ...doc({ id: 1 }), holder };
  it('accepts a fitting document of the applicant with consent', () => expect(reuseProblem(mine, holder, '9.000001', paper, consent, '2026-03-15')).toBeNull());
  it.each([
    ['another person\'s document', { ...mine, holder: { kind: 'person', id: '087090009999' } as const }, consent, /Không tìm thấy/],
    ['no consent', mine, null, /chưa đồng ý/],
    ['an expired one', { ...mine, validUntil: '2026-01-31' }, consent, /hết hiệu lực \(2026-01-31\)/],
    ['another kind of document', { ...mine, docType: 'identity' as const, title: 'Thẻ căn cước' }, consent, /không dùng thay được/],
  ])('refuses %s in Vietnamese', (_n, d, c, re) => expect(reuseProblem(d, holder, '9.000001', paper, c, '2026-03-15')).toMatch(re));
});

describe('holderOfIntake', () => {
  it('the organisation filed for, by its tax code; else the applicant', () => {
    expect(holderOfIntake({ personalId: '087090001234', party: { kind: 'organisation', name: 'HTX Mỹ An', taxCode: '1400123456', representative: 'A' } })).toEqual({ kind: 'organisation', id: '1400123456' });
    expect(holderOfIntake({ personalId: '087090001234' })).toEqual({ kind: 'person', id: '087090001234' });
    expect(holderOfIntake({ personalId: null })).toBeNull();
  });
});
