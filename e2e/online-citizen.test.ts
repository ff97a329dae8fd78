// A citizen's online dossier from end to end in the browser at 360 px (issue 15 acceptance, §2): the
// demo citizen finds "Cấp bản sao … Giấy khai sinh" typing without diacritics, files it online with
// one upload and the result by post, pays the 8.000 đồng fee through the gateway simulator's page
// (back on the payment's result page with the receipt, then on the dossier's check), submits; the
// clerk accepts it from the online inbox, the officer and the approver take it to its result, which
// gets its postal result leg. After each step the outbox is delivered — SMS to the simulator, mail to
// a real SMTP server (the citizen's account has an e-mail) — and the citizen sees the step on their
// dossier's page. The clerk also returns a second online dossier once with everything missing listed
// (form 02) and refuses a third (form 03): the citizen is told and downloads each slip, then sends the
// supplement online (a file per item) and the dossier is back in the inbox. Screenshots at
// 360 and 1280 px go to test-results/online-citizen/.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOutbox } from '../src/notifications/delivery';
import { createSmtpSender } from '../src/notifications/mail';
import { createSmsSimulator } from '../src/notifications/sms-simulator';
import { startTestSmtpServer, type TestSmtpServer } from '../src/notifications/smtp.test-helper';
import { systemClock } from '../src/platform/clock';
import { logIn as logInAs, useDemoApp } from './demo-app';
import { axeViolations } from './harness';

