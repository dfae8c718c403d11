import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

async function show(view: string) {
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: view, exact: true })
    .click();
}

/** Whether the element `name` (a button) has the keyboard focus. */
async function focused(name: string): Promise<boolean> {
  return app.page
    .getByRole('button', { name, exact: true })
    .evaluate((element) => element === document.activeElement);
}

// A brand-new data dir and no demo option: the core adds the demo phone by itself, as for a new user.
beforeAll(async () => {
  app = await startE2eApp({ addPhone: false, demo: 'first-run' });
  await app.page.locator('.app-header').getByText('Online').waitFor({ timeout: 20_000 });
});
afterAll(async () => app?.close());

describe('a newcomer', () => {
  it('is told what the demo phone is and how to add a real one, until they say they read it', async () => {
    const { page } = app;
    const welcome = page.getByRole('region', { name: /you are using the demo phone/ });
    await welcome.waitFor();
    const text = await welcome.textContent();
    expect(text).toContain('simulated Poly VVX inside Deskpilot');
    expect(text).toContain('REST API');
    expect(text).toContain('Add a phone');
    await welcome.getByRole('button', { name: 'Add my phone' }).click();
    await page.getByRole('button', { name: 'Add a phone' }).waitFor();
    await welcome.getByRole('button', { name: 'Got it' }).click();
    await welcome.waitFor({ state: 'detached' });
    await app.reload();
    await page.locator('.app-header').getByText('Online').waitFor({ timeout: 20_000 });
    expect(await welcome.count()).toBe(0);
  });
});

describe('Escape closes forms and confirmations, focus back where it was', () => {
  it('closes the Add-phone form', async () => {
    const { page } = app;
    await show('Phones');
    await page.getByRole('button', { name: 'Add a phone' }).click();
    await page.getByLabel('Address').fill('192.0.2.1');
    await page.getByLabel('Address').press('Escape');
    await page.getByLabel('Address').waitFor({ state: 'detached' });
    expect(await focused('Add a phone')).toBe(true);
  });

  it('closes a new contact', async () => {
    const { page } = app;
    await show('Contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    await form.getByLabel('Name', { exact: true }).press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await focused('New contact')).toBe(true);
  });

  it('closes a confirmation in the admin console without doing anything', async () => {
    const { page } = app;
    await show('Admin');
    await page.getByRole('tab', { name: 'Maintenance' }).click();
    await page.getByRole('button', { name: 'Restart phone…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Restart the phone?' });
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused('Restart phone…')).toBe(true);
    expect(await page.getByRole('status', { name: 'Phone health' }).textContent()).toBe(
      'Phone: Online',
    );
  });
});
