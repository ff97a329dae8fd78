// Search the recognised text of the scans in scope; each page found links to its dossier and its scan.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { errorDetails, errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { MessageNotice, type NoticeMessage } from '../ui/Notice';
import { Link } from '../ui/router';
import { paths } from '../routes';
import { scanUrl, searchScans, type ScanTextHit } from './api';
import { useOcrT } from './i18n';

const dossierPath = (code: string) => `${paths.processingDossier}/${encodeURIComponent(code)}`;

export function ScanSearch() {
  const t = useOcrT();
  const { t: tApp } = useTranslation();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [hits, setHits] = useState<readonly ScanTextHit[] | null>(null);
  const [message, setMessage] = useState<NoticeMessage | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const answer = await searchScans(q.trim());
      setHits(answer.items);
      setMessage({ tone: 'info', text: answer.items.length === 0 ? t('none') : answer.truncated ? t('foundMore', { count: answer.items.length }) : t('found', { count: answer.items.length }) });
    } catch (e) {
      setHits(null);
      setMessage({ tone: 'error', text: errorMessage(e, tApp), details: errorDetails(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate role="search">
        <Field label={t('query')} hint={t('queryHint')} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" maxLength={100} />
        <SubmitButton busy={busy} busyText={t('searching')} text={t('submit')} />
      </form>
      <MessageNotice message={message} />
      {hits && hits.length > 0 && (
        <DataTable caption={t('caption')} rows={hits} rowKey={(h) => `${h.fileId}-${h.pageNumber}`} columns={[
          { key: 'dossier', header: t('colDossier'), rowHeader: true, noWrap: true, cell: (h) => (
            <>{h.papers.map((p) => <div key={`${p.dossierCode}-${p.paperName}`}><Link to={dossierPath(p.dossierCode)}>{p.dossierCode}</Link></div>)}</>
          ) },
          { key: 'paper', header: t('colPaper'), cell: (h) => h.papers.map((p) => p.paperName).join('; ') },
          { key: 'applicant', header: t('colApplicant'), cell: (h) => [...new Set(h.papers.map((p) => p.applicantName))].join('; ') },
          { key: 'snippet', header: t('colSnippet'), cell: (h) => <q>{h.snippet}</q> },
          { key: 'page', header: t('colPage'), numeric: true, cell: (h) => <a href={scanUrl(h.fileId)}>{`${h.pageNumber} · ${t('openScan')}`}</a> },
        ]} />
      )}
    </>
  );
}
