// Public processing times per procedure: one chunk (web/src/pages.ts).
export { TransparencyLink, TransparencyPage } from './TransparencyPage';
