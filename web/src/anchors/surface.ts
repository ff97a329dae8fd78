// The public daily anchors of the dossier log: one chunk (web/src/pages.ts).
export { AnchorsPage } from './AnchorsPage';
