/**
 * The pages of a scan as images the OCR engine reads. JPEG and PNG scans are one page and go to
 * the engine as they are (a TIFF is refused with its reason: the engine cannot decode it); a PDF is rasterised page by page, offline, with pdfjs-dist drawing on
 * @napi-rs/canvas (its standard fonts and character maps are read from node_modules, never
 * fetched). A page is rendered at the scanner's usual 300 dpi, smaller when that would pass
 * MAX_PAGE_PIXELS, so a poster-sized page cannot exhaust the memory of the job worker.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';

export type ScanMediaType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';

/** One page ready for the OCR engine: its number from 1 and its image (PNG, JPEG or TIFF bytes). */
export interface PageImage {
  readonly pageNumber: number;
  readonly image: Uint8Array;
}

const RENDER_DPI = 300;
const PDF_POINTS_PER_INCH = 72;
/** About an A3 page at 300 dpi (3508 × 4961 ≈ 17.4 M pixels). */
export const MAX_PAGE_PIXELS = 18_000_000;

/** The scale that renders a page of `widthPt` × `heightPt` points at 300 dpi or at MAX_PAGE_PIXELS. */
export function renderScale(widthPt: number, heightPt: number): number {
  const wanted = RENDER_DPI / PDF_POINTS_PER_INCH;
  const area = widthPt * heightPt * wanted * wanted;
  if (!(area > 0)) return wanted;
  return area <= MAX_PAGE_PIXELS ? wanted : wanted * Math.sqrt(MAX_PAGE_PIXELS / area);
}

function pdfjsAssets(): { standardFontDataUrl: string; cMapUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return { standardFontDataUrl: `${join(root, 'standard_fonts')}/`, cMapUrl: `${join(root, 'cmaps')}/` };
}

/** Each page of a PDF as a PNG at 300 dpi, one at a time (only one page is held in memory). */
export async function* rasterisePdf(bytes: Uint8Array): AsyncGenerator<PageImage> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...pdfjsAssets(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: renderScale(base.width, base.height) });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      // A scanned page has no transparency; text drawn on transparent pixels would read as black on black.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
      page.cleanup();
      yield { pageNumber, image: canvas.toBuffer('image/png') };
    }
  } finally {
    await document.destroy();
  }
}

/** The pages of a scan of the given type, in order. */
export async function* scanPages(bytes: Uint8Array, mediaType: ScanMediaType): AsyncGenerator<PageImage> {
  if (mediaType === 'application/pdf') {
    yield* rasterisePdf(bytes);
    return;
  }
  // tesseract.js reads BMP, JPEG, PNG, PBM and WebP, not TIFF: said plainly, so staff see why
  if (mediaType === 'image/tiff') throw new Error('ảnh TIFF chưa đọc được chữ; hãy quét lại thành PDF hoặc JPEG');
  yield { pageNumber: 1, image: bytes };
}
