// A day at a commune one-stop, role by role, in Chromium (issue 9 acceptance): the clerk receives a
// driving-licence exchange (3.000347), which goes to the commune police (Công an xã Tân Hồng), makes
// one paper dossier incomplete with form 02 and refuses another with form 03 (numbered records, no
// dossier code), and hands the received dossier on; the police officer submits it for approval
// ("Trình phê duyệt") and asks for a supplement on a temporary-residence registration; the police
// approver approves from the "awaiting approval" list; the officer marks the result ready; the
// clerk returns it from the "results ready" list; the citizen reads on /tra-cuu, with the PIN of
// the receipt, what to supplement and by when; the supervisor's dashboard counts the outcomes at
// the counter. Every step goes through the screens (labels and buttons), the API only for setup
// (the second dossier's intake and the receipt's PIN). Screenshots at 1280 and 360 px go to
// test-results/day-walk/ for review.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { trackingPinFor } from '../src/tracking/references';
import { logIn as logInAs, useDemoApp } from './demo-app';
import { addDays, vnDateOfInstant } from '../src/shared/civil-date';
import { DEMO_PASSWORD } from '../src/seed';

const STEP_MS = 120_000;
const OUT = 'test-results/day-walk';
const QR = '087090001234|341234567|NGUYỄN VĂN AN|15031990|Nam|Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp|20042021';
const PHONE = '0912345678';
const POLICE = 'Công an xã Tân Hồng';
/** the supplement's due day, ten days ahead (Vietnam time), as typed in the dialog: dd/mm/yyyy */
const SUPPLEMENT_DUE_DAY = addDays(vnDateOfInstant(Date.now()), 10).split('-').reverse().join('/');

const demo = useDemoApp(OUT, { startMs: 180_000 });
const logIn = (username: string) => logInAs(demo.page, demo.base, username);
/** the driving-licence exchange received at the counter */
let licence = '';
/** the temporary-residence registration the police asks to supplement */
let residence = '';

/** Setup through the API: a dossier received at the demo counter with its required papers, then handed on. */
async function receivedAndForwarded(procedureCode: string, name: string): Promise<string> {
  const call = async <T>(token: string | null, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${demo.base}${route}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const { token } = await call<{ token: string }>(null, 'POST', '/api/v1/auth/login', { username: 'clerk', password: DEMO_PASSWORD });
  const p = await call<{ requiredPapers: { key: string; requirement: string; note: string | null }[] }>(null, 'GET', `/api/v1/procedures/${procedureCode}`);
  const address = 'Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp';
  // a list by situation (1.004194 đăng ký tạm trú: src/catalog/situations.ts): the first situation and its first paper
  const situations = [...new Set(p.requiredPapers.filter((r) => r.requirement === 'conditional' && r.note).map((r) => r.note))];
  const situation = situations.length >= 2 ? situations[0] : undefined;
  const { code } = await call<{ code: string }>(token, 'POST', '/api/v1/dossiers', {
    procedureCode,
    applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: PHONE, address, unitCode: '29926' },
    papers: [...p.requiredPapers.filter((r) => r.requirement === 'required'), ...p.requiredPapers.filter((r) => situation !== undefined && r.note === situation).slice(0, 1)]
      .map((r) => ({ key: r.key, source: 'paper', originals: 1 })),
    ...(situation ? { situation } : {}),
    formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address },
  });
  await call(token, 'POST', `/api/v1/dossiers/${code}/actions/forward`, {});
  expect(name).not.toBe('');
  return code;
}

/** The open dialog, at 1280 px only (a dialog at 360 px is checked by the pages' own tests). */
async function shootDialog(name: string): Promise<void> {
  await demo.page.screenshot({ path: `${OUT}/${name}-1280.png` });
}

