// Every main page of every role on a 360 px phone: nothing wider than the screen (no sideways
// scrolling), dates day first (no "2026-03-12" shown), and a page the role may not open shows the
// refusal alone. Signed out, the public pages log no error at all (no 401 from a session check).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed';
import { paths } from '../web/src/routes';
import { openDemoApp, type DemoApp } from './demo-app';
import { launchBrowser, type Browser } from './harness';

let demo: DemoApp;
let phone: Browser;
let page: Page;
let code = '';

async function tokenOf(username: string): Promise<string> {
  const response = await fetch(`${demo.server.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function post(token: string, path: string, body: unknown): Promise<{ code: string }> {
  const response = await fetch(`${demo.server.baseUrl}${path}`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { code: string };
}

/** Signs in through the login form's endpoint from the page itself, so the session cookie is the browser's. */
async function signInAs(username: string): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post(`${demo.server.baseUrl}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
}

/** Opens a page and waits until it has stopped loading (its h1 shown, no "Đang tải" left). */
async function open(path: string): Promise<void> {
  await page.goto(`${demo.server.baseUrl}${path}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="status"].loading') && !/Đang tải/.test(document.querySelector('main')?.textContent ?? ''), null, { timeout: 15_000 });
}

async function overflow(): Promise<{ scrollWidth: number; viewport: number; widest: string }> {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    // the outermost elements that stick out (a clipped header row inside them does not count)
    const wide: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const r = el.getBoundingClientRect();
      if (r.right > viewport + 1 && !el.closest('thead') && wide.length < 5) wide.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.right)} px)`);
    }
    // a box that scrolls sideways inside the page (a table in an overflow box) is sideways scrolling too
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && wide.length < 5) wide.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    const widest = wide.join(', ');
    return { scrollWidth: document.documentElement.scrollWidth, viewport, widest };
  });
}

/** Dates shown to people are dd/mm/yyyy: an ISO date in the visible text is a mistake (a file format's example in <code> is not). */
async function isoDatesShown(): Promise<string[]> {
  const text = await page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const code of copy.querySelectorAll('code, input, textarea')) code.remove();
    return copy.innerText || copy.textContent || '';
  });
  return text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [];
}

const dossierPage = () => `${paths.processingDossier}/${encodeURIComponent(code)}`;

const pagesOf: Record<string, () => string[]> = {
  clerk: () => [paths.home, paths.counterReceive, paths.counterReturn, paths.processingQueue, paths.dossierSearch, dossierPage(), paths.changePassword],
  officer: () => [paths.home, paths.processingQueue, paths.dossierSearch, dossierPage()],
  approver: () => [paths.home, paths.processingQueue, paths.supervision, dossierPage()],
  supervisor: () => [paths.home, paths.dashboard, paths.supervision, paths.dossierSearch],
  admin: () => [paths.home, paths.adminCalendar, paths.adminCatalog, `${paths.adminCatalog}/2.000815`, paths.adminUnits, paths.adminAgencies, paths.adminServicePoints, paths.adminUsers],
  citizen: () => [paths.home, paths.myDossiers, dossierPage()],
};

beforeAll(async () => {
  demo = await openDemoApp();
  phone = await launchBrowser({ width: 360, height: 740 });
  page = phone.page;
  const clerk = await tokenOf('clerk');
  // the demo citizen's own dossier, handed to the commune: every role above has something to show
  ({ code } = await post(clerk, '/api/v1/dossiers', {
    procedureCode: '1.001193',
    applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: '0912345678', address: 'Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp', unitCode: '29926' },
    papers: [{ key: 'p4', source: 'paper', originals: 1 }],
    formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address: 'Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp', subjectFullName: 'Nguyễn Văn Bé' },
  }));
  await post(clerk, `/api/v1/dossiers/${code}/actions/forward`, {});
}, 180_000);

afterAll(async () => {
  await phone?.close();
  await demo?.close();
});

describe('on a 360 px phone', () => {
  it('the public pages fit, and signed out nothing logs an error', async () => {
    for (const path of [paths.home, paths.tracking, paths.transparency, paths.anchors]) {
      await open(path);
      const o = await overflow();
      expect(o.scrollWidth, `${path}: ${o.widest}`).toBeLessThanOrEqual(o.viewport);
      expect(o.widest, path).not.toMatch(/scrolls sideways/);
    }
    expect(phone.problems).toEqual([]);
    // the anchors page is the web app's, in the reader's language, reading the public JSON
    await open(paths.anchors);
    await expect(page.locator('main h1').innerText()).resolves.toBe('Neo nhật ký hồ sơ');
    await page.getByRole('heading', { level: 2, name: 'Khóa công khai' }).waitFor();
    await page.getByRole('link', { name: '/api/v1/public/anchors' }).waitFor();
  });

  it.each(Object.keys(pagesOf))('every main page of the %s fits the screen and shows dates day first', async (username) => {
    await signInAs(username);
    for (const path of pagesOf[username]?.() ?? []) {
      await open(path);
      const o = await overflow();
      expect(o.scrollWidth, `${username} ${path}: ${o.widest}`).toBeLessThanOrEqual(o.viewport);
      expect(o.widest, `${username} ${path}`).not.toMatch(/scrolls sideways/);
      expect(await isoDatesShown(), `${username} ${path}`).toEqual([]);
      expect(await page.locator('[data-page="forbidden"]').count(), `${username} ${path}`).toBe(0);
    }
  }, 120_000);

  it('a page the role may not open shows the refusal and nothing of the page', async () => {
    await signInAs('clerk');
    await open(paths.dashboard);
    await expect(page.locator('main h1').innerText()).resolves.toBe('Không có quyền truy cập');
    expect(await page.locator('main form, main table, main section').count()).toBe(0);
    await signInAs('officer');
    await open(paths.counterReceive);
    await expect(page.locator('main h1').innerText()).resolves.toBe('Không có quyền truy cập');
  });
});
