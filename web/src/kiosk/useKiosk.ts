// The kiosk's state: its token (kept in this browser's storage once staff open it), the service
// point it serves, and the ticket just taken. A refused token (closed, expired) sends it back to setup.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout } from '../api/auth';
import { ApiError } from '../api/client';
import { kioskInfo, openKiosk, takeTicket, type IssuedTicket } from '../appointments/queue-api';
import { shownError, type ShownError } from '../ui/errors';

const STORAGE_KEY = 'motcua.kioskToken';

export type KioskView =
  | { readonly step: 'loading' }
  | { readonly step: 'setup'; readonly signInFirst: boolean }
  | { readonly step: 'choose' | 'code' }
  | { readonly step: 'ticket'; readonly ticket: IssuedTicket };

export function useKiosk() {
  const { t: tApp } = useTranslation();
  const [token, setToken] = useState<string | null>(() => window.localStorage.getItem(STORAGE_KEY));
  const [pointName, setPointName] = useState('');
  const [view, setView] = useState<KioskView>({ step: 'loading' });
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const forget = useCallback(() => {
    window.localStorage.removeItem(STORAGE_KEY);
    setToken(null);
    setView({ step: 'setup', signInFirst: false });
  }, []);

  useEffect(() => {
    if (!token) { setView({ step: 'setup', signInFirst: false }); return; }
    kioskInfo(token).then((info) => { setPointName(info.servicePointName); setView({ step: 'choose' }); },
      (e: unknown) => { if (e instanceof ApiError && e.status === 403) forget(); else setError(shownError(e, tApp)); });
  }, [token, forget, tApp]);

  /** Staff open the kiosk: the token is kept here and the staff session is closed at once. */
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const opened = await openKiosk();
      window.localStorage.setItem(STORAGE_KEY, opened.token);
      await logout().catch(() => undefined);
      setToken(opened.token);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setView({ step: 'setup', signInFirst: true });
      else setError(shownError(e, tApp));
    } finally {
      setBusy(false);
    }
  };

  const take = async (body: { bookingCode?: string; priority: boolean }) => {
    if (!token || busy) return;
    setBusy(true);
    setError(null);
    try {
      setView({ step: 'ticket', ticket: await takeTicket(token, body) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) forget();
      setError(shownError(e, tApp));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => { setError(null); setView({ step: 'choose' }); };
  const askCode = () => { setError(null); setView({ step: 'code' }); };
  return { view, pointName, error, busy, open, take, restart, askCode };
}