/** Screenshots of the page as it is, at 1280 px and at 360 px (full page), then back to 1280. */
async function shoot(name: string): Promise<void> {
  await demo.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await demo.page.screenshot({ path: `${OUT}/${name}-1280.png`, fullPage: true });
  await demo.page.setViewportSize({ width: 360, height: 800 });
  await demo.page.screenshot({ path: `${OUT}/${name}-360.png`, fullPage: true });
  expect(await demo.page.evaluate(() => document.documentElement.scrollWidth), `${name} at 360 px scrolls sideways`).toBeLessThanOrEqual(360);
  await demo.page.setViewportSize({ width: 1280, height: 800 });
}


/** The clerk's counter with a procedure found by words and the applicant read from the CCCD. */
async function counterWith(search: string, procedure: RegExp): Promise<void> {
  await demo.page.goto(`${demo.base}/quay/tiep-nhan`);
  await demo.page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
  await demo.page.getByLabel('Tìm thủ tục').fill(search);
  await demo.page.getByRole('button', { name: procedure }).first().click();
  await demo.page.getByText('Thủ tục đã chọn').waitFor();
  await demo.page.getByLabel('Quét CCCD').fill(QR);
  await demo.page.getByLabel('Quét CCCD').press('Enter');
  await demo.page.getByText('Đã điền thông tin từ CCCD của Nguyễn Văn An').waitFor();
}

/** Opens the dossier from a work-list filter, then runs one action through its dialog. */
async function fromList(filter: string, code: string): Promise<void> {
  await demo.page.goto(`${demo.base}/xu-ly`);
  await demo.page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
  await demo.page.getByRole('button', { name: filter, exact: true }).click();
  const row = demo.page.getByRole('row').filter({ hasText: code });
  await row.waitFor();
  await row.getByRole('link', { name: code }).click();
  await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
}

async function act(label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await demo.page.getByRole('button', { name: label, exact: true }).click();
  const dialog = demo.page.getByRole('dialog', { name: `Xác nhận: ${label}` });
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await demo.page.getByText(`Đã thực hiện “${label}”`).waitFor();
}

