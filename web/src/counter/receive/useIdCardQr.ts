// The CCCD QR at the counter: what the keyboard-wedge scanner typed into the field, or what the
// camera decoded, goes through the one shared parser (src/shared/id-card-qr.ts) and fills the
// applicant; a payload that is not a card says why, in the clerk's words.
import { useState } from 'react';
import { parseIdCardQr } from '../../../../src/shared/id-card-qr';
import type { ApplicantFacts } from '../eform';
import { useCounterT } from '../i18n';

export interface QrMessage { readonly tone: 'error' | 'success'; readonly text: string }

export function useIdCardQr(applicant: ApplicantFacts, updateApplicant: (next: ApplicantFacts) => void) {
  const t = useCounterT();
  const [qr, setQr] = useState('');
  const [qrMessage, setQrMessage] = useState<QrMessage | null>(null);

  /** Fills from `payload` (the camera's text) or, without it, from the wedge field. */
  const fillFromQr = (payload?: string) => {
    const parsed = parseIdCardQr(payload ?? qr);
    if (!parsed.ok) { setQrMessage({ tone: 'error', text: t(`qr_${parsed.problem}`) }); return; }
    const d = parsed.data;
    updateApplicant({ ...applicant, personalId: d.personalId, name: d.name, birthDate: d.birthDate ?? applicant.birthDate, address: d.address ?? applicant.address });
    setQrMessage({ tone: 'success', text: t('qrFilled', { name: d.name }) });
    setQr('');
  };

  const resetQr = () => { setQr(''); setQrMessage(null); };

  return { qr, setQr, qrMessage, fillFromQr, resetQr };
}
