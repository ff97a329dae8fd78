// The account surface's pages, loaded as one chunk the first time one of them is shown (web/src/pages.ts).
export { ChangePasswordPage } from './ChangePasswordPage';
export { LoginPage } from './LoginPage';
