// The signed-in citizen's pages (my dossiers, my papers): one chunk (web/src/pages.ts).
export { MyDossiersPage } from './MyDossiersPage';
export { MyPapersPage } from './MyPapersPage';
