/** Blocks shared by the forms: national header, title, signatures, QR code. */
import QRCode from 'qrcode';
import type { PDFImage } from 'pdf-lib';
import { formatPlaceDate, formNumberLabel, type FormKind } from '../format';
import type { Applicant, FormHeader } from '../model';
import { FormWriter, type DocumentMeta, type PageSpec } from './layout';
import type { Run } from './wrap';

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';

export interface HeaderOptions {
  kind: FormKind;
  /** "Số: …" under the agency names, e.g. '12/PXL'. */
  number?: string;
  /** Left column share of the content width. */
  leftShare?: number;
}

/**
 * Agency names on the left, national motto on the right (ND 30/2020 layout), then the
 * place-date line in italics under the motto.
 */
export function drawNationalHeader(w: FormWriter, header: FormHeader, options: HeaderOptions): void {
  const size = w.spec.fontSize * 0.9;
  const label = formNumberLabel(header.formSet, options.kind);
  if (label) {
    w.paragraph(label, { size: size * 0.9, font: 'italic', align: 'right', fixed: true });
  }
  const top = w.y;
  const leftWidth = w.contentWidth * (options.leftShare ?? 0.42);
  const rightX = w.left + leftWidth;
  const rightWidth = w.contentWidth - leftWidth;

  // Left column: parent agency, unit (bold), short rule, number.
  w.paragraph(header.parentAgencyName.toLocaleUpperCase('vi'), {
    size, align: 'center', width: leftWidth - 4, maxLines: 3, fixed: true,
  });
  const unitLines = w.layout(header.unitName.toLocaleUpperCase('vi'), {
    size, font: 'bold', width: leftWidth - 4, maxLines: 4,
  });
  w.paragraph(header.unitName.toLocaleUpperCase('vi'), {
    size, font: 'bold', align: 'center', width: leftWidth - 4, maxLines: 4, fixed: true,
  });
  const unitWidth = Math.max(...unitLines.map((l) => l.reduce((s, r) => s + w.measure(size)(r.text, r.font), 0)));
  const rule = Math.min(unitWidth * 0.5, leftWidth * 0.4);
  w.hline(w.left + (leftWidth - 4 - rule) / 2, w.left + (leftWidth - 4 + rule) / 2, w.y - 1);
  w.space(5);
  if (options.number !== undefined) {
    w.paragraph(`Số: ${options.number}`, { size, align: 'center', width: leftWidth - 4, maxLines: 2, fixed: true });
  }
  const leftBottom = w.y;

  // Right column: the motto, shrunk to fit the column if needed.
  w.y = top;
  const mottoSize = Math.min(size, (rightWidth * 0.98 * size) / w.fonts.bold.widthOfTextAtSize(MOTTO, size));
  w.paragraph(MOTTO, { size: mottoSize, font: 'bold', align: 'center', x: rightX, width: rightWidth, fixed: true });
  const subSize = mottoSize * 1.05;
  w.paragraph(MOTTO_SUB, { size: subSize, font: 'bold', align: 'center', x: rightX, width: rightWidth, fixed: true });
  const subWidth = w.fonts.bold.widthOfTextAtSize(MOTTO_SUB, subSize);
  w.hline(rightX + (rightWidth - subWidth) / 2, rightX + (rightWidth + subWidth) / 2, w.y + 1);
  w.space(6);
  w.paragraph(formatPlaceDate(header.placeName, header.issuedAt), {
    size, font: 'italic', align: 'center', x: rightX, width: rightWidth, maxLines: 2, fixed: true,
  });
  w.y = Math.min(w.y, leftBottom) - 10;
}

/** Bold centred title (and optional italic subtitle lines). */
export function drawTitle(w: FormWriter, title: string, subtitles: string[] = []): void {
  w.paragraph(title.toLocaleUpperCase('vi'), { size: w.spec.fontSize * 1.2, font: 'bold', align: 'center' });
  for (const line of subtitles) w.paragraph(line, { font: 'italic', align: 'center' });
  w.space(6);
}

export interface SignatureBlock {
  title: string;
  /** Default "(Ký và ghi rõ họ tên)". */
  hint?: string;
  name: string;
  /** the signature drawn on a screen (embedded PNG), placed in the space left for signing */
  image?: PDFImage;
}

