import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type Simulator } from '../../src/simulator';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;
let plainHttp: Simulator;

beforeAll(async () => {
  app = await startE2eApp({ addPhone: false, simulator: { https: true } });
  plainHttp = await startSimulator({});
  await app.page.getByRole('heading', { name: 'Welcome to Deskpilot' }).waitFor();
});
afterAll(async () => {
  await app?.close();
  await plainHttp?.close();
});

const address = () => app.page.getByLabel('Address');
const radio = (name: string) => app.page.getByRole('radio', { name, exact: true });

describe('the Add-phone form says what it will do', () => {
  it('follows a scheme typed in the address, and writes the chosen one into it', async () => {
    await address().fill('http://192.0.2.10');
    expect(await radio('HTTP').isChecked()).toBe(true);
    await radio('HTTPS (recommended)').check();
    expect(await address().inputValue()).toBe('https://192.0.2.10');
    await address().fill('HTTP://192.0.2.10:8080');
    expect(await radio('HTTP').isChecked()).toBe(true);
  });

  it('says a garbage address is not an address, in words, beside the field', async () => {
    await address().fill('not a phone!!');
    await address().blur();
    const describedBy = (await address().getAttribute('aria-describedby')) ?? '';
    const error = app.page.locator(`[id="${describedBy}"]`);
    expect(await error.textContent()).toMatch(/^"not a phone!!" is not a phone's address: type/);
    expect(await address().getAttribute('aria-invalid')).toBe('true');
    expect(await app.page.getByRole('button', { name: 'Test connection' }).isDisabled()).toBe(true);
  });

  it('says a phone that answers in plain HTTP has HTTPS off, instead of "busy or restarting"', async () => {
    const phone = plainHttp.phones[0];
    if (!phone) throw new Error('the plain-HTTP simulator started no phone');
    await address().fill(new URL(phone.url).host);
    await radio('HTTPS (recommended)').check();
    await app.page.getByLabel('Password', { exact: true }).fill(phone.adminPassword);
    await app.page.getByRole('button', { name: 'Test connection' }).click();
    const report = app.page.locator('.report').filter({ hasText: 'plain HTTP' });
    await report.waitFor();
    const text = await report.textContent();
    expect(text).toContain('answers in plain HTTP, not HTTPS');
    expect(text).toContain('Choose HTTP');
    expect(text).not.toContain('busy or restarting');
  });

  it("keeps the certificate's fingerprint inside its box in a narrow window", async () => {
    const { page, simPhone } = app;
    await page.setViewportSize({ width: 420, height: 700 });
    await address().fill(new URL(simPhone.url).host);
    await radio('HTTPS (recommended)').check();
    await page.getByLabel('Password', { exact: true }).fill(simPhone.adminPassword);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const code = page.locator('.report code');
    await code.waitFor();
    expect(await code.textContent()).toBe(simPhone.fingerprint);
    const fits = await code.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const report = element.closest('.report')?.getBoundingClientRect();
      return (
        element.scrollWidth <= element.clientWidth + 1 &&
        report !== undefined &&
        box.right <= report.right + 1 &&
        box.right <= document.documentElement.clientWidth
      );
    });
    expect(fits).toBe(true);
  });
});
