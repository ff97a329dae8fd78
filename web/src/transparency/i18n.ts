// Texts of the public transparency page.
import { defineBundle } from '../i18n/bundle';

const vi = {
  title: 'Công khai kết quả giải quyết thủ tục hành chính',
  intro: 'Thời gian giải quyết thực tế của từng thủ tục trong 12 tháng qua ({{from}} – {{to}}), tính bằng ngày làm việc ({{hours}} giờ) từ khi tiếp nhận đến khi có kết quả.',
  search: 'Tìm thủ tục',
  searchButton: 'Tìm',
  loading: 'Đang tải…',
  empty: 'Không tìm thấy thủ tục.',
  caption: 'Thời gian giải quyết theo thủ tục ({{shown}} / {{total}} thủ tục)',
  colProcedure: 'Thủ tục',
  colDuration: 'Thời hạn quy định',
  colResolved: 'Đã giải quyết',
  colMedian: 'Trung vị (ngày làm việc)',
  colP90: '90% hồ sơ xong trong (ngày làm việc)',
  colOnTime: 'Tỷ lệ đúng hạn',
  colOpenOverdue: 'Đang giải quyết, đã quá hạn',
  colStale: 'Tồn đọng trước kỳ',
  none: '—',
  note: 'Hồ sơ chưa giải quyết không tính vào trung vị; hồ sơ đang quá hạn và hồ sơ tồn đọng tiếp nhận trước kỳ được nêu riêng.',
  more: 'Xem thêm',
  linkFromLogin: 'Công khai thời gian giải quyết thủ tục (không cần đăng nhập)',
};

// English: exactly the same keys (checked by defineBundle)
export const useTransparencyT = defineBundle('transparency', vi, {
  title: 'Public figures of administrative procedures',
  intro: 'Actual processing time of each procedure over the last 12 months ({{from}} – {{to}}), in working days ({{hours}} hours) from receipt to result.',
  search: 'Find a procedure',
  searchButton: 'Find',
  loading: 'Loading…',
  empty: 'No procedure found.',
  caption: 'Processing time per procedure ({{shown}} of {{total}} procedures)',
  colProcedure: 'Procedure',
  colDuration: 'Statutory time',
  colResolved: 'Resolved',
  colMedian: 'Median (working days)',
  colP90: '90% done within (working days)',
  colOnTime: 'On time',
  colOpenOverdue: 'In progress, overdue',
  colStale: 'Backlog from before the period',
  none: '—',
  note: 'Dossiers not yet resolved are not in the median; overdue ones in progress and the backlog received before the period are shown apart.',
  more: 'Show more',
  linkFromLogin: 'Public processing times of procedures (no sign-in needed)',
});
