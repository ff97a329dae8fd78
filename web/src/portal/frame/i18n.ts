// Texts of the portal's frame (header and navigation), shared by every portal page.
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const usePortalFrameT = defineBundle('portalFrame', vi, en);
