// Digitization at the counter in the browser (issue 12 acceptance): the clerk reads the CCCD's QR
// through the camera path (a fake camera showing a QR drawn in the test), the form fills; a first
// dossier leaves the applicant's birth notice, scanned by upload, in their document store (with
// their consent); on the next dossier the store offers it, the clerk reuses it and scans another
// paper by upload; the receipt lists one as reused and the other as scanned; the officer downloads
// the scan from the dossier page. Screenshots at 1280 and 360 px go to test-results/documents-intake/.
import fs from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../test/pdf-text';
import { axeViolations } from './harness';
import { chooseProcedureAtCounter, logIn as logInAs, useDemoApp } from './demo-app';
import { fakeCameraArgs, qrVideoFile } from './fake-camera';

const QR = '087090001234|341234567|NGUYỄN VĂN AN|15031990|Nam|Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp|20042021';
const PHONE = '0912345678';
const OUT = 'test-results/documents-intake';
const STEP_MS = 150_000;
// the birth-registration procedure's papers, as the checklist numbers them
const BIRTH_NOTICE = '4';
const FORM = '7';

const demo = useDemoApp(OUT, { browserArgs: async () => fakeCameraArgs(await qrVideoFile(QR)), startMs: 120_000 });
const logIn = (username: string) => logInAs(demo.page, demo.base, username);
const chooseBirthRegistration = () => chooseProcedureAtCounter(demo.page, demo.base, 'dang ky khai sinh', /^Thủ tục đăng ký khai sinh/);
let code = '';

