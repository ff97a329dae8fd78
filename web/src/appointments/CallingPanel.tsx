// The counter's calling panel (issue 14 §4, §5): choose one's counter, call the next number, call
// it again, close it as served or as a no-show. A booked ticket opens the intake prefilled from its
// booking. Shown above "Tiếp nhận hồ sơ" to whoever may serve the queue.
import { useId, useState } from 'react';
import { counterReturnOf } from '../routes';
import { Button, buttonClass } from '../ui/Button';
import { Link } from '../ui/router';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { vnTimeParts } from '../ui/dates';
import { useQueueT } from './i18n';
import type { QueueTicket } from './queue-api';
import { useCallingPanel } from './useCallingPanel';
import './queue.css';

export interface BookedApplicant {
  readonly procedureCode: string | null;
  readonly name: string;
  readonly personalId: string;
  readonly phone: string;
}

/** What the intake is prefilled from: a booked intake's ticket (a result's pickup goes to the return instead). */
export const bookedApplicantOf = (ticket: QueueTicket): BookedApplicant | null => (!ticket.booking || ticket.booking.resultDossierCode ? null : {
  procedureCode: ticket.booking.procedureCode, name: ticket.booking.applicantName ?? '',
  personalId: ticket.booking.applicantPersonalId ?? '', phone: ticket.booking.applicantPhone ?? '',
});

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const timeOf = (iso: string | null) => (iso ? vnTimeParts(iso)?.time ?? '' : '');

function TicketLine({ ticket }: { readonly ticket: QueueTicket }) {
  const t = useQueueT();
  return (
    <span className="queue-ticket">
      <strong className="queue-ticket__label">{ticket.label}</strong>
      {ticket.bookedAt ? ` · ${t('bookedAt', { time: timeOf(ticket.bookedAt) })}${ticket.due ? ` (${t('due')})` : ''}` : ` · ${t('walkIn')}`}
      {ticket.priority && <span className="queue-ticket__priority"> · {t('priority')}</span>}
    </span>
  );
}

export function CallingPanel({ onBooked }: { readonly onBooked: (applicant: BookedApplicant) => void }) {
  const t = useQueueT();
  const id = useId();
  const [prefilled, setPrefilled] = useState<string | null>(null);
  const receive = (ticket: QueueTicket) => {
    const applicant = bookedApplicantOf(ticket);
    if (!applicant || !ticket.booking) return;
    onBooked(applicant);
    setPrefilled(ticket.booking.code);
  };
  const p = useCallingPanel(receive);
  const q = p.queue;
  const current = q?.current ?? null;
  const f = q?.figures;

  return (
    <section className="section queue-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('title')}</h2>
      {q && q.counters.length === 0 && <Notice tone="info">{t('noCounters')}</Notice>}
      {q && q.counters.length > 0 && (
        <div className="queue-panel__bar">
          <label className="field">
            <span className="field__label">{t('counter')}</span>
            <select className="field__input" value={p.counter ?? ''} onChange={(e) => p.setCounter(e.target.value)}>
              <option value="">{t('chooseCounter')}</option>
              {q.counters.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
          </label>
          <p className="queue-panel__count">{q.waiting.length === 0 ? t('nobodyWaiting') : t('waiting', { count: q.waiting.length })}</p>
          {!current && <Button kind="primary" disabled={!p.counter || p.busy || q.waiting.length === 0} onClick={() => void p.next()}>{p.busy ? t('calling') : t('callNext')}</Button>}
        </div>
      )}
      {current && (
        <div className="queue-panel__current" aria-live="polite">
          <p className="queue-panel__serving">{t('serving', { label: current.label })} <span className="queue-panel__calls">({t('calls', { count: current.callCount })})</span></p>
          <p><TicketLine ticket={current} />{current.booking && ` · ${current.booking.applicantName ?? ''} · ${current.booking.procedureName ?? ''}`}</p>
          <div className="form__actions">
            {current.booking?.resultDossierCode
              ? <Link to={counterReturnOf(current.booking.resultDossierCode)} className={buttonClass('primary')}>{t('returnResult', { code: current.booking.resultDossierCode })}</Link>
              : current.booking && <Button kind="primary" onClick={() => receive(current)}>{t('receiveFromBooking')}</Button>}
            <Button kind="secondary" disabled={p.busy} onClick={() => void p.act(current.id, 'recall')}>{t('recall')}</Button>
            <Button kind="secondary" disabled={p.busy} onClick={() => void p.act(current.id, 'served')}>{t('served')}</Button>
            <Button kind="danger" disabled={p.busy} onClick={() => void p.act(current.id, 'noShow')}>{t('noShow')}</Button>
          </div>
        </div>
      )}
      {prefilled && current?.booking?.code === prefilled && <Notice tone="success">{t('prefilled', { code: prefilled })}</Notice>}
      <ErrorNotice error={p.error} />
      {q && q.waiting.length > 0 && (
        <details className="queue-panel__next">
          <summary>{t('nextUp')}</summary>
          <ol>{q.waiting.slice(0, 10).map((w) => <li key={w.id}><TicketLine ticket={w} /></li>)}</ol>
        </details>
      )}
      {f && <p className="queue-panel__figures">{f.called === 0 ? t('figuresNone') : t('figures', { called: f.called, wait: decimal.format(f.averageWaitMinutes ?? 0), within: decimal.format(f.calledWithin15Percent ?? 0) })}</p>}
    </section>
  );
}
