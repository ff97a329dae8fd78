// One unit code: each version with its predecessors and successors (the 2025 succession), a
// correction form per version, and the audited history of the selected version.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { formatCivilDate } from '../../ui/dates';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { fetchUnit, type UnitLink, type UnitVersion } from './api';
import { History } from './History';
import { useDirectoryT } from './i18n';
import { UnitCorrectForm } from './UnitCorrectForm';
import { validity } from './UnitsPage';

function Links({ title, links, item }: { readonly title: string; readonly links: readonly UnitLink[]; readonly item: 'predecessorItem' | 'successorItem' }) {
  const t = useDirectoryT();
  return (
    <div>
      <h4>{title}</h4>
      {links.length === 0 ? <p className="muted">{t('none')}</p> : (
        <ul>{links.map((l) => <li key={`${l.code}@${l.validFrom}`}>{t(item, { code: l.code, name: l.name, date: formatCivilDate(l.effectiveDate) })}{l.partial && ` ${t('partial')}`}</li>)}</ul>
      )}
    </div>
  );
}

export function UnitDetail({ code, onClose, onChanged }: { readonly code: string; readonly onClose: () => void; readonly onChanged: () => void }) {
  const t = useDirectoryT();
  const { t: tApp } = useTranslation();
  const { loaded, reload } = useLoad((signal) => fetchUnit(code, signal), code);
  const [editing, setEditing] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const version = (v: UnitVersion) => (
    <article key={v.validFrom} className="admin-group">
      <h3>{v.name} <span className="muted">({t(`kind_${v.kind}` as 'kind_xa')}, {validity(v.validFrom, v.validTo, t)})</span></h3>
      <div className="admin-grid">
        <Links title={t('predecessors')} links={v.predecessors} item="predecessorItem" />
        <Links title={t('successors')} links={v.successors} item="successorItem" />
      </div>
      {editing === v.validFrom
        ? <UnitCorrectForm version={v} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); setRound((r) => r + 1); onChanged(); }} />
        : <p><Button onClick={() => setEditing(v.validFrom)} aria-label={`${t('correct')} ${v.name}`}>{t('correct')}</Button></p>}
      <History entity="unit" entityKey={`${v.code}@${v.validFrom}`} round={round} />
    </article>
  );
  return (
    <section className="admin-panel" aria-labelledby="unit-detail-title">
      <div className="admin-actions">
        <h2 id="unit-detail-title">{t('versions', { code })}</h2>
        <Button className="admin-apart" onClick={onClose}>{t('close')}</Button>
      </div>
      {loaded.status === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {loaded.status === 'ready' && [...loaded.data.versions].reverse().map(version)}
    </section>
  );
}
