import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyColumns, copyField, copyLines } from './bulk-copy';

/** COPY text format read back (the server's side of copyField), for the property below. */
const unescape = (s: string): string | null => (s === '\\N' ? null : s.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c)));

describe('COPY text format', () => {
  it('writes null, dates, booleans, numbers and JSON as PostgreSQL reads them', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(new Date('2026-12-07T09:15:00+07:00'))).toBe('2026-12-07T02:15:00.000Z');
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
    expect(copyField(125_000)).toBe('125000');
    expect(copyField({ fullName: 'Nguyễn Văn An', note: 'dòng 1\ndòng 2' })).toBe('{"fullName":"Nguyễn Văn An","note":"dòng 1\\\\ndòng 2"}');
    expect(copyField('Trần\tThị\\Bé')).toBe('Trần\\tThị\\\\Bé');
  });

  it('gives one line per row, fields in the columns\' order', () => {
    expect(copyLines(['b', 'a'], [{ a: 1, b: 'x' }, { a: null, b: 'y' }])).toBe('x\t1\ny\t\\N\n');
    expect(copyColumns({ id: [1, 2], name: ['An', null] })).toEqual({ columns: ['id', 'name'], text: '1\tAn\n2\t\\N\n' });
    expect(copyLines(['a'], [])).toBe('');
  });

  it('round-trips any text: no tab, newline or backslash survives unescaped', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const field = copyField(s);
      expect(field).not.toMatch(/[\t\n\r]/);
      expect(unescape(field)).toBe(s);
    }));
  });
});
