/**
 * Vietnamese OCR of the generated scan (issue 12 acceptance: a character error rate under 2 % on
 * the fixture). One engine for the file: starting tesseract takes seconds, each page a few more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_TEXT, fixturePdf, fixturePng } from '../../test/ocr-fixture';
import { characterErrorRate } from './ocr-cer';
import { createTesseractEngine, type OcrEngine } from './ocr-engine';
import { scanPages } from './ocr-raster';

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createTesseractEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('Vietnamese OCR of a generated scan', () => {
  it('reads the PNG scan with a character error rate under 2 %', async () => {
    const text = await engine.recognise(fixturePng());
    const cer = characterErrorRate(FIXTURE_TEXT, text);
    expect(cer.referenceLength).toBe(307);
    expect(cer.rate).toBeLessThan(0.02);
    // the lines a search would look for come back whole, with their tone marks
    expect(text).toContain('Nguyễn Thị Hường');
    expect(text).toContain('087301004512');
  }, 120_000);

  it('rasterises a two-page PDF scan page by page and reads each page under 2 %', async () => {
    const pages = [];
    for await (const page of scanPages(await fixturePdf(2), 'application/pdf')) pages.push(page);
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2]);
    const text = await engine.recognise(pages[1]?.image ?? new Uint8Array());
    expect(characterErrorRate(FIXTURE_TEXT, text).rate).toBeLessThan(0.02);
  }, 120_000);

  it('reads nothing from a blank page', async () => {
    const text = await engine.recognise(fixturePng([]));
    expect(text.trim()).toBe('');
  }, 120_000);
});
