// Texts of the citizen's own pages (Hồ sơ của tôi).
import { defineBundle } from '../i18n/bundle';

const vi = {
  myDossiersTitle: 'Hồ sơ của tôi',
  myDossiersIntro: 'Các hồ sơ đã nộp theo số định danh cá nhân của bạn, mới nhất trước. Chọn mã hồ sơ để xem tiến độ giải quyết.',
  loading: 'Đang tải hồ sơ của bạn…',
  empty: 'Bạn chưa có hồ sơ nào. Hồ sơ nộp tại bưu điện, trung tâm phục vụ hành chính công hoặc trực tuyến bằng số định danh cá nhân của bạn sẽ hiện ở đây.',
  caption_one: 'Hồ sơ của bạn, {{count}} hồ sơ',
  caption_other: 'Hồ sơ của bạn, {{count}} hồ sơ',
  captionPartial: 'Hồ sơ của bạn: {{shown}} hồ sơ mới nhất trong số {{total}} hồ sơ',
  colRating: 'Đánh giá',
  rateLink: 'Đánh giá',
  rated: 'Đã đánh giá',
  rateLinkCode: 'mức độ hài lòng với hồ sơ {{code}}',
  rateHint: 'Hồ sơ đã có kết quả hoặc đã được giải quyết: bạn có thể đánh giá mức độ hài lòng, một lần cho mỗi hồ sơ, trên trang của hồ sơ.',
  refresh: 'Tải lại',
  loadedCount_one: 'Đã tải {{count}} hồ sơ.',
  loadedCount_other: 'Đã tải {{count}} hồ sơ.',
  loadMore: 'Xem các hồ sơ cũ hơn',
  loadingMore: 'Đang tải thêm…',
};

export const useCitizenT = defineBundle('citizen', vi, {
  myDossiersTitle: 'My dossiers',
  myDossiersIntro: 'The dossiers filed under your personal ID number, newest first. Choose a dossier code to follow its progress.',
  loading: 'Loading your dossiers…',
  empty: 'You have no dossiers yet. Dossiers filed with your personal ID number at a post office, a public administrative service centre or online will appear here.',
  caption_one: 'Your dossiers, {{count}} in all',
  caption_other: 'Your dossiers, {{count}} in all',
  captionPartial: 'Your dossiers: the newest {{shown}} of {{total}}',
  colRating: 'Rating',
  rateLink: 'Rate',
  rated: 'Rated',
  rateLinkCode: 'your satisfaction with dossier {{code}}',
  rateHint: 'A dossier with its result or its decision can be rated, once, from its own page.',
  refresh: 'Reload',
  loadedCount_one: '{{count}} dossier loaded.',
  loadedCount_other: '{{count}} dossiers loaded.',
  loadMore: 'Show older dossiers',
  loadingMore: 'Loading more…',
});

export type CitizenT = ReturnType<typeof useCitizenT>;
