// The quarterly report for the post through the one export runner (issue 13 §8): requested as an
// export, built by the runner's job with the requester's rights, read back as a workbook with one
// row per post office and the total; a period that is not a quarter fails with its reason.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportFile, exportStatus, requestExport, runOneExport } from '../reports/exports';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { recordIncident, resolveIncident } from './incidents';
import { buildPostalQuarterlyReport, checkPostalQuarter, POSTAL_QUARTERLY_EXPORT } from './quarterly-export';
import { quarterOf } from './quarterly-layout';
import { assignCourier, requestPickup } from './service';
import { useTempFiles } from './files.test-helper';
import { phonePickup } from './pickup.test-helper';

const { w } = useWorld('2026-05-12T07:00:00+07:00');
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), files });
const builders = { [POSTAL_QUARTERLY_EXPORT]: buildPostalQuarterlyReport };

describe('the quarterly report for the post', () => {
  it('reads a quarter only', () => {
    expect(quarterOf('2026-04-01', '2026-06-30')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-10-01', '2026-12-31')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf('2026-04-01', '2026-06-29')).toBeNull();
    expect(quarterOf('2026-12-01', '2027-02-28')).toBeNull();
  });

  it('is built by the export runner: legs, incidents and compensation of the quarter per post office', async () => {
    const s = await requestPickup(ctx(w.actors.clerk), phonePickup(w, { name: 'Lê Thị Cúc', phone: '0912777888' }, 'Số 3 đường Trần Hưng Đạo, khóm 1', '2026-05-12'));
    const n = s.legs[0]?.trackingNumber ?? '';
    await assignCourier(ctx(w.actors.courier), n);
    const incident = await recordIncident(ctx(w.actors.clerk), n, { kind: 'complaint', description: 'Bưu tá đến ngoài khung giờ hẹn', reportedBy: 'Lê Thị Cúc' });
    await resolveIncident(ctx(w.actors.clerk), incident.id, { resolution: 'Hoàn cước, nhắc nhở bưu tá', compensation: { amountVnd: 22_000, recipientName: 'Lê Thị Cúc', paymentMethod: 'cash' } });

    const { id } = await requestExport(ctx(w.actors.supervisor), { kind: POSTAL_QUARTERLY_EXPORT, from: '2026-04-01', to: '2026-06-30' });
    expect(await runOneExport(w.db, w.clock, builders)).toBe(true);
    expect(await exportStatus(ctx(w.actors.supervisor), id)).toMatchObject({ status: 'done', progress: 100, fileName: 'bao-cao-bcci-quy-2-2026.xlsx' });
    const file = await exportFile(ctx(w.actors.supervisor), id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Quý 2-2026');
    expect(String(ws?.getCell('A2').value)).toMatch(/^Quý 2 năm 2026/);
    const header = (ws?.getRow(5).values as unknown[]).slice(1);
    const row = (ws?.getRow(6).values as unknown[]).slice(1);
    const total = (ws?.getRow(7).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name);
    expect(row[col('Lấy hồ sơ tại nhà')]).toBe(1);
    expect(row[col('Khiếu nại')]).toBe(1);
    expect(row[col('Bồi thường (đ)')]).toBe(22_000);
    expect(total[1]).toBe('Tổng cộng');
    expect(total[col('Tổng chặng')]).toBe(1);

    // a period that is not a quarter: refused when asked (400), and an export stored before the check fails, saying why
    await expect(requestExport(ctx(w.actors.supervisor), { kind: POSTAL_QUARTERLY_EXPORT, from: '2026-04-01', to: '2026-05-31' }, { [POSTAL_QUARTERLY_EXPORT]: checkPostalQuarter }))
      .rejects.toMatchObject({ code: 'PERIOD_NOT_A_QUARTER', kind: 'ValidationFailed' });
    const { id: bad } = await requestExport(ctx(w.actors.supervisor), { kind: POSTAL_QUARTERLY_EXPORT, from: '2026-04-01', to: '2026-05-31' });
    await runOneExport(w.db, w.clock, builders);
    expect(await exportStatus(ctx(w.actors.supervisor), bad)).toMatchObject({ status: 'failed', error: expect.stringMatching(/theo quý/) });
  });
});
