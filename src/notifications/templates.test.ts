// What each outbox row tells whom (DOMAIN §1.4), as a table of concrete rows: dates in Vietnam
// time, the code and the tracking page, nothing personal, and short enough for 2–3 SMS.
import { describe, expect, it } from 'vitest';
import type { DossierContact } from '../dossiers/contact';
import { countSegments } from './sms';
import { formatVnDate, planMessage } from './templates';

const CODE = '000.00.30.H20-260302-0001';
const URL = 'https://motcua.example.vn/';
const contact = (o: Partial<DossierContact> = {}): DossierContact => ({
  code: CODE, applicantPhone: '0912345678', applicantEmail: null, status: 'processing', channel: 'counter', dueAt: new Date('2026-03-09T09:00:00+07:00'), event: null, ...o,
});
const sms = (kind: string, payload: Record<string, unknown>, c: DossierContact | null = contact()) => planMessage({ kind, payload }, c, URL);

describe('dates', () => {
  it.each([
    ['2026-03-09T09:00:00+07:00', '09/03/2026'],
    // 00:30 in Hanoi is still the evening before in UTC: the Vietnamese day counts
    ['2026-03-08T17:30:00Z', '09/03/2026'],
    ['2026-12-31T16:59:59Z', '31/12/2026'],
    ['2026-12-31T17:00:00Z', '01/01/2027'],
  ])('%s is %s', (at, expected) => {
    expect(formatVnDate(new Date(at))).toBe(expected);
  });
});

