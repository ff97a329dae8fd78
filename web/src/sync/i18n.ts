// Texts of the sync-status page; the dossiers' action labels come from the shared module.
import { defineBundle, type BundleKey } from '../i18n/bundle';
import { actionLabels, prefixedLabels } from '../../../src/shared/dossier-labels';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useSyncT = defineBundle(
  'sync',
  { ...vi, ...prefixedLabels('action_', actionLabels.vi) },
  { ...en, ...prefixedLabels('action_', actionLabels.en) },
);
export type SyncT = ReturnType<typeof useSyncT>;
export type SyncKey = BundleKey<typeof useSyncT>;
