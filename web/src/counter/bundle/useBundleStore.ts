// What the applicant's document store holds for each member procedure of a bundle (GET
// /api/v1/documents/store per procedure, as the single intake's useStoreReuse reads one): the
// papers each member can reuse instead of a new scan (issue 12 §4, issue 17).
import { useEffect, useState } from 'react';
import { fetchStore } from '../scan-api';
import { heldPapers, type HeldPapers } from '../receive/useStoreReuse';

/** Reusable documents per member key, then per paper key. */
export type BundleHeld = ReadonlyMap<string, HeldPapers>;

export function useBundleStore(personalId: string, members: readonly { key: string; procedureCode: string }[]): BundleHeld {
  const [held, setHeld] = useState<BundleHeld>(new Map());
  const wanted = members.map((m) => `${m.key}=${m.procedureCode}`).join(',');
  useEffect(() => {
    setHeld(new Map());
    if (wanted === '' || !/^\d{12}$/.test(personalId)) return;
    const controller = new AbortController();
    const pairs = wanted.split(',').map((w) => w.split('=') as [string, string]);
    // a store that cannot be read (no right, offline) only means nothing to offer
    Promise.all(pairs.map(([key, code]) => fetchStore(personalId, code, controller.signal).then((s) => [key, heldPapers(s)] as const, () => [key, new Map()] as const)))
      .then((entries) => { if (!controller.signal.aborted) setHeld(new Map(entries)); }, () => undefined);
    return () => controller.abort();
  }, [personalId, wanted]);
  return held;
}
