// The procedure catalogue for administrators: search (with or without diacritics, or by code),
// each procedure's latest version and whether a change is scheduled, and the import from a file.
import { useState, type FormEvent } from 'react';
import { paths } from '../../routes';
import { formatCivilDate } from '../../ui/dates';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { MessageNotice, type NoticeMessage } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { Link } from '../../ui/router';
import { LoadedTable } from '../../ui/Loaded';
import { useLoad } from '../../ui/useLoad';
import { fetchProcedures, type AdminProcedure } from './api';
import { ImportPanel } from './ImportPanel';
import { useCatalogAdminT, type CatalogAdminT } from './i18n';
import '../admin.css';
import './catalog.css';

export const procedurePath = (code: string) => `${paths.adminCatalog}/${code}`;

export const validityText = (from: string, to: string | null, t: CatalogAdminT) =>
  to ? t('validRange', { from: formatCivilDate(from), to: formatCivilDate(to) }) : t('validFrom', { from: formatCivilDate(from) });

export function CatalogPage() {
  const t = useCatalogAdminT();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const { loaded, reload } = useLoad((signal) => fetchProcedures(q, signal), q);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
  };

  const columns = [
    { key: 'code', header: t('colCode'), cell: (p: AdminProcedure) => p.code },
    { key: 'name', header: t('colName'), cell: (p: AdminProcedure) => <Link to={procedurePath(p.code)}>{p.name}</Link> },
    { key: 'field', header: t('colField'), cell: (p: AdminProcedure) => p.field },
    {
      key: 'version', header: t('colVersion'), cell: (p: AdminProcedure) => (
        <>{p.version}{p.scheduled && <> <span className="badge">{t('scheduledBadge')}</span></>}</>
      ),
    },
    { key: 'valid', header: t('colValid'), cell: (p: AdminProcedure) => validityText(p.effectiveFrom, p.effectiveTo, t) },
  ];

  return (
    <div className="admin-page">
      <PageHeading title={t('title')} lead={t('lead')} />
      <MessageNotice message={message} />
      <form className="admin-filters" onSubmit={onSearch} role="search">
        <Field label={t('search')} hint={t('searchHint')} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} />
        <div><Button kind="primary" type="submit">{t('show')}</Button></div>
      </form>
      <LoadedTable loaded={loaded} loadingText={t('loading')} foundText={(page) => <>{t('found', { count: page.total })}</>}
        columns={columns} rowKey={(p) => p.code} className="catalog-list" />
      <ImportPanel onImported={(count) => { setMessage({ tone: 'success', text: t('imported', { count }) }); reload(); }} />
    </div>
  );
}
