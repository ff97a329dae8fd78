// The counter clerk's surface: its pages load as one chunk (web/src/pages.ts).
export { ReceivePage } from './ReceivePage';
export { BundleReceivePage } from './BundleReceivePage';
export { ReturnPage } from './ReturnPage';
