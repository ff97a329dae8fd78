// The citizen's online supplement page: a small chunk of its own, loaded when "my dossiers" opens it (web/src/pages.ts).
export { SupplementPage } from './SupplementPage';
