// The counter clerk's surface: its pages load as one chunk (web/src/pages.ts).
export { ReceivePage } from './ReceivePage';
export { ReturnPage } from './ReturnPage';
