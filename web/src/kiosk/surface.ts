// The queue kiosk, full screen: one chunk (web/src/pages.ts).
export { KioskPage } from './KioskPage';
