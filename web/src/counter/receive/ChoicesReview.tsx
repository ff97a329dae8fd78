// The review's lines for who files and how the result goes back.
import { useChoicesT } from './choices-i18n';
import type { ReceiveForm } from './useReceiveForm';

export function ChoicesReview({ form }: { readonly form: ReceiveForm }) {
  const t = useChoicesT();
  const c = form.choices.choices;
  return (
    <>
      <dt>{t('reviewParty')}</dt><dd>{t(`kind_${c.kind}`)}</dd>
      {c.kind === 'organisation' && <><dt>{t('reviewOrganisation')}</dt><dd>{c.organisationName} ({t('taxCode')} {c.taxCode}); {t('representative')}: {c.representative}</dd></>}
      {c.kind === 'proxy' && <><dt>{t('reviewPrincipal')}</dt><dd>{c.principalName}{c.principalPersonalId ? ` (${c.principalPersonalId})` : ''}; {t('authorisation')}: {c.authorisation}</dd></>}
      <dt>{t('reviewDelivery')}</dt><dd>{t(`delivery_${c.delivery}`)}{c.delivery === 'post' ? `: ${c.deliveryAddress}` : ''}</dd>
    </>
  );
}
