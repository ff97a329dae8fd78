/**
 * The generated Vietnamese "scan" the OCR tests and bench/ocr.ts read: a declaration page typed in
 * Be Vietnam Pro (the font the slips embed) with every tone mark and đ/Đ, drawn black on white at
 * 300 dpi on an A4 sheet — as a PNG (a photo/scanner image) and as a PDF whose page is that image
 * (what a scanner's "scan to PDF" produces), so the PDF path goes through rasterisation.
 */
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';

/** What is written on the page, line by line. */
export const FIXTURE_LINES = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'TỜ KHAI ĐĂNG KÝ KHAI SINH',
  'Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Hường',
  'Nơi cư trú: Phường Cao Lãnh, tỉnh Đồng Tháp',
  'Quan hệ với người được khai sinh: mẹ đẻ',
  'Ngày, tháng, năm sinh: 07/12/2026',
  'Giấy tờ tùy thân: Căn cước công dân số 087301004512',
] as const;

export const FIXTURE_TEXT = FIXTURE_LINES.join('\n');

const FAMILY = 'Be Vietnam Pro (OCR fixture)';
const A4_300DPI = { width: 2480, height: 3508 } as const;
const A4_POINTS = { width: 595.28, height: 841.89 } as const;
/** 42 px at 300 dpi ≈ 10 pt, the size of a typed form. */
const FONT_PX = 42;

let registered = false;
function registerFont(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  GlobalFonts.registerFromPath(
    require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
    FAMILY,
  );
  registered = true;
}

/** The page as a 300 dpi PNG. */
export function fixturePng(lines: readonly string[] = FIXTURE_LINES): Buffer {
  registerFont();
  const canvas = createCanvas(A4_300DPI.width, A4_300DPI.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#111111';
  context.font = `${FONT_PX}px "${FAMILY}"`;
  lines.forEach((line, i) => context.fillText(line, 160, 300 + i * FONT_PX * 2));
  return canvas.toBuffer('image/png');
}

/** A PDF of `pages` A4 pages, each the PNG scan drawn over the whole page. */
export async function fixturePdf(pages = 1, lines: readonly string[] = FIXTURE_LINES): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(fixturePng(lines));
  for (let i = 0; i < pages; i += 1) {
    const page = pdf.addPage([A4_POINTS.width, A4_POINTS.height]);
    page.drawImage(image, { x: 0, y: 0, width: A4_POINTS.width, height: A4_POINTS.height });
  }
  return pdf.save();
}
