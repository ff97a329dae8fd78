// The agencies' processing surface (queue, search, a dossier's page): one chunk (web/src/pages.ts).
export { BundlePage } from './BundlePage';
export { DossierPage } from './DossierPage';
export { QueuePage } from './QueuePage';
export { SearchPage } from './SearchPage';
