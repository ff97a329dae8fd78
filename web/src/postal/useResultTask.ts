// One result delivery (issue 13 §4): taken, collected at the agency (both sign), delivered after the
// recipient's ID check (or an authorisation) with the recipient's signature, or a failed attempt
// with its reason; after two failed attempts two working days apart, back to the agency (the server
// answers 409 RETURN_TOO_EARLY before that, in Vietnamese).
import { useState } from 'react';
import type { User } from '../api/types';
import { assignToMe, collectResult, recordAttempt, returnToAgency, type Position, type Shipment } from './api';
import { emptySignature, signatureOf, type SignatureValue } from './SignaturePad';
import { useLegTask } from './useLegTask';
import { useSend } from './useSend';

export const failureReasons = ['away', 'later', 'address', 'refused', 'noId', 'other'] as const;
export type FailureReason = (typeof failureReasons)[number];

export function useResultTask(id: number, user: User, position: Position | null) {
  const [agencySig, setAgencySig] = useState<SignatureValue>(emptySignature());
  const [courierSig, setCourierSig] = useState<SignatureValue>(emptySignature(user.fullName));
  const [recipient, setRecipient] = useState({ name: '', personalId: '', authorised: false, authorisation: '' });
  const [recipientSig, setRecipientSig] = useState<SignatureValue>(emptySignature());
  const [reason, setReason] = useState<FailureReason | null>(null);
  const [otherReason, setOtherReason] = useState('');
  const act = useSend();
  const { loaded, shipment, leg, n, missing, setMissing, done, answered: shown, need } = useLegTask(id, 'result', (s) =>
    setRecipient((r) => (r.name ? r : { ...r, name: s.applicant.name, personalId: s.applicant.personalId ?? '' })));
  const answered = (s: Shipment | null, what: string) => { if (shown(s, what)) setAgencySig(emptySignature()); };

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
