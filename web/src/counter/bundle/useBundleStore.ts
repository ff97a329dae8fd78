// What the applicant's document store holds for each member procedure of a bundle (GET
// /api/v1/documents/store per procedure, as the single intake's useStoreReuse reads one): the
// papers each member can reuse instead of a new scan (issue 12 §4, issue 17), and whether the
// applicant already consented to keeping their papers (one consent per person).
import { useEffect, useState } from 'react';
import { fetchStore } from '../scan-api';
import { heldPapers, type HeldPapers } from '../receive/useStoreReuse';

/** Reusable documents per member key, then per paper key. */
export type BundleHeld = ReadonlyMap<string, HeldPapers>;

export interface BundleStore {
  readonly held: BundleHeld;
  /** when the applicant consented to keeping their papers (ISO instant); null: not asked yet or withdrawn */
  readonly consentGivenAt: string | null;
}

const nothing: BundleStore = { held: new Map(), consentGivenAt: null };

export function useBundleStore(personalId: string, members: readonly { key: string; procedureCode: string }[]): BundleStore {
  const [store, setStore] = useState<BundleStore>(nothing);
  const wanted = members.map((m) => `${m.key}=${m.procedureCode}`).join(',');
  useEffect(() => {
    setStore(nothing);
    if (wanted === '' || !/^\d{12}$/.test(personalId)) return;
    const controller = new AbortController();
    const pairs = wanted.split(',').map((w) => w.split('=') as [string, string]);
    // a store that cannot be read (no right, offline) only means nothing to offer
    Promise.all(pairs.map(([key, code]) => fetchStore(personalId, code, controller.signal).then((s) => ({ key, held: heldPapers(s), consentGivenAt: s.consent?.givenAt ?? null }), () => ({ key, held: new Map(), consentGivenAt: null }))))
      .then((entries) => {
        if (controller.signal.aborted) return;
        setStore({ held: new Map(entries.map((e) => [e.key, e.held] as const)), consentGivenAt: entries.find((e) => e.consentGivenAt !== null)?.consentGivenAt ?? null });
      }, () => undefined);
    return () => controller.abort();
  }, [personalId, wanted]);
  return store;
}
