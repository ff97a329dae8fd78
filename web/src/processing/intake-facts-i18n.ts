// Texts of the intake facts on the dossier page and public tracking (IntakeFacts.tsx) and the
// counter's done view. The kinds' words are the shared module's (src/shared/applicant-kinds.ts).
import { defineBundle } from '../i18n/bundle';
import { applicantKindLabels } from '../../../src/shared/applicant-kinds';
import { prefixedLabels } from '../../../src/shared/dossier-labels';
import vi from './intake-facts-i18n.vi.json';
import en from './intake-facts-i18n.en.json';

export const useIntakeFactsT = defineBundle(
  'intakeFacts',
  { ...vi, ...prefixedLabels('kind_', applicantKindLabels.vi) },
  { ...en, ...prefixedLabels('kind_', applicantKindLabels.en) },
);
