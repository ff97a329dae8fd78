// What the intake recorded for the receipt (form 01), on the dossier page: the ledger entry
// ("Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …") and how the applicant will receive the result.
// Rendered inside the page's fact list.
import type { DossierDetail } from './api';
import { useIntakeFactsT } from './intake-facts-i18n';

export function IntakeFacts({ d }: { readonly d: DossierDetail }) {
  const t = useIntakeFactsT();
  return (
    <>
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
