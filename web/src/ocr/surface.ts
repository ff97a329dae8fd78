// Search in the recognised text of scans: one chunk (web/src/pages.ts).
export { ScanSearchPage } from './ScanSearchPage';
