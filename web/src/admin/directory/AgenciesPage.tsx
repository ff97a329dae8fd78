// Agencies: search by name or identifier, level and kind; add one; edit a version; its history.
import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import type { NoticeMessage } from '../../ui/Notice';
import { paths } from '../../routes';
import { SelectField } from '../form-parts';
import { LoadedTable } from '../../ui/Loaded';
import { useLoad } from '../../ui/useLoad';
import { AgencyForm } from './AgencyForm';
import { agencyKinds, agencyLevels, fetchAgencies, type Agency, type AgencyKind, type AgencyLevel } from './api';
import { DirectoryPage } from './DirectoryTabs';
import { History } from './History';
import { useDirectoryT } from './i18n';
import { validity } from './UnitsPage';
import '../admin.css';

export function AgenciesPage() {
  const t = useDirectoryT();
  const [draft, setDraft] = useState({ q: '', level: '' as AgencyLevel | '', kind: '' as AgencyKind | '' });
  const [filter, setFilter] = useState(draft);
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [round, setRound] = useState(0);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const { loaded, reload } = useLoad((signal) => fetchAgencies(filter, signal), JSON.stringify(filter));
  const onSearch = (e: FormEvent) => { e.preventDefault(); setFilter({ ...draft, q: draft.q.trim() }); };

  const columns = [
    { key: 'id', header: t('colIdentifier'), cell: (a: Agency) => a.identifier },
    { key: 'name', header: t('colName'), cell: (a: Agency) => a.name },
    { key: 'kind', header: t('colKind'), cell: (a: Agency) => `${t(`agency_${a.kind}`)} — ${t(`level_${a.level}`)}` },
    { key: 'unit', header: t('colUnit'), cell: (a: Agency) => `${a.unitName} (${a.unitCode})` },
    { key: 'contact', header: t('colContact'), cell: (a: Agency) => <AgencyContact agency={a} none={t('contactNone')} /> },
    { key: 'valid', header: t('colValid'), cell: (a: Agency) => validity(a.validFrom, a.validTo, t) },
    { key: 'edit', header: t('colActions'), cell: (a: Agency) => <Button onClick={() => { setEditing(a); setMessage(null); }} aria-label={`${t('edit')} ${a.name}`}>{t('edit')}</Button> },
  ];

  return (
    <DirectoryPage current={paths.adminAgencies} message={message}>
      {editing === null && <p><Button kind="primary" onClick={() => { setEditing('new'); setMessage(null); }}>{t('newAgency')}</Button></p>}
      {editing !== null && (
        <>
          <AgencyForm key={editing === 'new' ? 'new' : `${editing.identifier}@${editing.validFrom}`} agency={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => { setEditing(null); reload(); setRound((r) => r + 1); setMessage({ tone: 'success', text: t('saved') }); }} />
          {editing !== 'new' && <History entity="agency" entityKey={`${editing.identifier}@${editing.validFrom}`} round={round} />}
        </>
      )}
      <form className="admin-filters" onSubmit={onSearch} role="search">
        <Field label={t('search')} hint={t('searchHint')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} maxLength={100} />
        <SelectField label={t('level')} value={draft.level} options={agencyLevels} optionText={(l) => t(`level_${l}`)} placeholder={t('levelAll')} onChange={(level) => setDraft({ ...draft, level })} />
        <SelectField label={t('kind')} value={draft.kind} options={agencyKinds} optionText={(k) => t(`agency_${k}`)} placeholder={t('kindAll')} onChange={(kind) => setDraft({ ...draft, kind })} />
        <div><Button type="submit">{t('show')}</Button></div>
      </form>
      <LoadedTable loaded={loaded} loadingText={t('loading')} foundText={(page) => <>{t('found', { count: page.total })}{page.total > page.items.length && ` ${t('showingFirst', { shown: page.items.length })}`}</>}
        columns={columns} rowKey={(a) => `${a.identifier}@${a.validFrom}`} />
    </DirectoryPage>
  );
}

/** Where the agency receives papers and its telephone (a call link), or a dash when neither is known. */
function AgencyContact({ agency, none }: { readonly agency: Agency; readonly none: string }) {
  if (!agency.address && !agency.phone) return <span className="field__hint">{none}</span>;
  return (
    <>
      {agency.address && <span className="agency-contact__address">{agency.address}</span>}
      {agency.address && agency.phone && <br />}
      {agency.phone && <a href={`tel:${agency.phone.replace(/[^0-9+]/g, '')}`}>{agency.phone}</a>}
    </>
  );
}
