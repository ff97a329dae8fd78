import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encryptedPdfBytes, executableBytes, jpegBytes, pdfBytes, pngBytes, tiffBytes } from './fixtures.test-helper';
import { claimedTypes, fileProblems, magicType, sniffFile } from './sniff';

describe('sniffFile: the type from the bytes', () => {
  it('recognises PDF, JPEG, PNG and TIFF and counts their pages', async () => {
    expect(await sniffFile(await pdfBytes(['P1', 'P2', 'P3']))).toEqual({ ok: true, mediaType: 'application/pdf', pageCount: 3 });
    expect(await sniffFile(jpegBytes())).toEqual({ ok: true, mediaType: 'image/jpeg', pageCount: 1 });
    expect(await sniffFile(pngBytes())).toEqual({ ok: true, mediaType: 'image/png', pageCount: 1 });
    expect(await sniffFile(tiffBytes(4))).toEqual({ ok: true, mediaType: 'image/tiff', pageCount: 4 });
  });

  it('never trusts the name: a PDF named photo.bin is a PDF; a program named giay-khai-sinh.pdf is refused as a program', async () => {
    expect(await sniffFile(await pdfBytes(), { fileName: 'photo.bin', declaredType: 'application/octet-stream' })).toMatchObject({ ok: true, mediaType: 'application/pdf' });
    expect(await sniffFile(executableBytes(), { fileName: 'giay-khai-sinh.pdf', declaredType: 'application/pdf' })).toMatchObject({ ok: false, code: 'FILE_EXECUTABLE' });
    expect(await sniffFile(Buffer.from('\x7fELF\x02\x01\x01', 'latin1'))).toMatchObject({ ok: false, code: 'FILE_EXECUTABLE' });
    expect(await sniffFile(Buffer.from('#!/bin/sh\nrm -rf /\n'), { fileName: 'scan.jpg' })).toMatchObject({ ok: false, code: 'FILE_EXECUTABLE' });
  });

  it('refuses a mislabelled file: a PNG named .pdf, a JPEG declared image/png', async () => {
    expect(await sniffFile(pngBytes(), { fileName: 'CCCD.pdf' })).toMatchObject({ ok: false, code: 'FILE_MISLABELLED' });
    expect(await sniffFile(jpegBytes(), { declaredType: 'image/png' })).toMatchObject({ ok: false, code: 'FILE_MISLABELLED' });
    // a camera's blob without an extension, image/jpg as some phones say it: no contradiction
    expect(await sniffFile(jpegBytes(), { fileName: 'blob', declaredType: 'image/jpg' })).toMatchObject({ ok: true });
  });

  it('refuses HTML, text and an empty file', async () => {
    expect(await sniffFile(Buffer.from('<html><script>alert(1)</script></html>'))).toMatchObject({ ok: false, code: 'FILE_TYPE_UNSUPPORTED' });
    expect(await sniffFile(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'FILE_EMPTY' });
  });

  it('refuses a truncated PDF, JPEG, PNG or TIFF', async () => {
    const pdf = await pdfBytes(['P1', 'P2']);
    expect(await sniffFile(pdf.slice(0, Math.floor(pdf.length * 0.7)))).toMatchObject({ ok: false, code: 'FILE_TRUNCATED' });
    const jpeg = jpegBytes();
    expect(await sniffFile(jpeg.slice(0, jpeg.length - 10))).toMatchObject({ ok: false, code: 'FILE_TRUNCATED' });
    const png = pngBytes();
    expect(await sniffFile(png.slice(0, png.length - 12))).toMatchObject({ ok: false, code: 'FILE_TRUNCATED' });
    const tiff = tiffBytes(3);
    expect(await sniffFile(tiff.slice(0, 60))).toMatchObject({ ok: false, code: 'FILE_TRUNCATED' });
  });

  it('refuses an encrypted PDF and a PDF that does not parse', async () => {
    expect(await sniffFile(await encryptedPdfBytes())).toMatchObject({ ok: false, code: 'FILE_ENCRYPTED' });
    expect(await sniffFile(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'))).toMatchObject({ ok: false, code: 'FILE_MALFORMED' });
  });

  it('gives a Vietnamese message with every refusal', async () => {
    const verdict = await sniffFile(executableBytes());
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toBe(fileProblems.FILE_EXECUTABLE);
    expect(Object.values(fileProblems).every((m) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(m))).toBe(true);
  });

  it('claims only what the name or the declared type say of our types', () => {
    expect(claimedTypes('a.PDF', undefined)).toEqual(['application/pdf']);
    expect(claimedTypes('a.docx', 'application/octet-stream')).toEqual([]);
    expect(claimedTypes(undefined, 'image/tiff; foo=bar')).toEqual(['image/tiff']);
  });
});

describe('sniffFile on any bytes (property)', () => {
  it('never throws and answers a verdict with a known code', async () => {
    const codes = Object.keys(fileProblems);
    const prefixes = [[], [0x25, 0x50, 0x44, 0x46, 0x2d], [0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 20 }), async (prefix, rest, name) => {
      const verdict = await sniffFile(Uint8Array.from([...prefix, ...rest]), { fileName: name, declaredType: name });
      if (verdict.ok) expect(verdict.pageCount).toBeGreaterThan(0);
      else expect(codes).toContain(verdict.code);
    }), { numRuns: 400 });
  });

  it('a truncated PDF is never accepted (any cut before its end-of-file marker)', async () => {
    const pdf = await pdfBytes(['P1', 'P2']);
    const eof = Buffer.from(pdf).lastIndexOf('%%EOF');
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: eof + 3 }), async (cut) => {
      expect((await sniffFile(pdf.slice(0, cut))).ok).toBe(false);
    }), { numRuns: 60 });
  });

  it('magicType reads at most the first KiB', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1100, maxLength: 1200 }), (bytes) => {
      const head = bytes.slice(0, 1024);
      expect(magicType(bytes)).toBe(magicType(head));
    }));
  });
});
