// The scans of the checklist's papers: each page is uploaded as soon as the clerk adds it (a
// refusal — too large, not a scan — shows at once beside the paper), then "Lưu bản scan" composes
// the pages into one file for the paper and attaches it to the row (source scanned, digitized).
// Any later change to the pages detaches it until saved again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { composeScan, uploadPage } from '../scan-api';
import type { PaperRow } from '../checklist';
import {
  addPages, composeBody, emptyScan, isPreviewable, movePage, removePage, rotatePage, settlePage, type PaperScan, type ScanPage,
} from './scans';

export interface PaperScanState extends PaperScan {
  readonly saving: boolean;
  /** why the last save failed, in Vietnamese */
  readonly error: string | null;
}

const blank: PaperScanState = { ...emptyScan, saving: false, error: null };
const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : 'Không lưu được bản scan. Vui lòng thử lại.');

let nextLocalId = 0;

export function usePaperScans(setRow: (key: string, change: Partial<PaperRow>) => void) {
  const [scans, setScans] = useState<Readonly<Record<string, PaperScanState>>>({});
  const urls = useRef(new Set<string>());
  useEffect(() => () => { for (const u of urls.current) URL.revokeObjectURL(u); }, []);

  const scanOf = useCallback((key: string): PaperScanState => scans[key] ?? blank, [scans]);
  const update = (key: string, f: (s: PaperScanState) => PaperScanState) => setScans((all) => ({ ...all, [key]: f(all[key] ?? blank) }));
  /** A change to the pages: the composed file no longer matches, the row loses it. */
  const change = (key: string, f: (s: PaperScan) => PaperScan) => {
    update(key, (s) => ({ ...s, ...f(s), error: null }));
    setRow(key, { fileId: null });
  };

  const addFiles = (key: string, files: readonly File[]) => {
    const pages: ScanPage[] = files.map((file) => {
      const previewUrl = isPreviewable(file.type) ? URL.createObjectURL(file) : null;
      if (previewUrl) urls.current.add(previewUrl);
      nextLocalId += 1;
      return { localId: `page-${nextLocalId}`, fileName: file.name, localType: file.type, previewUrl, rotation: 0, upload: { state: 'uploading' } };
    });
    change(key, (s) => addPages(s, pages));
    pages.forEach((page, i) => {
      const file = files[i];
      if (!file) return;
      uploadPage(file).then(
        (uploaded) => update(key, (s) => ({ ...s, ...settlePage(s, page.localId, { state: 'uploaded', file: uploaded }) })),
        (e: unknown) => update(key, (s) => ({ ...s, ...settlePage(s, page.localId, { state: 'failed', message: messageOf(e) }) })),
      );
    });
  };

  const remove = (key: string, localId: string) => {
    const url = scanOf(key).pages.find((p) => p.localId === localId)?.previewUrl;
    if (url) { URL.revokeObjectURL(url); urls.current.delete(url); }
    change(key, (s) => removePage(s, localId));
  };
  const move = (key: string, localId: string, by: -1 | 1) => change(key, (s) => movePage(s, localId, by));
  const rotate = (key: string, localId: string) => change(key, (s) => rotatePage(s, localId));

  /** One file for the paper: a lone upright PDF is used as it is, anything else is composed. */
  const save = async (key: string) => {
    const scan = scanOf(key);
    const body = composeBody(scan);
    if (!body || scan.saving) return;
    const only = scan.pages.length === 1 ? scan.pages[0] : undefined;
    const lone = only?.upload.state === 'uploaded' && only.rotation === 0 && only.upload.file.mediaType === 'application/pdf' ? only.upload.file : null;
    update(key, (s) => ({ ...s, saving: true, error: null }));
    try {
      const file = lone ?? await composeScan(body.pages);
      update(key, (s) => ({ ...s, composed: file, saving: false }));
      setRow(key, { fileId: file.id, reusedDocumentId: null, included: true });
    } catch (e) {
      update(key, (s) => ({ ...s, saving: false, error: messageOf(e) }));
    }
  };

  const reset = () => {
    for (const u of urls.current) URL.revokeObjectURL(u);
    urls.current.clear();
    setScans({});
  };

  return { scanOf, addFiles, remove, move, rotate, save, reset };
}

export type PaperScans = ReturnType<typeof usePaperScans>;
