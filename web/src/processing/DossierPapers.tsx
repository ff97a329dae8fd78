// The papers of a dossier on the dossier page: counts, source (paper, scanned, reused from the
// store) and, for a digitized paper, a link that downloads its scan (GET /api/v1/files/{id},
// always an attachment; the server checks that the reader may see the dossier).
import { DataTable } from '../ui/DataTable';
import type { DossierDetail } from './api';
import type { ProcessingT } from './i18n';
import { sourceText } from './labels';
import { usePapersT } from './papers-i18n';

export const fileUrl = (fileId: number) => `/api/v1/files/${fileId}`;

export function DossierPapers({ t, papers }: { readonly t: ProcessingT; readonly papers: DossierDetail['papers'] }) {
  const tp = usePapersT();
  return (
    <section aria-labelledby="papers-title">
      <h2 id="papers-title">{t('papersTitle')}</h2>
      <DataTable rows={papers} rowKey={(p) => p.key} columns={[
        { key: 'name', header: t('paperName'), rowHeader: true, cell: (p) => p.name },
        { key: 'originals', header: t('paperOriginals'), numeric: true, cell: (p) => p.originals },
        { key: 'copies', header: t('paperCopies'), numeric: true, cell: (p) => p.copies },
        { key: 'source', header: t('paperSource'), cell: (p) => sourceText(t, p.source) },
        { key: 'scan', header: tp('paperScan'), cell: (p) => (p.fileId === null ? tp('paperScanNone')
          : <a href={fileUrl(p.fileId)} download aria-label={tp('paperScanOpenLabel', { name: p.name })}>{tp('paperScanOpen')}</a>) },
      ]} />
    </section>
  );
}
