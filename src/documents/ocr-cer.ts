/**
 * Character error rate (CER) of recognised text against the text that was really on the page:
 * the edit distance (insertions, deletions, substitutions of one character each) divided by the
 * length of the reference. Characters are Unicode code points after NFC, so "ễ" typed as one
 * code point or as "e" + two combining marks is one character, and a wrong tone mark on it is
 * one error. Whitespace runs count as one space and lines are compared without their leading and
 * trailing blanks: OCR engines put blank lines between paragraphs, which is layout, not reading.
 */

/** The text as its OCR comparison sees it: NFC, one space per blank run, no empty lines. */
export function normaliseForCer(text: string): string {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Levenshtein distance between two sequences of code points (two rows of the table, O(n·m) time). */
export function editDistance(reference: readonly string[], candidate: readonly string[]): number {
  let previous = Array.from({ length: candidate.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= candidate.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (reference[i - 1] === candidate[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[candidate.length] ?? 0;
}

export interface CerResult {
  /** Edits needed to turn the recognised text into the reference. */
  readonly errors: number;
  /** Characters of the reference (code points after normalisation). */
  readonly referenceLength: number;
  /** errors / referenceLength; 0 for two empty texts, 1 per character for text read from nothing. */
  readonly rate: number;
}

/** The character error rate of `recognised` against `reference`. */
export function characterErrorRate(reference: string, recognised: string): CerResult {
  const ref = [...normaliseForCer(reference)];
  const got = [...normaliseForCer(recognised)];
  const errors = editDistance(ref, got);
  const rate = ref.length === 0 ? (got.length === 0 ? 0 : got.length) : errors / ref.length;
  return { errors, referenceLength: ref.length, rate };
}
