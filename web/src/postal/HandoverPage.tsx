// "Bàn giao hồ sơ cho cơ quan" (issue 13 §3; QĐ 45/2016 art. 7): the courier and the agency's
// receiver count the sealed parcels and sign; the signature time is each dossier's legal receipt
// time. The answer is the signed record: its number, the dossier codes, receipt and due times.
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { Button, buttonClass } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { ErrorNotice } from '../ui/ErrorNotice';
import { errorMessage } from '../ui/errors';
import { formatVnDateTime } from '../ui/dates';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { Link } from '../ui/router';
import { paths } from '../routes';
import { recordPdfUrl, type HandoverRecord } from './api';
import { usePostalT } from './i18n';
import { formatVnd } from './money';
import { SignaturePad } from './SignaturePad';
import { useHandover } from './useHandover';
import './postal.css';

function RecordView({ record }: { readonly record: HandoverRecord }) {
  const t = usePostalT();
  return (
    <section className="section courier-done" aria-labelledby="record-h">
      <h2 id="record-h" tabIndex={-1}>{t('recordTitle', { number: record.number })}</h2>
      <p>{t('recordLead', { agency: record.agencyName, receiver: record.receiverName, at: formatVnDateTime(record.signedAt) })}</p>
      <DataTable caption={t('recordItems')} rows={record.items} rowKey={(i) => i.trackingNumber} columns={[
        { key: 'n', header: t('trackingNumber'), rowHeader: true, noWrap: true, cell: (i) => i.trackingNumber },
        { key: 'code', header: t('dossierCode'), noWrap: true, cell: (i) => i.dossierCode },
        { key: 'received', header: t('receivedAt'), cell: (i) => (i.receivedAt ? formatVnDateTime(i.receivedAt) : '—') },
        { key: 'due', header: t('dueAt'), cell: (i) => (i.dueAt ? formatVnDateTime(i.dueAt) : '—') },
        { key: 'fee', header: t('fee'), numeric: true, cell: (i) => formatVnd(i.feeVnd) },
      ]} />
      <p>{t(record.remittance.reconciled ? 'remittanceOk' : 'remittanceGap', { collected: formatVnd(record.remittance.collectedVnd), remitted: formatVnd(record.remittance.remittedVnd) })}</p>
      <div className="task-card__actions">
        <a className={buttonClass('secondary')} href={recordPdfUrl(record.id)} target="_blank" rel="noreferrer">{t('recordPdf')}</a>
        <Link to={paths.courierDay} className={buttonClass('primary')}>{t('backToDay')}</Link>
      </div>
    </section>
  );
}

export function HandoverPage({ user }: { readonly user: User }) {
  const t = usePostalT();
  const { t: tApp } = useTranslation();
  const h = useHandover(user);
  if (h.record) return <div className="courier"><PageHeading title={t('handoverTitle')} lead={t('handoverDone')} /><RecordView record={h.record} /></div>;
  return (
    <div className="courier">
      <PageHeading title={t('handoverTitle')} lead={t('handoverLead')} />
      {h.loaded.status === 'failed' && <Notice tone="error">{errorMessage(h.loaded.error, tApp)}</Notice>}
      {h.loaded.status === 'ready' && h.agencies.length === 0 && <p>{t('handoverNone')}</p>}
      {h.agencies.length > 0 && (
        <section className="section courier-step" aria-labelledby="agency-h">
          <h2 id="agency-h">{t('stepAgency')}</h2>
          <fieldset className="choice">
            <legend>{t('agencyLegend')}</legend>
            {h.agencies.map((a) => (
              <label key={a.id} className="choice__option">
                <input type="radio" name="agency" checked={h.agency?.id === a.id} onChange={() => h.chooseAgency(a.id)} />
                <span>{a.name} — {t('parcelCount', { count: a.trackingNumbers.length })}</span>
              </label>
            ))}
          </fieldset>
          {h.agency && (
            <fieldset className="choice">
              <legend>{t('parcelsLegend')}</legend>
              {h.agency.trackingNumbers.map((n) => (
                <label key={n} className="choice__option">
                  <input type="checkbox" checked={h.ticked.has(n)} onChange={() => h.toggle(n)} />
                  <span>{n}</span>
                </label>
              ))}
            </fieldset>
          )}
        </section>
      )}
      {h.agency && (
        <section className="section courier-step" aria-labelledby="hsign-h">
          <h2 id="hsign-h">{t('stepHandoverSign')}</h2>
          <Field label={t('remitted')} hint={t('remittedHint', { collected: formatVnd(h.collectedVnd) })} inputMode="numeric" value={h.remittedText}
            onChange={(e) => h.setRemitted(e.target.value.replace(/\D/g, ''))} />
          <SignaturePad legend={t('receiverSigns')} withId value={h.receiver} onChange={h.setReceiver} />
          <SignaturePad legend={t('courierSigns')} fixedName value={h.courier} onChange={h.setCourier} />
          <ErrorNotice error={h.sign.error} problems={{ lead: t('stillMissing'), lines: h.missing ? [t(`missing_${h.missing}` as 'missing_agency')] : [] }} />
          <div className="form__actions">
            <Button kind="primary" disabled={h.sign.busy} onClick={() => void h.submit()}>{h.sign.busy ? t('signing') : t('signRecord', { count: h.ticked.size })}</Button>
          </div>
        </section>
      )}
    </div>
  );
}