const OUT = 'test-results/online-citizen';
const STEP_MS = 180_000;
const PHONE = '0912345678';
const SMS_TO = '84912345678';
const EMAIL = 'an.nguyen@example.vn';
const ADDRESS = 'Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const demo = useDemoApp(OUT, { viewport: { width: 360, height: 740 }, publicUrlIsBase: true, startMs: 300_000 });
const logIn = (username: string) => logInAs(demo.page, demo.base, username);
/** The page as it is now, at 360 px (the test's width) and at 1280 px. */
async function shot(name: string): Promise<void> {
  const page = demo.page;
  await page.screenshot({ path: `${OUT}/${name}-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${OUT}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
}

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});

let code = '';
let smsSeen = 0;

/** Delivers the outbox as the server's job does (SMS to the simulator, mail to the SMTP server); the citizen's new SMS and mails. */
async function messages(): Promise<{ sms: string[]; mail: string[] }> {
  const db = demo.app.t.db;
  await deliverOutbox({ db, clock: systemClock, publicUrl: demo.base, sms: createSmsSimulator({ db, clock: systemClock }), mail: createSmtpSender({ url: smtp.url, from: 'Một cửa Đồng Tháp <motcua@dongthap.gov.vn>' }) });
  const sms = await db.selectFrom('sms_simulator_messages').select(['id', 'text']).where('to_number', '=', SMS_TO).where('id', '>', smsSeen).orderBy('id').execute();
  smsSeen = sms.at(-1)?.id ?? smsSeen;
  const mail = smtp.received.splice(0).filter((m) => m.envelopeTo.includes(EMAIL)).map((m) => m.text);
  return { sms: sms.map((s) => s.text), mail };
}

/** Opens the dossier's page (by default the citizen's first) and runs one of its actions through the confirmation dialog. */
async function act(action: string, label: string, fill?: (dialog: Locator) => Promise<void>, dossier = code, dangerous = false): Promise<void> {
  const page = demo.page;
  await page.goto(`${demo.base}/xu-ly/ho-so/${dossier}`);
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${dossier}` }).waitFor();
  await page.locator(`button[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog', { name: `Xác nhận: ${label}` });
  await dialog.waitFor();
  await fill?.(dialog);
  if (dangerous) {
    // a refusal is confirmed twice: the reason, then the explicit "yes"
    await dialog.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('dialog', { name: `Xác nhận lần cuối: ${label}` }).getByRole('button', { name: `Đồng ý ${label}` }).click();
  } else {
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  }
  await page.getByText(`Đã thực hiện “${label}”`).waitFor();
}

/** The citizen signs in and sees the dossier at `status` on its page, with `step` in its trail. */
async function citizenSees(status: string, step: string, name: string): Promise<void> {
  const page = demo.page;
  await logIn('citizen');
  await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
  await page.getByRole('link', { name: code, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
  await page.locator('.status-badge').filter({ hasText: status }).first().waitFor();
  await page.getByText(step).first().waitFor();
  await shot(name);
}

describe('a citizen files online, pays, and gets the result by post', () => {
  it('finds the procedure without diacritics and fills the dossier with one upload and delivery by post', async () => {
    const page = demo.page;
    // the citizen's account has an e-mail: the messages about the dossier also go there
    await demo.app.t.db.updateTable('users').set({ email: EMAIL }).where('username', '=', 'citizen').execute();
    await logIn('citizen');
    await page.goto(`${demo.base}/thu-tuc`);
    await page.getByLabel('Tên thủ tục hoặc giấy tờ').fill('ban sao giay khai sinh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const hit = page.getByRole('link', { name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh' });
    await hit.waitFor();
    await shot('01-search');
    await hit.click();
    await page.getByRole('link', { name: 'Nộp trực tuyến' }).first().click();
    await page.getByText('Bước 1/4').waitFor();
    expect(await page.getByLabel('Thư điện tử (không bắt buộc)').inputValue()).toBe(EMAIL);
    await page.getByLabel('Số điện thoại di động').fill(PHONE);
    await page.getByLabel('Tìm xã, phường').fill('Tan Hong');
    const commune = page.getByLabel('Chọn xã, phường').locator('option', { hasText: 'Tân Hồng' }).first();
    await commune.waitFor({ state: 'attached' });
    await page.getByLabel('Chọn xã, phường').selectOption({ label: (await commune.innerText()).trim() });
    await page.getByLabel('Nơi cư trú *').fill(ADDRESS);
    await page.getByLabel('Họ tên người được đăng ký').fill('Nguyễn Văn Bình');
    await shot('02-applicant');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByText('Bước 2/4').waitFor();
    // one upload: the authorisation (the copy is for the citizen's brother)
    await page.locator('li.online-paper', { hasText: 'Văn bản ủy quyền' }).locator('input[type=file]').setInputFiles({ name: 'uy-quyen.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(/^Đã tải lên/).waitFor();
    await shot('03-papers');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByText('Bước 3/4').waitFor();
    await page.getByLabel('Nhận qua bưu chính tại địa chỉ').check();
    await page.getByLabel('Địa chỉ nhận kết quả').fill(ADDRESS);
    await shot('04-delivery');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Bước 4/4').waitFor();
    await page.getByText('Tổng cộng: 8.000 đồng').waitFor();
    // a full online procedure with a fee: no submission before the payment
    expect(await page.getByRole('button', { name: 'Nộp hồ sơ' }).isDisabled()).toBe(true);
    await shot('05-review');
  }, STEP_MS);

  it('pays through the gateway simulator and submits', async () => {
    const page = demo.page;
    await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await page.getByText('Cổng thanh toán (mô phỏng)').waitFor();
    await page.getByText('Số tiền: 8.000 đồng').waitFor();
    await shot('06-gateway');
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    // the gateway returns to the payment's result page: paid, the electronic receipt, back to the dossier
    await page.getByText('Thanh toán thành công').waitFor();
    await page.getByText(/^Biên lai điện tử số BLDT-/).waitFor();
    await shot('07-payment-result');
    await page.getByRole('link', { name: 'Tiếp tục nộp hồ sơ' }).click();
    await page.getByText('Bước 4/4').waitFor();
    await page.getByText(/^Đã thanh toán 8\.000/).waitFor();
    await page.getByText('Văn bản ủy quyền theo quy định').first().waitFor(); // the answers read back
    await shot('07-paid-check');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const done = page.getByRole('heading', { name: /^Đã nộp hồ sơ / });
    await done.waitFor();
    code = (await done.innerText()).replace('Đã nộp hồ sơ ', '').trim();
    await shot('08-submitted');
    const row = await demo.app.t.db.selectFrom('dossiers').select(['channel', 'status', 'delivery_method']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'online', status: 'submitted', delivery_method: 'post' });
    const told = await messages();
    expect(told.sms).toEqual([expect.stringContaining(`Hồ sơ ${code} đã nộp trực tuyến, đang chờ tiếp nhận.`)]);
    expect(told.mail).toEqual([expect.stringContaining(`Hồ sơ ${code} đã nộp trực tuyến, đang chờ tiếp nhận.`)]);
    await citizenSees('Mới đăng ký', 'Nộp hồ sơ trực tuyến', '09-citizen-submitted');
  }, STEP_MS);

  it('the clerk accepts it from the online inbox', async () => {
    const page = demo.page;
    await logIn('clerk');
    await page.goto(`${demo.base}/quay/truc-tuyen`);
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await shot('10-clerk-dossier');
    await act('receive', 'Tiếp nhận hồ sơ');
    await shot('11-clerk-received');
    const told = await messages();
    expect(told.sms).toEqual([expect.stringContaining(`Hồ sơ ${code} đã được tiếp nhận, hẹn trả kết quả`)]);
    expect(told.mail).toEqual([expect.stringContaining(`Hồ sơ ${code} đã được tiếp nhận, hẹn trả kết quả`)]);
    await citizenSees('Đang xử lý', 'Tiếp nhận hồ sơ', '12-citizen-received');
  }, STEP_MS);

  it('the officer and the approver take it to its result, which goes by post', async () => {
    await logIn('officer');
    await act('assign', 'Phân công xử lý', async (dialog) => {
      const select = dialog.getByLabel('Cán bộ được phân công');
      await select.locator('option', { hasText: 'Nguyễn Minh Khoa — chuyên viên' }).waitFor({ state: 'attached' });
      await select.selectOption({ label: 'Nguyễn Minh Khoa — chuyên viên' });
    });
    await logIn('approver');
    await act('approve', 'Lãnh đạo phê duyệt');
    await logIn('officer');
    await act('markResultReady', 'Có kết quả giải quyết');
    await shot('13-result-ready');
    const leg = await demo.app.t.db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
      .select(['l.tracking_number', 'l.status', 's.address']).where('s.dossier_code', '=', code).where('l.kind', '=', 'result').executeTakeFirstOrThrow();
    expect(leg).toMatchObject({ status: 'requested', address: ADDRESS });
    const told = await messages();
    expect(told.sms).toEqual(expect.arrayContaining([
      expect.stringContaining(`Hồ sơ ${code} đã có kết quả`),
      expect.stringContaining(`Kết quả hồ sơ ${code} sẽ được bưu điện phát tới ông/bà, số hiệu ${leg.tracking_number}`),
    ]));
    // the postal SMS has its mail copy too (the dossier's e-mail: the citizen account's)
    expect(told.mail).toHaveLength(2);
    expect(told.mail).toEqual(expect.arrayContaining([
      expect.stringContaining(`Hồ sơ ${code} đã có kết quả`),
      expect.stringContaining(`Kết quả hồ sơ ${code} sẽ được bưu điện phát tới ông/bà, số hiệu ${leg.tracking_number}`),
    ]));
    await citizenSees('Đã có kết quả', 'Có kết quả giải quyết', '14-citizen-result');
  }, STEP_MS);

});

/** The citizen files a confirmation of marital status (1.004873: full online, no fee, no paper) through the API; its code. */
const fileMaritalStatus = () => demo.page.evaluate(async (address) => {
  const post = async (url: string, body: unknown) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: number; code: string }>;
  };
  const draft = await post('/api/v1/online/drafts', {
    procedureCode: '1.004873', applicant: { phone: '0912345678', unitCode: '29926' }, delivery: { method: 'online' },
    formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address },
  });
  return (await post(`/api/v1/online/drafts/${draft.id}/submit`, {})).code;
}, ADDRESS);

/** The citizen's dossier page offers the slip (`kind`): it is a PDF. */
async function citizenDownloads(dossier: string, kind: string, name: string): Promise<void> {
  const page = demo.page;
  await page.goto(`${demo.base}/xu-ly/ho-so/${dossier}`);
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${dossier}` }).waitFor();
  const href = await page.locator(`a[data-slip="${kind}"]`).getAttribute('href');
  const pdf = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 4)) };
  }, href ?? '');
  expect(pdf).toEqual({ status: 200, head: '%PDF' });
  await shot(name);
}

