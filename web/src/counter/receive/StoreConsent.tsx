// The applicant's consent to keep their digitized papers in their document store and reuse them
// (recorded by the server with time and purpose, issue 12 §4): asked once; when given before, said so.
// The single intake and the bundle intake ask it with this one part.
import { formatVnDate } from '../../ui/dates';
import { useScanT } from './scan-i18n';
import type { ReceiveForm } from './useReceiveForm';

/** The single intake's form, or the bundle intake's (one consent for the bundle's members). */
export function StoreConsent({ form }: { readonly form: Pick<ReceiveForm, 'consentGivenAt' | 'storeConsent' | 'setStoreConsent'> }) {
  const t = useScanT();
  if (form.consentGivenAt) return <p className="field__hint">✓ {t('storeConsentGiven', { date: formatVnDate(form.consentGivenAt) })}</p>;
  return (
    <div className="field field--check store-consent">
      <input id="store-consent" type="checkbox" checked={form.storeConsent} aria-describedby="store-consent-hint" onChange={(e) => form.setStoreConsent(e.target.checked)} />
      <label htmlFor="store-consent">{t('storeConsent')}</label>
      <p id="store-consent-hint" className="field__hint">{t('storeConsentHint')}</p>
    </div>
  );
}
