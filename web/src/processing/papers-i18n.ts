// Texts of the papers of a dossier on the dossier page (DossierPapers.tsx).
import { defineBundle } from '../i18n/bundle';
import vi from './papers-i18n.vi.json';
import en from './papers-i18n.en.json';

export const usePapersT = defineBundle('dossierPapers', vi, en);
