// A bundle's results in one postal delivery (issue 17 acceptance): the demo clerk files the death +
// residence removal + funeral allowance bundle (2.002622, ND 63/2024; every member allows postal
// return) at the counter, results together by post to an address, and sees the parent with its three
// members. The agencies bring each member to its result through the API (death first; the other two
// start on its result): no result leg until the last result, then exactly ONE for the bundle. The
// courier, on a phone (360 px), takes that one parcel listing the three member codes, collects it at
// the agency and delivers it with the recipient's name, ID and signature; the clerk's bundle page
// (1280 px) then says every member is returned, and each member has its own `return` event.
// A second bundle together by post whose parcel the courier could not deliver (two failed attempts) and
// took back to the agency: the clerk's bundle page says so and returns the three at the counter in one
// action, at 360 px. axe clean on each page; screenshots go to test-results/bundle-post/ for review.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { paperRequirement } from '../src/catalog/model';
import { getProcedure } from '../src/catalog/service';
import { DEMO_PASSWORD } from '../src/seed';
import { vnDateOfInstant } from '../src/shared/civil-date';
import { axeViolations } from './harness';
import { drawSignature } from './signature-pad';
import { logIn, useDemoApp } from './demo-app';

const QR = '087090004321|341234888|TRẦN THỊ HOA|02021985|Nữ|Số 5, Ấp 2, Xã Tân Hồng, Đồng Tháp|20042021';
const ADDRESS = 'Số 5, Ấp 2, Xã Tân Hồng, Đồng Tháp';
const OUT = 'test-results/bundle-post';
const STEP_MS = 180_000;

const demo = useDemoApp(OUT);

interface BundleView {
  state: { status: string };
  returnChoice: { timing: string; place: string; address: string | null };
  members: { key: string; dossier: { code: string; status: string } }[];
}

