// The review's lines for the chosen case (with its time limit) and the place of a place-tied procedure.
import { durationText, useCommonT } from '../../i18n/common';
import { useCaseT } from './case-i18n';
import type { ReceiveForm } from './useReceiveForm';

export function CaseReview({ form }: { readonly form: ReceiveForm }) {
  const t = useCaseT();
  const tc = useCommonT();
  const { terms, place } = form.caseAndPlace;
  return (
    <>
      {terms?.caseName && <><dt>{t('reviewCase')}</dt><dd>{terms.caseName} — {durationText(tc, terms.durationValue, terms.durationUnit)}</dd></>}
      {form.procedure?.placeTied && place && <><dt>{t('reviewPlace')}</dt><dd>{place.name} ({place.code})</dd></>}
    </>
  );
}
