import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where the README's screenshots live; the e2e run regenerates them. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../docs/screenshots', import.meta.url));

/** Saves the page as docs/screenshots/<name>.png (no caret, animations settled). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}
