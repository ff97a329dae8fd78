// Administrative units: search by name or code, level and date; a unit's versions with its
// predecessors and successors; add a unit with its succession; correct or end a version.
import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { formatCivilDate } from '../../ui/dates';
import { Field } from '../../ui/Field';
import type { NoticeMessage } from '../../ui/Notice';
import { paths } from '../../routes';
import { civilOfText, DateField, SelectField } from '../form-parts';
import { LoadedTable } from '../../ui/Loaded';
import { useLoad } from '../../ui/useLoad';
import { fetchUnits, type Unit, type UnitLevel } from './api';
import { DirectoryPage } from './DirectoryTabs';
import { useDirectoryT, type DirectoryT } from './i18n';
import { UnitCreateForm } from './UnitCreateForm';
import { UnitDetail } from './UnitDetail';
import '../admin.css';

export const validity = (from: string, to: string | null, t: DirectoryT) =>
  to ? t('validRangeTo', { from: formatCivilDate(from), to: formatCivilDate(to) }) : t('validRange', { from: formatCivilDate(from) });

const levels = ['province', 'district', 'commune'] as const satisfies readonly UnitLevel[];

export function UnitsPage() {
  const t = useDirectoryT();
  const [draft, setDraft] = useState({ q: '', level: '' as UnitLevel | '', validOn: '' });
  const [filter, setFilter] = useState({ q: '', level: '', validOn: '' });
  const [dateError, setDateError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const { loaded, reload } = useLoad((signal) => fetchUnits(filter, signal), JSON.stringify(filter));

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    const validOn = draft.validOn.trim() === '' ? '' : civilOfText(draft.validOn);
    setDateError(validOn === null ? t('dateInvalid') : null);
    if (validOn !== null) setFilter({ q: draft.q.trim(), level: draft.level, validOn });
  };

  const columns = [
    { key: 'code', header: t('colCode'), cell: (u: Unit) => u.code },
    { key: 'name', header: t('colName'), cell: (u: Unit) => <>{u.name}{u.formerName && <span className="muted"> ({t('formerName', { name: u.formerName })})</span>}</> },
    { key: 'level', header: t('colLevel'), cell: (u: Unit) => t(`level_${u.level}`) },
    { key: 'parent', header: t('colParent'), cell: (u: Unit) => u.parentCode ?? '—' },
    { key: 'valid', header: t('colValid'), cell: (u: Unit) => validity(u.validFrom, u.validTo, t) },
    { key: 'open', header: t('colActions'), cell: (u: Unit) => <Button onClick={() => { setSelected(u.code); setCreating(false); }} aria-label={`${t('open')} ${u.name}`}>{t('open')}</Button> },
  ];

  return (
    <DirectoryPage current={paths.adminUnits} message={message}>
      {creating ? (
        <UnitCreateForm onCancel={() => setCreating(false)} onCreated={(code, from) => {
          setCreating(false); setSelected(code); reload();
          setMessage({ tone: 'success', text: t('unitCreated', { code, from: formatCivilDate(from) }) });
        }} />
      ) : <p><Button kind="primary" onClick={() => { setCreating(true); setMessage(null); }}>{t('newUnit')}</Button></p>}
      {selected && <UnitDetail code={selected} onClose={() => setSelected(null)} onChanged={() => { reload(); setMessage({ tone: 'success', text: t('saved') }); }} />}
      <form className="admin-filters" onSubmit={onSearch} role="search">
        <Field label={t('search')} hint={t('searchHint')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} maxLength={100} />
        <SelectField label={t('level')} value={draft.level} options={levels} optionText={(l) => t(`level_${l}`)} placeholder={t('levelAll')}
          onChange={(level) => setDraft({ ...draft, level })} />
        <DateField label={t('validOn')} hint={t('validOnHint')} value={draft.validOn} error={dateError} onChange={(validOn) => setDraft({ ...draft, validOn })} />
        <div><Button kind="secondary" type="submit">{t('show')}</Button></div>
      </form>
      <LoadedTable loaded={loaded} loadingText={t('loading')} foundText={(page) => <>{t('found', { count: page.total })}{page.total > page.items.length && ` ${t('showingFirst', { shown: page.items.length })}`}</>}
        columns={columns} rowKey={(u) => `${u.code}@${u.validFrom}`} />
    </DirectoryPage>
  );
}
