// A courier's visit at home booked on the portal (issue 14 §2): the citizen at 360 px chooses "Bưu tá
// đến tại nhà", types the address, finds the commune (no diacritics), the procedure and a half-hour
// time, verifies the phone with the SMS code and gets the booking; the demo courier, who visits the
// commune of their post office, finds the visit in "Ngày làm việc của tôi" at its time, at 1280 and
// 360 px. The citizen then moves it from the booking's link: the times offered are the at-home ones
// of the same commune (half-hour visits, the courier's travel kept), and the courier's day follows.
// The server's clock is Monday 07/12/2026 07:30. Screenshots go to test-results/appointments-home/.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../src/platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { axeViolations, launchBrowser, startServer, type Browser, type RunningServer } from './harness';

const OUT = 'test-results/appointments-home';
const STEP_MS = 120_000;
const PHONE = '0912345679';

let t: TestDatabase;
let server: RunningServer;
let citizen: Browser;
let courier: Browser;
let base = '';
let bookingCode = '';
const clock = new FixedClock(new Date('2026-12-07T07:30:00+07:00'));

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  server = await startServer(t.db, clock, t.pool);
  base = server.baseUrl;
  citizen = await launchBrowser({ width: 360, height: 740 });
  courier = await launchBrowser({ width: 1280, height: 800 });
  fs.mkdirSync(OUT, { recursive: true });
}, 180_000);
afterAll(async () => {
  await courier?.close();
  await citizen?.close();
  await server?.close();
  await t?.close();
});

describe('a visit at home', () => {
  it('the citizen books it on the portal at 360 px: address, commune, procedure, a half-hour time, the SMS code', async () => {
    const page = citizen.page;
    await page.goto(`${base}/dat-lich`);
    await page.getByRole('heading', { level: 1, name: 'Đặt lịch hẹn nộp hồ sơ' }).waitFor();
    await page.getByRole('button', { name: 'Bưu tá đến tại nhà' }).click();
    await page.getByLabel('Địa chỉ (số nhà, đường, ấp/khóm)').fill('Số 12, Ấp 3');
    await page.getByLabel('Xã, phường').fill('tan hong');
    await page.getByRole('button', { name: /Bưu tá của Điểm Bưu điện – Văn hóa xã Tân Hồng/ }).click();
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: /^Thủ tục đăng ký khai sinh/ }).click();
    // two hours' notice from 07:30, visits every half hour from 07:00 → 09:30
    const first = page.locator('.portal-time').first();
    await first.waitFor();
    expect(await first.locator('strong').textContent()).toBe('09:30');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}/portal-home-slots-360.png`, fullPage: true });
    await first.click();
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await page.getByLabel('Số điện thoại di động').fill(PHONE);
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await page.getByText(/^Đã gửi mã đến/).waitFor();
    const sms = await t.db.selectFrom('sms_simulator_messages').select('text').where('to_number', 'like', '%912345679').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(/\b(\d{6})\b/.exec(sms.text)?.[1] ?? '');
    await page.getByRole('button', { name: 'Xác nhận đặt lịch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã đặt lịch hẹn' }).waitFor();
    bookingCode = (await page.getByTestId('booking-code').textContent()) ?? '';
    expect(bookingCode).toMatch(/^HG[A-Z0-9]{8}$/);
    expect(await page.getByText('09:30–10:00, 07/12/2026').count()).toBe(1);
    expect(await page.getByText('Số 12, Ấp 3').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}/portal-home-booked-360.png`, fullPage: true });
  }, STEP_MS);

  it('the courier finds the visit in the day at its time, at 1280 and 360 px', async () => {
    const page = courier.page;
    await page.goto(base);
    await page.getByLabel('Tên đăng nhập').fill('courier');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
    await page.goto(`${base}/buu-ta/ngay-lam-viec`);
    await page.getByRole('heading', { level: 1, name: 'Ngày làm việc của tôi' }).waitFor();
    const note = page.getByTestId('stop-note');
    await note.waitFor();
    expect(await note.textContent()).toBe(`Lịch hẹn tại nhà ${bookingCode}`);
    const card = page.locator('.task-card').filter({ has: note });
    expect(await card.getByText('09:30–10:00').count()).toBe(1);
    expect(await card.getByText(/Số 12, Ấp 3/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}/courier-day-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await note.waitFor();
    await page.screenshot({ path: `${OUT}/courier-day-360.png`, fullPage: true });
  }, STEP_MS);

  it('the citizen moves the visit from its link: at-home times of the same commune, and the courier\'s day follows', async () => {
    const page = citizen.page;
    await page.getByRole('link', { name: 'Đổi giờ hoặc hủy lịch hẹn' }).click();
    await page.getByRole('heading', { level: 1, name: `Lịch hẹn ${bookingCode}` }).waitFor();
    await page.getByRole('button', { name: 'Đổi giờ hẹn' }).click();
    // not the counter's 20-minute times (09:40): 09:30 is this visit, 10:00 too close to it (10 minutes' travel within the commune)
    const first = page.locator('.portal-time').first();
    await first.waitFor();
    expect(await first.locator('strong').textContent()).toBe('10:30');
    await first.click();
    await page.getByText(/^Đã đổi giờ hẹn/).waitFor();
    expect(await page.getByText('10:30–11:00, 07/12/2026').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}/portal-home-moved-360.png`, fullPage: true });
    const day = courier.page;
    await day.reload();
    const card = day.locator('.task-card').filter({ has: day.getByTestId('stop-note') });
    await card.getByText('10:30–11:00').waitFor();
  }, STEP_MS);

  it('the administrator sees the courier\'s area on /quan-tri/gio-quay and adds a commune, at 1280 and 360 px', async () => {
    const page = courier.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.context().clearCookies();
    await page.goto(base);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
    await page.goto(`${base}/quan-tri/gio-quay?diem=BDVHX-29926`);
    const areas = page.getByRole('region', { name: 'Địa bàn bưu tá đến tận nhà' });
    await areas.getByRole('group', { name: 'Lê Văn Tâm' }).waitFor();
    expect(await areas.getByText(/Tân Hồng \(29926\)/).count()).toBe(1);
    await areas.getByLabel('Tìm xã, phường').fill('tan');
    const choose = areas.getByLabel('Chọn xã, phường');
    await expect.poll(async () => choose.locator('option').count(), { timeout: 20_000 }).toBeGreaterThan(2);
    const added = (await choose.locator('option').nth(2).getAttribute('value')) ?? '';
    await choose.selectOption(added);
    await areas.getByRole('button', { name: 'Lưu địa bàn' }).click();
    await page.getByText('Đã lưu địa bàn của các bưu tá.').waitFor();
    const rows = await t.db.selectFrom('courier_areas').select('commune_code').orderBy('commune_code').execute();
    expect(rows.map((r) => r.commune_code).sort()).toEqual(['29926', added].sort());
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}/courier-areas-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${OUT}/courier-areas-360.png`, fullPage: true });
  }, STEP_MS);
});
