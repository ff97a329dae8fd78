import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldVietnamese, OCR_ERROR_MAX_LENGTH, OCR_MAX_ATTEMPTS, ocrFailureReason, ocrLeaseMinutes, ocrRetryDelayMinutes,
  searchTerms, SNIPPET_MAX_LENGTH, snippetOf,
} from './ocr-model';

describe('OCR retries', () => {
  it('waits 1, 5 then 25 minutes between the four attempts, and at most a day', () => {
    expect(OCR_MAX_ATTEMPTS).toBe(4);
    expect([1, 2, 3].map(ocrRetryDelayMinutes)).toEqual([1, 5, 25]);
    expect(ocrRetryDelayMinutes(10)).toBe(1440);
  });

  it('leases a claim a minute per page plus two', () => {
    expect(ocrLeaseMinutes(1)).toBe(3);
    expect(ocrLeaseMinutes(200)).toBe(202);
    expect(ocrLeaseMinutes(0)).toBe(3);
  });

  it('gives staff a one-line Vietnamese reason, bounded', () => {
    expect(ocrFailureReason('Invalid PDF structure\n  at line 3')).toBe('Không nhận dạng được chữ: Invalid PDF structure at line 3');
    expect(ocrFailureReason('   ')).toBe('Không nhận dạng được chữ: không rõ nguyên nhân');
    expect(ocrFailureReason('x'.repeat(2000))).toHaveLength(OCR_ERROR_MAX_LENGTH);
  });
});

describe('search without diacritics', () => {
  it('folds Vietnamese as the SQL search_key does', () => {
    expect(foldVietnamese('Nguyễn Thị Hường')).toBe('nguyen thi huong');
    expect(foldVietnamese('ĐỒNG THÁP, Đắk Lắk')).toBe('dong thap, dak lak');
    expect(foldVietnamese('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });

  it('splits a query into distinct words, punctuation aside, keeping codes and dates whole', () => {
    expect(searchTerms('  Nguyễn  Thị, Hường  nguyễn ')).toEqual({ ok: true, words: ['Nguyễn', 'Thị', 'Hường', 'nguyễn'] });
    expect(searchTerms('087301004512')).toEqual({ ok: true, words: ['087301004512'] });
    expect(searchTerms('07/12/2026 H43.01-261207-0001')).toEqual({ ok: true, words: ['07/12/2026', 'H43.01-261207-0001'] });
  });

  it('refuses a query too short or too long with a Vietnamese message', () => {
    expect(searchTerms(' a ')).toMatchObject({ ok: false, code: 'SEARCH_TOO_SHORT' });
    expect(searchTerms('%%__')).toMatchObject({ ok: false, code: 'SEARCH_TOO_SHORT' });
    expect(searchTerms('ư'.repeat(101))).toMatchObject({ ok: false, code: 'SEARCH_TOO_LONG', message: 'Từ khóa tìm kiếm dài tối đa 100 ký tự.' });
  });

  it('never throws and never yields an empty word or more than eight', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (q) => {
      const terms = searchTerms(q);
      if (terms.ok) {
        expect(terms.words.length).toBeGreaterThan(0);
        expect(terms.words.length).toBeLessThanOrEqual(8);
        expect(terms.words.every((w) => w.length > 0)).toBe(true);
      }
    }));
  });

  it('shows the line holding most of the words, as recognised', () => {
    const page = 'TỜ KHAI ĐĂNG KÝ KHAI SINH\nHọ, chữ đệm, tên người yêu cầu: Nguyễn Thị Hường\nNơi cư trú: Phường Cao Lãnh, tỉnh Đồng Tháp';
    expect(snippetOf(page, ['nguyen', 'huong'])).toBe('Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Hường');
    expect(snippetOf(page, ['dong', 'thap'])).toBe('Nơi cư trú: Phường Cao Lãnh, tỉnh Đồng Tháp');
    expect(snippetOf(page, ['khong co'])).toBe('TỜ KHAI ĐĂNG KÝ KHAI SINH');
  });

  it('cuts a long line around the first word found', () => {
    const line = `${'Lorem ipsum '.repeat(30)}Nguyễn Thị Hường ${'dolor sit '.repeat(30)}`;
    const snippet = snippetOf(line, ['huong']);
    expect([...snippet].length).toBeLessThanOrEqual(SNIPPET_MAX_LENGTH);
    expect(snippet).toContain('Nguyễn Thị Hường');
    expect(snippet.startsWith('…')).toBe(true);
  });
});
