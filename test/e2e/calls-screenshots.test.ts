import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { expectAccessible } from './support/accessibility-audit';
import { saveScreenshot } from './support/screenshots';

let app: E2eApp;

// The README's pictures of the Calls view in each state, light and dark, and in a narrow window;
// each state passes the accessibility audit in both themes.
beforeAll(async () => {
  app = await startE2eApp({ simulator: { farEndAnswerMs: 1500 } });
  const fileName = 'team.vcf';
  const content = await readFile(
    fileURLToPath(new URL(`./fixtures/${fileName}`, import.meta.url)),
    'utf8',
  );
  const preview = await app.core.handlers['contacts.previewImport']({ fileName, content });
  await app.core.handlers['contacts.commitImport']({ previewId: preview.previewId });
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

const card = (name: string): Locator =>
  app.page.getByRole('article', { name: `Call with ${name}`, exact: true });

async function dial(number: string): Promise<void> {
  const field = app.page.getByRole('textbox', { name: 'Number to dial' });
  await field.fill(number);
  await field.press('Enter');
}

async function both(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(app.page, `${name}, ${scheme}`);
    await saveScreenshot(app.page, `${name}-${scheme}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

describe('screenshots of the Calls view', () => {
  it('one call, two calls, call waiting', async () => {
    await dial('+442079460958');
    await card('Ada Lovelace').getByText('Connected', { exact: true }).waitFor();
    await both('calls-one-call');
    await dial('+442079460001');
    await card('Charles Babbage').getByText('Connected', { exact: true }).waitFor();
    await card('Ada Lovelace').getByText('On hold', { exact: true }).waitFor();
    await both('calls-two-calls');
    await card('Ada Lovelace').getByRole('button', { name: 'End call' }).click();
    await card('Ada Lovelace').waitFor({ state: 'detached' });
    await app.control.ring('+15555550102', 'Grace Hopper');
    const banner = app.page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByRole('button', { name: 'Hold & answer' }).waitFor();
    await both('calls-call-waiting');
    await banner.getByRole('button', { name: 'Reject' }).click();
    await banner.waitFor({ state: 'detached' });
    await card('Charles Babbage').getByRole('button', { name: 'End call' }).click();
    await app.page.getByText('No calls right now.').waitFor();
  });

  it("a failed call's reason, and the narrow window with calls above the dial pad", async () => {
    const { page } = app;
    await dial('4865550100');
    await page
      .getByRole('article', { name: 'Ended call with 4865550100' })
      .getByText('Busy', { exact: true })
      .waitFor();
    await both('calls-failed');
    await page.setViewportSize({ width: 420, height: 700 });
    try {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      const ended = await page.getByRole('article', { name: /^Ended call/ }).boundingBox();
      const dialPad = await page.getByRole('heading', { name: 'Dial', exact: true }).boundingBox();
      expect(ended && dialPad && ended.y < dialPad.y).toBe(true);
      await both('calls-narrow');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('History', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'History', exact: true })
      .click();
    await page.getByRole('region', { name: 'Today' }).getByText('Busy').first().waitFor();
    await both('history-calls');
  });
});
