/**
 * Columns of the Sổ theo dõi hồ sơ (TT 01/2018 Mẫu 06 / TT 03/2025 Mẫu 07), shared by the PDF and
 * the XLSX output. The column list is [U] (DOMAIN §3.2, §11.4): recollection of the template.
 */
import type { LedgerRow } from './model';

export const LEDGER_TITLE = 'Sổ theo dõi hồ sơ';

export interface LedgerColumn {
  header: string;
  /** Relative width in the PDF; character width in the spreadsheet. */
  width: number;
  align: 'left' | 'center';
}

/** The date columns, alike: one width, centred, under one group header. */
const DATE_HEADERS = [
  'Nhận hồ sơ', 'Hẹn trả kết quả', 'Chuyển hồ sơ đến cơ quan giải quyết', 'Nhận kết quả từ cơ quan giải quyết', 'Trả kết quả cho cá nhân, tổ chức',
] as const;

export const LEDGER_COLUMNS = [
  { header: 'STT', width: 4.5, align: 'center' },
  { header: 'Mã hồ sơ', width: 16, align: 'left' },
  { header: 'Tên TTHC', width: 16, align: 'left' },
  { header: 'Số lượng hồ sơ (bộ)', width: 6, align: 'center' },
  { header: 'Tên cá nhân, tổ chức', width: 13, align: 'left' },
  { header: 'Địa chỉ, số điện thoại', width: 16, align: 'left' },
  { header: 'Cơ quan chủ trì giải quyết', width: 13, align: 'left' },
  ...DATE_HEADERS.map((header) => ({ header, width: 12, align: 'center' as const })),
  { header: 'Ghi chú', width: 9, align: 'left' },
] as const satisfies readonly LedgerColumn[];

/** Columns 7–11 (0-based) sit under one "Ngày, tháng, năm" header. */
export const LEDGER_DATE_GROUP = { from: 7, to: 7 + DATE_HEADERS.length - 1, label: 'Ngày, tháng, năm' } as const;

export type LedgerCell = string | number | Date | null;

/** One ledger row as cell values, in column order (dates stay Dates). */
export function ledgerCells(row: LedgerRow, index: number): LedgerCell[] {
  const addressPhone = [row.applicantAddress, row.applicantPhone].filter((s) => s.trim() !== '').join(' – ');
  return [
    index + 1,
    row.code,
    row.procedureName,
    row.setCount,
    row.applicantName,
    addressPhone,
    row.leadAgencyName,
    row.receivedAt,
    row.dueAt,
    row.forwardedAt ?? null,
    row.resultReceivedAt ?? null,
    row.returnedAt ?? null,
    row.note ?? '',
  ];
}
