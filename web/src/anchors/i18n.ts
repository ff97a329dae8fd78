// Texts of the public anchors page.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

// English: exactly the same keys (checked by defineBundle)
export const useAnchorsT = defineBundle('anchors', vi, en);
