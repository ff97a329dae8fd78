// Texts of the public tracking page.
import { defineBundle } from '../processing/bundle';

const vi = {
  title: 'Tra cứu tình trạng hồ sơ',
  intro: 'Nhập mã hồ sơ ghi trên giấy tiếp nhận và 4 số cuối của số điện thoại người nộp.',
  code: 'Mã hồ sơ',
  codeHint: 'Ví dụ: 000.58.61.H20-260312-0001',
  codeRequired: 'Vui lòng nhập mã hồ sơ.',
  phone: '4 số cuối điện thoại',
  phoneRequired: 'Vui lòng nhập đúng 4 chữ số cuối của số điện thoại.',
  submit: 'Tra cứu',
  searching: 'Đang tra cứu…',
  notFound: 'Không tìm thấy hồ sơ với mã và số điện thoại đã nhập. Vui lòng kiểm tra lại.',
  resultTitle: 'Hồ sơ {{code}}',
  procedure: 'Thủ tục',
  status: 'Tình trạng',
  receivedAt: 'Ngày tiếp nhận',
  dueAt: 'Hẹn trả kết quả',
  steps: 'Các bước đã thực hiện',
  rating: 'Đánh giá mức độ hài lòng',
  rated: 'Người nộp hồ sơ đã đánh giá',
  notRated: 'Chưa đánh giá',
  ratingHint: 'Người nộp hồ sơ đánh giá khi đăng nhập hoặc tại quầy trả kết quả, một lần cho mỗi hồ sơ.',
  toLogin: 'Đăng nhập dành cho cán bộ và công dân có tài khoản',
  loginLink: 'Tra cứu tình trạng hồ sơ (không cần đăng nhập)',
};

export type TrackingKey = keyof typeof vi;

const en: { readonly [K in TrackingKey]: string } = {
  title: 'Track a dossier',
  intro: 'Enter the dossier code printed on the receipt and the last 4 digits of the applicant’s phone number.',
  code: 'Dossier code',
  codeHint: 'For example: 000.58.61.H20-260312-0001',
  codeRequired: 'Please enter the dossier code.',
  phone: 'Last 4 digits of the phone',
  phoneRequired: 'Please enter exactly the last 4 digits of the phone number.',
  submit: 'Track',
  searching: 'Looking up…',
  notFound: 'No dossier matches this code and phone number. Please check them.',
  resultTitle: 'Dossier {{code}}',
  procedure: 'Procedure',
  status: 'Status',
  receivedAt: 'Received',
  dueAt: 'Result due',
  steps: 'Steps done',
  rating: 'Satisfaction rating',
  rated: 'Rated by the applicant',
  notRated: 'Not rated yet',
  ratingHint: 'The applicant rates the service once, after signing in or at the counter where the result is returned.',
  toLogin: 'Sign in (staff and citizens with an account)',
  loginLink: 'Track a dossier (no sign-in needed)',
};

export const useTrackingT = defineBundle('tracking', vi, en);
