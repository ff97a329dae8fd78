// What the intake recorded, on the dossier page: who is who (the filer for themself, for an
// organisation, or for another person with an authorisation paper), the ledger entry of form 01
// ("Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …") and how the applicant will receive the result.
// Rendered inside the page's fact list; `TrackingIntakeFacts` is the public tracking's part (kinds
// only, no names, no address).
import type { DossierDetail, TrackingView } from './api';
import { useIntakeFactsT } from './intake-facts-i18n';

function Party({ d }: { readonly d: DossierDetail }) {
  const t = useIntakeFactsT();
  const p = d.party;
  switch (p.kind) {
    case 'person': return null;
    case 'organisation': return (
      <>
        <dt>{t('kind')}</dt><dd>{t('kind_organisation')}</dd>
        <dt>{t('organisation')}</dt><dd>{p.name} ({t('taxCode')} {p.taxCode})</dd>
        <dt>{t('representative')}</dt><dd>{p.representative}</dd>
      </>
    );
    case 'proxy': return (
      <>
        <dt>{t('kind')}</dt><dd>{t('kind_proxy')}</dd>
        <dt>{t('principal')}</dt><dd>{p.principalName}{p.principalPersonalId ? ` (${t('personalId')} ${p.principalPersonalId})` : ''}</dd>
        <dt>{t('authorisation')}</dt><dd>{p.authorisation}</dd>
      </>
    );
  }
}

export function IntakeFacts({ d }: { readonly d: DossierDetail }) {
  const t = useIntakeFactsT();
  return (
    <>
      <Party d={d} />
      {d.ledger && <><dt>{t('ledger')}</dt><dd>{t('ledgerEntry', { book: d.ledger.book, serial: d.ledger.serial })}</dd></>}
      {d.delivery && (
        <>
          <dt>{t('delivery')}</dt>
          <dd>{t(`delivery_${d.delivery.method}`)}{d.delivery.address ? `: ${d.delivery.address}` : ''}</dd>
        </>
      )}
    </>
  );
}

export function TrackingIntakeFacts({ view }: { readonly view: Pick<TrackingView, 'applicantKind' | 'deliveryMethod'> }) {
  const t = useIntakeFactsT();
  return (
    <>
      <dt>{t('kind')}</dt><dd>{t(`kind_${view.applicantKind}`)}</dd>
      {view.deliveryMethod && <><dt>{t('delivery')}</dt><dd>{t(`delivery_${view.deliveryMethod}`)}</dd></>}
    </>
  );
}
