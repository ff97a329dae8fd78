/** Small factories of realistic form data for tests and manual renders. */
import type {
  Applicant, ApologySlipData, ControlSlipData, FormHeader, LedgerData, ReceiptSlipData, RefusalSlipData,
  StopNoticeData, SupplementSlipData,
} from './model';

/** A Vietnam wall-clock time 'YYYY-MM-DD HH:MM' as an instant (UTC+7). */
export const vn = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+07:00`);

export const CODE = '000.00.00.H20-260305-0001';
export const TRACKING_URL = `https://dichvucong.dongthap.gov.vn/tra-cuu-ho-so?ma=${CODE}`;

export const header = (overrides: Partial<FormHeader> = {}): FormHeader => ({
  parentAgencyName: 'UBND TỈNH ĐỒNG THÁP',
  unitName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  placeName: 'Đồng Tháp',
  issuedAt: vn('2026-03-05 10:30'),
  ...overrides,
});

export const applicant = (overrides: Partial<Applicant> = {}): Applicant => ({
  name: 'Nguyễn Thị Ánh Tuyết',
  address: 'Số 12, đường Nguyễn Huệ, khóm 3, phường Cao Lãnh, tỉnh Đồng Tháp',
  phone: '0912 345 678',
  email: 'anhtuyet.nguyen@example.vn',
  ...overrides,
});

const procedure = { name: 'Đăng ký khai sinh', code: '1.001193.000.00.00.H20' };

export const receiptData = (overrides: Partial<ReceiptSlipData> = {}): ReceiptSlipData => ({
  header: header(),
  code: CODE,
  number: '0001/TNHS',
  copyLabel: 'Giao khách hàng',
  applicant: applicant(),
  procedure,
  papers: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 },
    { name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp', originals: 1, copies: 0 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ trẻ em (nếu có)', originals: 0, copies: 1 },
  ],
  setCount: 1,
  duration: { value: 1, unit: 'working_days' },
  receivedAt: vn('2026-03-05 10:30'),
  dueAt: vn('2026-03-06 10:30'),
  resultDelivery: { method: 'post', text: 'Số 12, đường Nguyễn Huệ, phường Cao Lãnh' },
  fees: [
    { name: 'Lệ phí đăng ký khai sinh', amountVnd: 0 },
    { name: 'Cước dịch vụ bưu chính công ích (chiều trả kết quả)', amountVnd: 25_000 },
  ],
  ledger: { book: '01/2026', serial: '0125' },
  receiverName: 'Trần Văn Bình',
  trackingUrl: TRACKING_URL,
  trackingPin: '407213',
  ...overrides,
});

export const supplementData = (overrides: Partial<SupplementSlipData> = {}): SupplementSlipData => ({
  header: header({ unitName: 'BƯU ĐIỆN – VĂN HÓA XÃ MỸ HIỆP' }),
  code: CODE,
  applicant: applicant(),
  procedure,
  items: [
    'Bổ sung Giấy chứng sinh bản chính do cơ sở y tế nơi trẻ em sinh ra cấp.',
    'Ghi đầy đủ ngày, tháng, năm sinh của người mẹ tại mục 2 của Tờ khai.',
  ],
  reason: 'Hồ sơ chưa đủ thành phần theo quy định tại Điều 16 Luật Hộ tịch.',
  contact: { name: 'Lê Thị Hồng', phone: '0277 3851 234' },
  guideName: 'Lê Thị Hồng',
  trackingUrl: TRACKING_URL,
  ...overrides,
});

export const refusalData = (overrides: Partial<RefusalSlipData> = {}): RefusalSlipData => ({
  header: header(),
  code: CODE,
  applicant: applicant(),
  procedure,
  reason: 'Trẻ em đã được đăng ký khai sinh tại Ủy ban nhân dân xã Tân Hồng ngày 02/02/2026.',
  stage: 'intake',
  signerName: 'Trần Văn Bình',
  ...overrides,
});

export const apologyData = (overrides: Partial<ApologySlipData> = {}): ApologySlipData => ({
  header: header({ issuedAt: vn('2026-03-12 08:00') }),
  number: '07',
  applicant: applicant(),
  receivedAt: vn('2026-03-05 10:30'),
  code: CODE,
  procedure: { name: 'Cấp Giấy chứng nhận quyền sử dụng đất lần đầu' },
  originalDueAt: vn('2026-03-13 16:00'),
  reason: 'Cần xác minh thêm nguồn gốc sử dụng đất với Ủy ban nhân dân xã nơi có đất.',
  newDueAt: vn('2026-03-20 16:00'),
  agencyName: 'Văn phòng Đăng ký đất đai tỉnh Đồng Tháp',
  signerName: 'Phạm Quốc Dũng',
  trackingUrl: TRACKING_URL,
  ...overrides,
});

export const stopNoticeData = (overrides: Partial<StopNoticeData> = {}): StopNoticeData => ({
  header: header(),
  code: CODE,
  applicant: applicant(),
  procedure,
  requestedAt: vn('2026-03-05 14:15'),
  reason: 'Gia đình đã đăng ký khai sinh cho cháu tại nơi cư trú của người cha.',
  signerName: 'Trần Văn Bình',
  ...overrides,
});

export const controlData = (overrides: Partial<ControlSlipData> = {}): ControlSlipData => ({
  header: header(),
  code: CODE,
  applicant: applicant(),
  resultPlace: 'Bưu điện – Văn hóa xã Mỹ Hiệp',
  rows: [
    { from: 'Bộ phận TN&TKQ', to: 'Phòng Văn hóa – Xã hội xã Mỹ Hiệp', at: vn('2026-03-05 14:00'), result: 'onTime' },
    { from: 'Phòng Văn hóa – Xã hội xã Mỹ Hiệp', to: 'Bộ phận TN&TKQ', at: vn('2026-03-06 09:15'), result: 'early', note: 'Đã ký duyệt' },
  ],
  ...overrides,
});

export const ledgerData = (rowCount = 3, overrides: Partial<LedgerData> = {}): LedgerData => ({
  header: header(),
  period: { from: vn('2026-03-01 00:00'), to: vn('2026-03-31 23:59') },
  rows: Array.from({ length: rowCount }, (_, i) => ({
    code: `000.00.00.H20-260305-${String(i + 1).padStart(4, '0')}`,
    procedureName: i % 2 === 0 ? 'Đăng ký khai sinh' : 'Cấp phiếu lý lịch tư pháp cho công dân Việt Nam',
    setCount: 1,
    applicantName: i % 2 === 0 ? 'Nguyễn Thị Ánh Tuyết' : 'Huỳnh Văn Lũy',
    applicantAddress: 'Số 12, đường Nguyễn Huệ, phường Cao Lãnh, tỉnh Đồng Tháp',
    applicantPhone: '0912 345 678',
    leadAgencyName: i % 2 === 0 ? 'UBND xã Mỹ Hiệp' : 'Sở Tư pháp tỉnh Đồng Tháp',
    receivedAt: vn('2026-03-05 10:30'),
    dueAt: vn('2026-03-06 10:30'),
    forwardedAt: vn('2026-03-05 14:00'),
    ...(i % 3 === 0 ? { resultReceivedAt: vn('2026-03-06 09:15'), returnedAt: vn('2026-03-06 10:00') } : {}),
    ...(i % 4 === 1 ? { note: 'Trả qua bưu chính' } : {}),
  })),
  ...overrides,
});
