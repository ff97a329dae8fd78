// Vietnamese messages of the platform's own HTTP errors (capabilities carry theirs in DomainError).
export const httpMessages = {
  MALFORMED_JSON: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
  INVALID_UTF8: 'Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.',
  VALIDATION_FAILED: 'Dữ liệu không hợp lệ.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
  UNSUPPORTED_MEDIA_TYPE: 'Kiểu dữ liệu không được hỗ trợ; hãy gửi application/json.',
  NOT_FOUND: 'Không tìm thấy địa chỉ yêu cầu.',
  METHOD_NOT_ALLOWED: 'Phương thức không được hỗ trợ.',
  RATE_LIMITED: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  UNAUTHENTICATED: 'Vui lòng đăng nhập.',
  BAD_REQUEST: 'Yêu cầu không hợp lệ.',
  INVALID_TEXT: 'Có tên chứa ký tự ẩn, ký tự điều khiển hoặc ký tự đảo chiều hiển thị; vui lòng gõ lại.',
  INVALID_VALUE: 'Có giá trị không hợp lệ (ví dụ ngày không tồn tại hoặc ký tự không cho phép).',
  DATABASE_UNAVAILABLE: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.',
  INTERNAL: 'Hệ thống gặp lỗi. Vui lòng thử lại; nếu lỗi lặp lại, hãy báo quản trị viên.',
} as const satisfies Record<string, string>;

export type HttpMessageCode = keyof typeof httpMessages;
