// Đối soát (/giam-sat/doi-soat): a day's online payments against the gateway's settlement file —
// the file imported (every bad line named by the server), the figures, every mismatch, the XLSX.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { DateField } from '../ui/DateField';
import { formatVnDateTime, vnToday } from '../ui/dates';
import { ErrorNotice } from '../ui/ErrorNotice';
import { shownError } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { importSettlement, money, reconciliationOf, reconciliationXlsxUrl, type Reconciliation } from './api';
import { useCashierT } from './i18n';
import './cashier.css';

export function ReconciliationPage() {
  const t = useCashierT();
  const { t: tApp } = useTranslation();
  const [day, setDay] = useState(() => vnToday(Date.now()));
  const [report, setReport] = useState<Reconciliation | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: unknown; imported: boolean }>({ busy: false, error: null, imported: false });
  const show = async (imported = false) => {
    setState({ busy: true, error: null, imported });
    try {
      setReport(await reconciliationOf(day));
      setState({ busy: false, error: null, imported });
    } catch (error) { setState({ busy: false, error, imported: false }); }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setState({ busy: true, error: null, imported: false });
    try {
      await importSettlement(day, await file.text());
      await show(true);
    } catch (error) { setState({ busy: false, error, imported: false }); }
  };
  const vnd = (n: number | null) => (n === null ? '—' : money(n));
  return (
    <div className="cashier">
      <PageHeading title={t('reconTitle')} lead={t('reconLead')} />
      <form className="cashier-search" onSubmit={(e) => { e.preventDefault(); void show(); }} noValidate>
        <DateField label={t('day')} value={day} onChange={(iso) => { setDay(iso); setReport(null); }} required />
        <p><Button kind="primary" type="submit" disabled={state.busy || day === ''}>{t('show')}</Button></p>
      </form>
      <ErrorNotice error={state.error ? shownError(state.error, tApp) : null} />
      <Notice tone="success">{state.imported ? t('imported') : null}</Notice>
      {report && (
        <>
          <Field label={t('settlementFile')} type="file" accept=".csv,text/csv" disabled={state.busy} onChange={(e) => void upload(e.target.files?.[0])} />
          {!report.settlementImported && <p>{t('notImported')}</p>}
          <dl className="cashier-figures">
            <dt>{t('paidHere')}</dt><dd>{t('vnd', { amount: money(report.paidHereVnd) })}</dd>
            <dt>{t('settled')}</dt><dd>{t('vnd', { amount: money(report.settledVnd) })}</dd>
            <dt>{t('matched')}</dt><dd>{report.matched}</dd>
            <dt>{t('mismatches')}</dt><dd><strong>{report.mismatches.length}</strong></dd>
          </dl>
          <p><a className="button button--secondary" href={reconciliationXlsxUrl(report.day)} download>{t('downloadXlsx')}</a></p>
          {report.mismatches.length === 0 ? <p role="status">{t('noMismatch')}</p> : (
            <DataTable caption={t('mismatches')} rows={report.mismatches} rowKey={(m) => `${m.kind}:${m.txnRef ?? ''}:${m.dossierCode ?? ''}:${m.receiptNumber ?? ''}`} columns={[
              { key: 'kind', header: t('colKind'), rowHeader: true, cell: (m) => m.label },
              { key: 'txn', header: t('colTxn'), noWrap: true, cell: (m) => m.txnRef ?? '—' },
              { key: 'dossier', header: t('colDossier'), cell: (m) => m.dossierCode ?? '—' },
              { key: 'receipt', header: t('colReceipt'), noWrap: true, cell: (m) => m.receiptNumber ?? '—' },
              { key: 'here', header: t('colHere'), numeric: true, cell: (m) => vnd(m.hereVnd) },
              { key: 'gateway', header: t('colGateway'), numeric: true, cell: (m) => vnd(m.gatewayVnd) },
              // paid twice: the automatic refund of the second payment (issue 15 §4)
              { key: 'refund', header: t('colRefund'), cell: (m) => (m.refund ? <>
                {t(`refund_${m.refund.state}`, { at: m.refund.at ? formatVnDateTime(m.refund.at) : '' })}
                {m.refund.inSettlement && <> ({t('refundInFile')})</>}
              </> : '—') },
            ]} />
          )}
        </>
      )}
    </div>
  );
}
