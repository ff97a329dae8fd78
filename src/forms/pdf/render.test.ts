import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  renderApologySlip, renderControlSlip, renderLedgerPdf, renderReceiptSlip, renderRefusalSlip, renderStopNotice,
  renderSupplementSlip,
} from '../index';
import {
  apologyData, CODE, controlData, ledgerData, receiptData, refusalData, stopNoticeData, supplementData,
} from '../fixtures.test-helper';
import { loadFontBytes } from './fonts';
import { feeLines, paperCellText } from './receipt';
import { controlRowCells } from './control';
import { ledgerCellText, ledgerPeriodText } from './ledger';

const A5 = { width: 419.53, height: 595.28 };
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

async function inspect(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return {
    doc,
    sizes: doc.getPages().map((p) => p.getSize()),
    raw: latin1(bytes),
  };
}

function expectPageSize(sizes: { width: number; height: number }[], size: { width: number; height: number }): void {
  expect(sizes.length).toBeGreaterThan(0);
  for (const s of sizes) {
    expect(Math.abs(s.width - size.width)).toBeLessThan(1);
    expect(Math.abs(s.height - size.height)).toBeLessThan(1);
  }
}

const slips = [
  ['receipt slip (Mẫu 01)', () => renderReceiptSlip(receiptData()), 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', true],
  ['supplement slip (Mẫu 02)', () => renderSupplementSlip(supplementData()), 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', true],
  ['intake refusal (Mẫu 03)', () => renderRefusalSlip(refusalData()), 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', false],
  ['refusal after appraisal', () => renderRefusalSlip(refusalData({ stage: 'appraisal' })), 'Phiếu từ chối giải quyết hồ sơ', false],
  ['apology (Mẫu 04, 2025)', () => renderApologySlip(apologyData()), 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', true],
  ['stop notice (2025 Mẫu 05)', () => renderStopNotice(stopNoticeData()), 'Thông báo dừng giải quyết hồ sơ', false],
  ['control slip (Mẫu 06)', () => renderControlSlip(controlData()), 'Phiếu kiểm soát quá trình giải quyết hồ sơ', false],
] as const;

describe.each(slips)('%s', (_name, render, title, hasQr) => {
  it('is one A5 portrait page titled with the form name and the dossier code', async () => {
    const { doc, sizes } = await inspect(await render());
    expectPageSize(sizes, A5);
    expect(sizes).toHaveLength(1);
    expect(doc.getTitle()).toBe(`${title} – ${CODE}`);
    expect(doc.getAuthor()).toBe('motcua');
  });

  it('embeds Be Vietnam Pro as TrueType subsets, declares Vietnamese and carries the print date', async () => {
    const { doc, raw } = await inspect(await render());
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/BaseFont /MOTCUA+BeVietnamPro-Regular');
    expect(raw).toContain('/BaseFont /MOTCUA+BeVietnamPro-Bold');
    expect(raw).toContain('/BaseFont /MOTCUA+BeVietnamPro-Italic');
    expect(raw).toContain('/Lang (vi)');
    expect(doc.getCreationDate()?.getTime()).toBeGreaterThan(0);
  });

  it('is a pure function of its data: the same data gives the same bytes', async () => {
    expect(Buffer.from(await render()).equals(Buffer.from(await render()))).toBe(true);
  });

  it(hasQr ? 'carries the status QR code' : 'has no QR code', async () => {
    const { raw } = await inspect(await render());
    expect(raw.includes('/Subtype /Image')).toBe(hasQr);
  });
});

describe('flowing content', () => {
  it('a receipt with many papers flows to a second A5 page', async () => {
    const papers = Array.from({ length: 25 }, (_, i) => ({
      name: `Giấy tờ số ${i + 1}: bản sao có chứng thực giấy tờ chứng minh nơi cư trú của người yêu cầu`,
      originals: 1,
      copies: 1,
    }));
    const { sizes } = await inspect(await renderReceiptSlip(receiptData({ papers })));
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expectPageSize(sizes, A5);
  });

  it('a very long reason is split over pages instead of running off the page', async () => {
    const reason = 'Hồ sơ chưa đúng quy định về thành phần, số lượng giấy tờ. '.repeat(120);
    const { sizes } = await inspect(await renderRefusalSlip(refusalData({ reason })));
    expect(sizes.length).toBeGreaterThanOrEqual(2);
  });

  it('a mark the font cannot position (a + U+031B, found by fast-check) does not break rendering', async () => {
    const { sizes } = await inspect(await renderSupplementSlip(supplementData({ items: ['a\u031B'] })));
    expect(sizes).toHaveLength(1);
  });

  it('the print date comes from the data: the creation date is issuedAt', async () => {
    const data = receiptData();
    const { doc } = await inspect(await renderReceiptSlip(data));
    expect(doc.getCreationDate()?.toISOString()).toBe(data.header.issuedAt.toISOString());
  });
});

describe('ledger PDF', () => {
  it('is A4 landscape and spreads 40 dossiers over several pages', async () => {
    const { doc, sizes } = await inspect(await renderLedgerPdf(ledgerData(40)));
    expectPageSize(sizes, A4_LANDSCAPE);
    expect(sizes.length).toBeGreaterThan(1);
    expect(doc.getTitle()).toBe('Sổ theo dõi hồ sơ – Từ ngày 01/03/2026 đến ngày 31/03/2026');
  });

  it('renders an empty period on one page', async () => {
    const { sizes } = await inspect(await renderLedgerPdf(ledgerData(0)));
    expect(sizes).toHaveLength(1);
  });

  it('prints dates as dd/mm/yyyy and the time on the next line', () => {
    expect(ledgerCellText(new Date('2026-03-05T03:30:00Z'))).toBe('05/03/2026\n10:30');
    expect(ledgerCellText(null)).toBe('');
    expect(ledgerPeriodText(ledgerData(0).period)).toBe('Từ ngày 01/03/2026 đến ngày 31/03/2026');
  });
});

describe('slip content', () => {
  it('lists each fee with a total when several are due', () => {
    expect(feeLines([])).toEqual(['Không']);
    expect(
      feeLines([
        { name: 'Lệ phí', amountVnd: 50_000 },
        { name: 'Cước bưu chính', amountVnd: 25_000 },
        { name: 'Phí khác', amountVnd: 0 },
      ]),
    ).toEqual(['- Lệ phí: 50.000 đồng', '- Cước bưu chính: 25.000 đồng', '- Phí khác: Miễn phí', 'Tổng cộng: 75.000 đồng']);
  });

  it('a control-slip row names both sides of the hand-over and its timeliness', () => {
    const [row] = controlData().rows;
    expect(row && controlRowCells(row, 0)).toEqual([
      '1. Giao: Bộ phận TN&TKQ\nNhận: Phòng Văn hóa – Xã hội xã Mỹ Hiệp',
      '14 giờ 00 phút, ngày 05 tháng 03 năm 2026\nNgười giao:\n\nNgười nhận:\n',
      'Đúng hạn',
      '',
    ]);
  });

  it('reads the font files once per process', async () => {
    expect(await loadFontBytes()).toBe(await loadFontBytes());
  });
});

describe('receipt papers (issue 12 §2)', () => {
  it('says beside each paper whether its electronic copy was scanned or reused from the store', () => {
    expect(paperCellText({ name: 'Giấy chứng sinh', originals: 1, copies: 0, digital: 'scanned' })).toBe('Giấy chứng sinh (có bản scan)');
    expect(paperCellText({ name: 'Giấy chứng nhận kết hôn', originals: 0, copies: 1, digital: 'reused' })).toBe('Giấy chứng nhận kết hôn (dùng lại từ kho dữ liệu)');
    expect(paperCellText({ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 })).toBe('Tờ khai đăng ký khai sinh');
  });
});
