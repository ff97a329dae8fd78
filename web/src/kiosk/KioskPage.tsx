// The kiosk (issue 14 §4): large targets, one question at a time. A citizen with an appointment
// types the code from their SMS; anyone else takes a walk-in number; both may ask for priority.
// No sign-in: staff open the kiosk once (useKiosk), and it serves their service point until midnight.
import { useEffect, useState, type FormEvent } from 'react';
import { paths } from '../routes';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { vnTimeParts } from '../ui/dates';
import { useDocumentTitle } from '../ui/page';
import type { IssuedTicket } from '../appointments/queue-api';
import { useKioskT } from './i18n';
import { useKiosk } from './useKiosk';
import './kiosk.css';

function TicketView({ ticket, onDone }: { readonly ticket: IssuedTicket; readonly onDone: () => void }) {
  const t = useKioskT();
  useEffect(() => {
    const timer = window.setTimeout(onDone, 30_000); // the next citizen should not see this one's number
    return () => window.clearTimeout(timer);
  }, [onDone]);
  return (
    <section className="kiosk__ticket" aria-live="polite">
      <p className="kiosk__caption">{t('yourNumber')}</p>
      <p className="kiosk__number" data-testid="kiosk-number">{ticket.label}</p>
      {ticket.bookedAt && <p className="kiosk__line">{t('bookedFor', { time: vnTimeParts(ticket.bookedAt)?.time ?? '', procedure: ticket.procedureName ?? '' })}</p>}
      <p className="kiosk__line">{ticket.waitingAhead === 0 ? t('aheadNone') : t('ahead', { count: ticket.waitingAhead })}</p>
      <p className="kiosk__line">{t('watchDisplay')}</p>
      <Button kind="primary" className="kiosk__big" onClick={onDone}>{t('done')}</Button>
    </section>
  );
}

function CodeForm({ busy, onSubmit, onBack }: { readonly busy: boolean; readonly onSubmit: (code: string) => void; readonly onBack: () => void }) {
  const t = useKioskT();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '') { setProblem(t('bookingCodeRequired')); return; }
    onSubmit(code.trim());
  };
  return (
    <form className="kiosk__form" onSubmit={submit} noValidate>
      <Field label={t('bookingCode')} hint={t('bookingCodeHint')} error={problem} value={code} autoFocus autoComplete="off"
        autoCapitalize="characters" spellCheck={false} inputMode="text" maxLength={40} onChange={(e) => { setCode(e.target.value); setProblem(null); }} />
      <div className="kiosk__actions">
        <Button kind="primary" type="submit" className="kiosk__big" disabled={busy}>{busy ? t('busy') : t('checkIn')}</Button>
        <Button kind="secondary" className="kiosk__big" onClick={onBack}>{t('back')}</Button>
      </div>
    </form>
  );
}

export function KioskPage() {
  const t = useKioskT();
  useDocumentTitle(t('title'));
  const k = useKiosk();
  const [priority, setPriority] = useState(false);
  const { view } = k;

  return (
    <main className="kiosk">
      <header className="kiosk__header"><h1 tabIndex={-1}>{view.step === 'setup' ? t('setupTitle') : t('welcome')}</h1>{k.pointName && <p>{k.pointName}</p>}</header>
      <ErrorNotice error={k.error} />
      {view.step === 'setup' && (
        <section className="kiosk__setup">
          <p>{t('setupIntro')}</p>
          {view.signInFirst && <p className="kiosk__line"><strong>{t('signInFirst')}</strong> <a href={paths.home}>{t('toSignIn')}</a></p>}
          <Button kind="primary" onClick={() => void k.open()} disabled={k.busy}>{k.busy ? t('opening') : t('open')}</Button>
        </section>
      )}
      {view.step === 'choose' && (
        <section className="kiosk__choices">
          <label className="kiosk__priority">
            <input type="checkbox" checked={priority} onChange={(e) => setPriority(e.target.checked)} />
            <span>{t('priority')}</span>
          </label>
          <button type="button" className="kiosk__choice" onClick={k.askCode}>
            <span className="kiosk__choice-title">{t('booked')}</span><span>{t('bookedHint')}</span>
          </button>
          <button type="button" className="kiosk__choice kiosk__choice--walk-in" disabled={k.busy} onClick={() => void k.take({ priority })}>
            <span className="kiosk__choice-title">{t('walkIn')}</span><span>{k.busy ? t('busy') : t('walkInHint')}</span>
          </button>
        </section>
      )}
      {view.step === 'code' && <CodeForm busy={k.busy} onBack={k.restart} onSubmit={(bookingCode) => void k.take({ bookingCode, priority })} />}
      {view.step === 'ticket' && <TicketView ticket={view.ticket} onDone={() => { setPriority(false); k.restart(); }} />}
    </main>
  );
}
