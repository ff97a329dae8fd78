// Supervision (at-risk and overdue dossiers, officers, audit check): one chunk (web/src/pages.ts).
export { SupervisionPage } from './SupervisionPage';
