// The reconciliation report of a day as an XLSX workbook (exceljs): the totals, then one row per
// mismatch in the provincial office's words.
import ExcelJS from 'exceljs';
import { writeSafeXlsx } from '../platform/xlsx';
import { formatShortDateTime } from '../forms';
import { duplicateRefundLabels, type Mismatch, type Reconciliation } from './reconcile-rules';

const refundText = (x: Mismatch): string => (x.refund ? `${duplicateRefundLabels[x.refund.state]}${x.refund.at ? ` (${formatShortDateTime(new Date(x.refund.at))})` : ''}` : '');

export async function reconciliationXlsx(day: string, r: Reconciliation): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Doi soat');
  const [y, m, d] = day.split('-');
  sheet.addRow([`BÁO CÁO ĐỐI SOÁT THANH TOÁN TRỰC TUYẾN NGÀY ${d}/${m}/${y}`]).font = { bold: true, size: 13 };
  sheet.addRow(['Tổng đã thu (hệ thống)', r.paidHereVnd]);
  sheet.addRow(['Tổng quyết toán (cổng thanh toán)', r.settledVnd]);
  sheet.addRow(['Giao dịch khớp', r.matched]);
  sheet.addRow(['Số chênh lệch', r.mismatches.length]);
  sheet.addRow([]);
  const header = sheet.addRow(['STT', 'Loại chênh lệch', 'Mã giao dịch', 'Mã hồ sơ', 'Số biên lai', 'Số tiền hệ thống (đồng)', 'Số tiền cổng thanh toán (đồng)', 'Hoàn tiền']);
  header.font = { bold: true };
  r.mismatches.forEach((x, i) => sheet.addRow([i + 1, x.label, x.txnRef ?? '', x.dossierCode ?? '', x.receiptNumber ?? '', x.hereVnd ?? '', x.gatewayVnd ?? '', refundText(x)]));
  sheet.columns.forEach((c, i) => { c.width = [6, 60, 20, 28, 18, 20, 24, 40][i] ?? 16; });
  for (const col of [2, 6, 7]) sheet.getColumn(col).numFmt = '#,##0';
  return writeSafeXlsx(workbook);
}
