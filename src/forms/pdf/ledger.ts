/** Sổ theo dõi hồ sơ as a PDF: A4 landscape, one row per dossier (see ../ledger-columns.ts). */
import { formatShortDate, formatShortDateTime } from '../format';
import { LEDGER_COLUMNS, LEDGER_DATE_GROUP, LEDGER_TITLE, ledgerCells, type LedgerCell } from '../ledger-columns';
import type { LedgerData } from '../model';
import { drawNationalHeader, drawTitle, renderForm } from './blocks';
import { A4_LANDSCAPE } from './layout';
import { drawTable } from './table';

/** "05/03/2026 10:30" for dates (the time on its own line in the narrow column). */
export function ledgerCellText(cell: LedgerCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return formatShortDateTime(cell).replace(' ', '\n');
  return String(cell);
}

/** "Từ ngày 01/03/2026 đến ngày 31/03/2026". */
export function ledgerPeriodText(period: LedgerData['period']): string {
  return `Từ ngày ${formatShortDate(period.from)} đến ngày ${formatShortDate(period.to)}`;
}

export function renderLedgerPdf(data: LedgerData): Promise<Uint8Array> {
  const meta = {
    title: `${LEDGER_TITLE} – ${ledgerPeriodText(data.period)}`,
    subject: data.header.unitName,
    issuedAt: data.header.issuedAt,
  };
  return renderForm(A4_LANDSCAPE, meta, (w) => {
    drawNationalHeader(w, data.header, { kind: 'ledger', leftShare: 0.5 });
    drawTitle(w, LEDGER_TITLE, [ledgerPeriodText(data.period)]);
    drawTable(
      w,
      LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width, align: c.align })),
      data.rows.map((row, i) => ledgerCells(row, i).map(ledgerCellText)),
      { size: 7.5, groups: [LEDGER_DATE_GROUP] },
    );
    if (data.rows.length === 0) w.paragraph('(Không có hồ sơ trong kỳ)', { font: 'italic', align: 'center' });
  });
}
