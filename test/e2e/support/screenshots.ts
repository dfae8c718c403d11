import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/**
 * Where screenshots go. Every e2e run takes them (test-results/screenshots, ignored by git) so a
 * failing view can be looked at; `DESKPILOT_UPDATE_SCREENSHOTS=1 npm test` writes the README's
 * copies in docs/screenshots instead, so an ordinary test run leaves the work tree clean.
 */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL(
    process.env.DESKPILOT_UPDATE_SCREENSHOTS === '1'
      ? '../../../docs/screenshots'
      : '../../../test-results/screenshots',
    import.meta.url,
  ),
);

/** Saves the page as <SCREENSHOT_DIR>/<name>.png (no caret, animations settled). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}
