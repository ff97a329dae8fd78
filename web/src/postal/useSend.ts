// One action of a courier's screen: busy while it is sent, the refusal shown in the server's
// Vietnamese words (409 RETURN_TOO_EARLY, 400 SIGNER_MISMATCH, …), the answer kept.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownError, type ShownError } from '../ui/errors';

export function useSend() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const send = async <T,>(act: () => Promise<T>): Promise<T | null> => {
    if (busy) return null;
    setBusy(true);
    setError(null);
    try {
      return await act();
    } catch (e) {
      setError(shownError(e, t));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, send, clearError: () => setError(null) };
}
