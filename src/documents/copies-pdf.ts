// The certified electronic copy's PDF (bản sao điện tử, issue 12 §5): the original's pages (a PDF's
// pages, or one page per JPEG/PNG image), each with a footer naming the copy and where to verify
// it, then a certification page: who issued it, when, for which agency, the original's SHA-256,
// what it says about a digital signature (signing.ts) and a QR code to the public verification
// page. Pure: bytes and facts in, bytes out (no clock: the time is a fact).
import { PageSizes, PDFDocument } from 'pdf-lib';
import { drawWithQr } from '../forms/pdf/blocks';
import { FormWriter, type PageSpec } from '../forms/pdf/layout';
import { formatShortDateTime } from '../forms';
import { signatureLine, type Signature } from './signing';

const MM = 72 / 25.4;
const A4_PORTRAIT: PageSpec = { size: [PageSizes.A4[0], PageSizes.A4[1]], margin: { top: 18 * MM, right: 18 * MM, bottom: 16 * MM, left: 22 * MM }, fontSize: 10 };

export interface CopyFacts {
  readonly copyId: string;
  readonly title: string;
  readonly dossierCode: string;
  readonly agencyName: string;
  readonly certifiedByName: string;
  readonly certifiedAt: Date;
  readonly originalSha256: string;
  readonly verifyUrl: string;
  readonly signature: Pick<Signature, 'provider' | 'legal'> | null;
}

export type CopySource = { readonly mediaType: 'application/pdf' | 'image/jpeg' | 'image/png'; readonly bytes: Uint8Array };

/** The media types a copy can be made of (TIFF scans are composed to PDF first, POST /api/v1/files/compose). */
export const copyableTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

async function addOriginalPages(w: FormWriter, source: CopySource): Promise<number> {
  if (source.mediaType === 'application/pdf') {
    const original = await PDFDocument.load(source.bytes, { updateMetadata: false });
    const pages = await w.doc.copyPages(original, original.getPageIndices());
    pages.forEach((p, i) => w.doc.insertPage(i, p));
    return pages.length;
  }
  const image = source.mediaType === 'image/png' ? await w.doc.embedPng(source.bytes) : await w.doc.embedJpg(source.bytes);
  const [pw, ph] = A4_PORTRAIT.size;
  const scale = Math.min((pw - 20 * MM) / image.width, (ph - 30 * MM) / image.height, 1);
  const page = w.doc.insertPage(0, [pw, ph]);
  page.drawImage(image, { x: (pw - image.width * scale) / 2, y: ph - 10 * MM - image.height * scale, width: image.width * scale, height: image.height * scale });
  return 1;
}

export async function renderCertifiedCopy(source: CopySource, f: CopyFacts): Promise<Uint8Array> {
  const w = await FormWriter.create(A4_PORTRAIT, { title: `Bản sao điện tử ${f.copyId} – ${f.title}`, subject: `Hồ sơ ${f.dossierCode}`, issuedAt: f.certifiedAt });
  w.paragraph('BẢN SAO ĐIỆN TỬ', { font: 'bold', size: 15, align: 'center', spaceAfter: 2 });
  w.paragraph(`của ${f.title}`, { font: 'bold', size: 11, align: 'center', spaceAfter: 10 });
  await drawWithQr(w, f.verifyUrl, (width) => {
    w.field('Mã bản sao', f.copyId, { width });
    w.field('Hồ sơ', f.dossierCode, { width });
    w.field('Cơ quan cấp bản sao', f.agencyName, { width });
    w.field('Người xác nhận', f.certifiedByName, { width });
    w.field('Thời điểm xác nhận', `${formatShortDateTime(f.certifiedAt)} (giờ Việt Nam)`, { width });
  }, 'Quét mã để xác minh bản sao');
  w.space(8);
  w.paragraph('Bản sao này được tạo từ tệp kết quả gốc lưu tại hệ thống một cửa; các trang trước trang này là toàn bộ nội dung tệp gốc.', { spaceAfter: 6 });
  w.field('Mã băm SHA-256 của tệp gốc', f.originalSha256, { spaceAfter: 6 });
  w.paragraph(signatureLine(f.signature), { spaceAfter: 6 });
  w.paragraph(`Xác minh: mở ${f.verifyUrl} (hoặc quét mã QR), rồi chọn tệp cần kiểm tra; trang xác minh so mã băm SHA-256 của tệp với mã đã ghi khi cấp bản sao.`, { font: 'italic', size: 9 });
  const originalPages = await addOriginalPages(w, source);
  const footer = `Bản sao điện tử ${f.copyId} – trang ${'{i}'}/${originalPages} của tệp gốc – xác minh: ${f.verifyUrl}`;
  w.doc.getPages().slice(0, originalPages).forEach((page, i) => {
    const text = w.printable(footer.replace('{i}', String(i + 1)), 'italic');
    const size = Math.min(7, (7 * (page.getWidth() - 20)) / w.fonts.italic.widthOfTextAtSize(text, 7));
    page.drawText(text, { x: 10, y: 6, size, font: w.fonts.italic });
  });
  return w.finish();
}
