// Texts of the processing screens and the dossier labels the counter and tracking pages share.
import { defineBundle, type BundleKey } from '../i18n/bundle';
import { actionLabels, prefixedLabels, statusLabels } from '../../../src/shared/dossier-labels';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

// statuses and actions: the shared module's labels (src/shared/dossier-labels.ts, DOMAIN §1.5)
export const useProcessingT = defineBundle(
  'processing',
  { ...vi, ...prefixedLabels('status_', statusLabels.vi), ...prefixedLabels('action_', actionLabels.vi) },
  { ...en, ...prefixedLabels('status_', statusLabels.en), ...prefixedLabels('action_', actionLabels.en) },
);
export type ProcessingT = ReturnType<typeof useProcessingT>;
export type ProcessingKey = BundleKey<typeof useProcessingT>;
