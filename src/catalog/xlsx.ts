// XLSX import files: the first sheet, one procedure a row, the first row holds the field names
// (the same names as the JSON rows); structured fields (requiredPapers, fees, steps, eformSchema,
// defaultsApplied) are JSON text in their cell.
import ExcelJS from 'exceljs';
import type { ImportRecord } from '../directory/records';

function cellText(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return undefined;
  }
  return value;
}

/** Records of the first sheet with their row numbers in the sheet (row 1 is the header), or the reason the file cannot be read. */
export async function xlsxRecords(base64: string): Promise<{ records: ImportRecord[]; sheetRows: number[] } | string> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    return 'nội dung không phải tệp XLSX hợp lệ (base64)';
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return 'tệp XLSX không có trang tính nào';
  const names: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => { names[col] = String(cellText(cell.value) ?? '').trim(); });
  const records: ImportRecord[] = [];
  const sheetRows: number[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const rec: Record<string, unknown> = {};
    sheet.getRow(r).eachCell((cell, col) => {
      const name = names[col];
      const v = cellText(cell.value);
      if (name && v !== undefined && v !== '') rec[name] = v;
    });
    if (Object.keys(rec).length > 0) { records.push(rec); sheetRows.push(r); }
  }
  return { records, sheetRows };
}
