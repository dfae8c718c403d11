import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function show(view: string) {
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: view, exact: true })
    .click();
}

/** The app-wide notices that are errors (the toasts), by their text. */
async function errorToasts(): Promise<string[]> {
  return app.page.locator('.notices .notice-error').allTextContents();
}

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
});
afterAll(async () => app?.close());

describe('errors sit beside what caused them, once, and go when fixed', () => {
  it("a contact's undialable number is said beside its field, not in a toast, and goes when fixed", async () => {
    const { page } = app;
    await show('Contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    await form.getByLabel('Name', { exact: true }).fill('Zoë Martin');
    const number = form.getByLabel('Number 1', { exact: true });
    await number.fill('call me!!');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => number.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await number.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(`[id="${describedBy}"]`);
    expect(describedBy).not.toBe('');
    expect((await error.textContent())?.length).toBeGreaterThan(10);
    expect(await errorToasts()).toEqual([]);

    await number.fill('+44 20 7946 0321');
    await error.waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('article', { name: 'Zoë Martin' }).waitFor();
    expect(await errorToasts()).toEqual([]);
  });

  it('an import that cannot be read is said beside the import, and goes with the next good file', async () => {
    const { page } = app;
    const picker = page.getByLabel('Contacts file to import (vCard or CSV)');
    await picker.setInputFiles({
      name: 'notes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Colour,Size\nred,large\n'),
    });
    const contacts = page.getByRole('region', { name: 'Contacts' });
    const problem = contacts.getByRole('alert').filter({ hasText: 'notes.csv cannot be imported' });
    await problem.waitFor();
    expect(await errorToasts()).toEqual([]);
    await picker.setInputFiles(fixture('team.vcf'));
    await page.getByRole('region', { name: 'Import from team.vcf' }).waitFor();
    expect(await problem.count()).toBe(0);
    await page
      .getByRole('region', { name: 'Import from team.vcf' })
      .getByRole('button', { name: 'Cancel' })
      .click();
  });

  it("the Add-phone form drops the previous address's report when the address changes", async () => {
    const { page } = app;
    await show('Phones');
    await page.getByRole('button', { name: 'Add a phone' }).click();
    await page.getByLabel('Address').fill('127.0.0.1:9');
    await page.getByRole('radio', { name: 'HTTP', exact: true }).check();
    await page.getByLabel('Password', { exact: true }).fill('secret');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const report = page.locator('.report').filter({ hasText: '127.0.0.1:9' });
    await report.waitFor();
    await page.getByLabel('Address').fill('127.0.0.1:10');
    await report.waitFor({ state: 'detached' });
    // Only the plain-HTTP warning stays: it is about the scheme, which still applies.
    const left = page.locator('.phone-form .report');
    expect(await left.allInnerTexts()).toEqual([
      expect.stringMatching(/^Plain HTTP is not encrypted/),
    ]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('an admin error stays on the tab that caused it', async () => {
    const { page } = app;
    await show('Admin');
    await page.getByRole('tab', { name: 'Configuration' }).click();
    await page.getByLabel('Upload to URL').fill('ftp://127.0.0.1/nowhere');
    await page.getByRole('button', { name: 'Export' }).click();
    const notice = page.locator('.admin-notice');
    await notice.filter({ hasText: /failed/ }).waitFor();
    await page.getByRole('tab', { name: 'Maintenance' }).click();
    await notice.waitFor({ state: 'detached' });
  });
});
