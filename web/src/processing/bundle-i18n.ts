// Texts of a bundled dossier's page (BundlePage.tsx); the statuses are the processing bundle's.
import { defineBundle } from '../i18n/bundle';
import vi from './bundle-i18n.vi.json';
import en from './bundle-i18n.en.json';

export const useBundleT = defineBundle('bundle', vi, en);
export type BundleT = ReturnType<typeof useBundleT>;