describe('SMS to the applicant', () => {
  it('on receipt (received 02/03/2026 09:00, due 09/03/2026 09:00): the code, the due date and the tracking page', () => {
    const m = sms('dossier.received', { code: CODE, status: 'received', dueAt: '2026-03-09T02:00:00+00:00' }, contact({ status: 'received' }));
    expect(m).toEqual({
      channel: 'sms', to: '0912345678',
      text: `Hồ sơ ${CODE} đã được tiếp nhận, hẹn trả kết quả 09/03/2026. Tra cứu: https://motcua.example.vn/tra-cuu`,
    });
  });

  it('sends the tracking PIN with the receipt message, so that the applicant can track without the slip', () => {
    const m = planMessage({ kind: 'dossier.received', payload: { code: CODE, status: 'received', dueAt: '2026-03-09T02:00:00+00:00' } }, contact({ status: 'received' }), URL, '407213');
    expect(m).toMatchObject({ text: `Hồ sơ ${CODE} đã được tiếp nhận, hẹn trả kết quả 09/03/2026. Tra cứu: https://motcua.example.vn/tra-cuu, mã tra cứu 407213` });
    const online = planMessage({ kind: 'dossier.received', payload: { code: CODE, status: 'submitted', dueAt: null } }, contact({ status: 'submitted', dueAt: null }), URL, '407213');
    expect(online).toMatchObject({ text: expect.stringContaining('mã tra cứu 407213') });
  });

  it('takes the due date of the receipt from the row, not today\'s due date (an apology may have moved it since)', () => {
    const m = sms('dossier.received', { code: CODE, status: 'received', dueAt: '2026-03-09T02:00:00Z' }, contact({ dueAt: new Date('2026-03-13T09:00:00+07:00') }));
    expect(m).toMatchObject({ text: expect.stringContaining('09/03/2026') });
  });

  it('tells an online applicant the dossier waits to be checked, and gives the date once it is accepted', () => {
    expect(sms('dossier.received', { code: CODE, status: 'submitted', dueAt: null }, contact({ status: 'submitted', dueAt: null })))
      .toMatchObject({ text: `Hồ sơ ${CODE} đã nộp trực tuyến, đang chờ tiếp nhận. Tra cứu: https://motcua.example.vn/tra-cuu` });
    expect(sms('dossier.submitted', { code: CODE, status: 'submitted', dueAt: null }, contact({ status: 'submitted', dueAt: null })))
      .toMatchObject({ text: `Hồ sơ ${CODE} đã nộp trực tuyến, đang chờ tiếp nhận. Tra cứu: https://motcua.example.vn/tra-cuu` });
    expect(sms('dossier.receive', { code: CODE, status: 'received', seq: 2 }, contact({ status: 'received' })))
      .toMatchObject({ text: expect.stringContaining('đã được tiếp nhận, hẹn trả kết quả 09/03/2026') });
  });

  it('on an apology gives the new date of the apology event (ND 61 art. 19.9)', () => {
    const m = sms('dossier.apologize', { code: CODE, status: 'processing', seq: 4 }, contact({
      dueAt: new Date('2026-03-13T09:00:00+07:00'),
      event: { action: 'apologize', at: new Date('2026-03-05T10:00:00+07:00'), newDueAt: new Date('2026-03-13T09:00:00+07:00') },
    }));
    expect(m).toMatchObject({ text: `Xin lỗi ông/bà, hồ sơ ${CODE} được hẹn trả lại vào 13/03/2026. Tra cứu: https://motcua.example.vn/tra-cuu` });
  });

  it('after a completed supplement gives the restarted clock\'s new appointment', () => {
    const m = sms('dossier.supplementReceived', { code: CODE, status: 'processing', seq: 5 }, contact({
      dueAt: new Date('2026-03-16T09:00:00+07:00'),
      event: { action: 'supplementReceived', at: new Date('2026-03-09T09:00:00+07:00'), newDueAt: new Date('2026-03-16T09:00:00+07:00') },
    }));
    expect(m).toMatchObject({ text: `Hồ sơ ${CODE} đã đủ bổ sung, hẹn trả 16/03/2026. Tra cứu: https://motcua.example.vn/tra-cuu` });
  });

  it.each([
    ['dossier.requestSupplement', `Hồ sơ ${CODE} cần bổ sung. Xem yêu cầu bổ sung tại nơi nộp hồ sơ hoặc https://motcua.example.vn/tra-cuu`],
    ['dossier.markResultReady', `Hồ sơ ${CODE} đã có kết quả, mời ông/bà nhận theo đăng ký. Tra cứu: https://motcua.example.vn/tra-cuu`],
    ['dossier.reject', `Hồ sơ ${CODE} không đủ điều kiện giải quyết. Lý do xem tại nơi nộp hoặc https://motcua.example.vn/tra-cuu`],
    ['dossier.refuse', `Hồ sơ ${CODE} không được tiếp nhận. Lý do xem tại nơi nộp hoặc https://motcua.example.vn/tra-cuu`],
    ['dossier.return', `Hồ sơ ${CODE} đã trả kết quả. Cảm ơn ông/bà!`],
    ['dossier.stop', `Hồ sơ ${CODE} đã dừng giải quyết. Lý do xem tại nơi nộp hoặc https://motcua.example.vn/tra-cuu`],
    ['dossier.withdraw', `Hồ sơ ${CODE} đã được rút theo đề nghị của ông/bà. Tra cứu: https://motcua.example.vn/tra-cuu`],
  ])('%s', (kind, text) => {
    expect(sms(kind, { code: CODE, status: 'x', seq: 3 })).toEqual({ channel: 'sms', to: '0912345678', text });
  });

  it('links an online dossier\'s supplement request to the page where the citizen sends it online', () => {
    expect(sms('dossier.requestSupplement', { code: CODE, seq: 3 }, contact({ channel: 'online' }))).toEqual({
      channel: 'sms', to: '0912345678',
      text: `Hồ sơ cần bổ sung, xem và gửi trực tuyến tại https://motcua.example.vn/cong-dan/bo-sung/${CODE}`,
    });
  });

  it('stays within 2 SMS even with a long public address, and carries no personal data beyond the code', () => {
    const longUrl = 'https://dichvucong.dongthap.gov.vn';
    const rows: [string, Record<string, unknown>][] = [
      ['dossier.received', { code: CODE, status: 'received', dueAt: '2026-03-09T02:00:00Z' }],
      ['dossier.apologize', { code: CODE, seq: 4 }], ['dossier.requestSupplement', { code: CODE }], ['dossier.markResultReady', { code: CODE }],
      ['dossier.reject', { code: CODE }], ['dossier.refuse', { code: CODE }], ['dossier.return', { code: CODE }],
      ['dossier.supplementReceived', { code: CODE, seq: 5 }], ['dossier.stop', { code: CODE }], ['dossier.withdraw', { code: CODE }],
    ];
    for (const [kind, payload] of rows) {
      for (const channel of ['counter', 'online']) {
        const m = planMessage({ kind, payload }, contact({ channel }), longUrl);
        if (m.channel !== 'sms') throw new Error(`${kind}: no SMS`);
        expect(countSegments(m.text).segments, `${kind}: ${m.text}`).toBeLessThanOrEqual(2);
        expect(m.text).not.toMatch(/\d{9,}/); // no phone or ID number
      }
    }
  });

  it('sends nothing for the other kinds, nor without a dossier or a phone', () => {
    expect(sms('dossier.forward', { code: CODE, seq: 2 })).toEqual({ channel: null, skippedReason: 'Loại "dossier.forward" không gửi thông báo.' });
    expect(sms('dossier.assign', { code: CODE, seq: 3 })).toMatchObject({ channel: null });
    expect(sms('sync.portal', {})).toMatchObject({ channel: null });
    expect(sms('dossier.markResultReady', { code: CODE }, null)).toEqual({ channel: null, skippedReason: 'Không tìm thấy hồ sơ.' });
    expect(sms('dossier.markResultReady', { code: CODE }, contact({ applicantPhone: null }))).toMatchObject({ channel: null, skippedReason: expect.stringContaining('số điện thoại') });
    expect(sms('dossier.markResultReady', { code: CODE }, contact({ applicantPhone: '02773123456' }))).toMatchObject({ channel: null, skippedReason: expect.stringContaining('không phải số di động') });
    expect(sms('dossier.toString', { code: CODE })).toMatchObject({ channel: null }); // not a lookup in the prototype
  });
});

