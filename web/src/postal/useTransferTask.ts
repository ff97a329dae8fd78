// One transfer between agencies (DOMAIN §5.2 step 13): taken, weighed and collected at the sending
// agency (its officer and the courier sign; the postage is billed to that agency), handed over at the
// receiving agency (the receiver signs).
import { useEffect, useState } from 'react';
import type { User } from '../api/types';
import { assignToMe, collectTransfer, fetchTransferPostage, handOverTransfer, type Position, type Shipment } from './api';
import { emptySignature, signatureOf, type SignatureValue } from './SignaturePad';
import { weightGrams } from './pickup/usePickupTask';
import { useLegTask } from './useLegTask';
import { useSend } from './useSend';

export function useTransferTask(id: number, user: User, position: Position | null) {
  const [otherSig, setOtherSig] = useState<SignatureValue>(emptySignature());
  const [courierSig, setCourierSig] = useState<SignatureValue>(emptySignature(user.fullName));
  const [weight, setWeightText] = useState('');
  const grams = weightGrams(weight);
  const act = useSend();
  const { loaded, shipment, leg, n, missing, setMissing, done, answered: shown, need } = useLegTask(id, 'transfer');
  // the postage of the weight typed, from the server's tariff, before both sign (none while the weight is not one)
  const [quote, setQuote] = useState<{ grams: number; amountVnd: number } | null>(null);
  const collectable = leg?.status === 'assigned';
  useEffect(() => {
    if (grams === null || !n || !collectable) { setQuote(null); return undefined; }
    const c = new AbortController();
    fetchTransferPostage(n, grams, c.signal).then((p) => setQuote({ grams: p.weightGrams, amountVnd: p.amountVnd }), () => { if (!c.signal.aborted) setQuote(null); });
    return () => c.abort();
  }, [n, grams, collectable]);
  const answered = (s: Shipment | null, what: string) => { if (shown(s, what)) setOtherSig(emptySignature()); };
  /** the other party's and the courier's signatures, or null after naming what is missing */
  const signatures = (other: 'agencySignature' | 'receiverSignature') => {
    const o = signatureOf(otherSig, other === 'receiverSignature');
    const c = signatureOf(courierSig, false);
    if (!o) return need(other);
    if (!c) return need('courierSignature');
    setMissing(null);
    return { o, c };
  };

  const take = async () => answered(await act.send(() => assignToMe(n)), 'taken');
  const collect = async () => {
    if (grams === null) return need('transferWeight');
    const sig = signatures('agencySignature');
    if (!sig) return null;
    return answered(await act.send(() => collectTransfer(n, { weightGrams: grams, senderSignature: sig.o, courierSignature: sig.c }, position)), 'transferCollected');
  };
  const handOver = async () => {
    const sig = signatures('receiverSignature');
    if (!sig) return null;
    const receiver = { name: sig.o.name, ...(sig.o.personalId ? { personalId: sig.o.personalId } : {}) };
    return answered(await act.send(() => handOverTransfer(n, { receiver, receiverSignature: sig.o, courierSignature: sig.c }, position)), 'transferHandedOver');
  };

  // a weight typed answers "not weighed yet": the notice goes as soon as it is a weight
  const setWeight = (text: string) => {
    const digits = text.replace(/\D/g, '');
    setWeightText(digits);
    if (missing === 'transferWeight' && weightGrams(digits) !== null) setMissing(null);
  };
  return { loaded, shipment, leg, mine: leg?.courierId === user.id, weight, setWeight, grams, quote, otherSig, setOtherSig, courierSig, setCourierSig, missing, done, act, take, collect, handOver };
}
