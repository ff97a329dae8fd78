// The npm Chromium must work on every machine, with or without Debian's: unpacked from
// @sparticuz/chromium, driven by playwright-core, rendering Vietnamese text with its own fonts.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumChoice, resolveChromium } from './chromium';

describe('the Chromium the browser tests drive', () => {
  it('reads MOTCUA_CHROMIUM and refuses anything but auto, system or npm', () => {
    expect(chromiumChoice({})).toBe('auto');
    expect(chromiumChoice({ MOTCUA_CHROMIUM: 'npm' })).toBe('npm');
    expect(chromiumChoice({ MOTCUA_CHROMIUM: 'system' })).toBe('system');
    expect(() => chromiumChoice({ MOTCUA_CHROMIUM: 'download' })).toThrow(/auto, system or npm/);
  });

  it('launches the npm Chromium, keeping web security on', async () => {
    const launch = await resolveChromium('npm');
    expect(launch.source).toBe('npm');
    expect(launch.args).not.toContain('--disable-web-security');
    const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-chromium-test-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: launch.executablePath, headless: true, args: [...launch.args],
    });
    try {
      const page = context.pages()[0] ?? await context.newPage();
      await page.setContent('<p><span id="p" style="font-size:20px">Tiếp nhận hồ sơ</span></p>');
      const agent = await page.evaluate(() => navigator.userAgent);
      expect(agent).toMatch(/Chrome\/\d+/);
      // the text is laid out with a real font: wider than zero and than a single glyph
      const width = await page.locator('#p').evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(100);
    } finally {
      await context.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
