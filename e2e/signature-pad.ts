/** Browser-test helper: a signature drawn on a signature pad the way a courier's finger would. */
import type { Locator } from 'playwright-core';

/** Draws a zig-zag across the pad with the mouse (pointer events), so the pad records strokes. */
export async function drawSignature(pad: Locator): Promise<void> {
  const page = pad.page();
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 12; i += 1) await page.mouse.move(box.x + 20 + i * 18, box.y + box.height * (i % 2 === 0 ? 0.3 : 0.7), { steps: 3 });
  await page.mouse.up();
}
