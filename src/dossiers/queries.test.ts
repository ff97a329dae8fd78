import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { performAction } from './service';
import { receiveDossier, receivePostalDossier } from './service';
import { getDossier } from './queries';
import { SEARCH_COUNT_CAP, searchDossiers } from './search';
import { workQueue } from './work-queue';
import { useWorld, type World } from './world.test-helper';

const { t, w } = useWorld();

// Kept first in this file: Kysely logs a deprecation once per process, so a later test would miss it.
describe('work queue', () => {
  it('prints nothing to stdout (no Kysely deprecation warning)', async () => {
    const log = vi.spyOn(console, 'log');
    try {
      await receiveDossier(w.ctx(w.actors.clerk), w.intake());
      const q = await workQueue(w.ctx(w.actors.clerk));
      expect(q.items.length).toBeGreaterThan(0);
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});

describe('citizen view of a dossier', () => {
  it('gives citizens a filtered timeline: label, time, status, and only the reasons addressed to them', async () => {
    const act = (who: keyof World['actors'], code: string, action: Parameters<typeof performAction>[2], input: Parameters<typeof performAction>[3] = {}) =>
      performAction(w.ctx(w.actors[who]), code, action, input);
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const { code } = await receiveDossier(w.ctx(w.actors.clerk), w.intake());
    await act('clerk', code, 'forward', { note: 'Chuyển gấp, ghi chú nội bộ' });
    await act('approver', code, 'assign', { officerId: w.actors.officer.userId, note: 'nội bộ' });
    await act('officer', code, 'consult', { consultedAgency: 'Công an xã Một', replyDueAt: '2026-03-04T09:00:00+07:00', note: 'hỏi ý kiến' });
    w.clock.set(new Date('2026-03-03T09:00:00+07:00'));
    await act('approver', code, 'apologize', { reason: 'Cần xác minh thêm', newDueAt: '2026-03-13T09:00:00+07:00', note: 'ghi chú nội bộ' });
    await act('officer', code, 'requestSupplement', { reason: 'Thiếu chữ ký', items: ['Tờ khai có chữ ký'], note: 'nội bộ' });

    const mine = await getDossier(w.ctx(w.actors.citizen), code);
    const body = JSON.stringify(mine.timeline);
    for (const secret of ['Nguyễn Minh Khoa', 'Công an xã Một', 'nội bộ', 'hỏi ý kiến', 'toAgencyId', 'unitPath', 'applicantId', 'procedureId', 'receivingAgencyId', 'competentAgencyId']) {
      expect(body).not.toContain(secret);
    }
    expect(mine.timeline.map((e) => [e.action, e.status])).toEqual([
      ['received', 'received'], ['forward', 'processing'], ['assign', 'processing'], ['consult', 'processing'],
      ['apologize', 'processing'], ['requestSupplement', 'awaitingSupplement'],
    ]);
    expect(mine.timeline.every((e) => e.actorRole === null && e.label.length > 0 && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(mine.timeline.find((e) => e.action === 'apologize')?.payload).toEqual({
      reason: 'Cần xác minh thêm', newDueAt: new Date('2026-03-13T09:00:00+07:00').toISOString(), originalDueAt: new Date('2026-03-09T09:00:00+07:00').toISOString(),
    });
    expect(mine.timeline.find((e) => e.action === 'requestSupplement')?.payload).toEqual({ reason: 'Thiếu chữ ký', items: ['Tờ khai có chữ ký'] });
    expect(mine.timeline.find((e) => e.action === 'forward')?.payload).toEqual({});
    expect(mine.controlSlip).toEqual([]);

    // staff still see the whole log
    const staff = await getDossier(w.ctx(w.actors.officer), code);
    // the dossier names where it was received (the post office), besides the agencies
    expect(staff.receivingPoint).toEqual({ code: w.servicePoint.code, name: `Bưu điện ${w.servicePoint.code}` });
    expect(staff.timeline.find((e) => e.action === 'assign')?.payload).toMatchObject({ officerId: w.actors.officer.userId, officerName: 'Nguyễn Minh Khoa', note: 'nội bộ' });
    expect(staff.timeline.find((e) => e.action === 'consult')?.payload).toMatchObject({ consultedAgency: 'Công an xã Một' });
  });
});

describe('search', () => {
  it('lists the newest received first (received_at DESC, id DESC), not by filing time', async () => {
    const personalId = '087090005555';
    w.clock.set(new Date('2026-03-02T10:00:00+07:00'));
    const counter = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId }));
    // filed later, but the hand-over record (the legal receipt) was signed earlier
    w.clock.set(new Date('2026-03-02T11:00:00+07:00'));
    const postal = await receivePostalDossier(w.ctx(w.actors.courier), w.intake({ personalId }), new Date('2026-03-02T08:00:00+07:00'));
    w.clock.set(new Date('2026-03-02T12:00:00+07:00'));
    const later = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId }));
    const page = await searchDossiers(w.ctx(w.actors.admin), { personalId });
    expect(page.items.map((i) => i.code)).toEqual([later.code, counter.code, postal.code]);
    expect(page).toMatchObject({ total: 3, totalIsLowerBound: false });
  });

  it(`stops counting after ${SEARCH_COUNT_CAP} matches and says the total is a lower bound`, async () => {
    const personalId = '087090006666';
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const { code } = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId }));
    // SEARCH_COUNT_CAP + 1 more rows like it (search reads only the dossiers table)
    await sql`INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_phone,
        personal_id, receiving_service_point_id, receiving_agency_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at,
        received_at, due_at, last_hash)
      SELECT code || 'X' || g, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_phone,
        personal_id, receiving_service_point_id, receiving_agency_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at,
        received_at - g * interval '1 second', due_at, last_hash
      FROM dossiers, generate_series(1, ${SEARCH_COUNT_CAP + 1}) AS g WHERE code = ${code}`.execute(t.db);
    const page = await searchDossiers(w.ctx(w.actors.admin), { personalId, limit: 20 });
    expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, totalIsLowerBound: true });
    expect(page.items).toHaveLength(20);
    expect(page.items[0]?.code).toBe(code);
    const exact = await searchDossiers(w.ctx(w.actors.admin), { personalId, code });
    expect(exact).toMatchObject({ total: 1, totalIsLowerBound: false });
  });

  it('has an index for each scope\'s order', async () => {
    const { rows } = await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'dossiers'`.execute(t.db);
    const defs = rows.map((r) => r.indexdef);
    // covering (migration 0189): the walk checks the name (and the unit) on the index entry
    for (const columns of ['(received_at DESC, id DESC) INCLUDE (unit_path, applicant_name_key)', '(receiving_service_point_id, received_at DESC, id DESC) INCLUDE (applicant_name_key)',
      '(receiving_agency_id, received_at DESC, id DESC) INCLUDE (applicant_name_key) WHERE (receiving_service_point_id IS NULL)', '(competent_agency_id, received_at DESC, id DESC) INCLUDE (applicant_name_key)']) {
      expect(defs.some((d) => d.includes(columns)), columns).toBe(true);
    }
  });
});
