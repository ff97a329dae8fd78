import { describe, expect, it } from 'vitest';
import { apologizePayload, recomputeDuePayload } from './due-time';
import { argsFor, NOW } from './args.test-helper';

const due = new Date('2026-03-09T10:00:00Z');

describe('due-time payloads (input checks before any calendar read)', () => {
  it('an apology needs a reason and a new date', async () => {
    await expect(apologizePayload(argsFor({ newDueAt: '2026-03-12T17:00:00+07:00' }, { row: { due_at: due } }))).rejects.toMatchObject({ details: [{ path: 'reason' }] });
    await expect(apologizePayload(argsFor({ reason: 'Chờ ý kiến' }, { row: { due_at: due } }))).rejects.toMatchObject({ details: [{ path: 'newDueAt' }] });
  });

  it('refuses an apology on a dossier with no due time (409 NO_DUE_DATE) and a new date more than a year ahead', async () => {
    await expect(apologizePayload(argsFor({ reason: 'Chờ', newDueAt: '2026-03-12T17:00:00+07:00' }, { row: { due_at: null } }))).rejects.toMatchObject({ code: 'NO_DUE_DATE' });
    const later = new Date(NOW.getTime() + 366 * 86_400_000).toISOString();
    await expect(apologizePayload(argsFor({ reason: 'Chờ', newDueAt: later }, { row: { due_at: due } }))).rejects.toMatchObject({ details: [{ path: 'newDueAt', message: 'Ngày hẹn trả mới không được quá một năm kể từ hôm nay.' }] });
  });

  it('does not re-compute a due time agreed by apology, nor one never set', async () => {
    await expect(recomputeDuePayload(argsFor({ reason: 'Lịch mới' }, { row: { apology_used: true, due_at: due, clock_started_at: NOW } }))).rejects.toMatchObject({ code: 'DUE_SET_BY_APOLOGY' });
    await expect(recomputeDuePayload(argsFor({ reason: 'Lịch mới' }, { row: { apology_used: false, due_at: null, clock_started_at: null } }))).rejects.toMatchObject({ code: 'NO_DUE_DATE' });
    await expect(recomputeDuePayload(argsFor({}, { row: { apology_used: false } }))).rejects.toMatchObject({ details: [{ path: 'reason' }] });
  });
});