describe('the counter clerk', () => {
  it('receives a driving-licence exchange (3.000347) and sees it go to the commune police', async () => {
    await logIn('clerk');
    await counterWith('doi giay phep lai xe', /Đổi giấy phép lái xe/);
    await demo.page.getByRole('region', { name: /Người nộp hồ sơ/ }).getByLabel('Số điện thoại', { exact: true }).fill(PHONE);
    for (const box of await demo.page.getByRole('checkbox', { name: /^Đã nộp: / }).all()) await box.check();
    // the applicant will collect the result here (form 01 item 6)
    await demo.page.getByRole('group', { name: 'Người nộp đăng ký nhận kết quả' }).getByLabel('Tại quầy tiếp nhận và trả kết quả').check();
    await shoot('clerk-counter');
    await demo.page.getByRole('button', { name: 'Kiểm tra trước khi tiếp nhận' }).click();
    await demo.page.getByRole('heading', { level: 2, name: 'Kiểm tra hồ sơ' }).waitFor();
    await demo.page.getByText('Tại quầy tiếp nhận và trả kết quả').waitFor();
    await demo.page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await demo.page.getByRole('heading', { level: 2, name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    licence = ((await demo.page.locator('.done-code').textContent()) ?? '').replace('Mã hồ sơ: ', '').trim();
    expect(licence).toMatch(/-\d{6}-\d{4}$/);
    await demo.page.getByText(`Cơ quan giải quyết: ${POLICE}`).waitFor();
    // the receipt's place in the service point's ledger: the first of the year
    await demo.page.getByText(/Quyển số \d{2}\/\d{4}, số thứ tự 1$/).waitFor();
    await shoot('clerk-received');
    await demo.page.getByRole('link', { name: 'Xem hồ sơ và chuyển xử lý' }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ ${licence}` }).waitFor();
    const facts = demo.page.locator('dl.facts').first();
    await facts.getByText(POLICE, { exact: true }).waitFor();
    await facts.getByText('Tại quầy tiếp nhận và trả kết quả').waitFor();
  }, STEP_MS);

  it('hands it on to the commune police from the "to hand over" list, the button naming the agency', async () => {
    await demo.page.goto(`${demo.base}/xu-ly`);
    await demo.page.getByRole('heading', { level: 1 }).waitFor();
    await demo.page.getByRole('button', { name: 'Chờ chuyển', exact: true }).click();
    const row = demo.page.getByRole('row').filter({ hasText: licence });
    await row.waitFor();
    await shoot('clerk-to-hand-over');
    await row.getByRole('link', { name: licence }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ ${licence}` }).waitFor();
    await act(`Chuyển đến ${POLICE}`, async (dialog) => {
      expect(await dialog.textContent()).toContain(POLICE);
    });
    await demo.page.locator('.status-badge').first().getByText('Đang xử lý').waitFor();
    await shoot('clerk-forwarded');
  }, STEP_MS);

  it('makes a paper dossier incomplete with form 02 and refuses another with form 03: numbered records, no dossier code', async () => {
    const dossiers = async () => Number((await demo.app.t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow())?.n);
    const before = await dossiers();
    await counterWith('dang ky tam tru', /Đăng ký tạm trú/);
    const section = demo.page.getByRole('region', { name: 'Không tiếp nhận được hồ sơ?' });
    await section.getByLabel(/Phiếu yêu cầu bổ sung, hoàn thiện \(mẫu 02\)/).check();
    await section.getByLabel(/Giấy tờ cần bổ sung/).fill('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp');
    await section.getByRole('button', { name: 'Ghi kết quả tại quầy' }).click();
    await section.locator('.outcome-number').getByText(/số 0001\/PYCBS \(Nguyễn Văn An\)\. Không có mã hồ sơ\./).waitFor();
    await shoot('clerk-form-02');

    await counterWith('dang ky thuong tru', /Đăng ký thường trú/);
    await section.getByLabel(/Phiếu từ chối tiếp nhận \(mẫu 03\)/).check();
    await section.getByLabel(/Lý do từ chối tiếp nhận/).fill('Chỗ ở đề nghị đăng ký thuộc địa bàn xã khác');
    await section.getByRole('button', { name: 'Ghi kết quả tại quầy' }).click();
    await section.locator('.outcome-number').getByText(/số 0001\/TCTN \(Nguyễn Văn An\)/).waitFor();
    expect(await section.getByRole('link', { name: 'In phiếu (PDF)' }).count()).toBe(1);
    expect(await dossiers()).toBe(before);
  }, STEP_MS);
});

describe('the police officer', () => {
  it('finds the driving-licence exchange in the queue and submits it for approval', async () => {
    // setup: a temporary-residence registration received and handed on through the API
    residence = await receivedAndForwarded('1.004194', 'Đăng ký tạm trú');
    await logIn('police_officer');
    await demo.page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();
    await demo.page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
    const row = demo.page.getByRole('row').filter({ hasText: licence });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đổi giấy phép lái xe');
    expect(await row.textContent()).toContain('Nguyễn Văn An');
    await shoot('police-queue');
    await row.getByRole('link', { name: licence }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ ${licence}` }).waitFor();
    // the officer may not approve
    expect(await demo.page.getByRole('button', { name: 'Lãnh đạo phê duyệt' }).count()).toBe(0);
    await act('Trình phê duyệt');
    await demo.page.locator('.status-badge').first().getByText('Chờ lãnh đạo phê duyệt').waitFor();
  }, STEP_MS);

  it('asks, once and completely, for a supplement to the temporary-residence registration', async () => {
    await fromList('Tất cả', residence);
    await act('Yêu cầu bổ sung hồ sơ', async (dialog) => {
      await dialog.getByLabel(/Nội dung cần bổ sung/).fill('Hợp đồng thuê nhà có chứng thực\nVăn bản đồng ý của chủ hộ');
      await dialog.getByLabel(/Lý do/).fill('Thiếu giấy tờ chứng minh chỗ ở hợp pháp');
      await dialog.getByRole('textbox', { name: /Hạn nộp bổ sung/ }).fill(SUPPLEMENT_DUE_DAY);
      await shootDialog('police-supplement-dialog');
    });
    await demo.page.locator('.status-badge').first().getByText('Yêu cầu bổ sung hồ sơ').waitFor();
  }, STEP_MS);
});

describe('the police approver', () => {
  it('approves from the "awaiting approval" list; the officer marks the result ready', async () => {
    await logIn('police_approver');
    await fromList('Chờ phê duyệt', licence);
    await shoot('police-approver-dossier');
    await act('Lãnh đạo phê duyệt');
    await logIn('police_officer');
    await fromList('Tất cả', licence);
    await act('Có kết quả giải quyết');
    await demo.page.locator('.status-badge').first().getByText('Đã có kết quả').waitFor();
  }, STEP_MS);
});

describe('the counter clerk, later', () => {
  it('returns the result from the "results ready" list', async () => {
    await logIn('clerk');
    await demo.page.getByRole('link', { name: 'Trả kết quả' }).click();
    await demo.page.getByRole('heading', { level: 1, name: 'Trả kết quả' }).waitFor();
    const choose = demo.page.getByRole('button', { name: `Trả kết quả hồ sơ ${licence} cho Nguyễn Văn An` });
    await choose.waitFor();
    await shoot('clerk-results-ready');
    await choose.click();
    const dialog = demo.page.getByRole('dialog', { name: 'Xác nhận: Trả kết quả' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await demo.page.getByText(`Đã trả kết quả hồ sơ ${licence}.`).waitFor();
    await demo.page.getByText('Chưa có hồ sơ nào có kết quả chờ trả tại điểm này.').waitFor();
  }, STEP_MS);
});

describe('the citizen', () => {
  it('reads on /tra-cuu, with the receipt\'s PIN, what to supplement and by when', async () => {
    const pin = await trackingPinFor(demo.app.t.db, residence);
    await demo.page.context().clearCookies();
    await demo.page.goto(`${demo.base}/tra-cuu`);
    await demo.page.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
    await demo.page.getByLabel('Mã hồ sơ').fill(residence);
    await demo.page.getByLabel('Mã tra cứu (6 chữ số)').fill(pin);
    await demo.page.getByRole('button', { name: 'Tra cứu' }).click();
    await demo.page.getByRole('heading', { level: 2, name: `Hồ sơ ${residence}` }).waitFor();
    const notice = demo.page.getByRole('status').filter({ hasText: 'Hồ sơ cần bổ sung' });
    await notice.waitFor();
    expect(await notice.getByRole('listitem').allTextContents()).toEqual(['Hợp đồng thuê nhà có chứng thực', 'Văn bản đồng ý của chủ hộ']);
    const text = (await notice.textContent()) ?? '';
    // by when: the day the officer set
    expect(text).toMatch(new RegExp(`Hạn nộp bổ sung: \\d{2}:\\d{2} ngày ${SUPPLEMENT_DUE_DAY}`));
    expect(text).toMatch(/Yêu cầu lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}\./);
    expect(await demo.page.locator('main').textContent()).not.toContain('Nguyễn Văn An');
    await shoot('citizen-tracking');
  }, STEP_MS);
});

describe('the supervisor', () => {
  it('counts the outcomes at the counter on the dashboard', async () => {
    await logIn('supervisor');
    await demo.page.goto(`${demo.base}/giam-sat/thong-ke`);
    await demo.page.getByText(/yêu cầu bổ sung \(mẫu 02\) 1 · từ chối tiếp nhận \(mẫu 03\) 1/).waitFor({ timeout: 30_000 });
    await shoot('supervisor-dashboard');
  }, STEP_MS);
});
