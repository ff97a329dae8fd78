// The portal's account pages, one chunk: "Đăng ký" and "Quên mật khẩu" (public, in the portal's
// frame: web/src/standalone.tsx) and "Tài khoản của tôi" (signed in: web/src/signedInPages.tsx).
export { RegisterPage } from './RegisterPage';
export { ForgotPasswordPage } from './ForgotPasswordPage';
export { MyAccountPage } from './MyAccountPage';
