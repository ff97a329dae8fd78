// Public tracking of a dossier by its code, and the links between public pages and sign-in: one chunk (web/src/pages.ts).
export { PublicLink } from './PublicLink';
export { TrackingPage } from './TrackingPage';
