/**
 * Signing in to the browser host in a real browser: through the sign-in file, with no secret
 * left in the address, a session the open page keeps alive, and plain words when it ends.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeLaunchFile, type LaunchFile } from '../../src/main/browser-host/launch-file';
import { startE2eApp, type E2eApp } from './support/e2e-app';

const SESSION_TTL_MS = 4000;

let app: E2eApp;
let launchFile: LaunchFile;

beforeAll(async () => {
  app = await startE2eApp({ sessionTimes: { sessionTtlMs: SESSION_TTL_MS } });
  launchFile = await writeLaunchFile(
    join(app.dataDir, 'sign-in.html'),
    () => app.host.signInUrl(),
    60_000,
  );
});

afterAll(async () => {
  await launchFile?.close();
  await app?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const signedOut = () => app.page.getByText(/no longer signed in/);

describe('signing in from a browser', () => {
  it('signs in through the sign-in file and keeps no secret in the address', async () => {
    const context = app.browser.contexts()[0];
    const page = await context?.newPage();
    if (page === undefined) throw new Error('no browser context');
    try {
      await page.goto(pathToFileURL(launchFile.path).href);
      await page.locator('.app-header').getByText('Desk phone').waitFor();
      expect(page.url()).toBe(app.host.url);
    } finally {
      await page.close();
    }
  });

  it('stays signed in while the page is open, renewing its session', async () => {
    const page = app.page;
    await page.clock.install();
    await page.reload();
    await page.locator('.app-header').getByText('Desk phone').waitFor();
    // Longer than a session lives without renewal; the page's minute-long renewal timer is run
    // ahead each time, so the host sees it renew.
    for (let round = 0; round < 5; round++) {
      await pause(SESSION_TTL_MS / 2);
      await page.clock.runFor(60_000);
    }
    expect(await page.locator('.connection-lost').count()).toBe(0);
  });

  it('says so in words once the session ends', async () => {
    // No more renewals: the session lapses and the host closes the page's connection.
    await signedOut().waitFor({ timeout: SESSION_TTL_MS + 15_000 });
  });
});
