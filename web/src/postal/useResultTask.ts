// One result delivery (issue 13 §4): taken, collected at the agency (both sign), delivered after the
// recipient's ID check (or an authorisation) with the recipient's signature, or a failed attempt
// with its reason; after two failed attempts two working days apart, back to the agency (the server
// answers 409 RETURN_TOO_EARLY before that, in Vietnamese).
import { useCallback, useEffect, useState } from 'react';
import type { User } from '../api/types';
import { assignToMe, collectResult, fetchShipment, recordAttempt, returnToAgency, type Position, type Shipment } from './api';
import { emptySignature, signatureOf, type SignatureValue } from './SignaturePad';
import { useSend } from './useSend';

export const failureReasons = ['away', 'later', 'address', 'refused', 'noId', 'other'] as const;
export type FailureReason = (typeof failureReasons)[number];

type Loaded = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly shipment: Shipment };

export function useResultTask(id: number, user: User, position: Position | null) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [agencySig, setAgencySig] = useState<SignatureValue>(emptySignature());
  const [courierSig, setCourierSig] = useState<SignatureValue>(emptySignature(user.fullName));
  const [recipient, setRecipient] = useState({ name: '', personalId: '', authorised: false, authorisation: '' });
  const [recipientSig, setRecipientSig] = useState<SignatureValue>(emptySignature());
  const [reason, setReason] = useState<FailureReason | null>(null);
  const [otherReason, setOtherReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = useSend();

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const shipment = await fetchShipment(id, signal);
      setLoaded({ status: 'ready', shipment });
      setRecipient((r) => (r.name ? r : { ...r, name: shipment.applicant.name, personalId: shipment.applicant.personalId ?? '' }));
    } catch (error) { if (!signal?.aborted) setLoaded({ status: 'failed', error }); }
  }, [id]);
  useEffect(() => { const c = new AbortController(); void load(c.signal); return () => c.abort(); }, [load]);

  const shipment = loaded.status === 'ready' ? loaded.shipment : null;
  const leg = shipment?.legs.find((l) => l.kind === 'result') ?? null;
  const n = leg?.trackingNumber ?? '';
  const answered = (s: Shipment | null, what: string) => {
    // a refusal replaces the last success notice: the courier sees one message, the server's
    if (!s) { setDone(null); return; }
    setLoaded({ status: 'ready', shipment: s });
    setDone(what);
    setAgencySig(emptySignature());
  };
  const need = (what: string) => { setMissing(what); setDone(null); return null; };

  const take = async () => answered(await act.send(() => assignToMe(n)), 'taken');
  const collect = async () => {
    const a = signatureOf(agencySig, false);
    const c = signatureOf(courierSig, false);
    if (!a) return need('agencySignature');
    if (!c) return need('courierSignature');
    setMissing(null);
    return answered(await act.send(() => collectResult(n, { agencySignature: a, courierSignature: c }, position)), 'collected');
  };
  const deliver = async () => {
    const image = recipientSig.image;
    if (!/^[0-9]{12}$/.test(recipient.personalId)) return need('recipientId');
    if (recipient.authorised && recipient.authorisation.trim().length < 3) return need('authorisation');
    if (!image) return need('recipientSignature');
    setMissing(null);
    const who = { name: recipient.name.trim(), personalId: recipient.personalId, ...(recipient.authorised ? { authorisation: recipient.authorisation.trim() } : {}) };
    return answered(await act.send(() => recordAttempt(n, { outcome: 'delivered', recipient: who, signature: { name: who.name, personalId: who.personalId, image } }, position)), 'delivered');
  };
  const fail = async (reasonText: string) => {
    if (!reason || (reason === 'other' && otherReason.trim().length < 3)) return need('reason');
    setMissing(null);
    const text = reason === 'other' ? otherReason.trim() : reasonText;
    const s = await act.send(() => recordAttempt(n, { outcome: 'failed', reason: text }, position));
    if (s) { setReason(null); setOtherReason(''); }
    return answered(s, 'failed');
  };
  const giveBack = async () => {
    const a = signatureOf(agencySig, false);
    if (!a) return need('agencySignature');
    setMissing(null);
    return answered(await act.send(() => returnToAgency(n, { agencySignature: a }, position)), 'returned');
  };

  return {
    loaded, shipment, leg, mine: leg?.courierId === user.id, agencySig, setAgencySig, courierSig, setCourierSig, recipient, setRecipient,
    recipientSig, setRecipientSig, reason, setReason, otherReason, setOtherReason, missing, done, act, take, collect, deliver, fail, giveBack,
  };
}

export type ResultTask = ReturnType<typeof useResultTask>;
