/**
 * A small flowing-layout writer over pdf-lib: a cursor that moves down the page, wraps text by
 * measured width and opens a new page when the next line does not fit.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PageSizes, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { loadFontBytes } from './fonts';
import { clampLines, wrapRuns, type FontKey, type Line, type Measure, type Run } from './wrap';

export interface PageSpec {
  size: [number, number];
  margin: { top: number; right: number; bottom: number; left: number };
  /** Body font size. */
  fontSize: number;
}

const MM = 72 / 25.4;

/** TT 01/2018 art. 9: slips are A5 portrait. */
export const A5_PORTRAIT: PageSpec = {
  size: [PageSizes.A5[0], PageSizes.A5[1]],
  margin: { top: 10 * MM, right: 10 * MM, bottom: 10 * MM, left: 15 * MM },
  fontSize: 9,
};

/** The ledger is A4, printed landscape for its 13 columns. */
export const A4_LANDSCAPE: PageSpec = {
  size: [PageSizes.A4[1], PageSizes.A4[0]],
  margin: { top: 12 * MM, right: 10 * MM, bottom: 12 * MM, left: 12 * MM },
  fontSize: 8,
};

export interface DocumentMeta {
  title: string;
  subject?: string;
  /** Print date, used as the PDF creation date (no clock read). */
  issuedAt: Date;
}

export type Align = 'left' | 'center' | 'right';

export interface ParagraphOptions {
  size?: number;
  font?: FontKey;
  align?: Align;
  /** Left edge and width of the text box; default the page's content box. */
  x?: number;
  width?: number;
  /** Extra left indent of the lines after the first (list items). */
  hangingIndent?: number;
  maxLines?: number;
  spaceAfter?: number;
  /** Do not flow to a new page (fixed blocks such as the header columns). */
  fixed?: boolean;
}

export const BLACK = rgb(0, 0, 0);

const FONT_NAMES = {
  regular: 'BeVietnamPro-Regular',
  bold: 'BeVietnamPro-Bold',
  italic: 'BeVietnamPro-Italic',
} as const satisfies Record<FontKey, string>;
export const LINE_HEIGHT = 1.35;

