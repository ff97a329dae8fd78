// Texts of the catalogue administration screens (`catalogAdmin` keys, see ../../i18n/bundle.ts).
import { defineBundle } from '../../i18n/bundle';
import catalogVi from './i18n.vi.json';
import en from './i18n.en.json';

// English: exactly the same keys (checked by defineBundle)
export const useCatalogAdminT = defineBundle('catalogAdmin', catalogVi, en);

export type CatalogAdminT = ReturnType<typeof useCatalogAdminT>;
export { catalogVi };
