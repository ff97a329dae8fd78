// The papers of an online submission: for each paper of the procedure, a file uploaded with its
// progress (POST /api/v1/files) or a paper already in the applicant's document store.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequiredPaper } from '../../counter/api';
import { fetchStore, type StoreDocument } from '../../counter/scan-api';
import { fetchOwnStore } from '../../documents/api';
import { errorMessage } from '../../ui/errors';
import { Button } from '../../ui/Button';
import { useOnlineT } from '../i18n';
import { uploadWithProgress } from '../upload';
import type { DraftEditor, PaperState } from './useDraftEditor';

function PaperRow({ paper, state, stored, onChange, problem }: {
  readonly paper: RequiredPaper; readonly state: PaperState | undefined; readonly stored: readonly StoreDocument[];
  readonly onChange: (p: PaperState | null) => void; readonly problem: string | null;
}) {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  const id = useId();
  const upload = (file: File) => {
    onChange({ state: 'uploading', percent: 0 });
    uploadWithProgress(file, (percent) => onChange({ state: 'uploading', percent })).then(
      (f) => onChange({ state: 'uploaded', fileId: f.id, sizeBytes: f.sizeBytes }),
      (e: unknown) => onChange({ state: 'failed', message: errorMessage(e, tApp) }),
    );
  };
  const reusable = stored.filter((d) => d.reusable && (d.paperKey === null || d.paperKey === paper.key));
  return (
    <li className={problem ? 'online-paper field--invalid' : 'online-paper'}>
      <p className="online-paper__name"><strong>{paper.name}</strong> <span className="field__hint">({paper.requirement === 'required' ? t('paperRequired') : t('paperConditional')})</span></p>
      {problem && <p className="field__error">{problem}</p>}
      <label htmlFor={id} className="field__label">{t('paperUpload')}</label>
      <input id={id} type="file" accept="image/*,application/pdf" onChange={(e) => { const f = e.target.files?.[0]; if (f) upload(f); }} />
      {state?.state === 'uploading' && <progress max={100} value={state.percent} aria-label={t('paperUploading', { percent: state.percent })}>{state.percent}%</progress>}
      {state?.state === 'uploading' && <p role="status" className="field__hint">{t('paperUploading', { percent: state.percent })}</p>}
      {state?.state === 'uploaded' && <p role="status" className="notice notice--success">{t('paperUploaded', { size: Math.max(1, Math.round(state.sizeBytes / 1024)) })}</p>}
      {state?.state === 'failed' && <p role="alert" className="field__error">{state.message}</p>}
      {reusable.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-reuse`} className="field__label">{t('paperReuse')}</label>
          <select id={`${id}-reuse`} className="field__select" value={state?.state === 'reused' ? String(state.documentId) : ''}
            onChange={(e) => {
              const d = reusable.find((x) => String(x.id) === e.target.value);
              onChange(d ? { state: 'reused', documentId: d.id, title: d.title } : null);
            }}>
            <option value="">{t('paperReuseNone')}</option>
            {reusable.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </select>
        </div>
      )}
      {state && state.state !== 'uploading' && <Button onClick={() => onChange(null)}>{t('paperRemove')}</Button>}
    </li>
  );
}

/** `personalId`: staff read that person's store (assisted filing); absent: the signed-in citizen's own. */
export function PapersSection({ editor, personalId }: { readonly editor: DraftEditor; readonly personalId?: string }) {
  const t = useOnlineT();
  const [stored, setStored] = useState<readonly StoreDocument[]>([]);
  const code = editor.procedure.code;
  useEffect(() => {
    const controller = new AbortController();
    const load = personalId === undefined ? fetchOwnStore(controller.signal) : /^[0-9]{12}$/.test(personalId) ? fetchStore(personalId, code, controller.signal) : null;
    // a store that cannot be read leaves uploads only
    load?.then((s) => setStored(s.documents), () => setStored([]));
    return () => controller.abort();
  }, [personalId, code]);
  const papers = editor.procedure.requiredPapers.filter((p) => p.requirement !== 'showOnly');
  const problem = (key: string) => editor.review?.problems.find((p) => p.path === 'papers' && p.message.endsWith(papers.find((x) => x.key === key)?.name ?? '\u0000'))?.message ?? null;
  return (
    <section className="section" aria-labelledby="online-papers">
      <h2 id="online-papers">{t('papersTitle')}</h2>
      <p className="lead">{t('papersLead')}</p>
      <ul className="online-papers">
        {papers.map((p) => (
          <PaperRow key={p.key} paper={p} state={editor.papers[p.key]} stored={stored} problem={problem(p.key)} onChange={(s) => editor.setPaper(p.key, s)} />
        ))}
      </ul>
    </section>
  );
}
