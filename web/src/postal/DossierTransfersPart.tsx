// "Chuyển qua bưu chính" on a dossier's page (DOMAIN §5.2 step 13): an agency's officer asks the post
// to carry the dossier's papers to another agency of the province; whoever reads the dossier sees
// each transfer with its tracking number, status and trail.
import { useCallback, useEffect, useId, useState } from 'react';
import { userCan, type User } from '../api/types';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { fetchDossierTransfers, fetchTransferAgencies, requestTransfer, type DossierTransfer } from './api';
import { usePostalT } from './i18n';
import { LegTrail } from './LegTrail';
import { useSend } from './useSend';

export function DossierTransfersPart({ code, user }: { readonly code: string; readonly user: User }) {
  const t = usePostalT();
  const id = useId();
  const mayAsk = userCan(user, 'postal.transfer');
  const [items, setItems] = useState<DossierTransfer[]>([]);
  const [agencies, setAgencies] = useState<{ id: number; name: string }[]>([]);
  const [form, setForm] = useState({ toAgencyId: '', contents: '', note: '' });
  const [missing, setMissing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = useSend();
  const load = useCallback(async (signal?: AbortSignal) => {
    setItems(await fetchDossierTransfers(code, signal).catch(() => []));
  }, [code]);
  useEffect(() => {
    const c = new AbortController();
    void load(c.signal);
    if (mayAsk) void fetchTransferAgencies(c.signal).then(setAgencies, () => undefined);
    return () => c.abort();
  }, [load, mayAsk]);
  if (!mayAsk && items.length === 0) return null;
  const names = new Map(agencies.map((a) => [a.id, a.name]));

  const submit = async () => {
    setDone(null);
    if (!form.toAgencyId) { setMissing(t('missing_toAgency')); return; }
    if (form.contents.trim().length < 3) { setMissing(t('missing_contents')); return; }
    setMissing(null);
    const s = await act.send(() => requestTransfer({ dossierCodes: [code], toAgencyId: Number(form.toAgencyId), contents: form.contents.trim(), ...(form.note.trim() ? { note: form.note.trim() } : {}) }));
    if (!s) return;
    setDone(t('transferRequested', { number: s.legs[0]?.trackingNumber ?? '' }));
    setForm({ toAgencyId: '', contents: '', note: '' });
    await load();
  };

  return (
    <section className="section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('dossierTransfersTitle')}</h2>
      <Notice tone="success">{done}</Notice>
      <ErrorNotice error={act.error} problems={{ lead: t('stillMissing'), lines: missing ? [missing] : [] }} />
      {items.map((leg) => (
        <div key={leg.trackingNumber} className="task-card">
          <p><strong>{leg.trackingNumber}</strong> · <span className="badge">{leg.statusLabel}</span></p>
          <p>{t('transferTo', { name: (leg.agencyId !== null ? names.get(leg.agencyId) : undefined) ?? leg.recipient?.name ?? '' })}</p>
          {leg.contents && <p className="field__hint">{leg.contents}</p>}
          <LegTrail leg={leg} heading={t('trailHeading')} id={`${id}-${leg.trackingNumber}`} level={3} />
        </div>
      ))}
      {mayAsk && (
        <div className="form">
          <div className="field">
            <label htmlFor={`${id}-to`} className="field__label">{t('transferToAgency')}</label>
            <select id={`${id}-to`} className="field__select" value={form.toAgencyId} onChange={(e) => setForm({ ...form, toAgencyId: e.target.value })}>
              <option value="">{t('chooseAgency')}</option>
              {agencies.map((a) => <option key={a.id} value={String(a.id)}>{a.name}</option>)}
            </select>
          </div>
          <Field label={t('transferContents')} hint={t('transferContentsHint')} value={form.contents} onChange={(e) => setForm({ ...form, contents: e.target.value })} />
          <Field label={t('transferNote')} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          <div className="form__actions"><Button kind="primary" disabled={act.busy} onClick={() => void submit()}>{t('askTransfer')}</Button></div>
        </div>
      )}
    </section>
  );
}
