// A bundle filed at the counter in the browser (issue 17 acceptance): the demo clerk files the birth +
// residence + health-insurance bundle (2.002621, ND 63/2024) in one visit — the CCCD QR fills the
// applicant and the combined form, the birth certificate is ticked once for two members, the results to
// come back together at the counter (no postal return: the residence member allows none) — then sees
// the parent with its three members (codes, agencies, due times) and opens the parent's page. At 1280 px
// the shared birth certificate is scanned once (the single intake's scan panel) and kept as the birth
// member's scanned paper, the residence member's situation is chosen first (only its papers sent) and the
// applicant's store consent is ticked (recorded once); the birth member's page offers no "Rút hồ sơ"
// (residence waits for it) and says why, the residence member's names what it waits for and links to the
// bundle; at 360 px the clerk withdraws the whole bundle from its page in one action and it reads as withdrawn.
// 1280 and 360 px, axe clean; screenshots go to test-results/bundle-counter/ for review.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness';
import { logIn, useDemoApp } from './demo-app';

const QR = '087090001234|341234567|NGUYỄN VĂN AN|15031990|Nam|Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp|20042021';
const OUT = 'test-results/bundle-counter';
const OWN = 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình';
const STEP_MS = 120_000;

const demo = useDemoApp(OUT);
const count = async (table: 'bundles' | 'dossiers') => Number((await demo.app.t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

/** A one-page PDF "scan" made here (the server sniffs it from its bytes). */
async function scanPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(title, { x: 60, y: 760, size: 20, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** Files 2.002621 for Nguyễn Văn An's child through the counter screen; returns the parent's code. */
async function fileBundle(width: number): Promise<string> {
  const page = demo.page;
  await page.goto(`${demo.base}/`);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ liên thông' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ liên thông' }).waitFor();
  await page.getByLabel(/\(2\.002621\)$/).check();
  await page.getByRole('heading', { name: 'Giấy tờ riêng của thủ tục Đăng ký thường trú' }).waitFor();
  await page.getByLabel('Quét CCCD').fill(QR);
  await page.getByLabel('Quét CCCD').press('Enter');
  await page.getByText('Đã điền thông tin từ CCCD của Nguyễn Văn An').waitFor();
  await page.getByLabel(/^Số điện thoại/).first().fill('0912345678');
  // the combined form: the applicant's facts are filled once, from the card ("công dân không viết")
  const combined = page.getByRole('region', { name: '3. Tờ khai chung' });
  expect(await combined.getByLabel(/^Họ và tên người nộp/).inputValue()).toBe('Nguyễn Văn An');
  expect(await combined.getByLabel(/^Số định danh cá nhân/).inputValue()).toBe('087090001234');
  expect(await combined.getByLabel(/^Họ và tên người nộp/).count()).toBe(1);
  await combined.getByLabel(/^Họ tên người được đăng ký/).fill('Nguyễn Thị Bé');
  await combined.getByLabel(/^Địa chỉ đăng ký cư trú/).fill('Số 12, Ấp 3, Xã Tân Hồng');
  // nothing ticked yet: the review names what is missing, the shared birth certificate once, and the
  // residence member's situation (1.004222's papers are published by situation), as the single intake asks it
  await page.getByRole('button', { name: 'Xem lại trước khi tiếp nhận' }).click();
  await page.getByText('Chưa nhận giấy tờ dùng chung: Giấy chứng sinh (hoặc văn bản thay thế)').waitFor();
  expect(await page.getByText(/^Chưa nhận giấy tờ dùng chung: Giấy chứng sinh/).count()).toBe(1);
  await page.getByText('Thủ tục Đăng ký thường trú: Chọn trường hợp của người nộp (thủ tục có nhiều trường hợp, mỗi trường hợp một bộ giấy tờ).').first().waitFor();
  const situations = page.getByRole('group', { name: 'Trường hợp của người nộp — thủ tục Đăng ký thường trú' });
  expect(await situations.getByRole('radio').count()).toBe(6);
  await situations.getByRole('radio', { name: OWN }).check();
  const residencePapers = page.locator('table.checklist').filter({ hasText: /Tờ khai thay đổi thông tin cư trú/ });
  await expect.poll(() => residencePapers.getByRole('checkbox').count()).toBe(4);
  await residencePapers.getByRole('row').filter({ hasText: /Tờ khai thay đổi thông tin cư trú \(mẫu CT01/ }).getByRole('checkbox').check();
  await residencePapers.getByRole('row').filter({ hasText: /Thông tin chứng minh về chỗ ở hợp pháp/ }).getByRole('checkbox').check();
  if (width >= 1280) {
    // scanned once for the two members that use it: saving the scan ticks it
    await page.getByRole('button', { name: 'Scan giấy tờ: Giấy chứng sinh (hoặc văn bản thay thế)' }).click();
    const panel = page.locator('.scan-panel');
    await panel.getByLabel('Chọn tệp').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: await scanPdf('Giay chung sinh') });
    await panel.getByRole('button', { name: 'Lưu bản scan' }).click();
    await panel.getByText('Đã lưu bản scan (1 trang)').waitFor();
    expect(await page.getByLabel('Giấy chứng sinh (hoặc văn bản thay thế)', { exact: true }).isChecked()).toBe(true);
  } else {
    await page.getByLabel('Giấy chứng sinh (hoặc văn bản thay thế)', { exact: true }).check();
  }
  for (const row of await page.locator('.checklist tbody tr').all()) {
    if (await row.getByText('(bắt buộc)').count() > 0) await row.getByRole('checkbox').check();
  }
  // the applicant's consent to keep the digitized papers: asked once for the bundle (the single intake's box)
  // (the 360 px run files for the same applicant: the consent given at 1280 px is said, not asked again)
  const consent = page.getByLabel(/^Người nộp đồng ý lưu giấy tờ đã số hóa/);
  if (width >= 1280) {
    expect(await consent.count()).toBe(1);
    await consent.check();
  } else {
    await page.getByText(/^✓ Người nộp đã đồng ý lưu giữ và dùng lại giấy tờ \(ngày \d{2}\/\d{2}\/\d{4}\)\.$/).waitFor();
    expect(await consent.count()).toBe(0);
  }
  // how the results go back: together, at the counter — the residence member allows no postal return
  const back = page.getByRole('region', { name: '5. Cách trả kết quả' });
  await back.getByLabel('Trả cùng một lần khi mọi thủ tục có kết quả').check();
  expect(await back.getByLabel('Qua bưu chính, đến địa chỉ').count()).toBe(0);
  await back.getByText(/Không trả qua bưu chính được: thủ tục Đăng ký thường trú/).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${OUT}/bundle-form-${width}.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await page.getByRole('button', { name: 'Xem lại trước khi tiếp nhận' }).click();
  await page.getByRole('heading', { name: 'Kiểm tra trước khi tiếp nhận' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ liên thông' }).waitFor();
  const parent = ((await page.locator('.done-code').textContent()) ?? '').replace('Mã hồ sơ liên thông: ', '').trim();
  expect(parent).toMatch(/^000\.58\.61\.H20-\d{6}-\d{4}$/);
  return parent;
}

/** The members as the result (or the bundle's page) lists them: name, code, agency, due — one row (a card at 360 px) each. */
async function memberRows(): Promise<string[]> {
  const page = demo.page;
  await page.getByRole('link', { name: /^000\.58\.61\.H20-\d{6}-\d{4}$/ }).first().waitFor();
  return page.locator('table.data-table tbody tr').allInnerTexts();
}

describe('a bundle filed at the counter', () => {
  it('files 2.002621 in one visit and shows the parent with its three members (1280 px)', async () => {
    const [bundlesBefore, dossiersBefore] = [await count('bundles'), await count('dossiers')];
    await logIn(demo.page, demo.base, 'clerk');
    const parent = await fileBundle(1280);
    const rows = await memberRows();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/Đăng ký khai sinh[\s\S]*Ủy ban nhân dân xã Tân Hồng[\s\S]*\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}[\s\S]*In giấy tiếp nhận/);
    expect(rows[1]).toMatch(/Đăng ký thường trú[\s\S]*Công an xã Tân Hồng[\s\S]*Bắt đầu khi có kết quả Đăng ký khai sinh/);
    expect(rows[2]).toMatch(/Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi[\s\S]*Bảo hiểm xã hội tỉnh[\s\S]*\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(await count('bundles')).toBe(bundlesBefore + 1);
    expect(await count('dossiers')).toBe(dossiersBefore + 3);
    // the shared scan is the birth member's paper p4 (giấy chứng sinh), scanned, with its file
    const birthCode = (rows[0]?.match(/000\.58\.61\.H20-\d{6}-\d{4}/) ?? [''])[0];
    const papers = await demo.app.t.db.selectFrom('dossier_papers as p').innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
      .select(['p.paper_key', 'p.source', 'p.file_id']).where('d.code', '=', birthCode).where('p.paper_key', '=', 'p4').execute();
    expect(papers).toEqual([{ paper_key: 'p4', source: 'scanned', file_id: expect.any(Number) }]);
    // the receipt slip of a running member prints
    const href = await demo.page.locator('[data-slip="receipt"]').first().getAttribute('href');
    const pdf = await demo.page.request.get(`${demo.base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/bundle-done-1280.png`, fullPage: true });

    await demo.page.getByRole('link', { name: `Mở trang hồ sơ liên thông ${parent}` }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ liên thông ${parent}` }).waitFor();
    const members = await memberRows();
    expect(members).toHaveLength(3);
    expect(members[1]).toMatch(/Mới đăng ký[\s\S]*Chờ kết quả: Đăng ký khai sinh/);
    expect(await demo.page.getByText('Đang giải quyết', { exact: true }).count()).toBe(1);
    // the applicant's choice is the bundle's
    expect(await demo.page.getByText('Trả cùng một lần khi mọi thủ tục có kết quả, tại quầy').count()).toBeGreaterThan(0);
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/bundle-page-1280.png`, fullPage: true });
    // the applicant asks for each result as it comes: saved, and said so above the reloaded bundle
    await demo.page.getByText('Đổi cách trả kết quả (theo đề nghị của người nộp)').click();
    await demo.page.getByLabel('Có kết quả thủ tục nào trả thủ tục đó').check();
    await demo.page.getByRole('button', { name: 'Lưu cách trả' }).click();
    await demo.page.getByText('Đã lưu cách trả kết quả.').waitFor();
    await demo.page.getByText('Có kết quả thủ tục nào trả thủ tục đó, tại quầy').first().waitFor();
    // the consent ticked is recorded once, as the single intake records it; the residence papers of the situation sent
    const consents = await demo.app.t.db.selectFrom('store_consents').select(['given_via', 'dossier_code']).where('holder_id', '=', '087090001234').execute();
    expect(consents).toEqual([{ given_via: 'counter', dossier_code: birthCode }]);
    const residenceCode = (rows[1]?.match(/000\.58\.61\.H20-\d{6}-\d{4}/) ?? [''])[0];
    const residencePapers = await demo.app.t.db.selectFrom('dossier_papers as p').innerJoin('dossiers as d', 'd.id', 'p.dossier_id').select('p.paper_key').where('d.code', '=', residenceCode).orderBy('p.paper_key').execute();
    expect(residencePapers.map((p) => p.paper_key)).toEqual(['p14', 'p15']);

    // the birth member, which residence waits for: no "Rút hồ sơ" (the server refuses it), why, and where to withdraw
    await demo.page.getByRole('link', { name: birthCode }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ ${birthCode}` }).waitFor();
    await demo.page.getByText(`Hồ sơ ${residenceCode} (thủ tục Đăng ký thường trú) đang chờ kết quả của hồ sơ này.`).waitFor();
    expect(await demo.page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);
    expect(await demo.page.locator('[data-action]').count()).toBeGreaterThan(0); // its other actions stay
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/member-waited-on-1280.png`, fullPage: true });
    // the waiting residence member: what it waits for, named, and no action
    await demo.page.goto(`${demo.base}/xu-ly/ho-so/${residenceCode}`);
    await demo.page.getByText(`Chờ kết quả của hồ sơ ${birthCode} (thủ tục Đăng ký khai sinh)`).waitFor();
    expect(await demo.page.locator('[data-action]').count()).toBe(0);
    await demo.page.getByRole('link', { name: `Mở hồ sơ liên thông ${parent} để rút` }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ liên thông ${parent}` }).waitFor();
    await demo.page.getByRole('button', { name: 'Rút cả hồ sơ liên thông' }).waitFor();
  }, STEP_MS);

  it('works at 360 px: the members become cards, nothing wider than the screen', async () => {
    await demo.page.setViewportSize({ width: 360, height: 800 });
    const parent = await fileBundle(360);
    const rows = await memberRows();
    expect(rows).toHaveLength(3);
    for (const due of [rows[0], rows[2]]) expect(due).toMatch(/\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await demo.page.screenshot({ path: `${OUT}/bundle-done-360.png`, fullPage: true });
    await demo.page.getByRole('link', { name: `Mở trang hồ sơ liên thông ${parent}` }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ liên thông ${parent}` }).waitFor();
    expect(await memberRows()).toHaveLength(3);
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/bundle-page-360.png`, fullPage: true });
    // the birth member's page on a phone: why it is not withdrawn alone, and the way to the bundle
    const birthCode = (rows[0]?.match(/000\.58\.61\.H20-\d{6}-\d{4}/) ?? [''])[0];
    await demo.page.getByRole('link', { name: birthCode }).click();
    await demo.page.getByTestId('bundle-member-note').waitFor();
    expect(await demo.page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/member-waited-on-360.png`, fullPage: true });
    await demo.page.getByRole('link', { name: `Mở hồ sơ liên thông ${parent} để rút` }).click();
    await demo.page.getByRole('heading', { level: 1, name: `Hồ sơ liên thông ${parent}` }).waitFor();
    // the applicant withdraws the bundle: one action for the three members, the waiting one included
    await demo.page.getByRole('button', { name: 'Rút cả hồ sơ liên thông' }).click();
    await demo.page.getByLabel(/^Lý do người nộp rút hồ sơ/).fill('Gia đình xin rút để bổ sung giấy tờ');
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/bundle-withdraw-360.png`, fullPage: true });
    await demo.page.getByRole('button', { name: 'Xác nhận rút 3 hồ sơ' }).click();
    await demo.page.getByText(`Đã rút 3 hồ sơ của hồ sơ liên thông ${parent}.`).waitFor();
    const statuses = await demo.app.t.db.selectFrom('dossiers').select('status').where('code', 'in',
      (await demo.app.t.db.selectFrom('bundle_members as m').innerJoin('bundles as b', 'b.id', 'm.bundle_id').select('m.dossier_code').where('b.code', '=', parent).execute()).map((m) => m.dossier_code)).execute();
    expect(statuses.map((s) => s.status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn']);
    // it reads as withdrawn, offers no change of the return and nothing to return; no consent was asked to be kept
    await demo.page.getByText('Đã rút toàn bộ hồ sơ liên thông', { exact: true }).waitFor();
    expect(await demo.page.getByText('Có thủ tục bị từ chối hoặc dừng').count()).toBe(0);
    expect(await demo.page.getByText(/Đổi cách trả kết quả/).count()).toBe(0);
    await demo.page.getByText('Không có kết quả để trả: các thủ tục đã rút hoặc kết thúc không có kết quả.').waitFor();
    expect(await axeViolations(demo.page)).toEqual([]);
    await demo.page.screenshot({ path: `${OUT}/bundle-withdrawn-360.png`, fullPage: true });
  }, STEP_MS);
});