async function call<T>(token: string, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${demo.base}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
const tokens = new Map<string, string>();
async function tokenOf(username: string): Promise<string> {
  const known = tokens.get(username);
  if (known) return known;
  const response = await fetch(`${demo.base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const { token } = await response.json() as { token: string };
  tokens.set(username, token);
  return token;
}

/** The result legs that carry any of `codes` (a bundle's leg lists its members in `dossier_codes`). */
async function resultLegsOf(codes: readonly string[]) {
  const legs = await demo.app.t.db.selectFrom('postal_legs').select(['tracking_number', 'dossier_codes', 'contents']).where('kind', '=', 'result').orderBy('id').execute();
  return legs.filter((l) => (l.dossier_codes ?? []).some((c) => codes.includes(c)));
}

/** The screen as checked on each visit: axe clean, nothing wider than the window, a screenshot to look at. */
async function checkScreen(name: string, width: number): Promise<void> {
  const page = demo.page;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${OUT}/${name}-${width}.png`, fullPage: true });
  expect(await axeViolations(page), `${name}: axe`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(width);
}


let parent = '';
const code: Record<string, string> = {};

/** Hands a member to its agency if still at the counter, approves it and marks its result ready. */
async function ready(member: string, officer: string, approver: string, resultNumber?: string): Promise<void> {
  const path = `/api/v1/dossiers/${member}`;
  if ((await call<{ status: string }>(await tokenOf('clerk'), 'GET', path)).status === 'received') await call(await tokenOf('clerk'), 'POST', `${path}/actions/forward`, {});
  await call(await tokenOf(approver), 'POST', `${path}/actions/approve`, {});
  await call(await tokenOf(officer), 'POST', `${path}/actions/markResultReady`, resultNumber ? { resultNumber } : {});
}

/** The required papers of a member procedure, on paper (the API's intake; the screen's is tested above). */
async function papersOf(procedureCode: string) {
  const p = await getProcedure(demo.app.t.db, procedureCode, vnDateOfInstant(Date.now()));
  return (p?.requiredPapers ?? []).filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'paper' as const }));
}

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('a bundle returned in one postal delivery', () => {
  it('the clerk files 2.002622 at the counter, together by post, and sees the parent with its three members (1280 px)', async () => {
    const page = demo.page;
    await logIn(page, demo.base, 'clerk');
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ liên thông' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ liên thông' }).waitFor();
    await page.getByLabel(/\(2\.002622\)$/).check();
    await page.getByRole('heading', { name: 'Giấy tờ riêng của thủ tục Xóa đăng ký thường trú' }).waitFor();
    await page.getByLabel('Quét CCCD').fill(QR);
    await page.getByLabel('Quét CCCD').press('Enter');
    await page.getByText('Đã điền thông tin từ CCCD của Trần Thị Hoa').waitFor();
    await page.getByLabel(/^Số điện thoại/).first().fill('0912000111');
    const combined = page.getByRole('region', { name: '3. Tờ khai chung' });
    await combined.getByLabel(/^Họ tên người được đăng ký/).fill('Trần Văn Lâm');
    await combined.getByLabel(/^Ngày xảy ra sự kiện hộ tịch/).fill('01/12/2026');
    await page.getByLabel('Giấy báo tử (hoặc giấy tờ thay thế)', { exact: true }).check();
    for (const box of await page.locator('.checklist input[type=checkbox]').all()) await box.check();
    // how the results go back: together, by one postal delivery — every member allows it
    const back = page.getByRole('region', { name: '5. Cách trả kết quả' });
    await back.getByLabel('Trả cùng một lần khi mọi thủ tục có kết quả').check();
    await back.getByLabel('Qua bưu chính, đến địa chỉ').check();
    await back.getByRole('button', { name: /địa chỉ/i }).click();
    expect(await back.getByLabel(/^Địa chỉ nhận kết quả/).inputValue()).toBe(ADDRESS);
    await checkScreen('bundle-form', 1280);
    await page.getByRole('button', { name: 'Xem lại trước khi tiếp nhận' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra trước khi tiếp nhận' }).waitFor();
    await page.getByText(`Trả cùng một lần khi mọi thủ tục có kết quả, bưu điện phát đến: ${ADDRESS}`).first().waitFor();
    await checkScreen('bundle-review', 1280);
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ liên thông' }).waitFor();
    parent = ((await page.locator('.done-code').textContent()) ?? '').replace('Mã hồ sơ liên thông: ', '').trim();
    expect(parent).toMatch(/^000\.58\.61\.H20-\d{6}-\d{4}$/);
    await page.getByRole('link', { name: /^000\.58\.61\.H20-\d{6}-\d{4}$/ }).first().waitFor();
    const rows = await page.locator('table.data-table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/Đăng ký khai tử/);
    expect(rows[1]).toMatch(/Xóa đăng ký thường trú[\s\S]*Bắt đầu khi có kết quả Đăng ký khai tử/);
    expect(rows[2]).toMatch(/Giải quyết mai táng phí, tử tuất[\s\S]*Bắt đầu khi có kết quả Đăng ký khai tử/);
    await checkScreen('bundle-done', 1280);

    await page.getByRole('link', { name: `Mở trang hồ sơ liên thông ${parent}` }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ liên thông ${parent}` }).waitFor();
    await page.getByRole('link', { name: /^000\.58\.61\.H20-\d{6}-\d{4}$/ }).first().waitFor();
    expect(await page.locator('table.data-table tbody tr').count()).toBe(3);
    expect(await page.getByText(`Trả cùng một lần khi mọi thủ tục có kết quả, bưu điện phát đến: ${ADDRESS}`).count()).toBeGreaterThan(0);
    await checkScreen('bundle-page', 1280);

    const view = await call<BundleView>(await tokenOf('clerk'), 'GET', `/api/v1/bundles/${parent}`);
    expect(view.returnChoice).toEqual({ timing: 'together', place: 'post', address: ADDRESS });
    for (const m of view.members) code[m.key] = m.dossier.code;
    expect(Object.keys(code)).toEqual(['death', 'residenceRemoval', 'funeralAllowance']);
  }, STEP_MS);

  it('the agencies bring each member to its result: ONE result leg for the bundle, only after the last', async () => {
    const members = Object.values(code);
    // the two others wait for the death result: no clock, no action by hand
    const waiting = await call<BundleView>(await tokenOf('clerk'), 'GET', `/api/v1/bundles/${parent}`);
    expect(waiting.members.slice(1).map((m) => m.dossier.status)).toEqual(['submitted', 'submitted']);
    await ready(code.death ?? '', 'officer', 'approver', '31/2026');
    const started = await call<BundleView>(await tokenOf('clerk'), 'GET', `/api/v1/bundles/${parent}`);
    expect(started.members.slice(1).map((m) => m.dossier.status)).not.toContain('submitted');
    expect(await resultLegsOf(members)).toEqual([]);
    await ready(code.residenceRemoval ?? '', 'police_officer', 'police_approver');
    expect(await resultLegsOf(members)).toEqual([]);
    await ready(code.funeralAllowance ?? '', 'bhxh_officer', 'bhxh_approver');
    const legs = await resultLegsOf(members);
    expect(legs).toHaveLength(1);
    expect(legs[0]?.dossier_codes).toEqual(members);
    expect(legs[0]?.contents).toBe(`Kết quả hồ sơ liên thông ${parent} (3 hồ sơ)`);
  }, STEP_MS);

  it('the courier takes the one parcel listing the three members, collects it and delivers it (360 px)', async () => {
    const page = demo.page;
    const members = Object.values(code);
    const n = (await resultLegsOf(members))[0]?.tracking_number ?? '';
    await page.setViewportSize({ width: 360, height: 800 });
    await logIn(page, demo.base, 'courier');
    await page.getByRole('link', { name: /Giao kết quả/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Phát kết quả' }).waitFor();
    await page.getByRole('button', { name: /^Chờ nhận việc/ }).click();
    const card = page.locator('.task-card').filter({ hasText: n });
    for (const c of members) await card.getByText(c, { exact: false }).waitFor();
    await checkScreen('courier-waiting', 360);
    const parcelPage = await card.getByRole('link', { name: `Xem bưu gửi ${n}` }).getAttribute('href');
    await card.getByRole('button', { name: `Nhận việc ${n}` }).click();
    // once taken, the job leaves the waiting list for the courier's route: open the parcel it was
    await page.getByRole('button', { name: `Nhận việc ${n}` }).waitFor({ state: 'detached' });
    await page.goto(`${demo.base}${parcelPage ?? ''}`);
    await page.getByRole('heading', { level: 2, name: 'Nhận kết quả tại cơ quan' }).waitFor();
    const listed = page.getByRole('region', { name: 'Các hồ sơ trong bưu gửi' });
    expect(await listed.getByRole('listitem').allInnerTexts()).toEqual(members);
    await page.getByLabel('Họ và tên người ký').fill('Trần Thị Nhận');
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Cán bộ cơ quan ký' }));
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Bưu tá ký' }));
    await checkScreen('result-collect', 360);
    await page.getByRole('button', { name: 'Đã nhận kết quả' }).click();
    await page.getByText('Đã nhận kết quả tại cơ quan.').waitFor();
    await page.getByLabel('Họ và tên người nhận').fill('Trần Thị Hoa');
    await page.getByLabel('Số căn cước người nhận').fill('087090004321');
    await drawSignature(page.getByRole('img', { name: 'Khung ký: Người nhận ký' }));
    await checkScreen('result-deliver', 360);
    await page.getByRole('button', { name: 'Đã phát thành công' }).click();
    await page.getByText('Đã phát kết quả cho người nhận.').waitFor();
    await checkScreen('result-delivered', 360);
  }, STEP_MS);

  it('the bundle page says every member is returned, each with its own return event (1280 px)', async () => {
    const page = demo.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, demo.base, 'clerk');
    await page.goto(`${demo.base}/xu-ly/lien-thong/${parent}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ liên thông ${parent}` }).waitFor();
    await page.getByRole('link', { name: /^000\.58\.61\.H20-\d{6}-\d{4}$/ }).first().waitFor();
    await page.getByText('Đã trả đủ kết quả', { exact: true }).first().waitFor();
    const rows = await page.locator('table.data-table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/Đã trả kết quả/);
    await checkScreen('bundle-returned', 1280);
    const events = await demo.app.t.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
      .select(['d.code', 'e.action']).where('d.code', 'in', Object.values(code)).where('e.action', '=', 'return').execute();
    expect(events.map((e) => e.code).sort()).toEqual(Object.values(code).sort());
  }, STEP_MS);

  it('a parcel the post brought back to the agency is returned at the counter from the bundle page, in one action (1280 and 360 px)', async () => {
    // a second death bundle, together by post, filed through the API; its three results make one parcel
    const clerk = await tokenOf('clerk');
    const filed = await call<{ code: string; members: { key: string; code: string }[] }>(clerk, 'POST', '/api/v1/bundles', {
      bundleCode: '2.002622', applicant: { personalId: '087090004321', name: 'Trần Thị Hoa', phone: '0912000111', unitCode: '29926' },
      formData: { fullName: 'Trần Thị Hoa', personalId: '087090004321', address: ADDRESS, subjectFullName: 'Trần Văn Sáu', eventDate: vnDateOfInstant(Date.now()) },
      papers: { death: await papersOf('1.000656'), residenceRemoval: await papersOf('2.002622.XTT'), funeralAllowance: await papersOf('2.002622.MTP') },
      returnChoice: { timing: 'together', place: 'post', address: ADDRESS },
    });
    const [death, removal, allowance] = filed.members.map((m) => m.code);
    await ready(death ?? '', 'officer', 'approver', '32/2026');
    await ready(removal ?? '', 'police_officer', 'police_approver');
    await ready(allowance ?? '', 'bhxh_officer', 'bhxh_approver');
    const n = (await resultLegsOf([death ?? '']))[0]?.tracking_number ?? '';
    // the courier takes it, collects it and fails twice at the address, the first attempt two weeks ago
    // (QĐ 45 art. 10: two attempts at least two working days apart; the demo app's clock is the real one,
    // so the leg's trail so far is moved back in time — test data, the trail is append-only in the app)
    const courier = await tokenOf('courier');
    const courierName = (await demo.app.t.db.selectFrom('users').select('full_name').where('username', '=', 'courier').executeTakeFirstOrThrow()).full_name;
    const leg = `/api/v1/postal/legs/${n}`;
    await call(courier, 'POST', `${leg}/assign`, {});
    await call(courier, 'POST', `${leg}/collect-result`, { agencySignature: { name: 'Lê Văn Giao', image: PNG }, courierSignature: { name: courierName, image: PNG } });
    await call(courier, 'POST', `${leg}/attempts`, { outcome: 'failed', reason: 'Không có người ở nhà' });
    const legId = (await demo.app.t.db.selectFrom('postal_legs').select('id').where('tracking_number', '=', n).executeTakeFirstOrThrow()).id;
    await sql`ALTER TABLE postal_leg_events DISABLE TRIGGER postal_leg_events_append_only`.execute(demo.app.t.db);
    await sql`UPDATE postal_leg_events SET at = at - interval '14 days' WHERE leg_id = ${legId}`.execute(demo.app.t.db);
    await sql`ALTER TABLE postal_leg_events ENABLE TRIGGER postal_leg_events_append_only`.execute(demo.app.t.db);
    await call(courier, 'POST', `${leg}/attempts`, { outcome: 'failed', reason: 'Không có người ở nhà' });
    await call(courier, 'POST', `${leg}/return-to-agency`, { agencySignature: { name: 'Lê Văn Giao', image: PNG } });

    // the clerk's bundle page says so and offers the one return at the counter (no change of the choice)
    const page = demo.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, demo.base, 'clerk');
    await page.goto(`${demo.base}/xu-ly/lien-thong/${filed.code}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ liên thông ${filed.code}` }).waitFor();
    await page.getByText(`Bưu điện phát không thành công đến ${ADDRESS} và đã trả lại: trả kết quả tại quầy.`).waitFor();
    await page.getByText(`Trả được ngay: ${[death, removal, allowance].join(', ')}`).waitFor();
    expect(await page.getByText(/Đổi cách trả kết quả/).count()).toBe(0);
    expect(await page.getByText(/Khi có đủ kết quả, hệ thống tạo một bưu gửi/).count()).toBe(0);
    await checkScreen('bundle-back-from-post', 1280);
    await page.setViewportSize({ width: 360, height: 800 });
    await checkScreen('bundle-back-from-post', 360);
    await page.getByRole('button', { name: `Trả kết quả 3 hồ sơ của hồ sơ liên thông ${filed.code}` }).click();
    await page.getByText(`Đã trả kết quả 3 hồ sơ của hồ sơ liên thông ${filed.code}.`).waitFor();
    await page.getByText('Đã trả đủ kết quả', { exact: true }).first().waitFor();
    await checkScreen('bundle-back-returned', 360);
    const events = await demo.app.t.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
      .select(['d.code', 'e.payload']).where('d.code', 'in', [death ?? '', removal ?? '', allowance ?? '']).where('e.action', '=', 'return').execute();
    expect(events.map((e) => [e.code, (e.payload as { channel?: string }).channel]).sort()).toEqual([death, removal, allowance].sort().map((c) => [c, 'counter']));
  }, STEP_MS);
});
