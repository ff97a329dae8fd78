// Import from a file: the file is checked first (a dry run on the server: the same checks as the
// import, nothing written) and what would change is shown; then the same content is imported.
// A refusal lists each problem with its row and column, in Vietnamese.
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { formatCivilDate } from '../../ui/dates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError, type ShownError } from '../../ui/errors';
import { importCatalog, type ImportFormat, type ImportOutcome } from './api';
import { fieldLabel } from './describe';
import { useCatalogAdminT } from './i18n';

type Loaded = { readonly format: ImportFormat; readonly content: string; readonly name: string };

const formatOf = (name: string): ImportFormat | null => {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'xlsx' ? 'xlsx' : ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : null;
};

async function readFile(file: File, format: ImportFormat): Promise<string> {
  if (format !== 'xlsx') return file.text();
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportPanel({ onImported }: { readonly onImported: (count: number) => void }) {
  const t = useCatalogAdminT();
  const { t: tApp } = useTranslation();
  const ids = useId();
  const [file, setFile] = useState<Loaded | null>(null);
  const [preview, setPreview] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setError(null);
    setFile(null);
    if (!chosen) return;
    const format = formatOf(chosen.name);
    if (!format) { setError({ text: t('importFormatUnknown'), details: [] }); return; }
    setFile({ format, content: await readFile(chosen, format), name: chosen.name });
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'apply');
    setError(null);
    try {
      const outcome = await importCatalog(file.format, file.content, dryRun);
      if (dryRun) setPreview(outcome);
      else { setPreview(null); setFile(null); onImported(outcome.inserted); }
    } catch (e) {
      setPreview(null);
      setError(shownError(e, tApp));
    } finally {
      setBusy(null);
    }
  };

  const columns = [
    { key: 'row', header: t('colRow'), cell: (v: ImportOutcome['versions'][number]) => v.row, numeric: true },
    { key: 'code', header: t('colCode'), cell: (v: ImportOutcome['versions'][number]) => `${v.code} — ${v.name}` },
    { key: 'kind', header: t('colKind'), cell: (v: ImportOutcome['versions'][number]) => `${t(`kind_${v.kind}`)} (${t('versionNo', { version: v.version })})` },
    { key: 'from', header: t('colValid'), cell: (v: ImportOutcome['versions'][number]) => t('validFrom', { from: formatCivilDate(v.effectiveFrom) }) },
    { key: 'changes', header: t('colChanges'), cell: (v: ImportOutcome['versions'][number]) => (v.kind === 'new' ? t('noChanges') : v.changes.map((c) => fieldLabel(c.field, t)).join(', ')) },
  ];

  return (
    <section className="admin-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('importTitle')}</h2>
      <p>{t('importLead')}</p>
      <div className="field">
        <label htmlFor={`${ids}-file`} className="field__label">{t('importFile')}</label>
        <input id={`${ids}-file`} type="file" accept=".xlsx,.csv,.json,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void onFile(e)} />
      </div>
      <ErrorNotice error={error} />
      <div className="admin-actions">
        <Button kind={preview ? 'secondary' : 'primary'} disabled={!file || busy !== null} onClick={() => void run(true)}>{busy === 'check' ? t('checking') : t('importCheck')}</Button>
        {preview && preview.inserted > 0 && (
          <Button kind="primary" disabled={busy !== null} onClick={() => void run(false)}>{busy === 'apply' ? t('importing') : t('importApply', { count: preview.inserted })}</Button>
        )}
      </div>
      {preview && (
        <>
          <h3>{t('dryRunTitle', { count: preview.inserted, closed: preview.closed })}</h3>
          <DataTable columns={columns} rows={preview.versions} rowKey={(v) => `${v.row}`} />
        </>
      )}
    </section>
  );
}
