/**
 * The rules of OCR runs and of searching their text (issue 12 §3). Pure: no I/O, no clock.
 */

/** Claims of one run before it is given up and shown to staff as failed. */
export const OCR_MAX_ATTEMPTS = 4;

/** Minutes before the next attempt after attempt `attempt` (1-based) failed: 1, 5, 25, 125 … capped at a day. */
export function ocrRetryDelayMinutes(attempt: number): number {
  return Math.min(5 ** Math.max(0, attempt - 1), 24 * 60);
}

/** How long a claim holds a run: a minute per page (a loaded core reads a page in 10–40 s) plus two for the start. */
export function ocrLeaseMinutes(pageCount: number): number {
  return 2 + Math.max(1, pageCount);
}

/** The longest reason kept for a failed run (the engine's messages can be long). */
export const OCR_ERROR_MAX_LENGTH = 500;

/** A failure's reason as staff read it: Vietnamese lead-in, then the cause, one line, bounded. */
export function ocrFailureReason(cause: string): string {
  const oneLine = cause.replace(/\s+/gu, ' ').trim() || 'không rõ nguyên nhân';
  return `Không nhận dạng được chữ: ${oneLine}`.slice(0, OCR_ERROR_MAX_LENGTH);
}

/**
 * Vietnamese text folded for comparison without diacritics, as SQL `search_key` (0001) folds it:
 * "Nguyễn Thị Hường" → "nguyen thi huong", "Đồng Tháp" → "dong thap".
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
}

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_MAX_WORDS = 8;

export type SearchTerms =
  | { readonly ok: true; readonly words: readonly string[] }
  | { readonly ok: false; readonly code: 'SEARCH_TOO_SHORT' | 'SEARCH_TOO_LONG'; readonly message: string };

/**
 * The words of a search, each to be found in a page (in any order, with or without diacritics).
 * Punctuation separates words, as it does in the page ("Lãnh," matches "lanh"); duplicates go.
 */
export function searchTerms(q: string): SearchTerms {
  const text = q.normalize('NFC').trim();
  if ([...text].length > SEARCH_MAX_LENGTH) {
    return { ok: false, code: 'SEARCH_TOO_LONG', message: `Từ khóa tìm kiếm dài tối đa ${SEARCH_MAX_LENGTH} ký tự.` };
  }
  const words = [...new Set(text.split(/[^\p{L}\p{N}/.-]+/u).filter((w) => w.length > 0))].slice(0, SEARCH_MAX_WORDS);
  if (words.join('').length < SEARCH_MIN_LENGTH) {
    return { ok: false, code: 'SEARCH_TOO_SHORT', message: `Nhập ít nhất ${SEARCH_MIN_LENGTH} chữ cái hoặc chữ số để tìm.` };
  }
  return { ok: true, words };
}

export const SNIPPET_MAX_LENGTH = 200;

/**
 * The line of a page that shows why it was found: the one holding most of the words (folded),
 * the first such line on a tie; cut to SNIPPET_MAX_LENGTH around the first word found.
 */
export function snippetOf(pageText: string, words: readonly string[]): string {
  const folded = words.map(foldVietnamese);
  const lines = pageText.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l.length > 0);
  let best = lines[0] ?? '';
  let bestCount = -1;
  for (const line of lines) {
    const key = foldVietnamese(line);
    const count = folded.filter((w) => key.includes(w)).length;
    if (count > bestCount) {
      best = line;
      bestCount = count;
    }
  }
  const chars = [...best];
  if (chars.length <= SNIPPET_MAX_LENGTH) return best;
  // folding keeps one character per NFC letter, so positions in the key are positions in the line
  const key = foldVietnamese(best);
  const found = folded.map((w) => key.indexOf(w)).filter((i) => i >= 0);
  const at = found.length > 0 ? Math.min(...found) : 0;
  const start = Math.max(0, Math.min(at - 40, chars.length - SNIPPET_MAX_LENGTH));
  return `${start > 0 ? '…' : ''}${chars.slice(start, start + SNIPPET_MAX_LENGTH - 2).join('')}…`;
}
