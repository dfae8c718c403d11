import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { saveScreenshot } from './support/screenshots';

let app: E2eApp;

async function importContacts(fileName: string): Promise<void> {
  const content = await readFile(
    fileURLToPath(new URL(`./fixtures/${fileName}`, import.meta.url)),
    'utf8',
  );
  const preview = await app.core.handlers['contacts.previewImport']({ fileName, content });
  await app.core.handlers['contacts.commitImport']({ previewId: preview.previewId });
}

// The README's pictures: the main views with realistic content, light and dark, from the real app.
beforeAll(async () => {
  app = await startE2eApp();
  await importContacts('team.vcf');
  await importContacts('google-contacts.csv');
  const phoneId = app.phone?.id ?? '';
  // Some history first: a placed call and a missed one.
  await app.core.handlers['calls.dial']({ phoneId, destination: '+15552010003' });
  const placed = app.page.getByRole('article', { name: /^Call with/ });
  await placed.getByText('Connected', { exact: true }).waitFor();
  await placed.getByRole('button', { name: 'End call' }).click();
  await app.page.getByText('No calls right now.').waitFor();
  const missed = await app.control.ring('+442079460958', '');
  await app.page.getByRole('region', { name: 'Incoming calls' }).waitFor();
  await app.control.remote(missed, 'hangup');
  // Then a live call on hold and a new one ringing in.
  await app.core.handlers['calls.dial']({ phoneId, destination: '+15552010001' });
  const live = app.page.getByRole('article', { name: /^Call with/ });
  await live.getByText('Connected', { exact: true }).waitFor();
  await live.getByRole('button', { name: 'Hold' }).click();
  await live.getByText('On hold', { exact: true }).waitFor();
  await app.control.ring('+441614960000', 'Alan Turing');
  await app.page.getByRole('region', { name: 'Incoming calls' }).waitFor();
});
afterAll(async () => app?.close());

const VIEWS = ['Calls', 'Contacts', 'History', 'Phones', 'Settings'] as const;

async function show(view: (typeof VIEWS)[number]): Promise<void> {
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: view })
    .click();
}

describe('screenshots of the main views', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`follows the system's ${scheme} theme and captures every view`, async () => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Light backgrounds are bright, dark ones dim: compare the red channel.
      const red = Number(/\d+/.exec(background)?.[0] ?? '0');
      expect(scheme === 'light' ? red > 200 : red < 60).toBe(true);
      for (const view of VIEWS) {
        await show(view);
        if (view === 'History')
          await page
            .getByRole('button', { name: /^Call back/ })
            .first()
            .waitFor();
        await page
          .getByRole('main')
          .getByRole('heading', { name: view === 'Calls' ? 'Dial' : view })
          .first()
          .waitFor();
        await saveScreenshot(page, `${view.toLowerCase()}-${scheme}`);
      }
    });
  }

  it('reflows at 200 % zoom without sideways scrolling', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'light' });
    // A 1280×800 window at 200 % zoom lays out like a 640×400 one.
    await page.setViewportSize({ width: 640, height: 400 });
    try {
      for (const view of VIEWS) {
        await show(view);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect({ view, overflow }).toEqual({ view, overflow: 0 });
      }
      await show('Calls');
      await saveScreenshot(page, 'calls-zoom-200');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
