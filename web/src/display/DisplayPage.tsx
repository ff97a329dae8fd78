// The waiting room's display (issue 14 §4): the number called last, large, with its counter; the
// other numbers being served; how many wait. Readable from afar: dark on light, high contrast. It
// chimes and speaks each call in Vietnamese once sound is turned on (browsers need one click).
import { useEffect, useState } from 'react';
import { Button } from '../ui/Button';
import { vnTimeParts } from '../ui/dates';
import { useDocumentTitle } from '../ui/page';
import { announce, unlockSound } from './announce';
import { useDisplayT } from './i18n';
import { useDisplayBoard } from './useDisplayBoard';
import './display.css';

/** '/man-hinh-goi-so/<service point code>' → the code. */
export const displayCodeOf = (path: string): string => decodeURIComponent(path.split('/')[2] ?? '');

function useClock(): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 10_000);
    return () => window.clearInterval(timer);
  }, []);
  const parts = vnTimeParts(now);
  return parts ? `${parts.time} · ${parts.date}` : '';
}

export function DisplayPage({ code }: { readonly code: string }) {
  const t = useDisplayT();
  useDocumentTitle(t('title'));
  const [sound, setSound] = useState(false);
  const state = useDisplayBoard(code, (sentence) => { if (sound) announce(sentence); });
  const clock = useClock();

  if (state.status === 'loading') return <main className="display"><p className="display__status" role="status">{t('loading')}</p></main>;
  if (state.status === 'notFound') return <main className="display"><p className="display__status" role="alert">{t('notFound', { code })}</p></main>;
  const { board } = state;
  const [latest, ...others] = board.calls;
  return (
    <main className="display">
      <header className="display__header">
        <h1 className="display__point">{board.servicePointName}</h1>
        <p className="display__clock">{clock}</p>
      </header>
      {state.status === 'offline' && <p className="display__offline" role="status">{t('offline')}</p>}
      <section className="display__now" aria-live="assertive" aria-atomic="true">
        {latest ? (
          <p key={`${latest.id}:${latest.callCount}`} className="display__call display__call--fresh">
            <span className="display__caption">{t('nowServing')}</span>
            <span className="display__number" data-testid="display-number">{latest.label}</span>
            <span className="display__caption">{t('toCounter')}</span>
            <span className="display__counter" data-testid="display-counter">{latest.counterName}</span>
          </p>
        ) : <p className="display__status">{t('nobody')}</p>}
      </section>
      {others.length > 0 && (
        <section className="display__recent" aria-labelledby="display-recent">
          <h2 id="display-recent">{t('recent')}</h2>
          <table>
            <thead><tr><th scope="col">{t('number')}</th><th scope="col">{t('counter')}</th></tr></thead>
            <tbody>{others.map((c) => <tr key={c.id}><td>{c.label}</td><td>{c.counterName}</td></tr>)}</tbody>
          </table>
        </section>
      )}
      <footer className="display__footer">
        <p className="display__waiting">{t('waiting', { count: board.waiting })}</p>
        {sound
          ? <p className="display__sound">{t('soundEnabled')}</p>
          : <Button kind="secondary" title={t('soundHint')} onClick={() => setSound(unlockSound())}>{t('soundOn')}</Button>}
      </footer>
    </main>
  );
}
