// The quarterly report of the public postal service as a workbook (TT 17/2017/TT-BTTTT arts. 12–14;
// DOMAIN §5.4: volume, revenue, complaints and their outcome, lost or damaged dossiers,
// compensation — due before the 10th of the first month of the next quarter). The layout only:
// figures in (figures.ts), workbook out; written through src/platform/xlsx.ts by the caller.
import ExcelJS from 'exceljs';
import { formatVnInstant } from '../shared/civil-date';
import type { PostOfficeFigures, PostOfficeRow } from './figures';

export interface QuarterlyReportInput {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** the unit the report covers (the province, or the reader's unit) */
  readonly scopeName: string;
  readonly issuedAt: Date;
  readonly postOffices: readonly PostOfficeRow[];
  readonly total: PostOfficeFigures;
}

const HEADERS = [
  'Mã bưu cục', 'Bưu cục', 'Lấy hồ sơ tại nhà', 'Chuyển đến cơ quan', 'Phát kết quả', 'Chuyển giữa cơ quan', 'Tổng chặng',
  'Kết thúc trong kỳ', 'Đúng chỉ tiêu J+n', 'Trễ chỉ tiêu', 'Phát không thành công', 'Trả lại cơ quan',
  'Cước BCCI (đ)', 'Phí, lệ phí thu hộ (đ)', 'Khiếu nại', 'Thất lạc', 'Hư hỏng', 'Chậm', 'Bồi thường (đ)',
] as const;

const cells = (f: PostOfficeFigures): (string | number)[] => [
  f.legsByKind.pickup, f.legsByKind.toAgency, f.legsByKind.result, f.legsByKind.transfer, f.legs,
  f.ended, f.onTime, f.late, f.failedAttempts, f.returnedToAgency,
  f.postageVnd, f.feesVnd, f.incidentsByKind.complaint, f.incidentsByKind.lost, f.incidentsByKind.damaged, f.incidentsByKind.late, f.compensationVnd,
];

/** The report's workbook: one sheet, a title, the period, one row per post office and the total. */
export function quarterlyReportWorkbook(r: QuarterlyReportInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet(`Quý ${r.quarter}-${r.year}`);
  ws.addRow(['BÁO CÁO TÌNH HÌNH CUNG ỨNG DỊCH VỤ BƯU CHÍNH CÔNG ÍCH TRONG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH']).font = { bold: true, size: 13 };
  ws.addRow([`Quý ${r.quarter} năm ${r.year} — ${r.scopeName} (Thông tư 17/2017/TT-BTTTT, Điều 14)`]);
  ws.addRow([`Lập lúc ${formatVnInstant(r.issuedAt.getTime())} (giờ Việt Nam)`]);
  ws.addRow([]);
  ws.addRow([...HEADERS]).font = { bold: true };
  for (const p of r.postOffices) ws.addRow([p.code, p.name, ...cells(p)]);
  ws.addRow(['', 'Tổng cộng', ...cells(r.total)]).font = { bold: true };
  ws.getColumn(2).width = 40;
  for (let c = 13; c <= HEADERS.length; c++) ws.getColumn(c).numFmt = '#,##0';
  ws.views = [{ state: 'frozen', ySplit: 5 }];
  return wb;
}

/** The quarter a period is, when it is exactly one (1/1–31/3, 1/4–30/6, 1/7–30/9, 1/10–31/12); else null. */
export function quarterOf(from: string, to: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const ends = { 1: ['01-01', '03-31'], 2: ['04-01', '06-30'], 3: ['07-01', '09-30'], 4: ['10-01', '12-31'] } as const;
  const year = Number(from.slice(0, 4));
  if (!Number.isInteger(year) || to.slice(0, 4) !== from.slice(0, 4)) return null;
  for (const q of [1, 2, 3, 4] as const) if (from.slice(5) === ends[q][0] && to.slice(5) === ends[q][1]) return { year, quarter: q };
  return null;
}
