import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { trackingPinFor } from '../tracking/references';
import { buildScenario, NAMES, type Scenario } from './scenario.test-helper';
import { dossierSlip, ledgerData, parentAgencyLabel, placeLabel, type FormsContext } from './service';

let t: TestDatabase;
let s: Scenario;
beforeAll(async () => {
  t = await createTestDatabase();
  s = await buildScenario(t.db);
});
afterAll(async () => { await t?.close(); });

type Who = keyof Scenario['w']['actors'];
const ctx = (who: Who | null): FormsContext => ({ ...s.w.ctx(who ? s.w.actors[who] : null), publicUrl: 'https://motcua.example.vn/' });

describe('slip data', () => {
  it('fills the receipt from the intake: header, receiver, papers, due time, tracking link', async () => {
    const slip = await dossierSlip(ctx('clerk'), s.received, 'receipt');
    if (slip.kind !== 'receipt') throw new Error('expected a receipt');
    const d = slip.data;
    expect(d.header).toMatchObject({ parentAgencyName: 'UBND TỈNH ĐỒNG THÁP', unitName: expect.stringMatching(/^Bưu điện BD-/), placeName: s.w.province.code });
    expect(d.header.issuedAt.toISOString()).toBe(new Date('2026-03-10T08:00:00+07:00').toISOString());
    expect(d.receiverName).toBe(NAMES.clerk);
    expect(d.papers).toEqual([
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
      { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
    ]);
    expect(d.applicant).toMatchObject({ name: 'Nguyễn Văn An', phone: '0912345678', address: 'Số 5, ấp Một, xã Một' });
    expect(d.receivedAt.toISOString()).toBe(new Date('2026-03-02T09:00:00+07:00').toISOString());
    expect(d.dueAt.toISOString()).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
    expect(d.duration).toEqual({ value: 5, unit: 'working_days' });
    expect(d.trackingUrl).toBe(`https://motcua.example.vn/tra-cuu?ma=${s.received}`);
    // the PIN public tracking asks for, printed on the receipt: the same on every reprint
    expect(d.trackingPin).toMatch(/^[0-9]{6}$/);
    expect(d.trackingPin).toBe(await trackingPinFor(t.db, s.received));
    // the first dossier the service point received in 2026: book 01/2026, serial 1
    expect(d.ledger).toEqual({ book: '01/2026', serial: '1' });
  });

  it('takes the supplement items and reason from the request, signed by the officer who asked', async () => {
    const slip = await dossierSlip(ctx('officer'), s.supplement, 'supplement');
    expect(slip.data).toMatchObject({
      items: ['Giấy chứng sinh (bản chính, rõ nét)', 'Tờ khai có chữ ký'], reason: 'Giấy chứng sinh bị mờ', guideName: NAMES.officer,
    });
  });

  it('prints a refusal at intake or after appraisal according to the event', async () => {
    expect((await dossierSlip(ctx('communeClerk'), s.refused, 'refusal')).data).toMatchObject({ stage: 'intake', reason: 'Không thuộc thẩm quyền', signerName: NAMES.communeClerk });
    expect((await dossierSlip(ctx('approver'), s.rejected, 'refusal')).data).toMatchObject({ stage: 'appraisal', reason: 'Không đủ điều kiện đăng ký', signerName: NAMES.approver });
  });

  it('prints the original and the new due time on the apology', async () => {
    const slip = await dossierSlip(ctx('approver'), s.apologized, 'apology');
    if (slip.kind !== 'apology') throw new Error('expected an apology');
    expect(slip.data.originalDueAt.toISOString()).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
    expect(slip.data.newDueAt.toISOString()).toBe(new Date('2026-03-13T16:00:00+07:00').toISOString());
    expect(slip.data).toMatchObject({ reason: 'Cần xác minh thêm', agencyName: 'Ủy ban nhân dân xã Một', signerName: NAMES.approver });
  });

  it('gives the applicant their stop notice with its reason, not the agencies\' control slip', async () => {
    expect((await dossierSlip(ctx('citizen'), s.stopped, 'stop')).data).toMatchObject({ reason: 'Người nộp đề nghị dừng' });
    await expect(dossierSlip(ctx('citizen'), s.returned, 'control')).rejects.toMatchObject({ kind: 'Forbidden', code: 'SLIP_NOT_FOR_APPLICANT' });
  });

  it('lists every hand-over on the control slip with its timeliness', async () => {
    const slip = await dossierSlip(ctx('clerk'), s.returned, 'control');
    if (slip.kind !== 'control') throw new Error('expected a control slip');
    expect(slip.data.rows.map((r) => [r.to, r.result])).toEqual([
      ['Ủy ban nhân dân xã Một', undefined],
      ['Trung tâm Phục vụ hành chính công tỉnh', 'early'],
      ['Nguyễn Văn An', 'early'],
    ]);
  });

  it('answers SLIP_NOT_AVAILABLE without the event and DOSSIER_NOT_FOUND outside scope', async () => {
    await expect(dossierSlip(ctx('clerk'), s.received, 'apology')).rejects.toMatchObject({ code: 'SLIP_NOT_AVAILABLE', kind: 'Conflict' });
    await expect(dossierSlip(ctx('clerk'), s.received, 'control')).rejects.toMatchObject({ code: 'SLIP_NOT_AVAILABLE' });
    await expect(dossierSlip(ctx('otherClerk'), s.received, 'receipt')).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    await expect(dossierSlip(ctx('otherOfficer'), s.rejected, 'refusal')).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
  });
});

describe('ledger data', () => {
  it("lists a clerk's received dossiers of the period in order, with forward, result and return dates", async () => {
    const data = await ledgerData(ctx('clerk'), { from: '2026-03-01', to: '2026-03-31' });
    const codes = data.rows.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining([s.received, s.supplement, s.returned, s.stopped]));
    expect(codes).not.toContain(s.refused); // online, received by the commune
    const returned = data.rows.find((r) => r.code === s.returned);
    expect(returned?.forwardedAt?.toISOString()).toBe(new Date('2026-03-02T09:00:00+07:00').toISOString());
    expect(returned?.resultReceivedAt?.toISOString()).toBe(new Date('2026-03-04T10:00:00+07:00').toISOString());
    expect(returned?.returnedAt?.toISOString()).toBe(new Date('2026-03-05T10:00:00+07:00').toISOString());
    expect(returned).toMatchObject({ leadAgencyName: 'Ủy ban nhân dân xã Một', applicantAddress: 'Số 5, ấp Một, xã Một' });
    expect(data.header.parentAgencyName).toBe('UBND TỈNH ĐỒNG THÁP');
    expect(data.period.from.toISOString()).toBe(new Date('2026-03-01T00:00:00+07:00').toISOString());
  });

  it('keeps to the scope and the period', async () => {
    expect((await ledgerData(ctx('otherOfficer'), { from: '2026-03-01', to: '2026-03-31' })).rows).toEqual([]);
    expect((await ledgerData(ctx('officer'), { from: '2026-03-03', to: '2026-03-31' })).rows).toEqual([]);
    expect((await ledgerData(ctx('supervisor'), { from: '2026-03-02', to: '2026-03-02' })).rows).toHaveLength(6); // the refused online one was never received
  });

  it('refuses a period over 366 days, a reversed one, citizens and anonymous callers', async () => {
    await expect(ledgerData(ctx('clerk'), { from: '2025-01-01', to: '2026-01-02' })).rejects.toMatchObject({ code: 'PERIOD_TOO_LONG' });
    await expect(ledgerData(ctx('clerk'), { from: '2026-03-02', to: '2026-03-01' })).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
    await expect(ledgerData(ctx('clerk'), { from: '2026-02-30', to: '2026-03-01' })).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
    await expect(ledgerData(ctx('citizen'), { from: '2026-03-01', to: '2026-03-31' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ledgerData(ctx(null), { from: '2026-03-01', to: '2026-03-31' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await ledgerData(ctx('clerk'), { from: '2024-01-01', to: '2024-12-31' })).rows).toEqual([]); // 366 days: allowed
  });
});

describe('header labels', () => {
  it.each([
    ['Ủy ban nhân dân tỉnh Đồng Tháp', 'UBND TỈNH ĐỒNG THÁP'],
    ['Uỷ ban nhân dân thành phố Cần Thơ', 'UBND THÀNH PHỐ CẦN THƠ'],
    ['Sở Tư pháp', 'SỞ TƯ PHÁP'],
  ])('%s → %s', (name, label) => expect(parentAgencyLabel(name)).toBe(label));
  it('drops the province kind from the place', () => {
    expect(placeLabel('Tỉnh Đồng Tháp')).toBe('Đồng Tháp');
    expect(placeLabel('Thành phố Cần Thơ')).toBe('Cần Thơ');
  });
});