describe('mail copy to the applicant (mail.applicant)', () => {
  it('says by mail what the SMS says, to the applicant\'s address', () => {
    const row = { kind: 'mail.applicant', payload: { code: CODE, status: 'received', seq: 2, copyOf: 'dossier.receive' } };
    const mail = planMessage(row, contact({ applicantEmail: 'an@example.vn', status: 'received' }), URL, '123456');
    const text = sms('dossier.receive', { code: CODE, status: 'received', seq: 2 }, contact({ status: 'received' }));
    expect(mail).toMatchObject({ channel: 'mail', to: 'an@example.vn', subject: `[Một cửa] Hồ sơ ${CODE}` });
    expect(mail.channel === 'mail' && text.channel === 'sms' && mail.text.startsWith(text.text.replace(', mã tra cứu 123456', ''))).toBe(true);
    expect(mail.channel === 'mail' && mail.text).toContain('mã tra cứu 123456');
  });

  it('skips without an address, or when it does not say which message it copies', () => {
    expect(planMessage({ kind: 'mail.applicant', payload: { code: CODE, copyOf: 'dossier.receive' } }, contact(), URL)).toMatchObject({ channel: null, skippedReason: expect.stringContaining('thư điện tử') });
    expect(planMessage({ kind: 'mail.applicant', payload: { code: CODE, copyOf: 'dossier.forward' } }, contact({ applicantEmail: 'an@example.vn' }), URL)).toMatchObject({ channel: null });
  });
});

describe('mail to staff', () => {
  it('turns a mail.notification row into a mail to the address in the payload, with a link to the dossier', () => {
    const m = planMessage({ kind: 'mail.notification', payload: { notificationId: 7, userId: 3, to: 'lanhdao@example.vn', subject: `Hồ sơ ${CODE} sắp đến hạn`, body: 'Còn dưới 8 giờ làm việc; hạn trả 09/03/2026.', dossierCode: CODE } }, null, URL);
    expect(m).toEqual({
      channel: 'mail', to: 'lanhdao@example.vn', subject: `[Một cửa] Hồ sơ ${CODE} sắp đến hạn`,
      text: [
        'Còn dưới 8 giờ làm việc; hạn trả 09/03/2026.', '', `Hồ sơ: ${CODE}`, `Xem hồ sơ: https://motcua.example.vn/xu-ly/ho-so/${CODE}`, '', '--',
        'Thư tự động từ hệ thống Một cửa; vui lòng không trả lời thư này.',
      ].join('\n'),
    });
  });

  it('skips a mail without an address', () => {
    expect(planMessage({ kind: 'mail.notification', payload: { subject: 'x', body: 'y' } }, null, URL)).toMatchObject({ channel: null });
  });
});

describe('postal SMS (src/postal/notify.ts)', () => {
  it('tells the applicant each postal step by tracking number, without a name, and skips a landline', () => {
    const plan = planMessage;
    const m = plan({ kind: 'postal.pickupRequested', payload: { phone: '0912345678', trackingNumber: 'EB100000015VN', date: '2026-04-29T08:00:00+07:00' } }, null, 'https://motcua.example');
    expect(m).toEqual({ channel: 'sms', to: '0912345678', text: 'Bưu điện đã nhận yêu cầu lấy hồ sơ tại nhà ngày 29/04/2026, số hiệu EB100000015VN.' });
    const h = plan({ kind: 'postal.handedOver', payload: { phone: '0912345678', trackingNumber: 'EB100000015VN', dossierCode: '000.01.61.H20-260429-0001', date: '2026-05-08T10:00:00Z' } }, null, 'https://motcua.example');
    expect(h).toMatchObject({ channel: 'sms', text: 'Hồ sơ 000.01.61.H20-260429-0001 (bưu gửi EB100000015VN) đã được bàn giao cho cơ quan, hẹn trả 08/05/2026.' });
    expect(plan({ kind: 'postal.collected', payload: { phone: '02773851234', trackingNumber: 'EB100000015VN' } }, null, 'https://x')).toMatchObject({ channel: null });
    expect(plan({ kind: 'postal.unknownStep', payload: { phone: '0912345678', trackingNumber: 'EB100000015VN' } }, null, 'https://x')).toMatchObject({ channel: null });
  });
});

describe('composed SMS (sms.text: appointments)', () => {
  it('sends the text to the phone, and skips a landline or a row without text', () => {
    expect(planMessage({ kind: 'sms.text', payload: { to: '0912345678', text: 'Nhắc lịch hẹn HG23456789: 07:30 03/03/2026.' } }, null, 'https://x.vn'))
      .toEqual({ channel: 'sms', to: '0912345678', text: 'Nhắc lịch hẹn HG23456789: 07:30 03/03/2026.' });
    expect(planMessage({ kind: 'sms.text', payload: { to: '02773851234', text: 'x' } }, null, 'https://x.vn').channel).toBeNull();
    expect(planMessage({ kind: 'sms.text', payload: { to: '0912345678' } }, null, 'https://x.vn').channel).toBeNull();
  });
});
