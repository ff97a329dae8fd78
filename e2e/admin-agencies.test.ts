// The administrator's agencies in a real browser: the list shows each agency's address and phone (a
// call link), the form edits them (migration 0241), a phone that is not one is refused in Vietnamese
// before saving (src/shared/agency-phone.ts, the API's rule), a good one is saved and listed.
// axe; nothing scrolls sideways at 360 px (cards). Screenshots: test-results/admin-agencies/.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness';
import { logIn, useDemoApp } from './demo-app';

const OUT = 'test-results/admin-agencies';
const demo = useDemoApp(OUT);
const CENTRE = 'Trung tâm Phục vụ hành chính công tỉnh Đồng Tháp';

describe('agencies (administrator)', () => {
  it('shows, checks and saves an agency\'s address and phone', { timeout: 180_000 }, async () => {
    const page = demo.page;
    await logIn(page, demo.base, 'admin');
    await page.goto(`${demo.base}/quan-tri/co-quan`);
    await page.getByLabel('Tìm theo tên hoặc mã', { exact: true }).fill('trung tam phuc vu hanh chinh cong');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: CENTRE });
    await row.getByText('377 Hùng Vương, phường Đạo Thạnh, tỉnh Đồng Tháp').waitFor();
    expect(await row.getByRole('link', { name: '0277 0001 002' }).getAttribute('href')).toBe('tel:02770001002');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${OUT}/agencies-1280.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: `Sửa ${CENTRE}` }).click();
    const form = page.getByRole('form', { name: `Sửa: ${CENTRE}` });
    const phone = form.getByLabel('Điện thoại (không bắt buộc)');
    expect(await phone.inputValue()).toBe('0277 0001 002');
    expect(await form.getByLabel('Địa chỉ (không bắt buộc)').inputValue()).toBe('377 Hùng Vương, phường Đạo Thạnh, tỉnh Đồng Tháp');
    await phone.fill('gọi tổng đài');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText(/Số điện thoại chỉ gồm chữ số/).first().waitFor();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `${OUT}/agency-phone-problem-360.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await phone.fill('0277 3852 111');
    await form.getByLabel('Địa chỉ (không bắt buộc)').fill('Số 377 đường Hùng Vương, phường Đạo Thạnh, tỉnh Đồng Tháp');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thay đổi.').waitFor();
    const saved = page.getByRole('row').filter({ hasText: CENTRE });
    await saved.getByRole('link', { name: '0277 3852 111' }).waitFor();
    await saved.getByText('Số 377 đường Hùng Vương, phường Đạo Thạnh, tỉnh Đồng Tháp').waitFor();
    await page.screenshot({ path: `${OUT}/agencies-360.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    const stored = await demo.app.t.db.selectFrom('agencies').select(['address', 'phone']).where('identifier', '=', '000.00.30.H20').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    expect(stored).toEqual({ address: 'Số 377 đường Hùng Vương, phường Đạo Thạnh, tỉnh Đồng Tháp', phone: '0277 3852 111' });
  });
});
