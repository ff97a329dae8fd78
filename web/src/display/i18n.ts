// Texts of the waiting room's display.
import { defineBundle } from '../i18n/bundle';

const vi = {
  title: 'Màn hình gọi số',
  nowServing: 'Mời số',
  toCounter: 'đến',
  recent: 'Các số vừa gọi',
  number: 'Số',
  counter: 'Quầy',
  waiting_one: 'Đang chờ: {{count}} người',
  waiting_other: 'Đang chờ: {{count}} người',
  nobody: 'Chưa gọi số nào.',
  soundOn: 'Bật âm thanh gọi số',
  soundHint: 'Trình duyệt chỉ phát tiếng sau một lần bấm. Bấm một lần khi mở màn hình.',
  soundEnabled: 'Đã bật âm thanh',
  offline: 'Mất kết nối máy chủ, đang kết nối lại…',
  notFound: 'Không tìm thấy điểm phục vụ {{code}}.',
  loading: 'Đang tải…',
};

export const useDisplayT = defineBundle('display', vi, {
  title: 'Queue display',
  nowServing: 'Number',
  toCounter: 'to',
  recent: 'Recently called',
  number: 'Number',
  counter: 'Counter',
  waiting_one: 'Waiting: {{count}} person',
  waiting_other: 'Waiting: {{count}} people',
  nobody: 'No number called yet.',
  soundOn: 'Turn on the call sound',
  soundHint: 'Browsers play sound only after one click. Click once when opening the display.',
  soundEnabled: 'Sound on',
  offline: 'Connection lost, reconnecting…',
  notFound: 'Service point {{code}} not found.',
  loading: 'Loading…',
});
