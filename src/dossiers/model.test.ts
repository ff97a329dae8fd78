import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../platform/errors';
import { checkApplicant, checkPapers, hasNul, paperRecords, receiptTime, type ApplicantInput } from './model';

const applicant: ApplicantInput = { personalId: '087090001234', name: ' Trần Thị Bình ', phone: '0912 345.678', unitCode: '29239' };
const problemsOf = (f: (p: ErrorDetail[]) => void): ErrorDetail[] => { const p: ErrorDetail[] = []; f(p); return p; };
const papers = { requiredPapers: [
  { key: 'to-khai', name: 'Tờ khai', originals: 1, copies: 0 },
  { key: 'ban-sao', name: 'Bản sao giấy khai sinh (nếu có)', originals: 0, copies: 1 },
] } as Parameters<typeof checkPapers>[0];

describe('intake input rules', () => {
  it('accepts a well-formed applicant (phone with spaces and dots) and names each bad field', () => {
    expect(problemsOf((p) => checkApplicant(applicant, p))).toEqual([]);
    expect(problemsOf((p) => checkApplicant({ ...applicant, personalId: '12345', phone: '12345', name: 'A1', birthDate: '01/02/1990' }, p)).map((x) => x.path))
      .toEqual(['applicant.personalId', 'applicant.phone', 'applicant.name', 'applicant.birthDate']);
  });

  it('lists unknown, repeated and missing required papers; a paper "nếu có" is optional', () => {
    expect(problemsOf((p) => checkPapers(papers, [{ key: 'to-khai', source: 'paper' }], p, null))).toEqual([]);
    expect(problemsOf((p) => checkPapers(papers, [{ key: 'khac', source: 'paper' }, { key: 'ban-sao', source: 'paper' }, { key: 'ban-sao', source: 'paper' }], p, null)).map((x) => x.message)).toEqual([
      'Thành phần hồ sơ "khac" không có trong danh mục của thủ tục.', 'Thành phần hồ sơ "ban-sao" bị lặp.', 'Thiếu thành phần hồ sơ: Tờ khai',
    ]);
  });

  it('records the catalogue\'s name and counts unless the request gives them; paper is not digitized', () => {
    expect(paperRecords(papers, [{ key: 'to-khai', source: 'paper' }, { key: 'ban-sao', source: 'scanned', copies: 2, fileId: 9 }, { key: 'giay-to', source: 'reused', reusedDocumentId: 41 }])).toEqual([
      { key: 'to-khai', name: 'Tờ khai', originals: 1, copies: 0, source: 'paper', digitized: false, fileId: null, reusedDocumentId: null },
      { key: 'ban-sao', name: 'Bản sao giấy khai sinh (nếu có)', originals: 0, copies: 2, source: 'scanned', digitized: true, fileId: 9, reusedDocumentId: null },
      { key: 'giay-to', name: 'giay-to', originals: 0, copies: 0, source: 'reused', digitized: true, fileId: null, reusedDocumentId: 41 },
    ]);
  });

  it('counts a paper digitized only with its scan attached, whatever the request claims (issue 12 §2)', () => {
    expect(paperRecords(papers, [
      { key: 'to-khai', source: 'scanned', digitized: true },
      { key: 'ban-sao', source: 'uploaded' },
      { key: 'giay-to', source: 'paper', digitized: true, fileId: 12 },
    ]).map((p) => [p.key, p.digitized])).toEqual([['to-khai', false], ['ban-sao', false], ['giay-to', true]]);
  });

  it('receives at the counter now, online not yet, by post at the hand-over record\'s signature (else now)', () => {
    const now = new Date('2026-03-04T03:00:00Z');
    expect(receiptTime('counter', new Date('2026-03-03T01:00:00Z'), now)).toBe(now);
    expect(receiptTime('online', undefined, now)).toBeNull();
    expect(receiptTime('postal', new Date('2026-03-03T08:00:00+07:00'), now)?.toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect(receiptTime('postal', undefined, now)).toBe(now);
  });

  it('finds a NUL anywhere in the input, keys included', () => {
    expect(hasNul({ a: ['x', { b: 'y' }] })).toBe(false);
    expect(hasNul({ a: ['x', { b: 'y\u0000' }] })).toBe(true);
    expect(hasNul({ ['k\u0000']: 1 })).toBe(true);
  });
});
