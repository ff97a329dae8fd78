// The scan of one paper: drop zone, file picker, the phone's camera (`capture`), the pages as
// thumbnails with buttons to move, turn and remove them (keyboard and one hand, not only drag),
// then "Lưu bản scan" composes them into one file. PDFs and TIFFs show a tile, not a render: the
// counter's page carries no PDF renderer.
import { useRef, useState, type DragEvent } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import type { PaperRow } from '../checklist';
import { useScanT } from './scan-i18n';
import { composeState, sheetCount, type ScanPage } from './scans';
import type { PaperScans } from './usePaperScans';

const ACCEPT = 'image/*,application/pdf';

function PageTile({ page }: { readonly page: ScanPage }) {
  const t = useScanT();
  if (page.previewUrl) return <img src={page.previewUrl} alt="" style={{ transform: `rotate(${page.rotation}deg)` }} />;
  const pdfPages = page.upload.state === 'uploaded' && page.upload.file.mediaType === 'application/pdf' ? page.upload.file.pageCount : null;
  const label = pdfPages !== null ? t('scanPdfTile', { count: pdfPages }) : page.localType === 'image/tiff' ? t('scanTiffTile') : t('scanFileTile');
  return <span className="scan-tile" style={{ transform: `rotate(${page.rotation}deg)` }}>{label}</span>;
}

export function ScanPanel({ row, scans, headingId }: { readonly row: PaperRow; readonly scans: PaperScans; readonly headingId: string }) {
  const t = useScanT();
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const scan = scans.scanOf(row.key);
  const state = composeState(scan);
  const add = (list: FileList | null) => { if (list && list.length > 0) scans.addFiles(row.key, [...list]); };
  const onDrop = (e: DragEvent) => { e.preventDefault(); setOver(false); add(e.dataTransfer.files); };
  const n = scan.pages.length;

  return (
    <section className="scan-panel" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>{t('scanTitle', { name: row.name })}</h3>
      <p className="field__hint">{t('scanIntro')}</p>
      <div className={over ? 'scan-drop scan-drop--over' : 'scan-drop'} onDrop={onDrop}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}>
        <p>{t('scanDrop')}</p>
        <div className="scan-drop__buttons">
          <Button kind="secondary" onClick={() => picker.current?.click()}>{t('scanPick')}</Button>
          <Button kind="secondary" onClick={() => camera.current?.click()}>{t('scanCapture')}</Button>
        </div>
        <input ref={picker} type="file" accept={ACCEPT} multiple hidden aria-label={t('scanPick')} onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
        <input ref={camera} type="file" accept={ACCEPT} capture="environment" hidden aria-label={t('scanCapture')} onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
      </div>
      {n > 0 && (
        <ol className="scan-pages" aria-label={t('scanPages')}>
          {scan.pages.map((page, i) => (
            <li key={page.localId} className={page.upload.state === 'failed' ? 'scan-page scan-page--failed' : 'scan-page'}>
              <div className="scan-page__thumb"><PageTile page={page} /></div>
              <p className="scan-page__name"><strong>{t('scanPage', { n: i + 1 })}</strong> · {page.fileName}</p>
              {page.upload.state === 'uploading' && <p className="field__hint">{t('scanUploading')}</p>}
              {page.upload.state === 'failed' && <p className="field__error" role="alert">{page.upload.message}</p>}
              <div className="scan-page__actions">
                <Button kind="secondary" disabled={i === 0} aria-label={t('scanUpLabel', { n: i + 1 })} onClick={() => scans.move(row.key, page.localId, -1)}>↑ {t('scanUp')}</Button>
                <Button kind="secondary" disabled={i === n - 1} aria-label={t('scanDownLabel', { n: i + 1 })} onClick={() => scans.move(row.key, page.localId, 1)}>↓ {t('scanDown')}</Button>
                <Button kind="secondary" aria-label={t('scanRotateLabel', { n: i + 1 })} onClick={() => scans.rotate(row.key, page.localId)}>↻ {t('scanRotate')}</Button>
                <Button kind="secondary" aria-label={t('scanRemoveLabel', { n: i + 1 })} onClick={() => scans.remove(row.key, page.localId)}>✕ {t('scanRemove')}</Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {n > 0 && state !== 'composed' && (
        <div className="form__actions">
          <Button kind="secondary" disabled={state !== 'ready' || scan.saving} onClick={() => void scans.save(row.key)}>
            {scan.saving ? t('scanSaving') : t('scanSave')}
          </Button>
          {state === 'failed' && <span className="field__hint">{t('scanFixFirst')}</span>}
          {state === 'uploading' && <span className="field__hint">{t('scanWait')}</span>}
        </div>
      )}
      <Notice tone={scan.error ? 'error' : 'success'}>
        {scan.error ?? (state === 'composed' && scan.composed ? t('scanSaved', { count: scan.composed.pageCount || sheetCount(scan) }) : null)}
      </Notice>
    </section>
  );
}
