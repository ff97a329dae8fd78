// The post's legs between agencies in Chromium at 360 px (issue 13): the demo officer asks the post
// to carry a dossier's papers to another agency on the dossier's page; the demo clerk sends a dossier
// received at the post office's counter to its agency by post. The courier's day shows one stop at
// the agency with both tasks; the courier collects the transfer on its screen — the parcel weighed
// (no weight: the screen says so), both sign — and the postage billed to the sending agency shows
// there and on the post office's statement of the month ("Cước chuyển hồ sơ giữa các cơ quan", also
// at 1280 px); the parcel is handed over (API, the signatures are those of postal-day.test.ts), and
// both dossiers' pages show the post's steps under
// "Giao nhận hồ sơ (phiếu kiểm soát)" — the forwarded dossier keeps its counter's receipt time, leaves
// the clerk's list at the hand-over and its page says "Đã bàn giao cho ‹cơ quan› lúc dd/mm/yyyy HH:mm". axe on
// each screen; nothing scrolls sideways (the courier's day also at 1280 px). Screenshots go to
// test-results/postal-transfer/.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness';
import { drawSignature } from './signature-pad';
import { logIn, useDemoApp } from './demo-app';

const OUT = 'test-results/postal-transfer';
const STEP_MS = 180_000;
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const demo = useDemoApp(OUT, { viewport: { width: 360, height: 800 }, startMs: 240_000 });

interface Item { code: string }
interface Dossier { code: string; receivedAt: string | null; controlSlip: { action: string; trackingNumber: string | null; receivedBy: string | null }[] }

async function api<T>(username: string, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const login = await fetch(`${demo.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'motcua-demo' }) });
  const { token } = await login.json() as { token: string };
  const r = await fetch(`${demo.base}${route}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${route}: ${r.status} ${text}`);
  return JSON.parse(text) as T;
}

async function screen(name: string): Promise<void> {
  const page = demo.page;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${OUT}/${name}-360.png`, fullPage: true });
  expect(await axeViolations(page), `${name}: axe`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(360);
}


const numberIn = (text: string | null) => /[A-Z]{2}[0-9]{9}VN/.exec(text ?? '')?.[0] ?? '';
let transferNumber = '';
let forwardNumber = '';
let processing = '';
let counter: Dossier | undefined;

