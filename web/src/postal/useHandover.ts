// The hand-over at the agency's desk (issue 13 §3): the agency, the sealed parcels for it ticked,
// the receiver's name and ID, the fees remitted, both signatures → the signed record.
import { useEffect, useState } from 'react';
import type { User } from '../api/types';
import { fetchHandoverAgencies, fetchShipments, signHandover, type HandoverAgency, type HandoverRecord } from './api';
import { emptySignature, signatureOf, type SignatureValue } from './SignaturePad';
import { useSend } from './useSend';

type Loaded = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly agencies: HandoverAgency[]; readonly fees: ReadonlyMap<string, number> };

export function useHandover(user: User) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [receiver, setReceiver] = useState<SignatureValue>(emptySignature());
  const [courier, setCourier] = useState<SignatureValue>(emptySignature(user.fullName));
  const [remitted, setRemitted] = useState<string | null>(null);
  const [record, setRecord] = useState<HandoverRecord | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const sign = useSend();

  useEffect(() => {
    const c = new AbortController();
    Promise.all([fetchHandoverAgencies(c.signal), fetchShipments('courier=me&legKind=pickup&legStatus=collected&limit=200', c.signal)]).then(
      ([agencies, shipments]) => {
        const fees = new Map(shipments.flatMap((s) => s.legs.filter((l) => l.kind === 'pickup').map((l) => [l.trackingNumber, s.feeVnd] as const)));
        setLoaded({ status: 'ready', agencies, fees });
        const first = agencies[0];
        if (agencies.length === 1 && first) { setAgencyId(first.id); setTicked(new Set(first.trackingNumbers)); }
      },
      (error: unknown) => { if (!c.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => c.abort();
  }, []);

  const agencies = loaded.status === 'ready' ? loaded.agencies : [];
  const agency = agencies.find((a) => a.id === agencyId) ?? null;
  const chooseAgency = (id: number) => { setAgencyId(id); setTicked(new Set(agencies.find((a) => a.id === id)?.trackingNumbers ?? [])); setRemitted(null); };
  const toggle = (n: string) => setTicked((all) => { const next = new Set(all); if (next.has(n)) next.delete(n); else next.add(n); return next; });
  const collectedVnd = [...ticked].reduce((a, n) => a + (loaded.status === 'ready' ? loaded.fees.get(n) ?? 0 : 0), 0);
  const remittedText = remitted ?? String(collectedVnd);

  const submit = async () => {
    const r = signatureOf(receiver, true);
    const c = signatureOf(courier, false);
    const numbers = agency ? agency.trackingNumbers.filter((n) => ticked.has(n)) : [];
    if (!agency) { setMissing('agency'); return; }
    if (numbers.length === 0) { setMissing('parcels'); return; }
    if (!r) { setMissing('receiverSignature'); return; }
    if (!c) { setMissing('courierSignature'); return; }
    setMissing(null);
    const id = r.personalId;
    const answer = await sign.send(() => signHandover({
      agencyId: agency.id, trackingNumbers: numbers, receiver: { name: r.name, ...(id ? { personalId: id } : {}) },
      courierSignature: c, receiverSignature: r, remittedVnd: Number(remittedText) || 0,
    }));
    if (answer) setRecord(answer);
  };

  return { loaded, agencies, agency, chooseAgency, ticked, toggle, receiver, setReceiver, courier, setCourier, collectedVnd, remittedText, setRemitted, record, missing, sign, submit };
}

export type Handover = ReturnType<typeof useHandover>;
