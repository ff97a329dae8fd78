// A new version of a procedure: starts from the latest version's content; the administrator sets
// the first day (today or later) and the legal basis, edits, and saves. The server checks it all
// again and answers each problem with its field; nothing is saved while one remains.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { formatCivilDate } from '../../ui/dates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError, type ShownError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { DateField } from '../form-parts';
import { saveVersion, type ProcedureContent, type ProcedureVersion } from './api';
import { CasesEditor } from './CasesEditor';
import { checkDraft, draftOf, type Draft } from './draft';
import { FeesEditor } from './FeesEditor';
import { GeneralFields } from './GeneralFields';
import { useCatalogAdminT } from './i18n';
import { PapersEditor } from './PapersEditor';

export function VersionEditor({ latest, onCancel, onSaved }: {
  readonly latest: ProcedureVersion; readonly onCancel: () => void; readonly onSaved: (saved: ProcedureVersion) => void;
}) {
  const t = useCatalogAdminT();
  const { t: tApp } = useTranslation();
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(latest));
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const setContent = (patch: Partial<ProcedureContent>) => setDraft((d) => ({ ...d, content: { ...d.content, ...patch } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft, t);
    setProblems(checked.lines);
    setError(null);
    if (!checked.edit) return;
    setBusy(true);
    try {
      onSaved(await saveVersion(latest.code, checked.edit));
    } catch (e) {
      setError(shownError(e, tApp));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('editTitle', { code: latest.code })}</h2>
      <p>{t('editLead', { version: latest.version, next: latest.version + 1 })}</p>
      <form className="form catalog-editor" onSubmit={(e) => void submit(e)} noValidate>
        <div className="admin-grid">
          <DateField label={t('effectiveFrom')} hint={t('effectiveFromHint', { latest: formatCivilDate(latest.effectiveFrom) })}
            value={draft.effectiveFrom} onChange={(effectiveFrom) => setDraft((d) => ({ ...d, effectiveFrom }))} />
          <Field label={t('reason')} hint={t('reasonHint')} value={draft.reason} maxLength={500}
            onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))} />
        </div>
        <GeneralFields content={draft.content} onChange={setContent} />
        <CasesEditor cases={draft.content.cases} onChange={(cases) => setContent({ cases })} />
        <PapersEditor papers={draft.content.requiredPapers} onChange={(requiredPapers) => setContent({ requiredPapers })} />
        <FeesEditor fees={draft.content.fees} cases={draft.content.cases} onChange={(fees) => setContent({ fees })} />
        <ErrorNotice error={error} problems={{ lead: t('formProblems'), lines: problems }} />
        <div className="admin-actions">
          <Button kind="primary" type="submit" disabled={busy}>{busy ? t('saving') : t('saveVersion')}</Button>
          <Button onClick={onCancel} disabled={busy}>{t('cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
