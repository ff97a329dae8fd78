// Service points: search, their opening hours at a glance, add one, edit one and see its history.
import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import type { NoticeMessage } from '../../ui/Notice';
import { paths } from '../../routes';
import { SelectField } from '../form-parts';
import { LoadedTable, LoadedView } from '../../ui/Loaded';
import { useLoad } from '../../ui/useLoad';
import { fetchServicePoint, fetchServicePoints, servicePointKinds, type ServicePoint, type ServicePointKind } from './api';
import { DirectoryPage } from './DirectoryTabs';
import { History } from './History';
import { hoursLines } from './hours';
import { useDirectoryT } from './i18n';
import { ServicePointForm } from './ServicePointForm';
import '../admin.css';

function Editor({ code, onDone }: { readonly code: string; readonly onDone: (saved: boolean) => void }) {
  const t = useDirectoryT();
  const [round, setRound] = useState(0);
  const { loaded } = useLoad((signal) => fetchServicePoint(code, signal), `${code}|${round}`);
  return (
    <LoadedView loaded={loaded} loadingText={t('loading')}>
      {(point) => (
        <>
          <ServicePointForm key={round} point={point} onCancel={() => onDone(false)} onSaved={() => { setRound((r) => r + 1); onDone(true); }} />
          <History entity="servicePoint" entityKey={code} round={round} />
        </>
      )}
    </LoadedView>
  );
}

export function ServicePointsPage() {
  const t = useDirectoryT();
  const [draft, setDraft] = useState({ q: '', kind: '' as ServicePointKind | '' });
  const [filter, setFilter] = useState(draft);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const { loaded, reload } = useLoad((signal) => fetchServicePoints(filter, signal), JSON.stringify(filter));
  const onSearch = (e: FormEvent) => { e.preventDefault(); setFilter({ ...draft, q: draft.q.trim() }); };
  const dayName = (d: 1 | 2 | 3 | 4 | 5 | 6 | 7) => t(`weekday${d}`);

  const columns = [
    { key: 'code', header: t('colCode'), cell: (p: ServicePoint) => p.code },
    { key: 'name', header: t('colName'), cell: (p: ServicePoint) => <>{p.name}<br /><span className="muted">{t(`point_${p.kind}`)}</span></> },
    { key: 'address', header: t('colAddress'), cell: (p: ServicePoint) => `${p.address} — ${p.unitName}` },
    { key: 'hours', header: t('colHours'), cell: (p: ServicePoint) => <>{hoursLines(p.openingHours, dayName, t('closed')).map((l) => <span key={l}>{l}<br /></span>)}</> },
    { key: 'edit', header: t('colActions'), cell: (p: ServicePoint) => <Button onClick={() => { setEditing(p.code); setMessage(null); }} aria-label={`${t('edit')} ${p.name}`}>{t('edit')}</Button> },
  ];

  return (
    <DirectoryPage current={paths.adminServicePoints} message={message}>
      {editing === null && <p><Button kind="primary" onClick={() => { setEditing('new'); setMessage(null); }}>{t('newPoint')}</Button></p>}
      {editing === 'new' && <ServicePointForm point={null} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); setMessage({ tone: 'success', text: t('saved') }); }} />}
      {editing !== null && editing !== 'new' && <Editor key={editing} code={editing} onDone={(saved) => {
        if (!saved) { setEditing(null); return; }
        reload(); setMessage({ tone: 'success', text: t('saved') });
      }} />}
      <form className="admin-filters" onSubmit={onSearch} role="search">
        <Field label={t('search')} hint={t('searchHint')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} maxLength={100} />
        <SelectField label={t('kind')} value={draft.kind} options={servicePointKinds} optionText={(k) => t(`point_${k}`)} placeholder={t('kindAll')} onChange={(kind) => setDraft({ ...draft, kind })} />
        <div><Button type="submit">{t('show')}</Button></div>
      </form>
      <LoadedTable loaded={loaded} loadingText={t('loading')} foundText={(page) => <>{t('found', { count: page.total })}</>}
        columns={columns} rowKey={(p) => p.code} />
    </DirectoryPage>
  );
}