describe('the one-stop returns an online dossier once with everything missing, or refuses one', () => {
  let incomplete = '';
  let refused = '';

  it('the clerk returns one with the missing items listed (form 02) and refuses another (form 03); the citizen is told', async () => {
    await logIn('citizen');
    incomplete = await fileMaritalStatus();
    refused = await fileMaritalStatus();
    await messages();
    await logIn('clerk');
    await act('requestSupplement', 'Yêu cầu bổ sung hồ sơ', async (dialog) => {
      await dialog.getByLabel(/Nội dung cần bổ sung/).fill('Bản sao Giấy chứng nhận kết hôn đã ly hôn\nTrích lục ghi chú ly hôn');
      await dialog.getByLabel(/Lý do/).fill('Hồ sơ thiếu giấy tờ chứng minh tình trạng hôn nhân trước đây');
      await shot('15-clerk-supplement');
    }, incomplete);
    await act('refuse', 'Từ chối tiếp nhận', async (dialog) => {
      await dialog.getByLabel(/Lý do/).fill('Người yêu cầu không cư trú tại xã Tân Hồng');
    }, refused, true);
    const told = await messages();
    // an online dossier's supplement is sent online: the message links to the page that takes it
    expect(told.sms).toEqual(expect.arrayContaining([expect.stringContaining(`Hồ sơ cần bổ sung, xem và gửi trực tuyến tại ${demo.base}/cong-dan/bo-sung/${incomplete}`), expect.stringContaining(`Hồ sơ ${refused} không được tiếp nhận.`)]));
    expect(told.mail).toEqual(expect.arrayContaining([expect.stringContaining(`/cong-dan/bo-sung/${incomplete}`), expect.stringContaining(`Hồ sơ ${refused} không được tiếp nhận.`)]));
  }, STEP_MS);

  it('the citizen sees both and downloads the supplement request and the refusal', async () => {
    await logIn('citizen');
    await citizenDownloads(incomplete, 'supplement', '16-citizen-supplement');
    await demo.page.getByText('Trích lục ghi chú ly hôn').first().waitFor();
    await citizenDownloads(refused, 'refusal', '17-citizen-refused');
    await demo.page.locator('.status-badge').filter({ hasText: 'Không được tiếp nhận' }).first().waitFor();
  }, STEP_MS);

  it('the citizen sends the supplement online from "my dossiers", a file per item; the dossier is back in the clerk\'s online inbox', async () => {
    const page = demo.page;
    await logIn('citizen');
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    await page.getByRole('link', { name: `Xem và gửi bổ sung cho hồ sơ ${incomplete}` }).click();
    await page.getByRole('heading', { level: 1, name: `Bổ sung hồ sơ ${incomplete}` }).waitFor();
    await page.getByText('Hồ sơ thiếu giấy tờ chứng minh tình trạng hôn nhân trước đây').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi bổ sung' }).isDisabled()).toBe(true);
    for (const [item, name] of [['Bản sao Giấy chứng nhận kết hôn đã ly hôn', 'ket-hon.pdf'], ['Trích lục ghi chú ly hôn', 'ly-hon.pdf']] as const) {
      await page.locator('li.supplement-item', { hasText: item }).locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
      await page.locator('li.supplement-item', { hasText: item }).getByText(/^Đã tải lên/).waitFor();
    }
    await shot('18-citizen-supplement-ready');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Đã gửi bổ sung. Hồ sơ đã trở lại bộ phận một cửa để tiếp tục giải quyết.').waitFor();
    await shot('19-citizen-supplement-sent');
    expect(await axeViolations(page)).toEqual([]);
    const row = await demo.app.t.db.selectFrom('dossiers').select(['status', 'supplement_count']).where('code', '=', incomplete).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', supplement_count: 1 });
    const told = await messages();
    expect(told.sms).toEqual([expect.stringContaining(`Hồ sơ ${incomplete} đã đủ bổ sung.`)]);
    await logIn('clerk');
    await page.goto(`${demo.base}/quay/truc-tuyen`);
    await page.getByRole('link', { name: incomplete }).waitFor();
    await shot('20-clerk-inbox-supplemented');
  }, STEP_MS);

  it('ran without console errors or Content-Security-Policy refusals', () => {
    expect(demo.app.browser.problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
  });
});
