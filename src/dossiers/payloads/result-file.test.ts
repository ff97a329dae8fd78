// attachResult's payload: refused without the checked file, before the decision is signed, with a
// bad title or validity dates — all before any database read.
import { describe, expect, it } from 'vitest';
import type { ResultFileInput } from '../model';
import { argsFor } from './args.test-helper';
import { attachResultPayload } from './result-file';

const file: ResultFileInput = { fileId: 41, sha256: 'c'.repeat(64), mediaType: 'application/pdf', title: 'Giấy khai sinh', docType: 'birthCertificate' };
const approved = { approved_at: new Date('2026-03-03T08:00:00Z') };

describe('attachResult payload', () => {
  it('is refused through the generic action route (no checked file)', async () => {
    await expect(attachResultPayload(argsFor({}, { row: approved }))).rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID', details: [{ path: 'resultFile' }] });
  });
  it('is refused while processing before the leader approved: 409 RESULT_NOT_APPROVED', async () => {
    await expect(attachResultPayload(argsFor({ resultFile: file }, { row: { approved_at: null } }))).rejects.toMatchObject({ code: 'RESULT_NOT_APPROVED' });
  });
  it.each([
    ['a one-letter title', { title: ' G ' }, 'title'],
    ['a validity date of 31/02', { validUntil: '2026-02-31x' }, 'validUntil'],
    ['an end before the start', { validFrom: '2026-03-10', validUntil: '2026-03-09' }, 'validUntil'],
  ])('refuses %s with the field named', async (_n, o, path) => {
    await expect(attachResultPayload(argsFor({ resultFile: { ...file, ...o } }, { row: { ...approved, status: 'resultReady' } }))).rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID', details: [{ path }] });
  });
});
