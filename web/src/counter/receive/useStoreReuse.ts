// What the applicant's document store holds for the chosen procedure (GET /api/v1/documents/store
// for the personal ID — filled from the CCCD QR — and the procedure): the papers it can stand in
// for, so that the clerk reuses them instead of scanning again (issue 12 §4), and whether the
// applicant already consented to keeping their papers.
import { useEffect, useState } from 'react';
import { fetchStore, type StoreDocument, type StoreResponse } from '../scan-api';

/** Reusable documents per paper key of the procedure. */
export type HeldPapers = ReadonlyMap<string, readonly StoreDocument[]>;

export interface StoreView {
  readonly held: HeldPapers;
  /** when the applicant consented (ISO instant); null: not asked yet or withdrawn */
  readonly consentGivenAt: string | null;
  /** whose store and for which procedure (`storeKey`); null while nothing is loaded */
  readonly of: string | null;
}

const nothing: StoreView = { held: new Map(), consentGivenAt: null, of: null };
export const storeKey = (personalId: string, procedureCode: string) => `${personalId}|${procedureCode}`;

/** The server's `held` (matched by document type, also across procedures), reusable documents only. */
export function heldPapers(store: Pick<StoreResponse, 'documents' | 'held'>): HeldPapers {
  const byId = new Map(store.documents.filter((d) => d.reusable).map((d) => [d.id, d]));
  const held = new Map<string, StoreDocument[]>();
  for (const h of store.held ?? []) {
    const documents = h.documentIds.flatMap((id) => byId.get(id) ?? []);
    if (documents.length > 0) held.set(h.paperKey, documents);
  }
  return held;
}

export function useStoreReuse(personalId: string, procedureCode: string | null): StoreView {
  const [view, setView] = useState<StoreView>(nothing);
  useEffect(() => {
    setView(nothing);
    if (!procedureCode || !/^\d{12}$/.test(personalId)) return;
    const controller = new AbortController();
    // a store that cannot be read (no right, offline) only means nothing to offer
    fetchStore(personalId, procedureCode, controller.signal).then(
      (s) => setView({ held: heldPapers(s), consentGivenAt: s.consent?.givenAt ?? null, of: storeKey(personalId, procedureCode) }),
      () => undefined,
    );
    return () => controller.abort();
  }, [personalId, procedureCode]);
  return view;
}
