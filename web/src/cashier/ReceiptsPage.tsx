// Biên lai điện tử (/quay/bien-lai): receipts in the user's scope by number, payer (with or without
// diacritics, or personal ID), dossier code and period; each with its PDF and, for who may refund,
// "Hoàn tiền" with a reason — back the way it was paid (cash, card, gateway: the server decides).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { DateField } from '../ui/DateField';
import { formatVnDate } from '../ui/dates';
import { ErrorNotice } from '../ui/ErrorNotice';
import { shownError } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { money, receiptPdfUrl, searchReceipts, type Receipt, type ReceiptQuery } from './api';
import { useCashierT } from './i18n';
import { RefundForm } from './RefundForm';
import './cashier.css';

export function ReceiptsPage({ canRefund }: { readonly canRefund: boolean }) {
  const t = useCashierT();
  const { t: tApp } = useTranslation();
  const [q, setQ] = useState<ReceiptQuery>({});
  const [found, setFound] = useState<Receipt[] | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const [refunding, setRefunding] = useState<Receipt | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const search = async () => {
    setState({ busy: true, error: null });
    try {
      setFound((await searchReceipts(q)).items);
      setState({ busy: false, error: null });
    } catch (error) { setState({ busy: false, error }); }
  };
  const set = (k: keyof ReceiptQuery) => (v: string) => setQ({ ...q, [k]: v });
  return (
    <div className="cashier">
      <PageHeading title={t('receiptsTitle')} lead={t('receiptsLead')} />
      <form className="cashier-search" onSubmit={(e) => { e.preventDefault(); void search(); }} noValidate>
        <Field label={t('number')} value={q.number ?? ''} onChange={(e) => set('number')(e.target.value)} />
        <Field label={t('payer')} value={q.payer ?? ''} onChange={(e) => set('payer')(e.target.value)} />
        <Field label={t('dossierCode')} value={q.dossierCode ?? ''} onChange={(e) => set('dossierCode')(e.target.value)} />
        <DateField label={t('from')} value={q.from ?? ''} onChange={(iso) => set('from')(iso)} />
        <DateField label={t('to')} value={q.to ?? ''} onChange={(iso) => set('to')(iso)} />
        <p><Button kind="primary" type="submit" disabled={state.busy}>{state.busy ? t('searching') : t('search')}</Button></p>
      </form>
      <ErrorNotice error={state.error ? shownError(state.error, tApp) : null} />
      <Notice tone="success">{done}</Notice>
      {refunding && <RefundForm receipt={refunding} onCancel={() => setRefunding(null)} onDone={(text) => { setRefunding(null); setDone(text); void search(); }} />}
      {found && (found.length === 0 ? <p role="status">{t('noneFound')}</p> : (
        <DataTable caption={t('found', { count: found.length })} rows={found} rowKey={(r) => String(r.id)} columns={[
          { key: 'number', header: t('colNumber'), rowHeader: true, noWrap: true, cell: (r) => r.number },
          { key: 'payer', header: t('colPayer'), cell: (r) => r.payer.name },
          { key: 'dossier', header: t('colDossier'), cell: (r) => r.dossierCode ?? '—' },
          { key: 'amount', header: t('colAmount'), numeric: true, noWrap: true, cell: (r) => <>{money(r.amountVnd)}{r.refundedVnd > 0 && <><br /><small>{t('refunded', { amount: money(r.refundedVnd) })}</small></>}</> },
          { key: 'method', header: t('colMethod'), cell: (r) => t(r.paymentMethod) },
          { key: 'issued', header: t('colIssued'), noWrap: true, cell: (r) => formatVnDate(r.issuedAt) },
          { key: 'actions', header: t('colActions'), cell: (r) => (
            <span className="cashier-actions">
              <a href={receiptPdfUrl(r.id)} target="_blank" rel="noopener">{t('pdf')}<span className="visually-hidden"> {t('pdfOf', { number: r.number })}</span></a>
              {canRefund && r.refundedVnd < r.amountVnd && <Button onClick={() => { setDone(null); setRefunding(r); }} aria-label={t('refundOf', { number: r.number })}>{t('refund')}</Button>}
            </span>
          ) },
        ]} />
      ))}
    </div>
  );
}
