import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampLines, wrapRuns, wrapText, type Measure } from './wrap';

/** One unit per character (bold: 1.5), so widths are easy to read. */
const chars = (t: string): number => [...t].length;
const fake: Measure = (t, font) => chars(t) * (font === 'bold' ? 1.5 : 1);
const text = (lines: ReturnType<typeof wrapRuns>): string[] => lines.map((l) => l.map((s) => s.text).join(''));

describe('wrapText', () => {
  it('breaks between words at the measured width', () => {
    expect(wrapText('Nguyễn Thị Ánh Tuyết', 10, chars)).toEqual(['Nguyễn Thị', 'Ánh Tuyết']);
  });

  it('collapses runs of spaces and keeps hard line breaks', () => {
    expect(wrapText('Giao:   Bộ phận\nNhận:  Sở Tư pháp', 40, chars)).toEqual(['Giao: Bộ phận', 'Nhận: Sở Tư pháp']);
  });

  it('breaks a dossier code after its separators before cutting letters', () => {
    expect(wrapText('000.00.00.H20-260305-0001', 16, chars)).toEqual(['000.00.00.H20-', '260305-0001']);
  });

  it('cuts an unbreakable word between letters, never between a letter and its marks', () => {
    const lines = wrapText('Nguye\u0302\u0303nNguye\u0302\u0303n', 4, chars);
    expect(lines.join('')).toBe('NguyễnNguyễn');
    expect(lines[1]).toBe('ễnNg');
  });

  it('gives one empty line for empty text', () => {
    expect(wrapText('', 10, chars)).toEqual(['']);
  });
});

describe('wrapRuns', () => {
  it('keeps the font of each run and measures bold wider', () => {
    const lines = wrapRuns(
      [
        { text: 'Mã hồ sơ: ', font: 'regular' },
        { text: 'H20-0001', font: 'bold' },
      ],
      20,
      fake,
    );
    expect(lines).toEqual([[{ text: 'Mã hồ sơ:', font: 'regular' }], [{ text: 'H20-0001', font: 'bold' }]]);
  });

  it('glues runs that are not separated by a space', () => {
    const lines = wrapRuns(
      [
        { text: '(', font: 'regular' },
        { text: 'bộ', font: 'bold' },
        { text: ')', font: 'regular' },
      ],
      10,
      fake,
    );
    expect(text(lines)).toEqual(['(bộ)']);
  });

  it('never produces a line wider than the limit unless it holds a single grapheme', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (input, width) => {
        for (const line of wrapRuns([{ text: input, font: 'regular' }], width, fake)) {
          const w = line.reduce((s, r) => s + fake(r.text, r.font), 0);
          const single = [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(line.map((r) => r.text).join(''))].length <= 1;
          expect(w <= width || single).toBe(true);
        }
      }),
    );
  });

  it('loses no word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Đồng', 'Tháp', 'xã', 'Mỹ', 'Hiệp', 'Nguyễn', '000.00.00.H20-260305-0001'), { maxLength: 30 }), (words) => {
        const input = words.join(' ');
        expect(wrapText(input, 12, chars).join(' ').replace(/\s+/g, '')).toBe(input.replace(/\s+/g, ''));
      }),
    );
  });
});

describe('clampLines', () => {
  it('ends the last kept line with an ellipsis', () => {
    const lines = wrapRuns([{ text: 'một hai ba bốn năm sáu', font: 'regular' }], 7, fake);
    expect(text(clampLines(lines, 2, 7, fake))).toEqual(['một hai', 'ba bốn…']);
  });
});
