// A citizen's account from end to end in the browser at 360 px (issue 15 §1): from the sign-in page
// they open "Đăng ký", register with an e-mail (the code read from a real SMTP server the app sends
// through), land signed in on "Tài khoản của tôi", add their phone (the code read from the SMS
// simulator), sign out; then "Quên mật khẩu" by that phone, a new password, signed in again; and
// they sign in by hand with the new password and the e-mail. A wrong code is refused in words. axe
// finds nothing on each page. The online form then starts from the account's phone and e-mail, in
// the portal's frame. Screenshots at 360 and 1280 px go to test-results/citizen-account/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../src/notifications/smtp.test-helper';
import { useDemoApp } from './demo-app';
import { axeViolations } from './harness';

const OUT = 'test-results/citizen-account';
const STEP_MS = 180_000;
const EMAIL = 'thu.tran@example.vn';
const PHONE = '0915 246 810';
const SMS_TO = '84915246810';

let smtp: TestSmtpServer;
// before the demo app starts: the server sends its mail there
beforeAll(async () => { smtp = await startTestSmtpServer(); });
afterAll(async () => { await smtp?.close(); });

const demo = useDemoApp(OUT, {
  viewport: { width: 360, height: 740 }, startMs: 300_000,
  env: () => ({ MOTCUA_SMTP_URL: smtp.url, MOTCUA_MAIL_FROM: 'Một cửa Đồng Tháp <motcua@dongthap.gov.vn>' }),
});

/** The page as it is now at 360 px and at 1280 px, and no axe violation at either. */
async function shotAndAxe(name: string): Promise<void> {
  const page = demo.page;
  await page.screenshot({ path: `${OUT}/${name}-360.png`, fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${OUT}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
}

const codeIn = (text: string): string => /\b(\d{6})\b/.exec(text)?.[1] ?? '';
const mailedCode = (): string => codeIn(smtp.received.filter((m) => m.envelopeTo.includes(EMAIL)).at(-1)?.text ?? '');
async function smsCode(): Promise<string> {
  const row = await demo.app.t.db.selectFrom('sms_simulator_messages').select('text').where('to_number', '=', SMS_TO).orderBy('id', 'desc').executeTakeFirst();
  return codeIn(row?.text ?? '');
}

describe('a citizen opens an account by e-mail and gets a new password by phone', () => {
  it('registers with the code mailed to the address and lands signed in on the account page', async () => {
    const page = demo.page;
    await page.goto(demo.base);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('link', { name: 'Người dân chưa có tài khoản: Đăng ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản' }).waitFor();
    await page.getByLabel('Thư điện tử (e-mail)').check();
    await page.getByLabel('Địa chỉ thư điện tử').fill(EMAIL);
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await page.getByText(/Đã gửi mã tới địa chỉ t\*+n@example\.vn/).waitFor();
    const code = mailedCode();
    expect(code).toMatch(/^\d{6}$/);
    // the rules are there before the password is typed
    await page.getByText('có ít nhất 10 ký tự;').waitFor();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(code === '000000' ? '111111' : '000000');
    await page.getByLabel('Họ và tên').fill('Trần Thị Thu');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('thu-dong-thap-2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('thu-dong-thap-2026');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Mã xác thực không đúng.').waitFor();
    await shotAndAxe('01-register-wrong-code');
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(code);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    await page.getByText(EMAIL).first().waitFor();
    await page.getByText('Đã xác thực').first().waitFor();
    await shotAndAxe('02-account');
  }, STEP_MS);

  it('adds the phone by the code sent to it, and signs out', async () => {
    const page = demo.page;
    await page.getByRole('button', { name: 'Thêm số điện thoại' }).click();
    await page.getByLabel('Số điện thoại di động', { exact: true }).fill(PHONE);
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await page.getByText(/Đã gửi mã tới số \**810/).waitFor();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(await smsCode());
    await page.getByRole('button', { name: 'Xác nhận mã' }).click();
    await page.getByText('Đã xác thực số điện thoại 0915246810.').waitFor();
    await shotAndAxe('03-phone-added');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByText('Bạn đã đăng xuất.').waitFor();
  }, STEP_MS);

  it('sets a new password by the code sent to the phone, then signs in with it', async () => {
    const page = demo.page;
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor();
    await page.getByLabel('Số điện thoại di động', { exact: true }).fill(PHONE);
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await page.getByText(/Đã gửi mã tới số/).waitFor();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(await smsCode());
    await page.getByLabel('Mật khẩu mới').fill('thu-mat-khau-moi-03');
    await page.getByLabel('Nhập lại mật khẩu').fill('thu-mat-khau-moi-03');
    await shotAndAxe('04-forgot');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();

    // signed out, the old password no longer opens the account; the new one does, with the e-mail
    await page.context().clearCookies();
    await page.goto(demo.base);
    await page.getByLabel('Tên đăng nhập').fill(EMAIL);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('thu-dong-thap-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await page.getByLabel('Mật khẩu', { exact: true }).fill('thu-mat-khau-moi-03');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
    await shotAndAxe('05-signed-in');
  }, STEP_MS);

  it('finds the online form filled with the account’s phone and e-mail, in the portal’s frame', async () => {
    const page = demo.page;
    await page.goto(`${demo.base}/thu-tuc`);
    await page.getByLabel('Tên thủ tục hoặc giấy tờ').fill('ban sao giay khai sinh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh' }).click();
    await page.getByRole('link', { name: 'Nộp trực tuyến' }).first().click();
    await page.getByText('Bước 1/4').waitFor();
    expect(await page.getByLabel('Số điện thoại di động').inputValue()).toBe('0915246810');
    expect(await page.getByLabel('Thư điện tử (không bắt buộc)').inputValue()).toBe(EMAIL);
    // the portal's frame: its navigation and the citizen's sign-out, no staff menu
    await page.getByRole('link', { name: 'Tài khoản của tôi' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.screenshot({ path: `${OUT}/06-online-form-360.png`, fullPage: true });
  }, STEP_MS);
});
