// A procedure whose papers are published by situation, at the counter in the browser (1.004222 đăng
// ký thường trú: 15 papers under 6 situations; src/catalog/national.ts situationsOf): the clerk is
// asked for the applicant's situation, then sees only its papers and must tick one of them; the
// dossier with the declaration CT01 and the home's proof is received, not refused for the other 13.
// axe; nothing scrolls sideways at 360 px. Screenshots at 1280 and 360 px: test-results/counter-situations/.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness';
import { chooseProcedureAtCounter, logIn, useDemoApp } from './demo-app';

const QR = '087090005678|341234568|LÊ THỊ MAI|12081988|Nữ|Số 14, Ấp 2, Xã Tân Hồng, Đồng Tháp|20042021';
const OUT = 'test-results/counter-situations';
const OWN = 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình';
const demo = useDemoApp(OUT);

describe('papers by situation at the counter (1.004222)', () => {
  it('asks for the situation, shows its papers, and receives the dossier with two of them', { timeout: 180_000 }, async () => {
    const page = demo.page;
    await logIn(page, demo.base, 'clerk');
    await chooseProcedureAtCounter(page, demo.base, 'dang ky thuong tru', /^Đăng ký thường trú/);
    await page.getByLabel('Quét CCCD').fill(QR);
    await page.getByLabel('Quét CCCD').press('Enter');
    await page.getByText('Đã điền thông tin từ CCCD của Lê Thị Mai').waitFor();
    await page.getByRole('region', { name: /Người nộp hồ sơ/ }).getByLabel('Số điện thoại', { exact: true }).fill('0913456780');
    const situations = page.getByRole('group', { name: 'Trường hợp của người nộp' });
    await situations.waitFor();
    expect(await situations.getByRole('radio').count()).toBe(6);
    expect(await page.getByRole('checkbox', { name: /^Đã nộp: / }).count()).toBe(15);
    expect(await page.getByText('(bắt buộc)').count()).toBe(0);
    // without a situation the check stops and says so
    await page.getByRole('button', { name: 'Kiểm tra trước khi tiếp nhận' }).click();
    await page.getByText('Chọn trường hợp của người nộp (thủ tục có nhiều trường hợp, mỗi trường hợp một bộ giấy tờ).').first().waitFor();
    // form 02's "fill in the papers not ticked" fills nothing before the situation is chosen, and says why
    const outcome = page.getByRole('region', { name: 'Không tiếp nhận được hồ sơ?' });
    const items = outcome.getByLabel(/Giấy tờ cần bổ sung, hoàn thiện/);
    await outcome.getByRole('button', { name: 'Điền các giấy tờ bắt buộc chưa đánh dấu' }).click();
    await outcome.getByText(/^Chọn trường hợp trước/).waitFor();
    expect(await items.inputValue()).toBe('');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${OUT}/situations-1280.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await situations.getByRole('radio', { name: OWN }).check();
    await expect.poll(() => page.getByRole('checkbox', { name: /^Đã nộp: / }).count()).toBe(4);
    const paper = (name: RegExp) => page.getByRole('row').filter({ hasText: name }).getByRole('checkbox');
    await paper(/Tờ khai thay đổi thông tin cư trú \(mẫu CT01/).check();
    // with the situation chosen and CT01 ticked, form 02 asks for the situation's papers not ticked: the home's proof and the vehicle papers
    await outcome.getByRole('button', { name: 'Điền các giấy tờ bắt buộc chưa đánh dấu' }).click();
    await expect.poll(() => items.inputValue()).toMatch(/^Văn bản xác nhận của Ủy ban nhân dân cấp xã về địa điểm phương tiện/);
    const filled = (await items.inputValue()).split('\n');
    expect(filled).toHaveLength(3);
    expect(filled.some((l) => l.startsWith('Thông tin chứng minh về chỗ ở hợp pháp'))).toBe(true);
    expect(filled.some((l) => l.startsWith('Tờ khai thay đổi thông tin cư trú'))).toBe(false);
    expect(await outcome.getByText(/^Chọn trường hợp trước/).count()).toBe(0);
    await outcome.screenshot({ path: `${OUT}/form02-fill-1280.png` });
    await items.fill('');
    await paper(/Thông tin chứng minh về chỗ ở hợp pháp/).check();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `${OUT}/situations-360.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Kiểm tra trước khi tiếp nhận' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kiểm tra hồ sơ' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const code = ((await page.locator('.done-code').textContent()) ?? '').replace('Mã hồ sơ: ', '').trim();
    const papers = await demo.app.t.db.selectFrom('dossier_papers as p').innerJoin('dossiers as d', 'd.id', 'p.dossier_id').select('p.paper_key').where('d.code', '=', code).orderBy('p.paper_key').execute();
    expect(papers.map((p) => p.paper_key)).toEqual(['p14', 'p15']);
  });
});
