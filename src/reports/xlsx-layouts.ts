// The layouts of the reports' XLSX tables (`format=xlsx`), apart from the routes: each table's
// file name stem, title and columns.
import type { SheetColumn } from './xlsx';

export const summaryColumns: SheetColumn[] = [{ key: 'key', header: 'Chỉ tiêu', width: 32 }, { key: 'value', header: 'Giá trị' }];

export const breakdownColumns: SheetColumn[] = [
  { key: 'key', header: 'Mã' }, { key: 'label', header: 'Tên', width: 50 }, { key: 'received', header: 'Tiếp nhận' },
  { key: 'online', header: 'Trực tuyến' }, { key: 'postal', header: 'BCCI' }, { key: 'resolved', header: 'Đã giải quyết' },
  { key: 'onTime', header: 'Trước/đúng hạn' }, { key: 'late', header: 'Quá hạn' }, { key: 'lateShare', header: 'Tỷ lệ quá hạn (%)' },
];

export const trendColumns: SheetColumn[] = [
  { key: 'month', header: 'Tháng' }, { key: 'received', header: 'Tiếp nhận' }, { key: 'online', header: 'Trực tuyến' },
  { key: 'postal', header: 'BCCI' }, { key: 'resolved', header: 'Đã giải quyết' }, { key: 'late', header: 'Quá hạn' },
];

export const drillColumns: SheetColumn[] = [{ key: 'code', header: 'Mã hồ sơ', width: 30 }, { key: 'procedureCode', header: 'Thủ tục' }, { key: 'applicantName', header: 'Người nộp', width: 28 }, { key: 'channel', header: 'Kênh' }, { key: 'status', header: 'Trạng thái' }, { key: 'receivedAt', header: 'Tiếp nhận', width: 26 }, { key: 'dueAt', header: 'Hẹn trả', width: 26 }, { key: 'finishedAt', header: 'Kết thúc', width: 26 }];

export const indicatorColumns: SheetColumn[] = [{ key: 'code', header: 'Chỉ số' }, { key: 'name', header: 'Tên', width: 50 }, { key: 'value', header: 'Giá trị' }, { key: 'unit', header: 'Đơn vị' }, { key: 'numerator', header: 'Tử số' }, { key: 'denominator', header: 'Mẫu số' }, { key: 'score', header: 'Điểm' }, { key: 'maxScore', header: 'Điểm tối đa' }, { key: 'rule', header: 'Cách tính', width: 80 }];

/** One report table as a file: the name's stem (the period is appended), the title, the columns. */
export interface XlsxTable {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly SheetColumn[];
}

export const summaryTable: XlsxTable = { name: 'tong-hop', title: 'Tổng hợp tình hình giải quyết TTHC', columns: summaryColumns };
export const breakdownTable = (by: string): XlsxTable => ({ name: `theo-${by}`, title: 'Số liệu giải quyết TTHC', columns: breakdownColumns });
export const trendTable: XlsxTable = { name: 'theo-thang', title: 'Diễn biến theo tháng', columns: trendColumns };
export const worstLateTable = (by: string): XlsxTable => ({ name: `qua-han-${by}`, title: 'Hồ sơ quá hạn', columns: breakdownColumns });
export const drillTable: XlsxTable = { name: 'ho-so', title: 'Danh sách hồ sơ', columns: drillColumns };
export const indicatorsTable: XlsxTable = { name: 'chi-so-766', title: 'Bộ chỉ số 766/QĐ-TTg', columns: indicatorColumns };
