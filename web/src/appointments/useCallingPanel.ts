// The calling panel's state: the clerk's counter (remembered in this browser), the queue as that
// counter sees it (refreshed every 10 s and after each action), and the actions.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownError, type ShownError } from '../ui/errors';
import { actOnTicket, callNext, counterQueue, type CounterQueue, type QueueTicket, type TicketAction } from './queue-api';

const COUNTER_KEY = 'motcua.counterCode';

export function useCallingPanel(onBooked: (ticket: QueueTicket) => void) {
  const { t: tApp } = useTranslation();
  const [counter, setCounterState] = useState<string | null>(() => window.localStorage.getItem(COUNTER_KEY));
  const [queue, setQueue] = useState<CounterQueue | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async (signal?: AbortSignal) => {
    try {
      setQueue(await counterQueue(counter, signal));
    } catch (e) {
      if (!signal?.aborted) setError(shownError(e, tApp));
    }
  }, [counter, tApp]);

  useEffect(() => {
    const controller = new AbortController();
    void refresh(controller.signal);
    const timer = window.setInterval(() => void refresh(), 10_000);
    return () => { controller.abort(); window.clearInterval(timer); };
  }, [refresh]);

  const setCounter = (code: string) => {
    if (code) window.localStorage.setItem(COUNTER_KEY, code); else window.localStorage.removeItem(COUNTER_KEY);
    setCounterState(code || null);
  };

  const run = async (action: () => Promise<QueueTicket>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const ticket = await action();
      await refresh();
      return ticket;
    } catch (e) {
      setError(shownError(e, tApp));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  /** Calls the next ticket; a booked one opens the intake prefilled from its booking (issue 14 §5). */
  const next = async () => {
    if (!counter) return;
    const ticket = await run(() => callNext(counter));
    if (ticket?.booking) onBooked(ticket);
  };
  const act = (id: number, action: TicketAction) => run(() => actOnTicket(id, action));

  return { counter, setCounter, queue, error, busy, next, act };
}
