// Text that people type: always NFC (so that "Nguyễn" typed on any keyboard is one spelling, for
// search, sorting and the printed slips), and never carrying characters that hide or reorder what
// is shown — controls, zero-width characters, bidirectional overrides ("Trojan Source": a name
// that displays as one thing and is stored as another). In a name they are refused (the person who
// typed it sees the field and fixes it); in free text (reasons, comments, e-form answers) they are
// dropped, since a soft hyphen pasted from a word processor should not stop a clerk. Tab, line
// feed and carriage return stay allowed in free text.
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|[\uDB40][\uDC00-\uDDEF]/u;

/** The first hidden character of a text as `U+XXXX`, or null when there is none. */
export function hiddenCharacterIn(text: string): string | null {
  const m = HIDDEN.exec(text);
  if (!m) return null;
  return `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A name (of a person, an organisation, a user): one line, no hidden characters. */
export function nameProblem(text: string): string | null {
  if (/[\t\n\r]/.test(text)) return 'Tên không được xuống dòng hay chứa ký tự tab.';
  const hidden = hiddenCharacterIn(text);
  return hidden ? `Tên chứa ký tự ẩn hoặc ký tự điều khiển (${hidden}); vui lòng gõ lại.` : null;
}

export const nfc = (text: string): string => text.normalize('NFC');

const HIDDEN_GLOBAL = new RegExp(HIDDEN.source, 'gu');

/** Free text without its hidden characters, NFC. */
export const stripHidden = (text: string): string => nfc(text.replace(HIDDEN_GLOBAL, ''));

export interface TextProblem {
  readonly path: string;
  readonly message: string;
}

/** Keys whose values are secrets, kept byte for byte (a password set before must still match). */
const VERBATIM_KEY = /password/i;

/**
 * A JSON body with every string NFC: hidden characters dropped from free text, and the problems of
 * the fields named like a name (`fullName`, `name`, `applicantName` …), which are refused.
 */
export function cleanJsonText(value: unknown, path = 'body'): { value: unknown; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  const walk = (v: unknown, at: string, key: string): unknown => {
    if (typeof v === 'string') {
      if (VERBATIM_KEY.test(key)) return v;
      if (!/name$/i.test(key)) return stripHidden(v);
      const text = nfc(v);
      const problem = nameProblem(text);
      if (problem && problems.length < 20) problems.push({ path: at, message: problem });
      return text;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${at}/${i}`, key));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, `${at}/${k}`, k);
      return out;
    }
    return v;
  };
  return { value: walk(value, path, ''), problems };
}

/** Text made safe to place in HTML (element content or a quoted attribute). */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] ?? c));
