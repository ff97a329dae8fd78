// "Cước chuyển hồ sơ giữa các cơ quan" (DOMAIN §5.2 step 13, §5.4): the month's statement of the
// postage of transfers between agencies, billed to each sending agency — for the post office's
// dispatcher (every agency it carried for), a supervisor or administrator (their unit's agencies),
// an agency's officer (their own). One table per agency (cards at 360 px): date collected dd/mm/yyyy
// in Vietnam time, tracking number, receiving agency, dossiers, weight, postage; its total; the
// month's total.
import { useId, useState } from 'react';
import { DataTable } from '../../ui/DataTable';
import { formatCivilDate, formatVnDate, vnToday } from '../../ui/dates';
import { LoadedView } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { useLoad } from '../../ui/useLoad';
import { formatVnd } from '../money';
import { fetchTransferStatement, type AgencyStatement } from './api';
import { useStatementT } from './i18n';
import { recentMonths } from './months';
import '../postal.css';

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function AgencyTable({ agency, monthLabel }: { readonly agency: AgencyStatement; readonly monthLabel: string }) {
  const t = useStatementT();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{agency.agencyName}</h2>
      <p>{t('agencyCount', { count: agency.legs.length, total: formatVnd(agency.totalVnd) })}</p>
      <DataTable caption={t('caption', { name: agency.agencyName, month: monthLabel })} rows={agency.legs} rowKey={(l) => l.trackingNumber} columns={[
        { key: 'date', header: t('col_date'), noWrap: true, cell: (l) => formatVnDate(l.collectedAt) },
        { key: 'n', header: t('col_tracking'), rowHeader: true, noWrap: true, cell: (l) => l.trackingNumber },
        { key: 'to', header: t('col_to'), cell: (l) => l.toAgencyName },
        { key: 'dossiers', header: t('col_dossiers'), cell: (l) => l.dossierCodes.join(', ') },
        { key: 'weight', header: t('col_weight'), numeric: true, noWrap: true, cell: (l) => t('grams', { grams: grouped(l.weightGrams) }) },
        { key: 'amount', header: t('col_amount'), numeric: true, noWrap: true, cell: (l) => formatVnd(l.amountVnd) },
      ]} />
      <dl className="charges">
        <div className="charges__total"><dt>{t('agencyTotal', { name: agency.agencyName })}</dt><dd>{formatVnd(agency.totalVnd)}</dd></div>
      </dl>
    </section>
  );
}

export function TransferPostagePage() {
  const t = useStatementT();
  const months = recentMonths(vnToday(Date.now()));
  const [month, setMonth] = useState(months[0]?.value ?? '');
  const { loaded } = useLoad((signal) => fetchTransferStatement(month, signal), month);
  const monthLabel = months.find((m) => m.value === month)?.label ?? month;
  const selectId = useId();
  return (
    <div className="courier transfer-postage">
      <PageHeading title={t('title')} lead={t('lead')} />
      <div className="field">
        <label htmlFor={selectId} className="field__label">{t('month')}</label>
        <select id={selectId} className="field__input" value={month} onChange={(e) => setMonth(e.target.value)}>
          {months.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
        </select>
      </div>
      <LoadedView loaded={loaded} loadingText={t('loading')}>
        {(s) => (
          <>
            <p>{t('period', { from: formatCivilDate(s.from), to: formatCivilDate(s.to) })}</p>
            {s.agencies.length === 0 && <p>{t('none', { month: monthLabel })}</p>}
            {s.agencies.map((a) => <AgencyTable key={a.agencyId} agency={a} monthLabel={monthLabel} />)}
            {s.agencies.length > 1 && (
              <dl className="charges">
                <div className="charges__total"><dt>{t('grandTotal', { month: monthLabel })}</dt><dd>{formatVnd(s.totalVnd)}</dd></div>
              </dl>
            )}
          </>
        )}
      </LoadedView>
    </div>
  );
}
