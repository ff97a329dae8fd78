// The national portal sync's status page: one chunk (web/src/pages.ts).
export { SyncStatusPage } from './SyncStatusPage';
