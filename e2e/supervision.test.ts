// Supervision through the browser: a provincial supervisor gets the escalation job's notification,
// opens the overdue list from the home page and runs the audit-log check for a period; anyone
// reads the public transparency page (/minh-bach) for a procedure; the supervisor reads the
// dashboard's ECharts charts for the week, opens a bar's dossiers, prints and switches to
// English. axe finds no violations, and the CSP refuses nothing.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/accounts/service';
import { resolveScope } from '../src/directory/service';
import { systemClock } from '../src/platform/clock';
import { rebuildRollups } from '../src/reports/rebuild';
import { DEFAULT_ESCALATION, runEscalation } from '../src/supervision/escalation';
import { buildSupervisedWorld, type SupervisedWorld } from '../src/supervision/world.test-helper';
import { DEMO_PASSWORD } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { assertWebBuilt, axeViolations, launchBrowser, startServer, type Browser, type RunningServer } from './harness';

const STEP_MS = 60_000;
let t: TestDatabase;
let w: SupervisedWorld;
let server: RunningServer;
let browser: Browser;
let page: Page;
let overdue = '';

// A Monday about two months ago (Vietnam time), so the dossiers are overdue now and inside the
// transparency window whatever day the test runs.
const DAY_MS = 86_400_000;
const vnToday = new Date(Date.now() + 7 * 3_600_000);
const back = 56 + ((vnToday.getUTCDay() + 6) % 7);
const monday = new Date(Date.UTC(vnToday.getUTCFullYear(), vnToday.getUTCMonth(), vnToday.getUTCDate()) - back * DAY_MS).toISOString().slice(0, 10);
const dayAfter = (n: number) => new Date(Date.parse(`${monday}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** dd/mm/yyyy, as the pages show a day */
const dayFirst = (day: string) => day.split('-').reverse().join('/');
const vn = (day: string, time: string) => `${day}T${time}:00+07:00`;
const monthName = (day: string) => `Tháng ${Number(day.slice(5, 7))}/${day.slice(0, 4)}`;

async function expectNoAxeViolations(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  assertWebBuilt();
  t = await createTestDatabase();
  w = await buildSupervisedWorld(t.db);
  // received two months ago, forwarded, never resolved: overdue today
  overdue = await w.receiveAt(vn(monday, '09:00'), 1);
  await w.act(w.actors.clerk, overdue, 'forward', vn(monday, '10:00'));
  // one resolved two days later, for the transparency figures
  const done = await w.receiveAt(vn(monday, '09:00'), 1);
  await w.act(w.actors.clerk, done, 'forward', vn(monday, '10:00'));
  await w.act(w.users.approver1, done, 'approve', vn(dayAfter(1), '09:00'));
  await w.act(w.users.officer1, done, 'markResultReady', vn(dayAfter(2), '09:00'));
  await createUser({ db: t.db, clock: systemClock, actor: null },
    { username: 'giamsat', fullName: 'Võ Thị Ngọc Lan', role: 'supervisor', scopeCode: w.province.code, password: DEMO_PASSWORD },
    (kind, code) => resolveScope(t.db, kind, code));
  await t.db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'giamsat').execute();
  // the world's dossiers are written without the roll-up hook: derive the dashboard's roll-ups
  // from their events, as `motcua report rebuild --apply` does
  await rebuildRollups(t.db, { apply: true });
  // due weeks ago: look back far enough for the job to escalate it now
  await runEscalation({ db: t.db, clock: systemClock }, { ...DEFAULT_ESCALATION, overdueLookbackDays: 3650 });
  server = await startServer(t.db, systemClock);
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('supervision', () => {
  it('the supervisor opens the overdue list and sees the escalation notification', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('giamsat');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
    await page.getByRole('link', { name: 'Hồ sơ quá hạn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giám sát giải quyết hồ sơ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/giam-sat/theo-doi');
    const table = page.getByRole('table', { name: /Hồ sơ quá hạn/ });
    const row = table.getByRole('row').filter({ hasText: overdue });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Quá hạn/);
    await page.getByText(`Hồ sơ ${overdue} đã quá hạn`).waitFor();
    await expectNoAxeViolations();
  }, STEP_MS);

  it('runs the audit-log check for the week of the dossiers', async () => {
    const audit = page.getByRole('region', { name: 'Kiểm tra nhật ký xử lý' });
    await audit.getByLabel('Từ ngày').fill(dayFirst(monday));
    await audit.getByLabel('Đến ngày').fill(dayFirst(dayAfter(6)));
    await audit.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
    await audit.getByText(/^Toàn vẹn: đã kiểm tra 2 hồ sơ, \d+ sự kiện/).waitFor();
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  }, STEP_MS);

  it('anyone reads a procedure’s figures on the public transparency page', async () => {
    await page.getByRole('link', { name: /Công khai thời gian giải quyết/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Công khai kết quả giải quyết thủ tục hành chính' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/minh-bach');
    await page.getByLabel('Tìm thủ tục').fill('khai sinh thu');
    await page.getByRole('button', { name: 'Tìm' }).click();
    const row = page.getByRole('row').filter({ hasText: w.procedureCode });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    // 5 working days; 1 resolved on time (2 working days unless a holiday intervenes); 1 open and overdue
    expect(cells[0]).toBe('5 ngày làm việc');
    expect(cells[1]).toBe('1');
    expect(cells[2]).toMatch(/^\d+(,\d)?$/);
    expect(cells.slice(4)).toEqual(['100%', '1', '0']);
    await expectNoAxeViolations();
  }, STEP_MS);

  it('the supervisor reads the dashboard charts, opens a bar’s dossiers, prints them and reads them in English', async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel('Tên đăng nhập').fill('giamsat');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Bảng thống kê' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê, giám sát giải quyết TTHC' }).waitFor();
    await page.getByRole('combobox', { name: /^Kỳ/ }).selectOption('custom');
    await page.getByLabel('Từ ngày').fill(dayFirst(monday));
    await page.getByLabel('Đến ngày').fill(dayFirst(dayAfter(6)));
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByText(`Kỳ báo cáo: ${dayFirst(monday)} – ${dayFirst(dayAfter(6))}`).waitFor();

    // the breakdown by channel: both dossiers came in at the counter
    const bars = page.getByRole('img', { name: 'Biểu đồ cột: Hồ sơ tiếp nhận theo kênh. 1 mục; nhiều nhất là Trực tiếp với 2. Số liệu từng mục ở bảng kèm theo.', exact: true });
    await bars.locator('svg').waitFor();
    expect(await bars.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Kênh', 'Trực tiếp', 'Số hồ sơ tiếp nhận', '2']));
    const barTable = page.getByRole('table', { name: 'Hồ sơ tiếp nhận theo kênh' });
    expect(await barTable.getByRole('row').allInnerTexts()).toEqual(['Kênh\tSố hồ sơ tiếp nhận', 'Trực tiếp\t2']);

    // the trend, one line per series: both received on the Monday, one resolved on the Wednesday
    const received = monthName(monday);
    const resolved = monthName(dayAfter(2));
    const trend = page.getByRole('img', { name: `Biểu đồ đường: Hồ sơ tiếp nhận, đã giải quyết, trực tuyến theo tháng, từ ${received} đến ${resolved}; các đường: Tiếp nhận, Đã giải quyết, Trực tuyến. Số liệu từng tháng ở bảng kèm theo.`, exact: true });
    await trend.locator('svg').waitFor();
    expect(await trend.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Tiếp nhận', 'Đã giải quyết', 'Trực tuyến', 'Tháng', 'Số hồ sơ']));
    const trendTable = page.getByRole('table', { name: 'Hồ sơ tiếp nhận, đã giải quyết, trực tuyến theo tháng' });
    const trendRows = await trendTable.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(trendRows).toEqual(received === resolved ? [[received, '2', '1', '0']] : [[received, '2', '0', '0'], [resolved, '0', '1', '0']]);
    await expectNoAxeViolations();

    // clicking the bar opens the same list as the number it draws
    await bars.locator('svg path[fill="#1d4f91"]').first().click();
    const drill = page.getByRole('region', { name: 'Hồ sơ: Trực tiếp' });
    await drill.getByRole('row').filter({ hasText: overdue }).waitFor();
    expect(await drill.getByRole('link').allTextContents()).toHaveLength(2);
    await expectNoAxeViolations();

    // on paper: the chart keeps its printed width with black text, and the trend's numbers show
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => bars.locator('svg').getAttribute('width'), { timeout: 5000 }).toBe('680');
    // the chart redraws at its printed width: read the colour of the text it draws then, not of a node it replaced
    await expect.poll(() => bars.locator('svg text').first().evaluate((text) => getComputedStyle(text).fill), { timeout: 5000 }).toBe('rgb(0, 0, 0)');
    expect((await trendTable.boundingBox())?.width).toBeGreaterThan(100);
    await page.emulateMedia({ media: 'screen' });

    // the charts follow the language switch
    await page.getByRole('button', { name: 'English' }).click();
    const barsEn = page.getByRole('img', { name: /^Bar chart: Dossiers received by channel\. Bars: 1; the largest is Trực tiếp with 2\./ });
    await expect.poll(() => barsEn.locator('svg text').allTextContents(), { timeout: 5000 }).toEqual(expect.arrayContaining(['Channel', 'Dossiers received']));
    await page.getByRole('img', { name: /^Line chart: Dossiers received, resolved and received online, by month/ }).waitFor();
    // the rest of the page too: heading, filters, figures, table headers
    await page.getByRole('heading', { level: 1, name: 'Statistics and supervision of administrative procedures' }).waitFor();
    await page.getByText(`Report period: ${dayFirst(monday)} – ${dayFirst(dayAfter(6))}`).waitFor();
    await page.getByRole('combobox', { name: /^Period/ }).waitFor();
    await page.getByText('Newly received', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Indicators of Decision 766/QĐ-TTg' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Late share' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await bars.waitFor();

    expect(browser.problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
  }, STEP_MS);
});