export class FormWriter {
  page: PDFPage;
  y: number;

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: Record<FontKey, PDFFont>,
    readonly spec: PageSpec,
  ) {
    this.page = doc.addPage(spec.size);
    this.y = spec.size[1] - spec.margin.top;
  }

  static async create(spec: PageSpec, meta: DocumentMeta): Promise<FormWriter> {
    const bytes = await loadFontBytes();
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    // A fixed subset tag (PDF 32000 §9.6.4) instead of pdf-lib's random suffix: same data, same bytes.
    const embed = (key: FontKey): Promise<PDFFont> =>
      doc.embedFont(bytes[key], { subset: true, customName: `MOTCUA+${FONT_NAMES[key]}` });
    const [regular, bold, italic] = await Promise.all([embed('regular'), embed('bold'), embed('italic')]);
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setAuthor('motcua');
    doc.setCreator('motcua');
    doc.setProducer('motcua (pdf-lib)');
    doc.setLanguage('vi');
    if (meta.subject) doc.setSubject(meta.subject);
    if (Number.isFinite(meta.issuedAt.getTime())) {
      doc.setCreationDate(meta.issuedAt);
      doc.setModificationDate(meta.issuedAt);
    }
    return new FormWriter(doc, { regular, bold, italic }, spec);
  }

  get left(): number {
    return this.spec.margin.left;
  }
  get right(): number {
    return this.spec.size[0] - this.spec.margin.right;
  }
  get contentWidth(): number {
    return this.right - this.left;
  }
  get bottom(): number {
    return this.spec.margin.bottom;
  }
  get top(): number {
    return this.spec.size[1] - this.spec.margin.top;
  }

  private readonly printableCache = new Map<string, string>();

  /**
   * `text` as it can be shaped by `font`. fontkit 1.1 throws on some mark sequences the font has
   * no anchor for (e.g. 'a' + U+031B); such text loses its combining marks, and as a last resort
   * every non-ASCII character becomes '?'.
   */
  printable(text: string, font: FontKey): string {
    const key = `${font}\u0000${text}`;
    const known = this.printableCache.get(key);
    if (known !== undefined) return known;
    const candidates = [text, text.replace(/\p{M}/gu, ''), text.replace(/[^\x20-\x7E]/g, '?')];
    const result = candidates.find((candidate) => {
      try {
        this.fonts[font].widthOfTextAtSize(candidate, 10);
        return true;
      } catch {
        return false;
      }
    }) ?? '';
    this.printableCache.set(key, result);
    return result;
  }

  measure(size: number): Measure {
    return (text, font) => this.fonts[font].widthOfTextAtSize(this.printable(text, font), size);
  }

  lineHeight(size = this.spec.fontSize): number {
    return size * LINE_HEIGHT;
  }

  newPage(): void {
    this.page = this.doc.addPage(this.spec.size);
    this.y = this.top;
  }

  /** Opens a new page unless `height` still fits above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.y - height < this.bottom && this.y < this.top) this.newPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  /** Draws one laid-out line at the cursor (the cursor is the top of the line box). */
  drawLine(line: Line, x: number, width: number, size: number, align: Align): void {
    const measure = this.measure(size);
    const lineWidth = line.reduce((sum, s) => sum + measure(s.text, s.font), 0);
    let cx = align === 'center' ? x + (width - lineWidth) / 2 : align === 'right' ? x + width - lineWidth : x;
    const baseline = this.y - size * 1.05;
    for (const seg of line) {
      if (seg.text !== '') {
        this.page.drawText(this.printable(seg.text, seg.font), { x: cx, y: baseline, size, font: this.fonts[seg.font], color: BLACK });
      }
      cx += measure(seg.text, seg.font);
    }
  }

  /** Lines a paragraph would take, for keep-together decisions. */
  layout(content: string | readonly Run[], options: ParagraphOptions = {}): Line[] {
    const size = options.size ?? this.spec.fontSize;
    const runs = typeof content === 'string' ? [{ text: content, font: options.font ?? 'regular' }] : content;
    const width = (options.width ?? this.contentWidth) - (options.hangingIndent ?? 0);
    const lines = wrapRuns(runs, width, this.measure(size));
    return options.maxLines ? clampLines(lines, options.maxLines, width, this.measure(size)) : lines;
  }

  /** Draws a wrapped paragraph, flowing to new pages line by line. Returns the line count. */
  paragraph(content: string | readonly Run[], options: ParagraphOptions = {}): number {
    const size = options.size ?? this.spec.fontSize;
    const x = options.x ?? this.left;
    const width = options.width ?? this.contentWidth;
    const hanging = options.hangingIndent ?? 0;
    const lines = this.layout(content, options);
    const height = this.lineHeight(size);
    lines.forEach((line, i) => {
      if (!options.fixed) this.ensureSpace(height);
      const indent = i === 0 ? 0 : hanging;
      this.drawLine(line, x + indent, width - indent, size, options.align ?? 'left');
      this.y -= height;
    });
    this.y -= options.spaceAfter ?? 0;
    return lines.length;
  }

  /** "Label: value" with the value in bold, wrapped as one paragraph. */
  field(label: string, value: string, options: ParagraphOptions = {}): void {
    this.paragraph(
      [
        { text: `${label}: `, font: 'regular' },
        { text: value, font: 'bold' },
      ],
      options,
    );
  }

  hline(x1: number, x2: number, y: number, thickness = 0.6): void {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: BLACK });
  }

  image(image: PDFImage, x: number, yTop: number, size: number): void {
    this.page.drawImage(image, { x, y: yTop - size, width: size, height: size });
  }

  /** Adds "Trang i/n" when there is more than one page, then serialises. */
  async finish(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    if (pages.length > 1) {
      const size = 7;
      pages.forEach((page, i) => {
        const text = `Trang ${i + 1}/${pages.length}`;
        const w = this.fonts.italic.widthOfTextAtSize(text, size);
        page.drawText(text, { x: (this.spec.size[0] - w) / 2, y: this.bottom / 2, size, font: this.fonts.italic });
      });
    }
    // Plain objects (no object streams) keep the font dictionaries readable, e.g. /FontFile2.
    return this.doc.save({ useObjectStreams: false });
  }
}
