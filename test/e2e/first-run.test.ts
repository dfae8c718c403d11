import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

// A brand-new data dir and no demo option: the core adds the demo phone by itself, as for a new user.
beforeAll(async () => {
  app = await startE2eApp({ addPhone: false, demo: 'first-run' });
});
afterAll(async () => app?.close());

describe('first run', () => {
  it('opens on the demo phone, online, ready to dial', async () => {
    const header = app.page.locator('.app-header');
    await header.getByText('Demo phone').waitFor({ timeout: 20_000 });
    await header.getByText('Online').waitFor({ timeout: 20_000 });
  });

  it('dials the demo phone and ends the call', async () => {
    const field = app.page.getByRole('textbox', { name: 'Number to dial' });
    await field.fill('1001');
    await field.press('Enter');
    const card = app.page.getByRole('article', { name: /^Call with/ });
    await card.getByText('Connected', { exact: true }).waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'End call' }).click();
    await app.page.getByText('No calls right now.').waitFor();
    expect(await card.count()).toBe(0);
  });
});
