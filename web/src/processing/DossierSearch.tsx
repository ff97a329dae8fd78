// Find dossiers in the user's scope by code, personal ID, phone or name; results as a table.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetails, errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { MessageNotice, type NoticeMessage } from '../ui/Notice';
import { searchDossiers, type DossierListItem, type DossierStatus, type SearchFilters } from './api';
import { useProcessingT } from './i18n';
import { formatAt, StatusBadge, TimelinessBadge } from './labels';
import { Button, SubmitButton } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { Link } from '../ui/router';
import { dossierPath } from './DossierPage';

interface Props {
  /** only dossiers in this status (the return screen looks for results ready) */
  readonly status?: DossierStatus;
  /** a last column with what to do with a result (the return screen's "Trả kết quả"); without it, the code opens the dossier */
  readonly action?: { readonly header: string; readonly render: (item: DossierListItem) => ReactNode };
}

export function DossierSearch({ status, action }: Props) {
  const t = useProcessingT();
  const { t: tApp, i18n } = useTranslation();
  const [filters, setFilters] = useState<{ code: string; personalId: string; phone: string; name: string }>({ code: '', personalId: '', phone: '', name: '' });
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<readonly DossierListItem[] | null>(null);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  // the next page: the same query after the server's cursor (keyset, never an offset)
  const [more, setMore] = useState<{ query: SearchFilters; after: string } | null>(null);

  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const query: { -readonly [K in keyof SearchFilters]: SearchFilters[K] } = {};
    if (filters.code.trim()) query.code = filters.code.trim().toUpperCase();
    if (filters.personalId.trim()) query.personalId = filters.personalId.trim();
    if (filters.phone.trim()) query.phone = filters.phone.trim();
    if (filters.name.trim()) query.name = filters.name.trim();
    if (Object.keys(query).length === 0) {
      setMessage({ tone: 'error', text: t('searchNeedOne') });
      return;
    }
    if (status) query.status = status;
    setBusy(true);
    setMessage(null);
    try {
      const page = await searchDossiers(query);
      setResults(page.items);
      setMore(page.next ? { query, after: page.next } : null);
      setMessage({ tone: 'info', text: page.items.length === 0 ? t('searchNone') : t(page.totalIsLowerBound ? 'searchFoundAtLeast' : 'searchFound', { count: page.total, n: page.total.toLocaleString(i18n.language) }) });
    } catch (e) {
      setResults(null);
      setMore(null);
      setMessage({ tone: 'error', text: errorMessage(e, tApp), details: errorDetails(e) });
    } finally {
      setBusy(false);
    }
  };

  const showMore = async () => {
    if (!more) return;
    setBusy(true);
    try {
      const page = await searchDossiers({ ...more.query, after: more.after });
      setResults((r) => [...(r ?? []), ...page.items]);
      setMore(page.next ? { query: more.query, after: page.next } : null);
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e, tApp), details: errorDetails(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate role="search">
        <div className="search-grid">
          <Field label={t('searchCode')} hint={t('searchCodeHint')} value={filters.code} onChange={set('code')} autoComplete="off" spellCheck={false} />
          <Field label={t('searchPhone')} value={filters.phone} onChange={set('phone')} inputMode="tel" autoComplete="off" />
          <Field label={t('searchName')} hint={t('searchNameHint')} value={filters.name} onChange={set('name')} autoComplete="off" />
          <Field label={t('searchPersonalId')} value={filters.personalId} onChange={set('personalId')} inputMode="numeric" autoComplete="off" />
        </div>
        <SubmitButton busy={busy} busyText={t('searching')} text={t('searchSubmit')} />
      </form>
      <MessageNotice message={message} />
      {results && results.length > 0 && (
        <DataTable caption={t('searchCaption')} rows={results} rowKey={(i) => i.code} columns={[
          { key: 'code', header: t('colCode'), rowHeader: true, noWrap: true, cell: (i) => (action ? i.code : <Link to={dossierPath(i.code)}>{i.code}</Link>) },
          { key: 'applicant', header: t('colApplicant'), cell: (i) => i.applicantName },
          { key: 'procedure', header: t('colProcedure'), cell: (i) => i.procedureCode },
          { key: 'status', header: t('colStatus'), cell: (i) => <StatusBadge t={t} status={i.status} /> },
          { key: 'due', header: t('colDue'), noWrap: true, cell: (i) => formatAt(t, i.dueAt) },
          { key: 'timeliness', header: t('colTimeliness'), cell: (i) => <TimelinessBadge t={t} value={i.timeliness} /> },
          ...(action ? [{ key: 'action', header: action.header, cell: action.render }] : []),
        ]} />
      )}
      {more && (
        <div className="form__actions">
          <Button kind="secondary" type="button" disabled={busy} onClick={() => void showMore()}>{busy ? t('searching') : t('searchMore')}</Button>
        </div>
      )}
    </>
  );
}