/** Signature blocks side by side (one block sits in the right half); kept on one page. */
export function drawSignatures(w: FormWriter, blocks: SignatureBlock[]): void {
  const size = w.spec.fontSize;
  const columnWidth = blocks.length === 1 ? w.contentWidth / 2 : w.contentWidth / blocks.length;
  const firstX = blocks.length === 1 ? w.left + w.contentWidth / 2 : w.left;
  const nameOpts = { size, font: 'bold' as const, width: columnWidth - 6, maxLines: 3 };
  const titleOpts = { size, font: 'bold' as const, width: columnWidth - 6, maxLines: 3 };
  const signSpace = 46;
  const heights = blocks.map(
    (b) =>
      (w.layout(b.title, titleOpts).length + 1 + w.layout(b.name, nameOpts).length) * w.lineHeight(size) + signSpace,
  );
  w.space(8);
  w.ensureSpace(Math.max(...heights));
  const top = w.y;
  let lowest = top;
  blocks.forEach((block, i) => {
    const x = firstX + i * columnWidth;
    w.y = top;
    w.paragraph(block.title.toLocaleUpperCase('vi'), { ...titleOpts, x, align: 'center', fixed: true });
    w.paragraph(block.hint ?? '(Ký và ghi rõ họ tên)', { size, font: 'italic', x, width: columnWidth - 6, align: 'center', fixed: true });
    if (block.image) {
      const scale = Math.min((columnWidth - 20) / block.image.width, (signSpace - 4) / block.image.height);
      const width = block.image.width * scale;
      const height = block.image.height * scale;
      w.page.drawImage(block.image, { x: x + (columnWidth - 6 - width) / 2, y: w.y - 2 - height, width, height });
    }
    w.space(signSpace);
    w.paragraph(block.name, { ...nameOpts, x, align: 'center', fixed: true });
    lowest = Math.min(lowest, w.y);
  });
  w.y = lowest;
}

/** A drawn signature (PNG) embedded for a `SignatureBlock`; nothing when there is none or it does not decode. */
export async function embedSignature(w: FormWriter, png: Uint8Array | null | undefined): Promise<{ image?: PDFImage }> {
  if (!png) return {};
  try {
    return { image: await w.doc.embedPng(png) };
  } catch {
    return {};
  }
}

/** QR code PNG for `url`, or null when the text is empty or too long for a QR code. */
export async function qrPng(url: string): Promise<Uint8Array | null> {
  if (url.trim() === '') return null;
  try {
    const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
    return new Uint8Array(png);
  } catch {
    return null;
  }
}

/**
 * Lines on the left, the status QR code on the right of the same band. Without a usable URL
 * the lines take the full width.
 */
export async function drawWithQr(
  w: FormWriter,
  url: string,
  drawLeft: (width: number) => void,
  caption = 'Quét mã để tra cứu hồ sơ',
): Promise<void> {
  const png = await qrPng(url);
  if (!png) {
    drawLeft(w.contentWidth);
    return;
  }
  const image: PDFImage = await w.doc.embedPng(png);
  const qrSize = 64;
  w.ensureSpace(qrSize + 12);
  const top = w.y;
  const page = w.page;
  drawLeft(w.contentWidth - qrSize - 10);
  const qrX = w.right - qrSize;
  page.drawImage(image, { x: qrX, y: top - qrSize, width: qrSize, height: qrSize });
  const capSize = Math.min(6, (6 * (qrSize + 8)) / w.fonts.italic.widthOfTextAtSize(caption, 6));
  const capWidth = w.fonts.italic.widthOfTextAtSize(caption, capSize);
  page.drawText(caption, {
    x: qrX + (qrSize - capWidth) / 2, y: top - qrSize - capSize - 1, size: capSize, font: w.fonts.italic,
  });
  if (w.page === page) w.y = Math.min(w.y, top - qrSize - capSize - 6);
}

/** "Tiếp nhận hồ sơ của: …", address, phone and e-mail. */
export function drawApplicant(w: FormWriter, applicant: Applicant, label: string, width?: number): void {
  const opts = width === undefined ? {} : { width };
  w.field(label, applicant.name, opts);
  for (const role of applicant.roles ?? []) w.field(role.label, role.value, opts);
  w.field('Địa chỉ', applicant.address, opts);
  const contact: Run[] = [
    { text: 'Số điện thoại: ', font: 'regular' },
    { text: applicant.phone, font: 'bold' },
  ];
  if (applicant.email) {
    contact.push({ text: '    Email: ', font: 'regular' }, { text: applicant.email, font: 'bold' });
  }
  w.paragraph(contact, opts);
}

/** A numbered list ("1. …") with a hanging indent. */
export function drawNumberedList(w: FormWriter, items: string[], indent = 10): void {
  items.forEach((item, i) => {
    w.paragraph(`${i + 1}. ${item}`, { x: w.left + indent, width: w.contentWidth - indent, hangingIndent: 10 });
  });
}

/** Creates the document, runs `draw`, and returns the PDF bytes. */
export async function renderForm(
  spec: PageSpec,
  meta: DocumentMeta,
  draw: (w: FormWriter) => Promise<void> | void,
): Promise<Uint8Array> {
  const w = await FormWriter.create(spec, meta);
  await draw(w);
  return w.finish();
}
