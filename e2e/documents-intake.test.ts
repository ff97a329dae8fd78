// Digitization at the counter in the browser (issue 12 acceptance): the clerk reads the CCCD's QR
// through the camera path (a fake camera showing a QR drawn in the test), the form fills; a first
// dossier leaves the applicant's birth notice, scanned by upload, in their document store (with
// their consent); on the next dossier the store offers it, the clerk reuses it and scans another
// paper by upload; the receipt lists one as reused and the other as scanned; the officer downloads
// the scan from the dossier page. Screenshots at 1280 and 360 px go to test-results/documents-intake/.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed';
import { axeViolations } from './harness';
import { openDemoApp, type DemoApp } from './demo-app';
import { fakeCameraArgs, qrVideoFile } from './fake-camera';

const QR = '087090001234|341234567|NGUYỄN VĂN AN|15031990|Nam|Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp|20042021';
const PHONE = '0912345678';
const OUT = 'test-results/documents-intake';
const STEP_MS = 150_000;
// the birth-registration procedure's papers, as the checklist numbers them
const BIRTH_NOTICE = '4';
const FORM = '7';

let demo: DemoApp | undefined;
let page: Page;
let base = '';
let code = '';

/** A one-page PDF "scan" made here (the server sniffs it from its bytes). */
async function scanPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const p = doc.addPage([595, 842]);
  p.drawText(title, { x: 60, y: 760, size: 20, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** The text of a PDF, read with pdfjs (the receipt's font is an embedded subset with its Unicode map). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    lines.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return lines.join('\n').normalize('NFC').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  demo = await openDemoApp(fakeCameraArgs(await qrVideoFile(QR)));
  page = demo.page;
  base = demo.server.baseUrl;
  fs.mkdirSync(OUT, { recursive: true });
}, 120_000);
afterAll(async () => {
  await demo?.close();
});

async function logIn(username: string): Promise<void> {
  await page.goto(base);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}

async function chooseBirthRegistration(): Promise<void> {
  await page.goto(`${base}/quay/tiep-nhan`);
  await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
  await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
  await page.getByRole('button', { name: /^Thủ tục đăng ký khai sinh/ }).click();
  await page.getByText('Thủ tục đã chọn').waitFor();
}

/** Opens the paper's scan panel, uploads one PDF through the file picker, saves the scan. */
async function scanByUpload(paper: string, title: string): Promise<void> {
  await page.getByRole('button', { name: `Scan giấy tờ: ${paper}` }).click();
  const panel = page.locator('.scan-panel');
  await panel.getByLabel('Chọn tệp').setInputFiles({ name: `${title}.pdf`, mimeType: 'application/pdf', buffer: await scanPdf(title) });
  await panel.getByRole('button', { name: 'Lưu bản scan' }).click();
  await panel.getByText('Đã lưu bản scan (1 trang)').waitFor();
}

async function receive(): Promise<string> {
  await page.getByLabel('Họ tên người được đăng ký').fill('Nguyễn Văn Bé');
  await page.getByRole('button', { name: 'Kiểm tra trước khi tiếp nhận' }).click();
  await page.getByRole('heading', { level: 2, name: 'Kiểm tra hồ sơ' }).waitFor();
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Đã tiếp nhận hồ sơ' }).waitFor();
  return ((await page.locator('.done-code').textContent()) ?? '').replace('Mã hồ sơ: ', '').trim();
}

describe('digitization at the counter', () => {
  it('the CCCD QR read by the camera fills the applicant', async () => {
    await logIn('clerk');
    await chooseBirthRegistration();
    await page.getByRole('button', { name: 'Quét mã QR bằng camera' }).click();
    await page.getByText('Đã điền thông tin từ CCCD của Nguyễn Văn An').waitFor({ timeout: 30_000 });
    const applicant = page.getByRole('region', { name: /Người nộp hồ sơ/ });
    expect(await applicant.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe('087090001234');
    expect(await applicant.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Nguyễn Văn An');
    expect(await applicant.getByLabel('Ngày sinh', { exact: true }).inputValue()).toBe('15/03/1990');
    expect(await applicant.getByLabel('Địa chỉ', { exact: true }).inputValue()).toBe('Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp');
    // the camera is off again once the card is read
    await page.getByRole('button', { name: 'Quét mã QR bằng camera' }).waitFor();
    await page.screenshot({ path: `${OUT}/camera-qr-1280.png` });
  }, STEP_MS);

  it('a first dossier: the birth notice scanned by upload, kept in the store with the applicant\'s consent', async () => {
    await page.getByRole('region', { name: /Người nộp hồ sơ/ }).getByLabel('Số điện thoại', { exact: true }).fill(PHONE);
    await page.getByRole('checkbox', { name: `Đã nộp: ${BIRTH_NOTICE}` }).check();
    // nothing to reuse yet
    expect(await page.getByRole('button', { name: /^Dùng lại/ }).count()).toBe(0);
    await scanByUpload(BIRTH_NOTICE, 'GIAY CHUNG SINH');
    await page.getByLabel(/Người nộp đồng ý lưu giấy tờ đã số hóa/).check();
    expect(await receive()).toMatch(/-\d{6}-\d{4}$/);
  }, STEP_MS);

  it('the next dossier: the store offers the birth notice, the clerk reuses it and scans the form by upload', async () => {
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await chooseBirthRegistration();
    await page.getByLabel('Quét CCCD').fill(QR);
    await page.getByLabel('Quét CCCD').press('Enter');
    await page.getByRole('region', { name: /Người nộp hồ sơ/ }).getByLabel('Số điện thoại', { exact: true }).fill(PHONE);
    await page.getByText(/Kho giấy tờ của người nộp đã có 1 giấy tờ của thủ tục này/).waitFor();
    await page.getByText('Người nộp đã đồng ý lưu giữ và dùng lại giấy tờ', { exact: false }).waitFor();
    await page.getByRole('button', { name: `Dùng lại từ kho giấy tờ: ${BIRTH_NOTICE}` }).click();
    await page.getByText('✓ Dùng lại từ kho: Giấy chứng sinh').waitFor();
    expect(await page.getByRole('checkbox', { name: `Đã nộp: ${BIRTH_NOTICE}` }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: `Đã nộp: ${FORM}` }).check();
    await scanByUpload(FORM, 'TO KHAI DANG KY KHAI SINH');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}/papers-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('checkbox', { name: `Đã nộp: ${BIRTH_NOTICE}` }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/papers-360.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
    code = await receive();
    expect(code).toMatch(/-\d{6}-\d{4}$/);
  }, STEP_MS);

  it('the receipt lists the reused paper and the scanned one', async () => {
    const response = await page.request.get(`${base}/api/v1/dossiers/${code}/slips/receipt.pdf`);
    expect(response.status()).toBe(200);
    const text = await pdfText(await response.body());
    expect(text).toContain('(dùng lại từ kho dữ liệu)');
    expect(text).toContain('(có bản scan)');
    expect(text.indexOf('Giấy chứng sinh')).toBeLessThan(text.indexOf('(dùng lại từ kho dữ liệu)'));
    expect(text.indexOf('Tờ khai đăng ký khai sinh')).toBeLessThan(text.indexOf('(có bản scan)'));
  }, STEP_MS);

  it('the officer opens the scan from the dossier page', async () => {
    // the clerk hands the dossier over to the commune
    await page.getByRole('link', { name: 'Xem hồ sơ và chuyển xử lý' }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.locator('button[data-action="forward"]').click();
    const dialog = page.getByRole('dialog', { name: /^Xác nhận: Chuyển đến/ });
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText(/^Đã thực hiện “Chuyển đến/).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await logIn('officer');
    await page.goto(`${base}/xu-ly/ho-so/${code}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const link = page.getByRole('link', { name: /^Tải bản scan: Tờ khai đăng ký khai sinh/ });
    await link.waitFor();
    await page.screenshot({ path: `${OUT}/dossier-papers-1280.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(bytes)).toContain('TO KHAI DANG KY KHAI SINH');
    // the reused paper's file is the stored one
    expect(await page.getByRole('link', { name: /^Tải bản scan: Giấy chứng sinh/ }).count()).toBe(1);
    expect(demo?.browser.problems).toEqual([]);
  }, STEP_MS);
});
