// One request a screen runs on the user's command: busy while it runs, its failure kept to show.
import { useCallback, useState } from 'react';

export interface Task {
  /** a request is running (disable what would start another) */
  readonly busy: boolean;
  /** the last run's failure, null after a success or when cleared */
  readonly error: unknown;
  readonly setError: (error: unknown) => void;
  /** runs `work`, clearing the error first; its result, or undefined when it failed */
  readonly run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
}

export function useTask(): Task {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
