// Assisted online filing in the browser (issue 15 acceptance, §3): the demo clerk at the Tân Hồng
// post office files an online birth registration for a citizen from the ID card's QR, with one
// upload, sends the citizen the confirmation code (the SMS simulator receives it), submits only
// with it, and the supervisor's dashboard counts the dossier online and assisted. Screenshots at
// 1280 px go to test-results/online-assisted/.
import { describe, expect, it } from 'vitest';
import { logIn as logInAs, useDemoApp } from './demo-app';

const QR = '087090007777|341234567|TRẦN THỊ MAI|20051995|Nữ|Ấp 2, Xã Tân Hồng, Đồng Tháp|20042021';
const PHONE = '0987000111';
const OUT = 'test-results/online-assisted';
const STEP_MS = 120_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const demo = useDemoApp(OUT);
const logIn = (username: string) => logInAs(demo.page, demo.base, username);

describe('assisted online filing', () => {
  let code = '';

  it('the clerk files the citizen\'s dossier online; no dossier until the citizen\'s code is given', async () => {
    const page = demo.page;
    await logIn('clerk');
    await page.goto(`${demo.base}/quay/nop-thay`);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến thay người dân' }).waitFor();
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: /^Thủ tục đăng ký khai sinh/ }).click();
    await page.getByLabel('Mã QR trên căn cước (máy quét nhập vào đây)').fill(QR);
    await page.getByRole('button', { name: 'Điền từ mã QR' }).click();
    await page.getByText('Đã điền thông tin của').waitFor();
    await page.getByLabel('Số điện thoại di động').fill(PHONE);
    await page.getByLabel('Tìm xã, phường').fill('Tan Hong');
    await page.getByLabel('Chọn xã, phường').locator('option', { hasText: 'Tân Hồng' }).first().waitFor({ state: 'attached' });
    await page.getByLabel('Chọn xã, phường').selectOption({ label: (await page.getByLabel('Chọn xã, phường').locator('option', { hasText: 'Tân Hồng' }).first().innerText()).trim() });
    // the birth certificate (the one required paper), uploaded with its progress
    await page.locator('li.online-paper', { hasText: 'Giấy chứng sinh' }).locator('input[type=file]').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(/^Đã tải lên/).waitFor();
    await page.getByLabel('Nhận tại nơi tiếp nhận').check();
    await page.getByRole('button', { name: 'Kiểm tra hồ sơ' }).click();
    await page.getByText('Hồ sơ đã đủ, có thể nộp.').waitFor();
    const before = await demo.app.t.db.selectFrom('dossiers').select('code').where('personal_id', '=', '087090007777').execute();
    expect(before).toEqual([]);

    await page.getByRole('button', { name: 'Gửi mã xác nhận đến điện thoại người dân' }).click();
    await page.getByText(/^Đã gửi mã đến số/).waitFor();
    const sms = await demo.app.t.db.selectFrom('sms_simulator_messages').select('text').where('to_number', '=', '84987000111').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const otp = /([0-9]{6})/.exec(sms.text)?.[1] ?? '';
    expect(otp).toMatch(/^[0-9]{6}$/);
    await page.getByLabel('Mã xác nhận người dân đọc cho bạn').fill(otp);
    await page.screenshot({ path: `${OUT}/assist-1280-confirm.png`, fullPage: true });
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const done = page.getByRole('heading', { name: /^Đã nộp hồ sơ / });
    await done.waitFor();
    code = ((await done.innerText()).replace('Đã nộp hồ sơ ', '')).trim();
    await page.screenshot({ path: `${OUT}/assist-1280-done.png`, fullPage: true });
    const row = await demo.app.t.db.selectFrom('dossiers').select(['channel', 'assisted', 'status']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'online', assisted: true, status: 'submitted' });
    // the citizen is told: the submission's SMS goes through the outbox
    const kinds = await demo.app.t.db.selectFrom('outbox').select('kind').where(({ eb }) => eb(eb.ref('payload', '->>').key('code' as never), '=', code)).execute();
    expect(kinds.map((k) => k.kind)).toEqual(['dossier.submitted']);
  }, STEP_MS);

  it('the clerk finds it in the online inbox, oldest first', async () => {
    const page = demo.page;
    await page.goto(`${demo.base}/quay/truc-tuyen`);
    await page.getByRole('link', { name: code }).waitFor();
    expect(await page.getByText('Nộp thay').count()).toBeGreaterThan(0);
  }, STEP_MS);

  it('the supervisor\'s dashboard counts it online and assisted', async () => {
    const page = demo.page;
    await logIn('supervisor');
    await page.goto(`${demo.base}/giam-sat/thong-ke`);
    await page.getByRole('heading', { name: 'Hồ sơ trực tuyến và nộp thay' }).waitFor();
    await page.getByTestId('online-assisted').waitFor();
    expect(Number(await page.getByTestId('online-assisted').innerText())).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('online-online').innerText())).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${OUT}/dashboard-1280.png`, fullPage: true });
  }, STEP_MS);
});
