// The pages of one paper's scan at the counter, before they become one file: added in the order
// the clerk scans them, moved up or down, turned a quarter at a time, taken out. Pure: the hook
// (usePaperScans.ts) holds them and uploads each page as it is added.

export type Rotation = 0 | 90 | 180 | 270;

/** What the server answered for an uploaded page (POST /api/v1/files). */
export interface UploadedFile {
  readonly id: number;
  readonly sha256: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly pageCount: number;
}

export interface ScanPage {
  /** local, for React keys and actions (not the server's id) */
  readonly localId: string;
  readonly fileName: string;
  /** the browser's idea of the type (for the thumbnail only; the server sniffs the bytes) */
  readonly localType: string;
  /** an object URL for images the browser can show; null for PDFs and TIFFs */
  readonly previewUrl: string | null;
  readonly rotation: Rotation;
  readonly upload: { readonly state: 'uploading' } | { readonly state: 'uploaded'; readonly file: UploadedFile } | { readonly state: 'failed'; readonly message: string };
}

export interface PaperScan {
  readonly pages: readonly ScanPage[];
  /** the composed file for the pages as they are now; null once a page changes */
  readonly composed: UploadedFile | null;
}

export const emptyScan: PaperScan = { pages: [], composed: null };

/** Images a browser shows in an <img>; TIFF and PDF get a tile instead. */
export const isPreviewable = (type: string): boolean => type === 'image/jpeg' || type === 'image/png';

const changed = (scan: PaperScan, pages: readonly ScanPage[]): PaperScan => ({ pages, composed: null });

export const addPages = (scan: PaperScan, added: readonly ScanPage[]): PaperScan => changed(scan, [...scan.pages, ...added]);

export const removePage = (scan: PaperScan, localId: string): PaperScan => changed(scan, scan.pages.filter((p) => p.localId !== localId));

/** Moves a page one place up (-1) or down (+1); at either end nothing changes. */
export function movePage(scan: PaperScan, localId: string, by: -1 | 1): PaperScan {
  const from = scan.pages.findIndex((p) => p.localId === localId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= scan.pages.length) return scan;
  const pages = [...scan.pages];
  const [page] = pages.splice(from, 1);
  if (page) pages.splice(to, 0, page);
  return changed(scan, pages);
}

/** A quarter turn clockwise. */
export function rotatePage(scan: PaperScan, localId: string): PaperScan {
  return changed(scan, scan.pages.map((p) => (p.localId === localId ? { ...p, rotation: (((p.rotation + 90) % 360) as Rotation) } : p)));
}

/** The answer to one page's upload; the scan's pages otherwise stay as they are. */
export const settlePage = (scan: PaperScan, localId: string, upload: ScanPage['upload']): PaperScan =>
  ({ ...scan, pages: scan.pages.map((p) => (p.localId === localId ? { ...p, upload } : p)) });

export type ComposeState = 'empty' | 'uploading' | 'failed' | 'ready' | 'composed';

/** Whether the pages can be put together: all uploaded, none refused. */
export function composeState(scan: PaperScan): ComposeState {
  if (scan.composed) return 'composed';
  if (scan.pages.length === 0) return 'empty';
  if (scan.pages.some((p) => p.upload.state === 'failed')) return 'failed';
  if (scan.pages.some((p) => p.upload.state === 'uploading')) return 'uploading';
  return 'ready';
}

/** The body of POST /api/v1/files/compose: the pages in the clerk's order with their turns. */
export function composeBody(scan: PaperScan): { pages: { fileId: number; rotation: Rotation }[] } | null {
  if (composeState(scan) !== 'ready') return null;
  const pages: { fileId: number; rotation: Rotation }[] = [];
  for (const p of scan.pages) if (p.upload.state === 'uploaded') pages.push({ fileId: p.upload.file.id, rotation: p.rotation });
  return { pages };
}

/** Pages of the scan as the paper will have them (a PDF counts its own pages). */
export const sheetCount = (scan: PaperScan): number =>
  scan.pages.reduce((n, p) => n + (p.upload.state === 'uploaded' ? p.upload.file.pageCount : 1), 0);
