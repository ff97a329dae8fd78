// "Chuyển hồ sơ giấy đến cơ quan qua bưu chính" on a dossier's page (DOMAIN §1.4 step 3, §5.5): the
// clerk of the post office that received the dossier seals its paper and opens its carriage to the
// competent agency (a toAgency leg with its tracking number), naming the courier or leaving it to
// them; then the leg's status and trail. The receipt time stays the counter's.
import { useCallback, useEffect, useId, useState } from 'react';
import { userCan, type User } from '../api/types';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { fetchForwardByPost, forwardByPost, notePdfUrl, type ForwardByPost } from './api';
import { usePostalT } from './i18n';
import { LegTrail } from './LegTrail';
import { useSend } from './useSend';

export function DossierForwardPart({ code, user }: { readonly code: string; readonly user: User }) {
  const t = usePostalT();
  const id = useId();
  const mayDispatch = userCan(user, 'postal.dispatch');
  const [state, setState] = useState<ForwardByPost | null>(null);
  const [form, setForm] = useState({ courierId: '', note: '' });
  const [done, setDone] = useState<string | null>(null);
  const act = useSend();
  const load = useCallback(async (signal?: AbortSignal) => {
    setState(await fetchForwardByPost(code, signal).catch(() => null));
  }, [code]);
  useEffect(() => {
    if (!mayDispatch) return undefined;
    const c = new AbortController();
    void load(c.signal);
    return () => c.abort();
  }, [load, mayDispatch]);
  if (!mayDispatch || !state || (!state.shipment && !state.mayAsk)) return null;
  const leg = state.shipment?.legs.find((l) => l.kind === 'toAgency');

  const submit = async () => {
    setDone(null);
    const s = await act.send(() => forwardByPost(code, { ...(form.courierId ? { courierId: Number(form.courierId) } : {}), ...(form.note.trim() ? { note: form.note.trim() } : {}) }));
    if (!s) return;
    setDone(t('forwardAsked', { number: s.legs[0]?.trackingNumber ?? '' }));
    await load();
  };

  return (
    <section className="section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('forwardTitle')}</h2>
      <Notice tone="success">{done}</Notice>
      <ErrorNotice error={act.error} />
      {state.shipment && leg && (
        <div className="task-card">
          <p><strong>{leg.trackingNumber}</strong> · <span className="badge">{leg.statusLabel}</span></p>
          <p>{t('forwardTo', { name: state.shipment.address })}{leg.courierName ? ` · ${leg.courierName}` : ''}</p>
          <p><a href={notePdfUrl(leg.trackingNumber)} target="_blank" rel="noopener">{t('notePdf')}</a></p>
          <LegTrail leg={leg} heading={t('trailHeading')} id={`${id}-trail`} level={3} />
        </div>
      )}
      {state.mayAsk && (
        <div className="form">
          <p className="field__hint">{t('forwardLead')}</p>
          <div className="field">
            <label htmlFor={`${id}-courier`} className="field__label">{t('forwardCourier')}</label>
            <select id={`${id}-courier`} className="field__select" value={form.courierId} onChange={(e) => setForm({ ...form, courierId: e.target.value })}>
              <option value="">{t('forwardCourierLater')}</option>
              {state.couriers.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
            </select>
          </div>
          <Field label={t('forwardNote')} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          <div className="form__actions"><Button kind="primary" disabled={act.busy} onClick={() => void submit()}>{t('forwardAsk')}</Button></div>
        </div>
      )}
    </section>
  );
}
