// The display's state: the board from the server-sent events (the browser reconnects by itself),
// and the calls not yet announced — a new ticket called, or one recalled (its call count grew).
import { useEffect, useRef, useState } from 'react';
import { displayEventsUrl, type DisplayBoard } from '../appointments/queue-api';

export type DisplayState =
  | { readonly status: 'loading' }
  | { readonly status: 'notFound' }
  | { readonly status: 'live' | 'offline'; readonly board: DisplayBoard };

const keyOf = (c: DisplayBoard['calls'][number]) => `${c.id}:${c.callCount}`;

export function useDisplayBoard(code: string, onCall: (announcement: string) => void): DisplayState {
  const [state, setState] = useState<DisplayState>({ status: 'loading' });
  const heard = useRef<Set<string> | null>(null);
  const callback = useRef(onCall);
  callback.current = onCall;

  useEffect(() => {
    const source = new EventSource(displayEventsUrl(code));
    source.addEventListener('board', (event) => {
      const board = JSON.parse((event as MessageEvent<string>).data) as DisplayBoard;
      const seen = heard.current;
      // the first board is what was called before the display opened: shown, not announced
      if (seen) {
        const fresh = board.calls.filter((c) => !seen.has(keyOf(c))).sort((a, b) => a.calledAt.localeCompare(b.calledAt));
        for (const c of fresh) callback.current(c.announcement);
      }
      heard.current = new Set([...(seen ?? []), ...board.calls.map(keyOf)]);
      setState({ status: 'live', board });
    });
    source.onerror = () => {
      setState((s) => {
        if (s.status === 'loading' && source.readyState === EventSource.CLOSED) return { status: 'notFound' };
        return s.status === 'live' ? { status: 'offline', board: s.board } : s;
      });
    };
    return () => source.close();
  }, [code]);
  return state;
}
