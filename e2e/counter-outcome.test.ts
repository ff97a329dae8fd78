// Paper outcomes at the counter in the browser (issue 9 acceptance): the clerk makes one paper
// dossier incomplete with form 02 and refuses another with form 03 — numbered records, no dossier
// code — prints the slips, and the supervisor's dashboard counts them. Screenshots at 1280 and
// 360 px go to test-results/counter-outcome/ for review.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness';
import { chooseProcedureAtCounter, logIn as logInAs, useDemoApp } from './demo-app';

const QR = '087090001234|341234567|NGUYỄN VĂN AN|15031990|Nam|Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp|20042021';
const OUT = 'test-results/counter-outcome';
const STEP_MS = 90_000;

const demo = useDemoApp(OUT);
let dossiersBefore = -1;
const dossierCount = async () => Number((await demo.app.t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const logIn = (username: string) => logInAs(demo.page, demo.base, username);

async function startIntake(): Promise<void> {
  await chooseProcedureAtCounter(demo.page, demo.base, 'dang ky khai sinh', /^Thủ tục đăng ký khai sinh/);
  await demo.page.getByLabel('Quét CCCD').fill(QR);
  await demo.page.getByLabel('Quét CCCD').press('Enter');
  await demo.page.getByText('Đã điền thông tin từ CCCD của Nguyễn Văn An').waitFor();
}

describe('paper outcomes at the counter', () => {
  it('form 02: required papers start unticked, the missing ones fill the request, a numbered slip and no code', async () => {
    dossiersBefore = await dossierCount();
    await logIn('clerk');
    await startIntake();
    const boxes = await demo.page.getByRole('checkbox', { name: /^Đã nộp: / }).all();
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(await b.isChecked()).toBe(false);
    const section = demo.page.getByRole('region', { name: 'Không tiếp nhận được hồ sơ?' });
    await section.getByLabel(/Phiếu yêu cầu bổ sung, hoàn thiện \(mẫu 02\)/).check();
    await section.getByRole('button', { name: 'Điền các giấy tờ bắt buộc chưa đánh dấu' }).click();
    expect((await section.getByLabel(/Giấy tờ cần bổ sung/).inputValue()).length).toBeGreaterThan(5);
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/counter-outcome-1280.png`, fullPage: true });
    await section.getByRole('button', { name: 'Ghi kết quả tại quầy' }).click();
    const done = section.locator('.outcome-number');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/số 0001\/PYCBS \(Nguyễn Văn An\)\. Không có mã hồ sơ\./);
    const href = await section.getByRole('link', { name: 'In phiếu (PDF)' }).getAttribute('href');
    const pdf = await demo.page.request.get(`${demo.base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await demo.page.screenshot({ path: `${OUT}/counter-outcome-done-1280.png`, fullPage: true });
  }, STEP_MS);

  it('form 03 for someone filing for another, at 360 px', async () => {
    await demo.page.setViewportSize({ width: 360, height: 800 });
    await startIntake();
    const section = demo.page.getByRole('region', { name: 'Không tiếp nhận được hồ sơ?' });
    await section.getByLabel(/Phiếu từ chối tiếp nhận \(mẫu 03\)/).check();
    await section.getByLabel('Người nộp thay (ủy quyền)').check();
    await section.getByLabel('Người (tổ chức) ủy quyền').fill('Nguyễn Thị Năm');
    await section.getByLabel('Giấy ủy quyền (số, ngày)').fill('Giấy ủy quyền số 12/UQ ngày 01/12/2026');
    await section.getByLabel(/Lý do từ chối tiếp nhận/).fill('Giấy ủy quyền không được chứng thực');
    await demo.page.screenshot({ path: `${OUT}/counter-outcome-360.png`, fullPage: true });
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await section.getByRole('button', { name: 'Ghi kết quả tại quầy' }).click();
    const done = section.locator('.outcome-number');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/số 0001\/TCTN \(Nguyễn Văn An, nộp thay cho Nguyễn Thị Năm theo Giấy ủy quyền số 12\/UQ ngày 01\/12\/2026\)/);
    await demo.page.setViewportSize({ width: 1280, height: 800 });
    expect(await dossierCount()).toBe(dossiersBefore);
  }, STEP_MS);

  it('the supervisor\'s dashboard counts the outcomes at the counter', async () => {
    await demo.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await logIn('supervisor');
    await demo.page.goto(`${demo.base}/giam-sat/thong-ke`);
    const card = demo.page.getByText(/yêu cầu bổ sung \(mẫu 02\) 1 · từ chối tiếp nhận \(mẫu 03\) 1/);
    await card.waitFor({ timeout: 30_000 });
    await demo.page.screenshot({ path: `${OUT}/dashboard-counter-outcomes-1280.png`, fullPage: true });
  }, STEP_MS);
});
