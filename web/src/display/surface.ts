// The waiting room's display, full screen: one chunk (web/src/pages.ts).
export { DisplayPage } from './DisplayPage';