/** A one-page PDF "scan" made here (the server sniffs it from its bytes). */
async function scanPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const p = doc.addPage([595, 842]);
  p.drawText(title, { x: 60, y: 760, size: 20, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** Opens the paper's scan panel, uploads one PDF through the file picker, saves the scan. */
async function scanByUpload(paper: string, title: string): Promise<void> {
  await demo.page.getByRole('button', { name: `Scan giấy tờ: ${paper}` }).click();
  const panel = demo.page.locator('.scan-panel');
  await panel.getByLabel('Chọn tệp').setInputFiles({ name: `${title}.pdf`, mimeType: 'application/pdf', buffer: await scanPdf(title) });
  await panel.getByRole('button', { name: 'Lưu bản scan' }).click();
  await panel.getByText('Đã lưu bản scan (1 trang)').waitFor();
}

async function receive(): Promise<string> {
  await demo.page.getByLabel('Họ tên người được đăng ký').fill('Nguyễn Văn Bé');
  await demo.page.getByRole('button', { name: 'Kiểm tra trước khi tiếp nhận' }).click();
  await demo.page.getByRole('heading', { level: 2, name: 'Kiểm tra hồ sơ' }).waitFor();
  await demo.page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await demo.page.getByRole('heading', { level: 2, name: 'Đã tiếp nhận hồ sơ' }).waitFor();
  return ((await demo.page.locator('.done-code').textContent()) ?? '').replace('Mã hồ sơ: ', '').trim();
}

describe('digitization at the counter', () => {
  it('the CCCD QR read by the camera fills the applicant', async () => {
    await logIn('clerk');
    await chooseBirthRegistration();
    await demo.page.getByRole('button', { name: 'Quét mã QR bằng camera' }).click();
    await demo.page.getByText('Đã điền thông tin từ CCCD của Nguyễn Văn An').waitFor({ timeout: 30_000 });
    const applicant = demo.page.getByRole('region', { name: /Người nộp hồ sơ/ });
    expect(await applicant.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe('087090001234');
    expect(await applicant.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Nguyễn Văn An');
    expect(await applicant.getByLabel('Ngày sinh', { exact: true }).inputValue()).toBe('15/03/1990');
    expect(await applicant.getByLabel('Địa chỉ', { exact: true }).inputValue()).toBe('Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp');
    // the camera is off again once the card is read
    await demo.page.getByRole('button', { name: 'Quét mã QR bằng camera' }).waitFor();
    await demo.page.screenshot({ path: `${OUT}/camera-qr-1280.png` });
  }, STEP_MS);

  it('a first dossier: the birth notice scanned by upload, kept in the store with the applicant\'s consent', async () => {
    await demo.page.getByRole('region', { name: /Người nộp hồ sơ/ }).getByLabel('Số điện thoại', { exact: true }).fill(PHONE);
    await demo.page.getByRole('checkbox', { name: `Đã nộp: ${BIRTH_NOTICE}` }).check();
    // nothing to reuse yet
    expect(await demo.page.getByRole('button', { name: /^Dùng lại/ }).count()).toBe(0);
    await scanByUpload(BIRTH_NOTICE, 'GIAY CHUNG SINH');
    await demo.page.getByLabel(/Người nộp đồng ý lưu giấy tờ đã số hóa/).check();
    expect(await receive()).toMatch(/-\d{6}-\d{4}$/);
  }, STEP_MS);

  it('the next dossier: the store offers the birth notice, the clerk reuses it and scans the form by upload', async () => {
    await demo.page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await chooseBirthRegistration();
    await demo.page.getByLabel('Quét CCCD').fill(QR);
    await demo.page.getByLabel('Quét CCCD').press('Enter');
    await demo.page.getByRole('region', { name: /Người nộp hồ sơ/ }).getByLabel('Số điện thoại', { exact: true }).fill(PHONE);
    await demo.page.getByText(/Kho giấy tờ của người nộp đã có 1 giấy tờ của thủ tục này/).waitFor();
    await demo.page.getByText('Người nộp đã đồng ý lưu giữ và dùng lại giấy tờ', { exact: false }).waitFor();
    await demo.page.getByRole('button', { name: `Dùng lại từ kho giấy tờ: ${BIRTH_NOTICE}` }).click();
    await demo.page.getByText('✓ Dùng lại từ kho: Giấy chứng sinh').waitFor();
    expect(await demo.page.getByRole('checkbox', { name: `Đã nộp: ${BIRTH_NOTICE}` }).isChecked()).toBe(true);
    await demo.page.getByRole('checkbox', { name: `Đã nộp: ${FORM}` }).check();
    await scanByUpload(FORM, 'TO KHAI DANG KY KHAI SINH');
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/papers-1280.png`, fullPage: true });
    await demo.page.setViewportSize({ width: 360, height: 800 });
    await demo.page.getByRole('checkbox', { name: `Đã nộp: ${BIRTH_NOTICE}` }).scrollIntoViewIfNeeded();
    await demo.page.screenshot({ path: `${OUT}/papers-360.png` });
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await demo.page.setViewportSize({ width: 1280, height: 800 });
    code = await receive();
    expect(code).toMatch(/-\d{6}-\d{4}$/);
  }, STEP_MS);

  it('the receipt lists the reused paper and the scanned one', async () => {
    const response = await demo.page.request.get(`${demo.base}/api/v1/dossiers/${code}/slips/receipt.pdf`);
    expect(response.status()).toBe(200);
    const text = await pdfText(await response.body());
    expect(text).toContain('(dùng lại từ kho dữ liệu)');
    expect(text).toContain('(có bản scan)');
    expect(text.indexOf('Giấy chứng sinh')).toBeLessThan(text.indexOf('(dùng lại từ kho dữ liệu)'));
    expect(text.indexOf('Tờ khai đăng ký khai sinh')).toBeLessThan(text.indexOf('(có bản scan)'));
  }, STEP_MS);

  it('the officer opens the scan from the dossier page', async () => {
    // the clerk hands the dossier over to the commune
    await demo.page.getByRole('link', { name: 'Xem hồ sơ và chuyển xử lý' }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await demo.page.locator('button[data-action="forward"]').click();
    const dialog = demo.page.getByRole('dialog', { name: /^Xác nhận: Chuyển đến/ });
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await demo.page.getByText(/^Đã thực hiện “Chuyển đến/).waitFor();
    await demo.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await logIn('officer');
    await demo.page.goto(`${demo.base}/xu-ly/ho-so/${code}`);
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const link = demo.page.getByRole('link', { name: /^Tải bản scan: Tờ khai đăng ký khai sinh/ });
    await link.waitFor();
    await demo.page.screenshot({ path: `${OUT}/dossier-papers-1280.png`, fullPage: true });
    const [download] = await Promise.all([demo.page.waitForEvent('download'), link.click()]);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(bytes)).toContain('TO KHAI DANG KY KHAI SINH');
    // the reused paper's file is the stored one
    expect(await demo.page.getByRole('link', { name: /^Tải bản scan: Giấy chứng sinh/ }).count()).toBe(1);
    expect(demo.app.browser.problems).toEqual([]);
  }, STEP_MS);
});
