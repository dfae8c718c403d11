import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({ addPhone: false, demo: true });
  const { page } = app;
  // Notifications allowed, and each one the page raises recorded where the test can read it.
  await page.context().grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(window, { shownNotifications: shown });
    const Original = window.Notification;
    class Recorded extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title}: ${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded });
  });
  // Reloaded once the one-time sign-in has landed on the app: reloading the sign-in page itself
  // would abort its move to / (or spend the link a second time).
  await page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
  await page.reload();
  await page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

describe('demo mode', () => {
  it('lets the demo phone ring, and ring again while a call is up (call waiting)', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Simulate an incoming call' }).click();
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('Ada Lovelace').waitFor();
    // The tab rings too: its title says who is calling, and a notification says it once.
    await page.waitForFunction(() => document.title.includes('Ada Lovelace is calling'));
    expect(
      await page.evaluate(
        () => (window as unknown as { shownNotifications: string[] }).shownNotifications,
      ),
    ).toEqual(['Incoming call: Ada Lovelace is calling']);
    await banner.getByRole('button', { name: 'Answer' }).click();
    await page.waitForFunction(() => !document.title.includes('is calling'));
    await page
      .getByRole('article', { name: 'Call with Ada Lovelace' })
      .getByText('Connected', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Simulate a second caller' }).click();
    await banner.getByText('Grace Hopper').waitFor();
  });

  it('holds the first call and answers the second in one press, then swaps between them', async () => {
    const { page } = app;
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('call waiting').waitFor();
    await banner.getByRole('button', { name: 'Hold & answer' }).click();
    const ada = page.getByRole('article', { name: 'Call with Ada Lovelace' });
    const grace = page.getByRole('article', { name: 'Call with Grace Hopper' });
    await grace.getByText('Connected', { exact: true }).waitFor();
    await ada.getByText('On hold', { exact: true }).waitFor();
    await ada.getByRole('button', { name: 'Swap' }).click();
    await ada.getByText('Connected', { exact: true }).waitFor();
    await grace.getByText('On hold', { exact: true }).waitFor();
    await grace.getByRole('button', { name: 'Swap' }).waitFor();
  });

  it('ends the talking call and answers a third caller in one press', async () => {
    const { page } = app;
    const grace = page.getByRole('article', { name: 'Call with Grace Hopper' });
    await grace.getByRole('button', { name: 'End call' }).click();
    await grace.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Simulate a second caller' }).click();
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('Alan Turing').waitFor();
    await banner.getByRole('button', { name: 'End & answer' }).click();
    await page
      .getByRole('article', { name: 'Call with Alan Turing' })
      .getByText('Connected', { exact: true })
      .waitFor();
    await page
      .getByRole('article', { name: 'Call with Ada Lovelace' })
      .waitFor({ state: 'detached' });
  });
});
