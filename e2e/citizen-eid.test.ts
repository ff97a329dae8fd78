// A citizen on a phone (360 px) signs in with the e-ID simulator and follows their dossier: the demo
// clerk receives a birth registration for Trần Thị Bình's personal ID and forwards it, the officer
// asks for a missing paper; she opens "Hồ sơ của tôi", presses "Đăng nhập bằng VNeID", picks
// herself on the simulator's page (labelled as a simulator), comes back signed in, sees her
// dossier, opens its steps (received, forwarded, the missing paper named) in Vietnam time. axe
// finds no violations on the sign-in form and the list with its steps.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import type { HttpApp } from '../src/platform/http/server';
import { DEMO_PASSWORD, seedDemo } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { assertWebBuilt, axeViolations, launchBrowser, webDist, type Browser } from './harness';

const STEP_MS = 90_000;
const BINH_ID = '087195004321'; // a test identity of the e-ID simulator (src/identity/eid-simulator.ts)
let t: TestDatabase;
let app: HttpApp;
let browser: Browser;
let base = '';
let code = '';

async function call<T>(token: string | null, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
const tokenOf = async (username: string) => (await call<{ token: string }>(null, 'POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD })).token;

beforeAll(async () => {
  assertWebBuilt();
  t = await createTestDatabase();
  await seedDemo(t.db, systemClock);
  // the e-ID provider sends the browser back to the public URL: it must be where the app listens
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  base = `http://127.0.0.1:${port}`;
  app = await buildApp({ db: t.db, clock: systemClock, config: loadConfig({ ...process.env, MOTCUA_WEB_DIR: webDist, MOTCUA_PUBLIC_URL: base }) });
  await app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser({ width: 360, height: 760 });
  const clerk = await tokenOf('clerk');
  const officer = await tokenOf('officer');
  const address = 'Số 5, Ấp 1, Xã Tân Hồng, Đồng Tháp';
  ({ code } = await call<{ code: string }>(clerk, 'POST', '/api/v1/dossiers', {
    procedureCode: '1.001193', applicant: { personalId: BINH_ID, name: 'Trần Thị Bình', phone: '0987654321', address, unitCode: '29926' },
    papers: [{ key: 'p4', source: 'paper', originals: 1 }], formData: { fullName: 'Trần Thị Bình', personalId: BINH_ID, address, subjectFullName: 'Trần Văn Bé' },
  }));
  await call(clerk, 'POST', `/api/v1/dossiers/${code}/actions/forward`, { note: 'ghi chú nội bộ của cán bộ' });
  await call(officer, 'POST', `/api/v1/dossiers/${code}/actions/requestSupplement`, { reason: 'Giấy chứng sinh bị mờ', items: ['Giấy chứng sinh bản rõ'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await t?.close();
});

describe('the citizen signs in with VNeID and follows her dossier', () => {
  it('signs in through the e-ID simulator from "Hồ sơ của tôi" and comes back to it', async () => {
    const page = browser.page;
    await page.goto(`${base}/cong-dan/ho-so`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByText('Đây là VNeID giả lập').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByText('GIẢ LẬP VNeID').waitFor();
    await page.getByRole('button', { name: /Trần Thị Bình/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cong-dan/ho-so');
  }, STEP_MS);

  it('sees her dossier and its steps in her words, with the missing paper, at 360 px', async () => {
    const page = browser.page;
    await page.getByText(code).first().waitFor();
    await page.getByRole('button', { name: `Xem các bước của hồ sơ ${code}` }).click();
    const steps = page.locator('.dossier-timeline__steps li');
    await steps.nth(2).waitFor();
    expect(await steps.locator('.dossier-timeline__what').allTextContents()).toEqual([
      'Hồ sơ đã được tiếp nhận', 'Hồ sơ đã được chuyển đến cơ quan giải quyết', 'Cần bổ sung giấy tờ',
    ]);
    expect(await steps.nth(2).textContent()).toContain('Cần bổ sung: Giấy chứng sinh bản rõ');
    // times in Vietnam time, dd/mm/yyyy
    expect(await steps.first().locator('time').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(await page.content()).not.toContain('ghi chú nội bộ');
    // nothing wider than the phone's screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
  }, STEP_MS);
});
