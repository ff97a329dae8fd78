// Texts of who files and how the result is received at the counter (PartyStep, DeliveryStep,
// ChoicesReview). The kinds' words are the shared module's (src/shared/applicant-kinds.ts).
import { defineBundle } from '../../i18n/bundle';
import { applicantKindLabels } from '../../../../src/shared/applicant-kinds';
import { prefixedLabels } from '../../../../src/shared/dossier-labels';
import vi from './choices-i18n.vi.json';
import en from './choices-i18n.en.json';

export const useChoicesT = defineBundle(
  'intakeChoices',
  { ...vi, ...prefixedLabels('kind_', applicantKindLabels.vi) },
  { ...en, ...prefixedLabels('kind_', applicantKindLabels.en) },
);
export type ChoicesT = ReturnType<typeof useChoicesT>;
