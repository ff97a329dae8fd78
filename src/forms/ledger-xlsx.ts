/**
 * Sổ theo dõi hồ sơ as an XLSX workbook (exceljs). Dates are real spreadsheet dates showing Vietnam
 * wall time (UTC+7) with the format dd/mm/yyyy hh:mm, so the sheet sorts and filters by date.
 */
import { writeSafeXlsx, xmlSafeText } from '../platform/xlsx';
import ExcelJS from 'exceljs';
import { formatPlaceDate, toVnWallClock } from './format';
import { LEDGER_COLUMNS, LEDGER_DATE_GROUP, LEDGER_TITLE, ledgerCells } from './ledger-columns';
import type { LedgerData } from './model';
import { ledgerPeriodText } from './pdf/ledger';

export const LEDGER_DATE_FORMAT = 'dd/mm/yyyy hh:mm';
export const LEDGER_SHEET_NAME = 'Sổ theo dõi hồ sơ';
/** First header row of the table (rows 1–5 hold the agency, title and period). */
export const LEDGER_HEADER_ROW = 6;

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };


export async function renderLedgerXlsx(data: LedgerData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  workbook.title = `${LEDGER_TITLE} – ${ledgerPeriodText(data.period)}`;
  if (Number.isFinite(data.header.issuedAt.getTime())) {
    workbook.created = data.header.issuedAt;
    workbook.modified = data.header.issuedAt;
  }
  const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: LEDGER_HEADER_ROW + 1 }],
  });
  const lastCol: number = LEDGER_COLUMNS.length;
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width + 2 }));

  const line = (row: number, text: string, bold: boolean, align: 'left' | 'center', mergeTo = lastCol): void => {
    sheet.mergeCells(row, 1, row, mergeTo);
    const cell = sheet.getCell(row, 1);
    cell.value = xmlSafeText(text);
    cell.font = { name: 'Times New Roman', size: bold ? 13 : 11, bold };
    cell.alignment = { horizontal: align, vertical: 'middle' };
  };
  line(1, data.header.parentAgencyName, false, 'left', 6);
  line(2, data.header.unitName, true, 'left', 6);
  line(3, LEDGER_TITLE.toLocaleUpperCase('vi'), true, 'center');
  line(4, ledgerPeriodText(data.period), false, 'center');
  line(5, formatPlaceDate(xmlSafeText(data.header.placeName), data.header.issuedAt), false, 'center');
  sheet.getCell(5, 1).font = { name: 'Times New Roman', size: 11, italic: true };

  // Two header rows: columns outside the date group span both; the group has its own label.
  const top = LEDGER_HEADER_ROW;
  LEDGER_COLUMNS.forEach((column, i) => {
    const col = i + 1;
    const grouped = i >= LEDGER_DATE_GROUP.from && i <= LEDGER_DATE_GROUP.to;
    if (grouped) sheet.getCell(top + 1, col).value = column.header;
    else {
      sheet.mergeCells(top, col, top + 1, col);
      sheet.getCell(top, col).value = column.header;
    }
  });
  sheet.mergeCells(top, LEDGER_DATE_GROUP.from + 1, top, LEDGER_DATE_GROUP.to + 1);
  sheet.getCell(top, LEDGER_DATE_GROUP.from + 1).value = LEDGER_DATE_GROUP.label;
  for (const r of [top, top + 1]) {
    for (let col = 1; col <= lastCol; col++) {
      const cell = sheet.getCell(r, col);
      cell.font = { name: 'Times New Roman', size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }
  sheet.getRow(top + 1).height = 45;

  data.rows.forEach((row, index) => {
    const excelRow = sheet.getRow(top + 2 + index);
    ledgerCells(row, index).forEach((value, i) => {
      const cell = excelRow.getCell(i + 1);
      if (value instanceof Date) {
        if (Number.isFinite(value.getTime())) {
          cell.value = toVnWallClock(value);
          cell.numFmt = LEDGER_DATE_FORMAT;
        }
      } else if (typeof value === 'string') cell.value = xmlSafeText(value);
      else if (value !== null && Number.isFinite(value)) cell.value = value;
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = { horizontal: LEDGER_COLUMNS[i]?.align ?? 'left', vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  });

  return writeSafeXlsx(workbook);
}
