// The courier's day in Chromium at 360 px (issue 13 acceptance): a pickup asked for at the counter
// (API) → the courier takes it on "Ngày làm việc của tôi", opens it, fills the applicant from the
// ID card's QR (a fake camera), attaches one scan, collects fee and postage with two signatures
// drawn on the canvas (a postage other than the tariff's refused by the server, shown) → signs the hand-over record → the dossier exists with channel postal and
// received time = the record's signature → the agency approves (API) → the courier collects the
// result and delivers it with the ID check. Second path: two failed attempts two working days apart
// (the server's clock is driven by the test), the early return refused with the server's message,
// then the result back to the agency. axe on each courier screen; nothing scrolls sideways; the
// touch targets are at least 44 px. Screenshots at 360 px go to test-results/postal-day/.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../src/platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { axeViolations, launchBrowser, startServer, type Browser, type RunningServer } from './harness';
import { drawSignature } from './signature-pad';
import { fakeCameraArgs, qrVideoFile } from './fake-camera';

const STEP_MS = 180_000;
const OUT = 'test-results/postal-day';
const QR = '087090001234|341234567|NGUYỄN VĂN AN|15031990|Nam|Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp|20042021';
const PROCEDURE = '1.001193';
const COMMUNE = '29926';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
// Monday 07/12/2026, 08:00 in Vietnam
const clock = new FixedClock(new Date('2026-12-07T08:00:00+07:00'));

let t: TestDatabase | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
let base = '';
let dossierCode = '';
let signedAt = '';

interface ShipmentAnswer { id: number; dossierCode: string | null; legs: { kind: string; trackingNumber: string; status: string }[] }

