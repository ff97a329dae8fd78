// Texts of the public anchors page.
import { defineBundle } from '../i18n/bundle';

const vi = {
  title: 'Neo nhật ký hồ sơ',
  intro: 'Mỗi ngày, mã băm mới nhất của từng hồ sơ có thay đổi trong ngày được gộp thành một chuỗi tóm tắt, nối với chuỗi tóm tắt của ngày trước và ký bằng khóa Ed25519 giữ ngoài cơ sở dữ liệu. Ai lưu bản sao trang này có thể kiểm tra sau rằng nhật ký không bị viết lại (lệnh motcua audit verify --anchors).',
  loading: 'Đang tải các ngày đã neo…',
  keyTitle: 'Khóa công khai',
  keyNone: 'Chưa cấu hình khóa neo.',
  keyId: 'Mã khóa',
  keyText: 'Khóa công khai (Ed25519, SPKI DER base64)',
  daysTitle: 'Các ngày đã neo ({{count}})',
  daysNone: 'Chưa có ngày nào được neo.',
  machineReadable: 'Dữ liệu máy đọc (JSON):',
  day: 'Ngày {{day}}',
  heads: 'Số hồ sơ có thay đổi',
  digest: 'Chuỗi tóm tắt (SHA-256)',
  prevDigest: 'Chuỗi tóm tắt ngày trước',
  signature: 'Chữ ký (Ed25519, base64)',
  anchorKeyId: 'Mã khóa ký',
};

// English: exactly the same keys (checked by defineBundle)
export const useAnchorsT = defineBundle('anchors', vi, {
  title: 'Anchors of the dossier log',
  intro: 'Every day, the latest hash of each dossier that changed that day is folded into one digest, chained to the previous day\'s digest and signed with an Ed25519 key kept outside the database. Whoever keeps a copy of this page can later check that the log was not rewritten (motcua audit verify --anchors).',
  loading: 'Loading the anchored days…',
  keyTitle: 'Public key',
  keyNone: 'No anchor key is configured.',
  keyId: 'Key id',
  keyText: 'Public key (Ed25519, SPKI DER base64)',
  daysTitle: 'Anchored days ({{count}})',
  daysNone: 'No day has been anchored yet.',
  machineReadable: 'Machine-readable data (JSON):',
  day: 'Day {{day}}',
  heads: 'Dossiers that changed',
  digest: 'Digest (SHA-256)',
  prevDigest: 'Previous day\'s digest',
  signature: 'Signature (Ed25519, base64)',
  anchorKeyId: 'Signing key id',
});
