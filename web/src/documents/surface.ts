// The public verification page of a certified electronic copy: one chunk (web/src/pages.ts).
export { VerifyPage } from './VerifyPage';
