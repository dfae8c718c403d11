import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility-audit';
import { startE2eApp, type E2eApp } from './support/e2e-app';

// Every everyday view and the states people meet in it, audited by axe-core in the light and the
// dark theme: a serious or critical finding fails, moderate ones are printed.
let app: E2eApp;

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  for (const fileName of ['team.vcf', 'google-contacts.csv']) {
    const content = await readFile(fixture(fileName), 'utf8');
    const preview = await app.core.handlers['contacts.previewImport']({ fileName, content });
    await app.core.handlers['contacts.commitImport']({ previewId: preview.previewId });
  }
});
afterAll(async () => app?.close());

async function show(view: 'Calls' | 'Contacts' | 'History' | 'Phones' | 'Settings' | 'Operator') {
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: view, exact: true })
    .click();
  await app.page.getByRole('heading', { level: 1, name: view }).waitFor();
}

const callCard = () => app.page.getByRole('article', { name: /^Call with/ });
const banner = () => app.page.getByRole('region', { name: 'Incoming calls' });

describe('accessibility audit of the everyday views', () => {
  it('Calls: idle, an error notice, a call connected, on hold and muted, and one ringing in', async () => {
    const { page } = app;
    await show('Calls');
    await expectAccessible(page, 'Calls, no call');

    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Type a number or SIP address' });
    await notice.waitFor();
    await expectAccessible(page, 'Calls, an error notice');
    await notice.getByRole('button', { name: 'Dismiss' }).click();

    await page.getByRole('textbox', { name: 'Number to dial' }).fill('1001');
    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    await callCard().getByText('Connected', { exact: true }).waitFor();
    await callCard().getByRole('button', { name: 'Keypad' }).click();
    await expectAccessible(page, 'Calls, a call connected with its keypad open');
    await callCard().getByRole('button', { name: 'Transfer' }).click();
    await callCard().getByRole('textbox', { name: 'Transfer to' }).waitFor();
    await expectAccessible(page, 'Calls, a transfer being typed');
    await callCard().getByRole('button', { name: 'Cancel' }).click();

    await callCard().getByRole('button', { name: 'Mute' }).click();
    await callCard().getByText('Muted', { exact: true }).waitFor();
    await callCard().getByRole('button', { name: 'Hold' }).click();
    await callCard().getByText('On hold', { exact: true }).waitFor();
    await app.control.ring('+441614960000', 'Alan Turing');
    await banner().getByRole('button', { name: 'Answer' }).waitFor();
    await expectAccessible(page, 'Calls, a call on hold and muted, another ringing in');

    await banner().getByRole('button', { name: 'Reject' }).click();
    await banner().waitFor({ state: 'detached' });
    await callCard().getByRole('button', { name: 'Resume' }).click();
    await callCard().getByRole('button', { name: 'End call' }).click();
    await page.getByText('No calls right now.').waitFor();
  });

  it('Operator: a tile ringing, and its More panel open', async () => {
    const { page } = app;
    await show('Operator');
    await app.control.ring('+441614960001', 'Grace Hopper');
    const tile = page.locator('[data-state="ringing"]');
    await tile.getByRole('button', { name: 'Answer' }).waitFor();
    await expectAccessible(page, 'Operator, a phone ringing');
    await tile.getByRole('button', { name: /^More for/ }).click();
    await page.getByRole('dialog', { name: /calls and group$/ }).waitFor();
    await expectAccessible(page, 'Operator, a ringing phone with its More panel open');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await tile.getByRole('button', { name: 'Reject' }).click();
    await tile.waitFor({ state: 'detached' });
  });

  it('a tel: link asking to dial (a modal dialog)', async () => {
    await app.core.requestDial('link', 'tel:+1-555-010-2000');
    const dialog = app.page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(app.page, 'A link asking to dial');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('Contacts: the list, an import preview, a form with an error, a deletion to confirm', async () => {
    const { page } = app;
    await show('Contacts');
    await page.getByRole('article', { name: 'Grace Hopper' }).waitFor();
    await expectAccessible(page, 'Contacts, a list');

    await page
      .getByLabel('Contacts file to import (vCard or CSV)')
      .setInputFiles(fixture('team.vcf'));
    const preview = page.getByRole('region', { name: 'Import from team.vcf' });
    await preview.getByRole('list', { name: 'Skipped records' }).waitFor();
    await expectAccessible(page, 'Contacts, an import preview with skipped records');
    await preview.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    await form.getByRole('button', { name: 'Save contact' }).click();
    await form.getByText('Give the contact a name.').waitFor();
    await expectAccessible(page, 'Contacts, a new contact missing its name');
    await form.getByRole('button', { name: 'Cancel' }).click();

    const contact = page.getByRole('article', { name: 'Grace Hopper' });
    await contact.getByRole('button', { name: 'Delete Grace Hopper' }).click();
    await contact.getByRole('button', { name: 'Keep' }).waitFor();
    await expectAccessible(page, 'Contacts, a deletion to confirm');
    await contact.getByRole('button', { name: 'Keep' }).click();
  });

  it('History: placed, received and missed calls', async () => {
    const { page } = app;
    const missed = await app.control.ring('5550199', '');
    await banner().waitFor();
    await app.control.remote(missed, 'hangup');
    await banner().waitFor({ state: 'detached' });
    await show('History');
    await page.getByRole('button', { name: 'Add to contacts: 5550199' }).first().waitFor();
    await expectAccessible(page, 'History, all calls');
  });

  it('Settings: the preferences, an interval out of range, and the dark theme chosen in the app', async () => {
    const { page } = app;
    await show('Settings');
    await expectAccessible(page, 'Settings');

    const idle = page.getByRole('spinbutton', { name: 'When idle (seconds)' });
    await idle.fill('0');
    const problem = page.getByText('The idle interval is between 1 and 60 seconds.');
    await problem.waitFor();
    // The field in error says so, and points at the words that explain it.
    expect(await idle.getAttribute('aria-invalid')).toBe('true');
    expect(await idle.getAttribute('aria-describedby')).toBe(await problem.getAttribute('id'));
    await expectAccessible(page, 'Settings, an interval out of range');
    await idle.fill('1');

    const theme = page.getByRole('combobox', { name: 'Theme' });
    await theme.selectOption('dark');
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await expectAccessible(page, 'Settings, dark theme chosen in the app');
    await theme.selectOption('system');
  });

  it('Phones: the list, a removal to confirm, a failed connection test, a phone needing attention, and first run', async () => {
    const { page, simPhone } = app;
    await show('Phones');
    const entry = page.getByRole('article', { name: 'Desk phone' });
    await entry.getByText('Online').waitFor();
    await expectAccessible(page, 'Phones, one phone online');

    await entry.getByRole('button', { name: 'Remove', exact: true }).click();
    await expectAccessible(page, 'Phones, a removal to confirm');
    await entry.getByRole('button', { name: 'Keep it' }).click();

    await page.getByRole('button', { name: 'Add a phone' }).click();
    await page.getByLabel('Address').fill(new URL(simPhone.url).host);
    await page.getByRole('radio', { name: 'HTTP', exact: true }).check();
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page
      .getByRole('alert')
      .getByRole('heading', { name: 'The user name or password is wrong' })
      .waitFor();
    await expectAccessible(page, 'Phones, a new phone failing its connection test');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await app.control.config({ params: { 'apps.restapi.enabled': '0' } });
    try {
      await page.getByRole('region', { name: 'Phone status' }).waitFor();
      await expectAccessible(page, 'Phones, the phone needing attention');
    } finally {
      await app.control.config({ params: { 'apps.restapi.enabled': '1' } });
    }

    await entry.getByRole('button', { name: 'Remove', exact: true }).click();
    await entry.getByRole('button', { name: 'Remove Desk phone' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Deskpilot' }).waitFor();
    await expectAccessible(page, 'First run');
  });
});
