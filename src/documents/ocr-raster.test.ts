import { describe, expect, it } from 'vitest';
import { MAX_PAGE_PIXELS, renderScale, scanPages } from './ocr-raster';

const collect = async (bytes: Uint8Array, type: Parameters<typeof scanPages>[1]) => {
  const pages = [];
  for await (const page of scanPages(bytes, type)) pages.push(page);
  return pages;
};

describe('pages of a scan', () => {
  it('renders an A4 page at 300 dpi and an A0 poster within the pixel cap', () => {
    expect(renderScale(595.28, 841.89)).toBeCloseTo(300 / 72, 10);
    const a0 = renderScale(2383.94, 3370.39);
    expect(2383.94 * a0 * 3370.39 * a0).toBeCloseTo(MAX_PAGE_PIXELS, -3);
  });

  // a PDF's pages, rasterised and numbered from 1, are read in ocr-engine.test.ts (a two-page scan)
  it('hands a JPEG or PNG over as its one page', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(await collect(png, 'image/png')).toEqual([{ pageNumber: 1, image: png }]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff]);
    expect(await collect(jpeg, 'image/jpeg')).toEqual([{ pageNumber: 1, image: jpeg }]);
  });

  it('refuses a TIFF with the reason staff will read', async () => {
    await expect(collect(new Uint8Array([0x49, 0x49, 0x2a, 0]), 'image/tiff')).rejects.toThrow('ảnh TIFF chưa đọc được chữ');
  });
});
