import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({ addPhone: false, simulator: { https: true } });
  await app.page.getByRole('heading', { name: 'Welcome to Deskpilot' }).waitFor();
});
afterAll(async () => app?.close());

describe('a phone over HTTPS', () => {
  it("shows the certificate's fingerprint and adds the phone once it is trusted", async () => {
    const { page, simPhone } = app;
    await page.getByLabel('Name', { exact: true }).fill('Boardroom');
    await page.getByLabel('Address').fill(new URL(simPhone.url).host);
    await page.getByRole('radio', { name: 'HTTPS (recommended)' }).check();
    await page.getByLabel('Password', { exact: true }).fill(simPhone.adminPassword);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const report = page.locator('.report').filter({
      has: page.getByRole('heading', { name: "The phone's certificate is not trusted yet" }),
    });
    await report.waitFor();
    expect(await report.locator('code').textContent()).toBe(simPhone.fingerprint);

    // Without trusting it, the core refuses to add the phone.
    await page.getByRole('button', { name: 'Add phone' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /certificate/i })
      .first()
      .waitFor();

    await report.getByRole('checkbox', { name: 'Trust this certificate' }).check();
    await page.getByRole('button', { name: 'Add phone' }).click();
    await page.locator('.app-header').getByText('Online').waitFor();
    const [phone] = await app.core.handlers['phones.list']({});
    expect(phone?.pinnedFingerprint).toBe(simPhone.fingerprint);
  });
});
