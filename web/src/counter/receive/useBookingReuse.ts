// A booked citizen called to the counter (issue 14 §5): once their document store answers for the
// booking's personal ID and procedure, the papers it holds are marked for reuse — the newest fitting
// document each — so the clerk neither asks for nor scans them again. Once per booking; a paper the
// clerk changes afterwards stays changed.
import { useEffect, useState } from 'react';
import type { PaperRow } from '../checklist';
import { storeKey, type HeldPapers, type StoreView } from './useStoreReuse';

/** The rows with every paper the store holds marked as reused (first offered document), others untouched. */
export function reuseHeld(rows: readonly PaperRow[], held: HeldPapers): PaperRow[] {
  return rows.map((r) => {
    const doc = held.get(r.key)?.[0];
    return doc && r.reusedDocumentId === null ? { ...r, reusedDocumentId: doc.id, fileId: null, included: true } : r;
  });
}

export function useBookingReuse(store: StoreView, setRows: (f: (rs: readonly PaperRow[]) => readonly PaperRow[]) => void) {
  // the store (personal ID | procedure) whose papers are to be marked when it answers
  const [awaited, setAwaited] = useState<string | null>(null);
  useEffect(() => {
    if (awaited === null || store.of !== awaited) return;
    setRows((rs) => reuseHeld(rs, store.held));
    setAwaited(null);
  }, [awaited, store, setRows]);
  return {
    reuseWhenHeld: (personalId: string, procedureCode: string) => setAwaited(storeKey(personalId, procedureCode)),
    cancelReuse: () => setAwaited(null),
  };
}
