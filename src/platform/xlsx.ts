// The one way motcua writes a spreadsheet. Every text cell of every sheet is made safe on the way
// out: a text that a spreadsheet program would read as a formula (starting with = + - @, or a
// tab or carriage return before one) gets a leading apostrophe, so that a name like
// `=HYPERLINK("http://…")` typed at a counter shows as text in the supervisor's export instead of
// running (OWASP "CSV injection"; exceljs stores strings as strings, but a user who edits the
// cell, or saves the sheet as CSV, would turn it into a live formula). Characters XML 1.0 cannot
// carry are dropped, and text is NFC.
import ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Drops characters XML 1.0 cannot carry (they would corrupt the workbook); NFC. */
export function xmlSafeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  ).normalize('NFC');
}

/** A text as it may go into a cell: XML-safe, and never read as a formula. */
export function neutralizeCellText(text: string): string {
  const clean = xmlSafeText(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

function neutralizeValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === 'string') return neutralizeCellText(value);
  if (value && typeof value === 'object' && 'richText' in value) {
    // only the start of the cell makes a formula: the first run
    const [first, ...rest] = value.richText;
    if (!first) return value;
    return { richText: [{ ...first, text: neutralizeCellText(first.text) }, ...rest.map((r) => ({ ...r, text: xmlSafeText(r.text) }))] };
  }
  // motcua writes no formulas: one that slipped in is written as its text
  if (value && typeof value === 'object' && 'formula' in value) return neutralizeCellText(`=${String(value.formula)}`);
  return value;
}

/** Neutralizes every cell of the workbook, then writes it. Every XLSX writer ends here. */
export async function writeSafeXlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const safe = neutralizeValue(cell.value);
        if (safe !== cell.value) cell.value = safe;
      });
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
