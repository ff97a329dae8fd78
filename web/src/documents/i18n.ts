// Texts of the documents parts: electronic results on the dossier page, certified copies, the
// public verification page and the citizen's papers.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useDocumentsT = defineBundle('documents', vi, en);

export type DocumentsT = ReturnType<typeof useDocumentsT>;