describe('transfers and counter dossiers carried by post, at 360 px', () => {
  it('the officer asks a transfer and the clerk sends a counter dossier by post, on the dossiers\' pages', { timeout: STEP_MS }, async () => {
    const page = demo.page;
    // two birth registrations (1.001193) at the demo counter of Tân Hồng: one forwarded to the agency, one whose paper waits
    const intake = (personalId: string) => ({ procedureCode: '1.001193', papers: [{ key: 'p4', source: 'paper', originals: 1 }],
      applicant: { personalId, name: 'Trần Văn Chuyển', phone: '0912000777', address: 'Ấp 3, Xã Tân Hồng', unitCode: '29926' }, formData: { fullName: 'Trần Văn Chuyển', personalId, address: 'Ấp 3, Xã Tân Hồng', subjectFullName: 'Trần Văn Bé' } });
    processing = (await api<Item>('clerk', 'POST', '/api/v1/dossiers', intake('087090007701'))).code;
    const paperOnly = (await api<Item>('clerk', 'POST', '/api/v1/dossiers', intake('087090007702'))).code;
    await api('clerk', 'POST', `/api/v1/dossiers/${processing}/actions/forward`, {});
    await logIn(page, demo.base, 'officer');
    await page.goto(`${demo.base}/xu-ly/ho-so/${encodeURIComponent(processing)}`);
    await page.getByRole('heading', { level: 2, name: 'Chuyển qua bưu chính' }).waitFor();
    const agency = page.getByLabel('Cơ quan nhận hồ sơ');
    await agency.selectOption({ index: 1 });
    await page.getByLabel('Giấy tờ chuyển').fill('Tờ trình, biên bản thẩm định');
    await page.getByRole('button', { name: 'Yêu cầu bưu chính chuyển' }).click();
    const asked = page.getByText(/Đã yêu cầu bưu chính chuyển hồ sơ, số hiệu/);
    await asked.waitFor();
    transferNumber = numberIn(await asked.textContent());
    expect(transferNumber).not.toBe('');
    await page.reload();
    await page.getByText(`bưu gửi ${transferNumber}`).first().waitFor(); // the dossier's hand-overs: asked
    await screen('officer-transfer');

    // the dossier received at the post office's counter whose paper has not travelled yet
    const code = paperOnly;
    expect((await api<{ mayAsk: boolean }>('clerk', 'GET', `/api/v1/postal/dossiers/${code}/forward-by-post`)).mayAsk).toBe(true);
    await logIn(page, demo.base, 'clerk');
    await page.goto(`${demo.base}/xu-ly/ho-so/${encodeURIComponent(code)}`);
    await page.getByRole('heading', { level: 2, name: 'Chuyển hồ sơ giấy đến cơ quan qua bưu chính' }).waitFor();
    await page.getByLabel('Bưu tá chuyển hồ sơ').selectOption({ label: 'Lê Văn Tâm' });
    await page.getByRole('button', { name: 'Chuyển hồ sơ giấy qua bưu chính' }).click();
    const opened = page.getByText(/Đã mở việc chuyển hồ sơ đến cơ quan, số hiệu/);
    await opened.waitFor();
    forwardNumber = numberIn(await opened.textContent());
    await page.getByRole('link', { name: 'Phiếu gửi (PDF)' }).waitFor();
    await screen('clerk-forward');
    counter = await api<Dossier>('clerk', 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}`);
    // until the post hands it over, it waits in the clerk's list
    expect((await api<{ items: Item[] }>('clerk', 'GET', '/api/v1/queue?filter=awaitingHandover')).items.map((i) => i.code)).toContain(code);
  });

  it('the courier\'s day has one stop at the agency with both tasks; after the hand-overs the dossiers show the post\'s steps', { timeout: STEP_MS }, async () => {
    const page = demo.page;
    await api('courier', 'POST', `/api/v1/postal/legs/${transferNumber}/assign`, {});
    await logIn(page, demo.base, 'courier');
    await page.goto(`${demo.base}/buu-ta/ngay-lam-viec`);
    await page.getByRole('heading', { level: 1, name: 'Ngày làm việc của tôi' }).waitFor();
    const stop = page.locator('.task-card', { hasText: 'Đến cơ quan' }).filter({ hasText: forwardNumber });
    await stop.waitFor();
    const text = await stop.textContent();
    expect(text).toContain(transferNumber);
    expect(text).toContain('Bàn giao bưu gửi hồ sơ');
    expect(text).toContain('Nhận hồ sơ chuyển');
    // where the agency is and whom to call there (the directory's demo address and phone of UBND xã Tân Hồng)
    expect(await stop.getByTestId('agency-address').textContent()).toBe('Trụ sở Ủy ban nhân dân xã Tân Hồng, xã Tân Hồng, tỉnh Đồng Tháp');
    expect(await stop.getByRole('link', { name: 'Gọi cho Ủy ban nhân dân xã Tân Hồng' }).getAttribute('href')).toBe('tel:02770001066');
    await stop.getByRole('link', { name: 'Lập biên bản bàn giao' }).waitFor();
    await stop.getByRole('link', { name: `Mở việc chuyển ${transferNumber}` }).waitFor();
    await screen('courier-day-agency');
    // the same day on a desk screen
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${OUT}/courier-day-agency-1280.png`, fullPage: true });
    expect(await axeViolations(page), 'courier day at 1280 px: axe').toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });

    // at the sending agency's desk: the transfer weighed and collected on the courier's screen
    await stop.getByRole('link', { name: `Mở việc chuyển ${transferNumber}` }).click();
    await page.getByRole('heading', { level: 2, name: 'Nhận hồ sơ tại cơ quan gửi' }).waitFor();
    await page.getByRole('button', { name: 'Đã nhận hồ sơ' }).click();
    await page.getByText('Chưa cân bưu gửi: nhập khối lượng (gam).').waitFor();
    await page.getByLabel('Khối lượng bưu gửi (gam)').fill('1001');
    // the tariff's amount shows before both sign, with who pays it
    await page.locator('.charges').getByText(/^(27|38)\.000 đ$/).waitFor();
    expect(await page.locator('.charges').textContent()).toContain('Cơ quan gửi trả cước');
    expect(await page.getByText('Chưa cân bưu gửi: nhập khối lượng (gam).').count()).toBe(0);
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Minh Khoa');
    await drawSignature(page.getByTestId('signature-pad').nth(0));
    await drawSignature(page.getByTestId('signature-pad').nth(1));
    await screen('courier-transfer-collect');
    await page.getByRole('button', { name: 'Đã nhận hồ sơ' }).click();
    await page.getByText('Đã nhận hồ sơ tại cơ quan gửi.').waitFor();
    // 1 001 g is past the 1 000 g class: 27 000 đ in the same commune, 38 000 đ within the province (tariff bcci-2025-07)
    const legs = await api<{ items: { trackingNumber: string; postage: { weightGrams: number; amountVnd: number; zone: string } | null }[] }>(
      'officer', 'GET', `/api/v1/postal/dossiers/${encodeURIComponent(processing)}/transfers`);
    const postage = legs.items.find((l) => l.trackingNumber === transferNumber)?.postage;
    expect(postage?.weightGrams).toBe(1001);
    expect(postage?.amountVnd).toBe(postage?.zone === 'sameCommune' ? 27_000 : 38_000);
    const amountText = `${String(postage?.amountVnd ?? 0).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
    expect(await page.locator('.charges').first().textContent()).toContain(amountText);
    await screen('courier-transfer-collected');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${OUT}/courier-transfer-collected-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });

    // the post office's dispatcher (the demo clerk): the month's statement bills it to the sending agency
    await logIn(page, demo.base, 'clerk');
    await page.goto(`${demo.base}/buu-cuc/cuoc-chuyen-ho-so`);
    await page.getByRole('heading', { level: 1, name: 'Cước chuyển hồ sơ giữa các cơ quan' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: transferNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain('1.001 g');
    expect(await row.textContent()).toContain(amountText);
    await screen('statement');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${OUT}/statement-1280.png`, fullPage: true });
    expect(await axeViolations(page), 'statement at 1280 px: axe').toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });

    // the parcel handed over with the record
    await api('courier', 'POST', `/api/v1/postal/legs/${forwardNumber}/depart`, {});
    const agencies = await api<{ items: { id: number; trackingNumbers: string[] }[] }>('courier', 'GET', '/api/v1/postal/handover-agencies');
    const agencyId = agencies.items.find((a) => a.trackingNumbers.includes(forwardNumber))?.id ?? 0;
    const record = await api<{ signedAt: string; agencyName: string }>('courier', 'POST', '/api/v1/postal/handovers', {
      agencyId, trackingNumbers: [forwardNumber], receiver: { name: 'Võ Thị Nhận' }, courierSignature: { name: 'Lê Văn Tâm', image: PNG }, receiverSignature: { name: 'Võ Thị Nhận', image: PNG },
    });
    const after = await api<Dossier>('clerk', 'GET', `/api/v1/dossiers/${encodeURIComponent(counter?.code ?? '')}`);
    expect(after.receivedAt).toBe(counter?.receivedAt);
    expect(after.controlSlip.filter((r) => r.trackingNumber === forwardNumber).map((r) => [r.action, r.receivedBy])).toEqual([
      ['postal.toAgency.requested', null], ['postal.toAgency.collected', 'Lê Văn Tâm'], ['postal.toAgency.handedOver', 'Võ Thị Nhận'],
    ]);
    await logIn(page, demo.base, 'clerk');
    await page.goto(`${demo.base}/xu-ly/ho-so/${encodeURIComponent(after.code)}`);
    await page.getByRole('heading', { level: 2, name: 'Giao nhận hồ sơ (phiếu kiểm soát)' }).waitFor();
    await page.getByText('người nhận: Võ Thị Nhận').waitFor();
    // handed over at the record's signature: off the clerk's list, and said so on the page (Vietnam time)
    for (const filter of ['all', 'awaitingHandover']) {
      expect((await api<{ items: Item[] }>('clerk', 'GET', `/api/v1/queue?filter=${filter}`)).items.map((i) => i.code)).not.toContain(after.code);
    }
    const vn = new Date(Date.parse(record.signedAt) + 7 * 3_600_000).toISOString();
    const when = `${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)} ${vn.slice(11, 16)}`;
    expect(await page.getByTestId('handed-over').textContent()).toBe(`Đã bàn giao cho ${record.agencyName} lúc ${when}`);
    await screen('clerk-handoffs');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${OUT}/clerk-handoffs-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    // the transfer, collected: the officer's dossier shows who gave and who took it
    await logIn(page, demo.base, 'officer');
    await page.goto(`${demo.base}/xu-ly/ho-so/${encodeURIComponent(processing)}`);
    await page.getByText('người giao: Nguyễn Minh Khoa · người nhận: Lê Văn Tâm').waitFor();
    await screen('officer-handoffs');
  });
});
