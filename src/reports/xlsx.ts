// Every report table as a spreadsheet (exceljs): a title row, the period and scope, a header
// and the rows, numbers as numbers.
import ExcelJS from 'exceljs';
import { writeSafeXlsx } from '../platform/xlsx';

export interface SheetColumn {
  readonly key: string;
  readonly header: string;
  readonly width?: number;
}

export async function tableToXlsx(title: string, subtitle: string, columns: readonly SheetColumn[], rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([subtitle]);
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => { cell.border = { bottom: { style: 'thin' } }; });
  for (const r of rows) ws.addRow(columns.map((c) => (r[c.key] ?? null) as ExcelJS.CellValue));
  columns.forEach((c, i) => { ws.getColumn(i + 1).width = c.width ?? Math.max(12, c.header.length + 2); });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return writeSafeXlsx(wb);
}
