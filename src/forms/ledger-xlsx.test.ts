import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerData } from './fixtures.test-helper';
import { LEDGER_COLUMNS } from './ledger-columns';
import { LEDGER_DATE_FORMAT, LEDGER_HEADER_ROW, LEDGER_SHEET_NAME, renderLedgerXlsx } from './ledger-xlsx';

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(LEDGER_SHEET_NAME);
  if (!sheet) throw new Error('ledger sheet missing');
  return sheet;
}

describe('ledger XLSX', () => {
  it('has the agency, the title and the period above the table', async () => {
    const sheet = await load(await renderLedgerXlsx(ledgerData(3)));
    expect(sheet.getCell('A1').value).toBe('UBND TỈNH ĐỒNG THÁP');
    expect(sheet.getCell('A2').value).toBe('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    expect(sheet.getCell('A3').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(sheet.getCell('A4').value).toBe('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(sheet.getCell('A5').value).toBe('Đồng Tháp, ngày 05 tháng 03 năm 2026');
  });

  it('has the 13 ledger columns in bold, bordered, with the dates grouped under "Ngày, tháng, năm"', async () => {
    const sheet = await load(await renderLedgerXlsx(ledgerData(1)));
    expect(sheet.getCell(LEDGER_HEADER_ROW, 1).value).toBe('STT');
    expect(sheet.getCell(LEDGER_HEADER_ROW, 2).value).toBe('Mã hồ sơ');
    expect(sheet.getCell(LEDGER_HEADER_ROW, 8).value).toBe('Ngày, tháng, năm');
    expect(sheet.getCell(LEDGER_HEADER_ROW + 1, 8).value).toBe('Nhận hồ sơ');
    expect(sheet.getCell(LEDGER_HEADER_ROW + 1, 12).value).toBe('Trả kết quả cho cá nhân, tổ chức');
    expect(sheet.getCell(LEDGER_HEADER_ROW, 13).value).toBe('Ghi chú');
    expect(sheet.getCell(LEDGER_HEADER_ROW, 8).isMerged).toBe(true);
    for (let col = 1; col <= LEDGER_COLUMNS.length; col++) {
      const cell = sheet.getCell(LEDGER_HEADER_ROW + 1, col);
      expect(cell.font?.bold).toBe(true);
      expect(cell.border?.left?.style).toBe('thin');
    }
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
  });

  it('writes one row per dossier, with dates shown dd/mm/yyyy hh:mm in Vietnam time', async () => {
    const data = ledgerData(4);
    const sheet = await load(await renderLedgerXlsx(data));
    const first = sheet.getRow(LEDGER_HEADER_ROW + 2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('000.00.00.H20-260305-0001');
    expect(first.getCell(3).value).toBe('Đăng ký khai sinh');
    expect(first.getCell(5).value).toBe('Nguyễn Thị Ánh Tuyết');
    expect(first.getCell(6).value).toBe('Số 12, đường Nguyễn Huệ, phường Cao Lãnh, tỉnh Đồng Tháp – 0912 345 678');
    const received = first.getCell(8);
    expect(received.numFmt).toBe(LEDGER_DATE_FORMAT);
    // 10:30 in Đồng Tháp is stored as the wall-clock value 10:30.
    expect((received.value as Date).toISOString()).toBe('2026-03-05T10:30:00.000Z');
    expect(sheet.getRow(LEDGER_HEADER_ROW + 2 + 1).getCell(11).value).toBeNull();
    expect(sheet.getRow(LEDGER_HEADER_ROW + 2 + 1).getCell(13).value).toBe('Trả qua bưu chính');
    expect(sheet.getRow(LEDGER_HEADER_ROW + 2 + 4).getCell(2).value).toBeNull();
  });
});
