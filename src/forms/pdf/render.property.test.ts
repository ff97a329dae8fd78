/**
 * Arbitrary text (Vietnamese letters precomposed and decomposed, very long names, symbols the
 * font lacks, control characters, lone surrogates) never makes a renderer throw, and every output
 * is a PDF whose pages all have the form's paper size.
 */
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  renderApologySlip, renderControlSlip, renderLedgerPdf, renderLedgerXlsx, renderReceiptSlip, renderRefusalSlip,
  renderStopNotice, renderSupplementSlip,
} from '../index';
import {
  apologyData, applicant, controlData, header, ledgerData, receiptData, refusalData, stopNoticeData, supplementData,
} from '../fixtures.test-helper';

const VN_LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ'];
const COMBINING = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B'];

const vnText = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...VN_LETTERS) },
      { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '\n', '-', '.', '/', ',') },
      { weight: 1, arbitrary: fc.constantFrom(...COMBINING) },
    ),
    { maxLength: 300 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  { weight: 6, arbitrary: vnText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000\u0007\t\r', '😀🇻🇳', '\uD800x', 'Ｗ'.repeat(400)) },
);

const A5 = [419.53, 595.28] as const;
const A4L = [841.89, 595.28] as const;

async function expectPages(bytes: Uint8Array, size: readonly [number, number]): Promise<void> {
  const doc = await PDFDocument.load(bytes);
  expect(doc.getPageCount()).toBeGreaterThan(0);
  for (const page of doc.getPages()) {
    expect(Math.abs(page.getWidth() - size[0])).toBeLessThan(1);
    expect(Math.abs(page.getHeight() - size[1])).toBeLessThan(1);
  }
}

const people = fc.record({ name: anyText, address: anyText, phone: anyText, email: anyText });
const props = { numRuns: 12 };

describe('renderers accept any text', () => {
  it('receipt slip', async () => {
    await fc.assert(
      fc.asyncProperty(people, anyText, anyText, fc.array(anyText, { maxLength: 6 }), anyText, async (who, code, proc, papers, url) => {
        const data = receiptData({
          code,
          applicant: who,
          procedure: { name: proc },
          papers: papers.map((name, i) => ({ name, originals: i, copies: 1 })),
          header: header({ unitName: proc, parentAgencyName: code }),
          receiverName: who.name,
          trackingUrl: url,
          fees: [{ name: proc, amountVnd: 12_345 }],
        });
        await expectPages(await renderReceiptSlip(data), A5);
      }),
      props,
    );
  });

  it('supplement, refusal, apology and stop notice', async () => {
    await fc.assert(
      fc.asyncProperty(people, anyText, anyText, fc.array(anyText, { maxLength: 8 }), async (who, code, reason, items) => {
        await expectPages(await renderSupplementSlip(supplementData({ applicant: who, code, reason, items, trackingUrl: reason, guideName: who.name })), A5);
        await expectPages(await renderRefusalSlip(refusalData({ applicant: who, code, reason, signerName: reason })), A5);
        await expectPages(await renderApologySlip(apologyData({ applicant: who, code, reason, agencyName: reason, number: code, trackingUrl: code })), A5);
        await expectPages(await renderStopNotice(stopNoticeData({ applicant: who, code, reason })), A5);
      }),
      props,
    );
  });

  it('control slip and ledger', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (a, b, c) => {
        const rows = [{ from: a, to: b, at: new Date(0), note: c }, { from: c, to: a, at: new Date(Number.NaN), result: 'late' as const }];
        await expectPages(await renderControlSlip(controlData({ applicant: applicant({ name: a }), resultPlace: b, rows })), A5);
        const ledger = ledgerData(3);
        ledger.rows = ledger.rows.map((row) => ({ ...row, code: a, procedureName: b, applicantName: c, applicantAddress: a, note: b }));
        await expectPages(await renderLedgerPdf(ledger), A4L);
        const xlsx = await renderLedgerXlsx(ledger);
        expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
      }),
      props,
    );
  });
});
