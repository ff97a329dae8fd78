// One paper, one file (issue 12 §2): the pages a clerk scanned — photos from the phone, pages from
// the scanner, a PDF — in the clerk's order and turned as the clerk turned them, made into one
// PDF. JPEG and PNG pages are embedded (fitted to A4), PDF pages copied; rotation is the page's
// /Rotate, so nothing is re-encoded.
import { degrees, PDFDocument } from 'pdf-lib';
import { isDomainError, unsupportedMediaType, validationFailed } from '../platform/errors';
import type { MediaType } from './sniff';

export const rotations = [0, 90, 180, 270] as const;
export type Rotation = (typeof rotations)[number];

export interface ComposePage {
  readonly mediaType: MediaType;
  readonly bytes: Uint8Array;
  readonly rotation: Rotation;
}

const A4: [number, number] = [595.28, 841.89];

/** The PDF of the pages in order (each image one page; each PDF all its pages). */
export async function composePdf(pages: readonly ComposePage[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const [index, page] of pages.entries()) {
    try {
      await addPage(out, page);
    } catch (e) {
      if (isDomainError(e)) throw e;
      throw validationFailed('COMPOSE_PAGE_UNREADABLE', `Không đọc được trang thứ ${index + 1} để ghép. Hãy quét lại trang này.`);
    }
  }
  out.setProducer('motcua');
  out.setCreator('motcua');
  return out.save();
}

async function addPage(out: PDFDocument, given: ComposePage): Promise<void> {
  // a fresh array: pdf-lib's JPEG reader ignores a view's offset into a shared buffer
  const page = { ...given, bytes: new Uint8Array(given.bytes) };
  switch (page.mediaType) {
    case 'application/pdf': {
      const source = await PDFDocument.load(page.bytes, { updateMetadata: false });
      for (const copied of await out.copyPages(source, source.getPageIndices())) {
        copied.setRotation(degrees((copied.getRotation().angle + page.rotation) % 360));
        out.addPage(copied);
      }
      break;
    }
    case 'image/jpeg':
    case 'image/png': {
      const image = page.mediaType === 'image/jpeg' ? await out.embedJpg(page.bytes) : await out.embedPng(page.bytes);
      // fitted into A4 (a scan at 300 dpi would otherwise make a poster-sized page)
      const scale = Math.min(A4[0] / image.width, A4[1] / image.height);
      const [width, height] = [image.width * scale, image.height * scale];
      const added = out.addPage([width, height]);
      added.drawImage(image, { x: 0, y: 0, width, height });
      added.setRotation(degrees(page.rotation));
      break;
    }
    case 'image/tiff':
      throw unsupportedMediaType('COMPOSE_TIFF_UNSUPPORTED', 'Chưa ghép được trang TIFF vào bản quét PDF. Hãy đặt máy quét lưu PDF hoặc JPEG, hoặc tải tệp TIFF lên riêng.');
  }
}
