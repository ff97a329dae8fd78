// Texts of the portal's account pages: "Đăng ký", "Quên mật khẩu", "Tài khoản của tôi".
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const usePortalAccountT = defineBundle('portalAccount', vi, en);
