/**
 * Line breaking by measured width. Pure: the caller passes the measuring function, so tests can
 * use a fake one and the PDF code uses the embedded font's advance widths.
 */
import { cleanText } from '../format';

export type FontKey = 'regular' | 'bold' | 'italic';

/** A stretch of text in one font. */
export interface Run {
  text: string;
  font: FontKey;
}

/** One printed line: consecutive segments, adjacent segments have different fonts. */
export type Line = Run[];

/** Width of `text` in `font` at the size being laid out. */
export type Measure = (text: string, font: FontKey) => number;

interface Word {
  pieces: Run[];
  spaceBefore: boolean;
}

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Pieces of an over-long word, each ending after a break character (codes, URLs, paths). */
const BREAK_CHUNKS = /[^-./_,;:?&=]*[-./_,;:?&=]+|[^-./_,;:?&=]+/g;

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Split runs into paragraphs (hard '\n' breaks) of words; a word may span runs. */
function toParagraphs(runs: readonly Run[]): Word[][] {
  const paragraphs: Word[][] = [[]];
  let current: Word | null = null;
  let pendingSpace = false;
  for (const run of runs) {
    for (const match of cleanText(run.text).matchAll(/(\n)|([^\S\n]+)|([^\s]+)/g)) {
      if (match[1] !== undefined) {
        paragraphs.push([]);
        current = null;
        pendingSpace = false;
      } else if (match[2] !== undefined) {
        current = null;
        pendingSpace = true;
      } else if (match[3] !== undefined) {
        if (current === null) {
          current = { pieces: [], spaceBefore: pendingSpace };
          paragraphs[paragraphs.length - 1]?.push(current);
          pendingSpace = false;
        }
        current.pieces.push({ text: match[3], font: run.font });
      }
    }
  }
  return paragraphs;
}

function append(line: Line, text: string, font: FontKey): void {
  const last = line[line.length - 1];
  if (last && last.font === font) last.text += text;
  else line.push({ text, font });
}

const widthOf = (pieces: readonly Run[], measure: Measure): number =>
  pieces.reduce((sum, p) => sum + measure(p.text, p.font), 0);

/**
 * Greedy line breaking. Spaces collapse to one; a word wider than the line is cut after a
 * '-', '.', '/' … (dossier codes, URLs) or else between graphemes (never inside a letter with its
 * marks); every paragraph yields at least one line.
 */
export function wrapRuns(runs: readonly Run[], maxWidth: number, measure: Measure): Line[] {
  const width = Math.max(maxWidth, 1);
  const lines: Line[] = [];
  for (const words of toParagraphs(runs)) {
    let line: Line = [];
    let lineWidth = 0;
    for (const word of words) {
      const firstFont = word.pieces[0]?.font ?? 'regular';
      const space = line.length > 0 && word.spaceBefore ? measure(' ', firstFont) : 0;
      const wordWidth = widthOf(word.pieces, measure);
      if (lineWidth + space + wordWidth <= width) {
        if (space > 0) append(line, ' ', firstFont);
        for (const p of word.pieces) append(line, p.text, p.font);
        lineWidth += space + wordWidth;
        continue;
      }
      if (wordWidth <= width) {
        lines.push(line);
        line = [];
        for (const p of word.pieces) append(line, p.text, p.font);
        lineWidth = wordWidth;
        continue;
      }
      // Too wide for any line: break after '-', '.', '/' … where possible, else between graphemes.
      let started = line.length === 0 || !word.spaceBefore;
      const place = (text: string, font: FontKey, textWidth: number): void => {
        const lead = started ? 0 : measure(' ', font);
        if (lineWidth + lead + textWidth > width && line.length > 0) {
          lines.push(line);
          line = [];
          lineWidth = 0;
          started = true;
        } else if (!started) {
          append(line, ' ', font);
          lineWidth += lead;
          started = true;
        }
        append(line, text, font);
        lineWidth += textWidth;
      };
      for (const piece of word.pieces) {
        for (const chunk of piece.text.match(BREAK_CHUNKS) ?? []) {
          const chunkWidth = measure(chunk, piece.font);
          if (chunkWidth <= width) {
            place(chunk, piece.font, chunkWidth);
            continue;
          }
          for (const g of graphemes(chunk)) place(g, piece.font, measure(g, piece.font));
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Plain-text wrapping in one font; returns the text of each line. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  return wrapRuns([{ text, font: 'regular' }], maxWidth, (t) => measure(t)).map((line) =>
    line.map((s) => s.text).join(''),
  );
}

/** Keep at most `maxLines`, ending the last kept line with '…' when something was cut. */
export function clampLines(lines: Line[], maxLines: number, maxWidth: number, measure: Measure): Line[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(maxLines, 1)).map((l) => l.map((s) => ({ ...s })));
  const last = kept[kept.length - 1] ?? [];
  const font = last[last.length - 1]?.font ?? 'regular';
  const ellipsis = '…';
  while (last.length > 0 && widthOf(last, measure) + measure(ellipsis, font) > maxWidth) {
    const seg = last[last.length - 1];
    if (!seg) break;
    const gs = graphemes(seg.text);
    gs.pop();
    seg.text = gs.join('');
    if (seg.text === '') last.pop();
  }
  append(last, ellipsis, font);
  kept[kept.length - 1] = last;
  return kept;
}
