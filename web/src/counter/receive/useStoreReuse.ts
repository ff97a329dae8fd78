// Which required papers the applicant's document store already holds (GET /api/v1/documents/store
// for the personal ID — filled from the CCCD QR — and the chosen procedure), so that the clerk can
// reuse them instead of scanning again (issue 12 §4).
import { useEffect, useState } from 'react';
import { fetchStore, type StoreDocument } from '../scan-api';

/** Reusable documents per paper key of the procedure; empty when the store holds none or cannot be read. */
export type HeldPapers = ReadonlyMap<string, readonly StoreDocument[]>;

export function heldPapers(documents: readonly StoreDocument[]): HeldPapers {
  const held = new Map<string, StoreDocument[]>();
  for (const d of documents) {
    if (!d.reusable || d.paperKey === null) continue;
    held.set(d.paperKey, [...(held.get(d.paperKey) ?? []), d]);
  }
  return held;
}

export function useStoreReuse(personalId: string, procedureCode: string | null): HeldPapers {
  const [held, setHeld] = useState<HeldPapers>(new Map());
  useEffect(() => {
    setHeld(new Map());
    if (!procedureCode || !/^\d{12}$/.test(personalId)) return;
    const controller = new AbortController();
    // a store that cannot be read (no right, no consent, offline) only means nothing to offer
    fetchStore(personalId, procedureCode, controller.signal).then((s) => setHeld(heldPapers(s.documents)), () => undefined);
    return () => controller.abort();
  }, [personalId, procedureCode]);
  return held;
}
