// Loads data for a screen or a section: aborted when the inputs change or the page goes away;
// `reload` fetches again after a change.
import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly data: T };

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): { loaded: Loaded<T>; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    load(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setLoaded({ status: 'ready', data }); },
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
    // `load` is recreated each render; `key` says when its inputs changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { loaded, reload };
}
