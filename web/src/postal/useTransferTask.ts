// One transfer between agencies (DOMAIN §5.2 step 13): taken, collected at the sending agency (its
// officer and the courier sign), handed over at the receiving agency (the receiver signs).
import { useCallback, useEffect, useState } from 'react';
import type { User } from '../api/types';
import { assignToMe, collectTransfer, fetchShipment, handOverTransfer, type Position, type Shipment } from './api';
import { emptySignature, signatureOf, type SignatureValue } from './SignaturePad';
import { useSend } from './useSend';

type Loaded = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly shipment: Shipment };

export function useTransferTask(id: number, user: User, position: Position | null) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [otherSig, setOtherSig] = useState<SignatureValue>(emptySignature());
  const [courierSig, setCourierSig] = useState<SignatureValue>(emptySignature(user.fullName));
  const [missing, setMissing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = useSend();

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setLoaded({ status: 'ready', shipment: await fetchShipment(id, signal) });
    } catch (error) { if (!signal?.aborted) setLoaded({ status: 'failed', error }); }
  }, [id]);
  useEffect(() => { const c = new AbortController(); void load(c.signal); return () => c.abort(); }, [load]);

  const shipment = loaded.status === 'ready' ? loaded.shipment : null;
  const leg = shipment?.legs.find((l) => l.kind === 'transfer') ?? null;
  const n = leg?.trackingNumber ?? '';
  const answered = (s: Shipment | null, what: string) => {
    if (!s) { setDone(null); return; }
    setLoaded({ status: 'ready', shipment: s });
    setDone(what);
    setOtherSig(emptySignature());
  };
  const need = (what: string) => { setMissing(what); setDone(null); return null; };
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
    const sig = signatures('agencySignature');
    if (!sig) return null;
    return answered(await act.send(() => collectTransfer(n, { senderSignature: sig.o, courierSignature: sig.c }, position)), 'transferCollected');
  };
  const handOver = async () => {
    const sig = signatures('receiverSignature');
    if (!sig) return null;
    const receiver = { name: sig.o.name, ...(sig.o.personalId ? { personalId: sig.o.personalId } : {}) };
    return answered(await act.send(() => handOverTransfer(n, { receiver, receiverSignature: sig.o, courierSignature: sig.c }, position)), 'transferHandedOver');
  };

  return { loaded, shipment, leg, mine: leg?.courierId === user.id, otherSig, setOtherSig, courierSig, setCourierSig, missing, done, act, take, collect, handOver };
}