async function call<T>(token: string | null, method: 'GET' | 'POST' | 'PUT', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
/** Tokens by user while the clock stays within a session; the login rate limit counts every login. */
const tokens = new Map<string, string>();
async function tokenOf(username: string): Promise<string> {
  const known = tokens.get(username);
  if (known) return known;
  const { token } = await call<{ token: string }>(null, 'POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD });
  tokens.set(username, token);
  return token;
}
/** The server's clock moves (sessions opened before may have expired). */
function at(iso: string): void {
  clock.set(new Date(iso));
  tokens.clear();
}

/** A pickup asked for by the clerk as the phone operator, for today 09:00–11:00. */
async function requestPickup(name: string, phone: string): Promise<ShipmentAnswer> {
  return call<ShipmentAnswer>(await tokenOf('clerk'), 'POST', '/api/v1/postal/pickups', {
    procedureCode: PROCEDURE, origin: 'counter', applicant: { name, phone }, address: 'Số 12, Ấp 3, Xã Tân Hồng',
    communeCode: COMMUNE, windowFrom: '2026-12-07T09:00:00+07:00', windowTo: '2026-12-07T11:00:00+07:00',
  });
}

async function scanPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(title, { x: 60, y: 760, size: 20, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

async function logIn(username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(base);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}


/** The screen as a postal worker holds it: no axe violation, nothing sideways, targets ≥ 44 px. */
async function checkScreen(name: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${OUT}/${name}-360.png`, fullPage: true });
  expect(await axeViolations(page), `${name}: axe`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(360);
  const small = await page.evaluate(() => [...document.querySelectorAll('.courier button, .courier a.button, .courier input:not([aria-hidden="true"]), .courier select')]
    .filter((e) => { const r = e.getBoundingClientRect(); const type = (e as HTMLInputElement).type; const boxy = type === 'checkbox' || type === 'radio'; return r.width > 0 && (boxy ? r.height < 24 : r.height < 44); })
    .map((e) => `${e.tagName} ${(e.textContent ?? '').trim() || (e as HTMLInputElement).name || (e as HTMLInputElement).type}`));
  expect(small, `${name}: targets smaller than 44 px`).toEqual([]);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  server = await startServer(t.db, clock);
  base = server.baseUrl;
  browser = await launchBrowser({ width: 360, height: 800 }, fakeCameraArgs(await qrVideoFile(QR)));
  page = browser.page;
  fs.mkdirSync(OUT, { recursive: true });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('the courier\'s day at 360 px', () => {
  it('takes the pickup on "my day": the route is planned again with it', async () => {
    const s = await requestPickup('Nguyễn Văn An', '0912345678');
    const n = s.legs[0]?.trackingNumber ?? '';
    await logIn('courier');
    await page.getByRole('link', { name: /Lộ trình trong ngày/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Ngày làm việc của tôi' }).waitFor();
    await page.getByRole('button', { name: /^Chờ nhận việc/ }).click();
    await page.getByRole('button', { name: `Nhận việc ${n}` }).click();
    await page.getByText(`Đã nhận việc ${n}; lộ trình đã được xếp lại.`).waitFor();
    await page.getByRole('button', { name: 'Lộ trình', exact: true }).click();
    await page.getByRole('img', { name: /Sơ đồ lộ trình/ }).waitFor();
    await checkScreen('my-day');
    await page.getByRole('link', { name: 'Mở việc 1: Nguyễn Văn An' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhận hồ sơ tại nhà' }).waitFor();
  }, STEP_MS);

  it('fills the applicant from the QR, scans one paper, collects with two signatures and seals', async () => {
    await page.getByRole('button', { name: 'Quét mã QR bằng camera' }).click();
    await page.getByText('Đã điền thông tin từ CCCD của Nguyễn Văn An').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Số định danh cá nhân (12 số)').inputValue()).toBe('087090001234');
    for (const box of await page.locator('.paper-item input[type=checkbox]').all()) await box.check();
    await page.getByRole('button', { name: 'Quét giấy tờ số 1' }).click();
    const panel = page.locator('.scan-panel');
    await panel.getByLabel('Chọn tệp').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: await scanPdf('GIAY CHUNG SINH') });
    await panel.getByRole('button', { name: 'Lưu bản scan' }).click();
    await panel.getByText('Đã lưu bản scan (1 trang)').waitFor();
    await page.getByLabel(/Họ tên người được đăng ký/).fill('Nguyễn Văn Bé');
    await page.getByText(/^Đã lưu nháp lúc/).waitFor();
    // the parcel weighed: 1 200 g is the tariff's 1 001–2 000 g class (src/postal/tariffs.json), saved on the draft
    await page.getByLabel('Khối lượng bưu gửi (gam)').fill('1200');
    const postage = page.locator('.charges > div').filter({ hasText: 'Cước bưu chính (1200 g)' }).locator('dd');
    await postage.waitFor();
    expect(await postage.textContent()).toMatch(/^(27\.000|38\.000|62\.000) đ$/);
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Người nộp ký' }));
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Bưu tá ký' }));
    await checkScreen('pickup');
    // a postage that is not the tariff's for the saved weight (a stale quote, a tampered request): the
    // server refuses the seal and the screen says what is due
    await page.route('**/api/v1/postal/shipments/*/collect', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { items: { kind: string; amountVnd: number }[] };
      const items = body.items.map((i) => (i.kind === 'postage' ? { ...i, amountVnd: i.amountVnd - 1_000 } : i));
      await route.continue({ postData: JSON.stringify({ ...body, items }) });
    }, { times: 1 });
    await page.getByRole('button', { name: /và niêm phong$/ }).click();
    await page.getByText(/^Cước bưu chính của bưu gửi 1\.200 g là (27|38|62)\.000 đồng; phiếu thu ghi (26|37|61)\.000 đồng\.$/).waitFor();
    await checkScreen('pickup-postage-refused');
    await page.getByRole('button', { name: /và niêm phong$/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Đã nhận hồ sơ và niêm phong' }).waitFor();
    await page.getByTestId('receipt-number').getByText(/BL/).waitFor();
    await checkScreen('pickup-sealed');
  }, STEP_MS);

  it('signs the hand-over record: the dossier is received, channel postal, at the signature', async () => {
    clock.set(new Date('2026-12-07T14:10:00+07:00'));
    await page.getByRole('link', { name: 'Về ngày làm việc' }).click();
    await page.getByRole('link', { name: 'Bàn giao hồ sơ cho cơ quan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bàn giao hồ sơ cho cơ quan' }).waitFor();
    await page.getByLabel('Họ và tên người ký').fill('Trần Thị Nhận');
    await page.getByLabel('Số căn cước người ký').fill('087090009999');
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Cán bộ cơ quan nhận ký' }));
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Bưu tá ký' }));
    await checkScreen('handover');
    await page.getByRole('button', { name: 'Ký biên bản (1 bưu gửi)' }).click();
    await page.getByRole('heading', { level: 2, name: /^Biên bản giao nhận số 0001\/BBGN-2026$/ }).waitFor();
    await checkScreen('handover-record');
    const officer = await tokenOf('supervisor');
    const found = await call<{ items: { code: string }[] }>(officer, 'GET', '/api/v1/dossiers?personalId=087090001234');
    dossierCode = found.items[0]?.code ?? '';
    expect(dossierCode).not.toBe('');
    const d = await call<{ channel: string; receivedAt: string }>(officer, 'GET', `/api/v1/dossiers/${dossierCode}`);
    expect(d.channel).toBe('postal');
    signedAt = new Date('2026-12-07T14:10:00+07:00').toISOString();
    expect(d.receivedAt).toBe(signedAt);
  }, STEP_MS);

  it('collects the approved result at the agency and delivers it after the ID check', async () => {
    at('2026-12-08T09:00:00+07:00');
    const clerk = await tokenOf('clerk');
    const approver = await tokenOf('approver');
    await call(clerk, 'POST', `/api/v1/dossiers/${dossierCode}/actions/forward`, {});
    await call(approver, 'POST', `/api/v1/dossiers/${dossierCode}/actions/approve`, {});
    await call(approver, 'POST', `/api/v1/dossiers/${dossierCode}/actions/markResultReady`, {});
    await logIn('courier');
    await page.getByRole('link', { name: /Giao kết quả/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Phát kết quả' }).waitFor();
    await page.getByRole('button', { name: /^Chờ nhận việc/ }).click();
    const card = page.locator('.task-card').filter({ hasText: 'Nguyễn Văn An' });
    await card.getByRole('button', { name: /^Nhận việc/ }).click();
    await page.getByRole('button', { name: 'Lộ trình', exact: true }).click();
    await page.getByText('Kết quả cần nhận tại cơ quan').waitFor();
    await page.locator('.task-card').filter({ hasText: 'Nguyễn Văn An' }).getByRole('link', { name: /^Xem bưu gửi/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Nhận kết quả tại cơ quan' }).waitFor();
    await page.getByLabel('Họ và tên người ký').fill('Trần Thị Nhận');
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Cán bộ cơ quan ký' }));
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Bưu tá ký' }));
    await checkScreen('result-collect');
    await page.getByRole('button', { name: 'Đã nhận kết quả' }).click();
    await page.getByText('Đã nhận kết quả tại cơ quan.').waitFor();
    clock.set(new Date('2026-12-08T14:00:00+07:00'));
    expect(await page.getByLabel('Số căn cước người nhận').inputValue()).toBe('087090001234');
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Người nhận ký' }));
    await checkScreen('result-deliver');
    await page.getByRole('button', { name: 'Đã phát thành công' }).click();
    await page.getByText('Đã phát kết quả cho người nhận.').waitFor();
    const d = await call<{ status: string }>(await tokenOf('supervisor'), 'GET', `/api/v1/dossiers/${dossierCode}`);
    expect(d.status).toBe('returned');
  }, STEP_MS);
});

/** Setup through the API: a second pickup collected, handed over, approved, its result collected by the courier. */
async function resultOutForDelivery(): Promise<{ id: number; trackingNumber: string }> {
  clock.set(new Date('2026-12-08T14:30:00+07:00'));
  const courier = await tokenOf('courier');
  const id = '087090005678';
  const s = await call<ShipmentAnswer>(await tokenOf('clerk'), 'POST', '/api/v1/postal/pickups', {
    procedureCode: PROCEDURE, origin: 'counter', applicant: { name: 'Trần Thị Bình', phone: '0987654321' }, address: 'Số 5, Ấp 1, Xã Tân Hồng',
    communeCode: COMMUNE, windowFrom: '2026-12-08T15:00:00+07:00', windowTo: '2026-12-08T17:00:00+07:00',
  });
  const n = s.legs[0]?.trackingNumber ?? '';
  await call(courier, 'POST', `/api/v1/postal/legs/${n}/assign`, {});
  const address = 'Số 5, Ấp 1, Xã Tân Hồng, Đồng Tháp';
  const draft = await call<{ problems: unknown[] }>(courier, 'PUT', `/api/v1/postal/shipments/${s.id}/draft`, {
    idCardQr: `${id}|341234999|TRẦN THỊ BÌNH|02021992|Nữ|${address}|20042021`,
    formData: { fullName: 'Trần Thị Bình', personalId: id, address, subjectFullName: 'Trần Văn Con' },
    papers: [{ key: 'p4', source: 'paper', originals: 1 }], delivery: { method: 'post', address }, weightGrams: 400,
  });
  expect(draft.problems).toEqual([]);
  // the server takes only the tariff's postage for the weight saved (400 POSTAGE_MISMATCH otherwise)
  const { postage } = await call<{ postage: { amountVnd: number } }>(courier, 'GET', `/api/v1/postal/shipments/${s.id}/charges`);
  await call(courier, 'POST', `/api/v1/postal/shipments/${s.id}/collect`, {
    items: [{ kind: 'postage', label: 'Cước dịch vụ bưu chính công ích', amountVnd: postage.amountVnd }], paymentMethod: 'cash',
    applicantSignature: { name: 'Trần Thị Bình', personalId: id, image: PNG }, courierSignature: { name: 'Lê Văn Tâm', image: PNG },
  });
  const { items } = await call<{ items: { id: number }[] }>(courier, 'GET', '/api/v1/postal/handover-agencies');
  const record = await call<{ items: { dossierCode: string }[] }>(courier, 'POST', '/api/v1/postal/handovers', {
    agencyId: items[0]?.id, trackingNumbers: [n], receiver: { name: 'Trần Thị Nhận' },
    courierSignature: { name: 'Lê Văn Tâm', image: PNG }, receiverSignature: { name: 'Trần Thị Nhận', image: PNG },
  });
  const code = record.items[0]?.dossierCode ?? '';
  const approver = await tokenOf('approver');
  await call(await tokenOf('clerk'), 'POST', `/api/v1/dossiers/${code}/actions/forward`, {});
  await call(approver, 'POST', `/api/v1/dossiers/${code}/actions/approve`, {});
  await call(approver, 'POST', `/api/v1/dossiers/${code}/actions/markResultReady`, {});
  const results = await call<{ items: ShipmentAnswer[] }>(courier, 'GET', '/api/v1/postal/shipments?legKind=result&legStatus=requested');
  const result = results.items.find((r) => r.dossierCode === code);
  const rn = result?.legs[0]?.trackingNumber ?? '';
  await call(courier, 'POST', `/api/v1/postal/legs/${rn}/assign`, {});
  await call(courier, 'POST', `/api/v1/postal/legs/${rn}/collect-result`, { agencySignature: { name: 'Trần Thị Nhận', image: PNG }, courierSignature: { name: 'Lê Văn Tâm', image: PNG } });
  return { id: result?.id ?? 0, trackingNumber: rn };
}

async function failedAttempt(reason: string): Promise<void> {
  await page.getByRole('group', { name: 'Lý do' }).getByLabel(reason).check();
  await page.getByRole('button', { name: 'Ghi phát không thành công' }).click();
  await page.getByText('Đã ghi lần phát không thành công; người dân được báo qua tin nhắn.').waitFor();
}

async function returnToAgency(): Promise<void> {
  await page.getByRole('region', { name: 'Trả lại cơ quan' }).getByLabel('Họ và tên người ký').fill('Trần Thị Nhận');
  await drawSignature(page.getByRole('img', { name: 'Khung ký: Cán bộ cơ quan ký' }));
  await page.getByRole('button', { name: 'Trả kết quả về cơ quan' }).click();
}

describe('a result nobody is home for', () => {
  it('two failed attempts two working days apart take it back to the agency; earlier, the server says why not', async () => {
    const result = await resultOutForDelivery();
    // Tuesday 08/12 16:00: nobody at home
    clock.set(new Date('2026-12-08T16:00:00+07:00'));
    await logIn('courier');
    await page.goto(`${base}/buu-ta/phat-ket-qua/${result.id}`);
    await page.getByRole('heading', { level: 2, name: 'Phát cho người nhận' }).waitFor();
    await failedAttempt('Không có người ở nhà');
    await returnToAgency();
    await page.getByText('Cần ít nhất 2 lần phát không thành công trước khi trả lại cơ quan.').waitFor();
    await checkScreen('result-failed-once');
    // Thursday 10/12 10:00, two working days later: nobody again, then back to the agency
    at('2026-12-10T10:00:00+07:00');
    await logIn('courier');
    await page.goto(`${base}/buu-ta/phat-ket-qua/${result.id}`);
    await page.getByText('1 lần phát không thành công', { exact: false }).waitFor();
    await failedAttempt('Người nhận hẹn lại lúc khác');
    await returnToAgency();
    await page.getByText('Đã trả kết quả về cơ quan.').waitFor();
    await checkScreen('result-returned');
    const shipment = await call<{ legs: { status: string; failedAttempts: number }[] }>(await tokenOf('courier'), 'GET', `/api/v1/postal/shipments/${result.id}`);
    expect(shipment.legs[0]).toMatchObject({ status: 'returnedToAgency', failedAttempts: 2 });
  }, STEP_MS);
});
