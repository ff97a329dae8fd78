// Texts of scanning at the counter (issue 12 §2): the CCCD QR by camera, the scans of each paper,
// and reuse from the applicant's document store.
import { defineBundle } from '../../i18n/bundle';

const vi = {
  cameraOpen: 'Quét mã QR bằng camera',
  cameraClose: 'Tắt camera',
  cameraVideo: 'Hình ảnh từ camera',
  cameraHint: 'Đưa mã QR trên thẻ căn cước vào khung hình; thông tin tự điền khi đọc được mã.',
  cameraInsecure: 'Trình duyệt chỉ cho dùng camera khi trang được mở qua https. Vui lòng dùng máy quét hoặc nhập tay.',
  cameraDenied: 'Chưa được phép dùng camera. Vui lòng cho phép truy cập camera trong trình duyệt rồi thử lại.',
  cameraMissing: 'Không tìm thấy camera trên máy này.',
  cameraBusy: 'Camera đang được ứng dụng khác sử dụng. Vui lòng đóng ứng dụng đó rồi thử lại.',
  cameraFailed: 'Không mở được camera. Vui lòng thử lại hoặc dùng máy quét.',
};

// English: exactly the same keys (checked by defineBundle)
const en = {
  cameraOpen: 'Scan the QR code with the camera',
  cameraClose: 'Turn the camera off',
  cameraVideo: 'Camera picture',
  cameraHint: 'Hold the QR code of the ID card in the frame; the form fills as soon as the code is read.',
  cameraInsecure: 'The browser allows the camera only on pages opened over https. Please use the scanner or type the details.',
  cameraDenied: 'The camera is not allowed. Please allow camera access in the browser and try again.',
  cameraMissing: 'No camera was found on this computer.',
  cameraBusy: 'Another application is using the camera. Please close it and try again.',
  cameraFailed: 'The camera could not be opened. Please try again or use the scanner.',
};

export const useScanT = defineBundle('counterScan', vi, en);
