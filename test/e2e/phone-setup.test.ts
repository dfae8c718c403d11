import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { saveScreenshot } from './support/screenshots';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({ addPhone: false });
  await app.page.getByRole('heading', { name: 'Welcome to Deskpilot' }).waitFor();
});
afterAll(async () => app?.close());

async function fillForm(password: string): Promise<void> {
  const { page, simPhone } = app;
  await page.getByLabel('Name', { exact: true }).fill('Reception');
  await page.getByLabel('Address').fill(new URL(simPhone.url).host);
  await page.getByRole('radio', { name: 'HTTP', exact: true }).check();
  await page.getByLabel('User name').fill(simPhone.username);
  await page.getByLabel('Password', { exact: true }).fill(password);
}

/**
 * Runs "Test connection" and waits for the report titled `title` (each step expects a different
 * title, so an earlier report can never be mistaken for this one); returns the report's text.
 */
async function testConnection(title: string): Promise<string> {
  const { page } = app;
  await page.getByRole('button', { name: 'Test connection' }).click();
  const report = page
    .locator('.report')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await report.waitFor();
  return (await report.textContent()) ?? '';
}

describe('adding a phone', () => {
  it('offers the demo phone on first run when no phone is configured', async () => {
    expect(await app.page.getByRole('button', { name: 'Use the demo phone' }).isVisible()).toBe(
      true,
    );
    await saveScreenshot(app.page, 'onboarding-light');
  });

  it('names a wrong password', async () => {
    await fillForm('not-the-password');
    const report = await testConnection('The user name or password is wrong');
    expect(report).toMatch(/password/i);
  });

  it('names a disabled REST API and the setting that turns it on', async () => {
    await app.control.config({ params: { 'apps.restapi.enabled': '0' } });
    try {
      await fillForm(app.simPhone.adminPassword);
      const report = await testConnection("The phone's REST API is turned off");
      expect(report).toMatch(/apps\.restapi\.enabled|REST API/);
      await saveScreenshot(app.page, 'setup-api-disabled-light');
    } finally {
      await app.control.config({ params: { 'apps.restapi.enabled': '1' } });
    }
  });

  it('names the factory default password and asks to change it first', async () => {
    // The simulator's adminPassword follows the phone's setting, so keep the real one first.
    const realPassword = app.simPhone.adminPassword;
    await app.control.config({ params: { 'device.auth.localAdminPassword': '456' } });
    try {
      await fillForm('456');
      const report = await testConnection('The phone still has its factory password');
      expect(report).toMatch(/change/i);
      // Adding is refused with the same problem, in words.
      await app.page.getByRole('button', { name: 'Add phone' }).click();
      await app.page
        .getByRole('alert')
        .filter({ hasText: /password/i })
        .first()
        .waitFor();
    } finally {
      await app.control.config({ params: { 'device.auth.localAdminPassword': realPassword } });
    }
  });

  it('adds the phone once the connection works and shows it online', async () => {
    await fillForm(app.simPhone.adminPassword);
    const report = await testConnection('Connected');
    expect(report).toMatch(/VVX/);
    await app.page.getByRole('button', { name: 'Add phone' }).click();
    await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
    await app.page.locator('.app-header').getByText('Online').waitFor();
    expect(await app.page.locator('.app-header').getByText('Reception').isVisible()).toBe(true);
  });
});

describe('a phone that needs attention later', () => {
  it('shows the problem when the password changes on the phone, and recovers once it is updated', async () => {
    const { page } = app;
    const header = page.locator('.app-header');
    await app.control.config({
      params: { 'device.auth.localAdminPassword': 'changed-on-the-phone' },
    });
    await header.getByText('Needs attention').waitFor();
    const status = page.getByRole('region', { name: 'Phone status' });
    await status.getByText('The user name or password is wrong').waitFor();
    await status.getByRole('button', { name: 'Fix it in Phones' }).click();
    const entry = page.getByRole('article', { name: 'Reception' });
    await entry.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Password', { exact: true }).fill('changed-on-the-phone');
    await page.getByRole('button', { name: 'Save phone' }).click();
    await header.getByText('Online').waitFor();
    await status.waitFor({ state: 'detached' });
  });
});
