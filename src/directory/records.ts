// Reading import files into records, and reading typed fields out of a record while naming the
// row and field of every problem. Used by the directory and catalogue imports.
import { isCivilDate, type RowProblems } from './model';

export type ImportRecord = Readonly<Record<string, unknown>>;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; BOM ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** CSV with a header line → records of strings (empty cells are absent). */
export function csvRecords(text: string): ImportRecord[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map((cells) => {
    const rec: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const v = cells[i]?.trim();
      if (name && v !== undefined && v !== '') rec[name] = v;
    });
    return rec;
  });
}

/** JSON: an array of rows, or `{ rows: [...] }` (seed files carry a `note` beside the rows). */
export function jsonRecords(text: string): ImportRecord[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'nội dung không phải JSON hợp lệ';
  }
  const rows = Array.isArray(value) ? value : (value as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return 'JSON phải là một mảng các dòng hoặc { "rows": [...] }';
  return rows.map((r) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? (r as ImportRecord) : {}));
}

/** Typed field readers bound to one row; each problem names the row and the field. */
export class FieldReader {
  constructor(private readonly rec: ImportRecord, readonly row: number, private readonly problems: RowProblems) {}

  has(field: string): boolean {
    const v = this.rec[field];
    return v !== undefined && v !== null && v !== '';
  }

  fail(field: string, message: string): void {
    this.problems.add(this.row, field, message);
  }

  text(field: string): string {
    const v = this.rec[field];
    if (v === undefined || v === null || v === '') { this.fail(field, 'bắt buộc'); return ''; }
    if (typeof v !== 'string' && typeof v !== 'number') { this.fail(field, 'phải là chuỗi'); return ''; }
    return String(v).normalize('NFC').replace(/\s+/g, ' ').trim();
  }

  optionalText(field: string): string | null {
    return this.has(field) ? this.text(field) : null;
  }

  date(field: string): string {
    const v = this.text(field);
    if (v !== '' && !isCivilDate(v)) { this.fail(field, `ngày không hợp lệ ("${v}"; cần YYYY-MM-DD)`); return ''; }
    return v;
  }

  optionalDate(field: string): string | null {
    return this.has(field) ? this.date(field) : null;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const v = this.text(field);
    if (v !== '' && !(allowed as readonly string[]).includes(v)) {
      this.fail(field, `giá trị "${v}" không hợp lệ (cho phép: ${allowed.join(', ')})`);
    }
    return v as T;
  }

  number(field: string, opts: { min?: number; max?: number; integer?: boolean } = {}): number {
    const raw = this.rec[field];
    const v = typeof raw === 'string' ? Number(raw.trim().replace(',', '.')) : raw;
    if (raw === undefined || raw === null || raw === '') { this.fail(field, 'bắt buộc'); return 0; }
    if (typeof v !== 'number' || !Number.isFinite(v)) { this.fail(field, `số không hợp lệ ("${String(raw)}")`); return 0; }
    if (opts.integer && !Number.isInteger(v)) this.fail(field, 'phải là số nguyên');
    if (opts.min !== undefined && v < opts.min) this.fail(field, `phải ≥ ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) this.fail(field, `phải ≤ ${opts.max}`);
    return v;
  }

  optionalNumber(field: string, opts: { min?: number; max?: number } = {}): number | null {
    return this.has(field) ? this.number(field, opts) : null;
  }

  boolean(field: string, fallback: boolean): boolean {
    const v = this.rec[field];
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v === 'boolean') return v;
    const s = String(v).trim().toLowerCase();
    if (['true', '1', 'x', 'có', 'co', 'yes'].includes(s)) return true;
    if (['false', '0', 'không', 'khong', 'no'].includes(s)) return false;
    this.fail(field, `giá trị "${String(v)}" không phải đúng/sai`);
    return fallback;
  }

  /** A list: a JSON array, or in CSV a string separated by ';' (or a JSON array text). */
  list(field: string): string[] {
    const v = this.rec[field];
    if (v === undefined || v === null || v === '') return [];
    if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter((x) => x !== '');
    if (typeof v === 'string') {
      const s = v.trim();
      if (s.startsWith('[')) {
        const parsed = this.json(field);
        return Array.isArray(parsed) ? parsed.map((x) => String(x).trim()) : [];
      }
      return s.split(';').map((x) => x.trim()).filter((x) => x !== '');
    }
    this.fail(field, 'phải là danh sách');
    return [];
  }

  /** A structured value: as is from JSON; JSON text in CSV/XLSX cells ('[…]', '{…}') is parsed. */
  json(field: string): unknown {
    const v = this.rec[field];
    if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return v;
    try {
      return JSON.parse(v);
    } catch {
      this.fail(field, 'không phải JSON hợp lệ');
      return undefined;
    }
  }
}
