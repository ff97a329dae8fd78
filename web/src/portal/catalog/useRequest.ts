// One GET for a page: its result, or the error to show, re-run when `key` changes; aborted when
// the page leaves or the key changes before the answer.
import { useEffect, useState } from 'react';

export type Requested<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'done'; readonly value: T };

export function useRequest<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Requested<T> | null {
  const [state, setState] = useState<Requested<T> | null>(null);
  useEffect(() => {
    if (key === null) {
      setState(null);
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (value) => setState({ status: 'done', value }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
    // `load` is read at the key's change only: the key names what is loaded
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
