// The end of the work at the door: the postage quoted from the tariff for the weight saved on the draft, the
// procedure's fees (a fee given as a formula is counted by the courier), the payment method, the
// applicant's and the courier's signatures; "Niêm phong" collects and seals (a numbered receipt).
import { useEffect, useState } from 'react';
import type { User } from '../../api/types';
import { collectPickup, fetchCharges, type Charges, type CollectBody, type PaymentMethod, type Position, type Shipment } from '../api';
import { emptySignature, signatureOf, type SignatureValue } from '../SignaturePad';
import { useSend } from '../useSend';
import type { Loaded } from './usePickupTask';

export const POSTAGE_LABEL = 'Cước dịch vụ bưu chính công ích';

/** What the applicant pays: each fee (a formula's amount as the courier counted it) and the postage. */
export function collectItems(charges: Charges, typed: Readonly<Record<number, string>>): CollectBody['items'] {
  const fees = charges.fees.map((f, i) => ({ kind: 'fee' as const, label: f.label, amountVnd: f.amountVnd ?? (Number(typed[i] ?? '') || 0) }));
  return [...fees, { kind: 'postage' as const, label: POSTAGE_LABEL, amountVnd: charges.postage.amountVnd }].filter((i) => i.amountVnd > 0);
}

/** `grams`: the weight saved on the draft (usePickupTask), null until the parcel is weighed. */
export function useSealing(shipmentId: number, user: User, position: Position | null, grams: number | null, onSealed: (s: Shipment) => void) {
  const [charges, setCharges] = useState<Loaded<Charges>>({ status: 'loading' });
  const [typed, setTyped] = useState<Readonly<Record<number, string>>>({});
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [applicantSig, setApplicantSig] = useState<SignatureValue>(emptySignature());
  const [courierSig, setCourierSig] = useState<SignatureValue>(emptySignature(user.fullName));
  const [missing, setMissing] = useState<string | null>(null);
  // bumped after a refused seal: the postage is quoted again (the server takes only the tariff's, 400 POSTAGE_MISMATCH)
  const [quoteRound, setQuoteRound] = useState(0);
  const seal = useSend();

  useEffect(() => {
    if (grams === null) { setCharges({ status: 'loading' }); return; }
    const c = new AbortController();
    const timer = window.setTimeout(() => {
      fetchCharges(shipmentId, grams, c.signal).then(
        (value) => setCharges({ status: 'ready', value }),
        (error: unknown) => { if (!c.signal.aborted) setCharges({ status: 'failed', error }); },
      );
    }, 300);
    return () => { window.clearTimeout(timer); c.abort(); };
  }, [shipmentId, grams, quoteRound]);

  const items = charges.status === 'ready' ? collectItems(charges.value, typed) : [];
  const totalVnd = items.reduce((a, i) => a + i.amountVnd, 0);

  const submit = async () => {
    const a = signatureOf(applicantSig, true);
    const c = signatureOf(courierSig, false);
    if (charges.status !== 'ready') { setMissing('weight'); return; }
    // the weight changed since the quote on screen: let the new postage show before it is collected
    if (charges.value.postage.weightGrams !== grams) { setMissing('postageStale'); return; }
    if (!a) { setMissing('applicantSignature'); return; }
    if (!c) { setMissing('courierSignature'); return; }
    setMissing(null);
    const sealed = await seal.send(() => collectPickup(shipmentId, { items, paymentMethod: method, applicantSignature: a, courierSignature: c }, position));
    if (sealed) onSealed(sealed);
    else setQuoteRound((n) => n + 1);
  };

  return {
    charges, typed, setTyped, method, setMethod, items, totalVnd,
    applicantSig, setApplicantSig, courierSig, setCourierSig, missing, seal, submit,
  };
}

export type Sealing = ReturnType<typeof useSealing>;
