// What every one-leg courier screen holds (a result delivery, a transfer): the shipment as loaded
// and as each answer returns it, the leg of its kind, the last step done or what is still missing.
import { useCallback, useEffect, useState } from 'react';
import { fetchShipment, type Leg, type Shipment } from './api';

type Loaded = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly shipment: Shipment };

export function useLegTask(id: number, kind: Leg['kind'], onLoad?: (s: Shipment) => void) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [missing, setMissing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const shipment = await fetchShipment(id, signal);
      setLoaded({ status: 'ready', shipment });
      onLoad?.(shipment);
    } catch (error) { if (!signal?.aborted) setLoaded({ status: 'failed', error }); }
    // onLoad runs once per load; a new function each render must not reload
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  useEffect(() => { const c = new AbortController(); void load(c.signal); return () => c.abort(); }, [load]);
  const shipment = loaded.status === 'ready' ? loaded.shipment : null;
  const leg = shipment?.legs.find((l) => l.kind === kind) ?? null;
  /** an answer of the server: the shipment as it now is and the step done (a refusal replaces the last success notice) */
  const answered = (s: Shipment | null, what: string): boolean => {
    if (!s) { setDone(null); return false; }
    setLoaded({ status: 'ready', shipment: s });
    setDone(what);
    return true;
  };
  const need = (what: string) => { setMissing(what); setDone(null); return null; };
  return { loaded, shipment, leg, n: leg?.trackingNumber ?? '', missing, setMissing, done, answered, need };
}
