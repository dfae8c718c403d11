import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

let app: E2eApp;

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

async function show(view: 'Calls' | 'Contacts' | 'History'): Promise<void> {
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: view })
    .click();
}

async function importFile(name: string, expected: string[], skipped: string): Promise<void> {
  const { page } = app;
  await show('Contacts');
  await page.getByLabel('Contacts file to import (vCard or CSV)').setInputFiles(fixture(name));
  const preview = page.getByRole('region', { name: `Import from ${name}` });
  await preview.waitFor();
  for (const contact of expected)
    await preview.getByRole('cell', { name: contact, exact: true }).waitFor();
  expect(await preview.getByRole('list', { name: 'Skipped records' }).textContent()).toContain(
    skipped,
  );
  await preview.getByRole('button', { name: `Import ${expected.length} contacts` }).click();
  await preview.waitFor({ state: 'detached' });
  for (const contact of expected) await page.getByRole('article', { name: contact }).waitFor();
}

/** Waits for the latest dial the simulated phone received to contain `digits`. */
async function lastDialContains(digits: string): Promise<void> {
  const stats = await waitUntil(
    () => app.control.stats(),
    (s) => s.dials.at(-1)?.destination.includes(digits) ?? false,
  );
  expect(stats.dials.at(-1)?.destination).toContain(digits);
}

async function endTheCall(): Promise<void> {
  const card = app.page.getByRole('article', { name: /^Call with/ });
  await card.getByRole('button', { name: 'End call' }).click();
  await app.page.getByText('No calls right now.').waitFor();
}

describe('contacts and history', () => {
  it('imports a vCard file with a preview that reports what is skipped', async () => {
    await importFile('team.vcf', ['Ada Lovelace', 'Charles Babbage'], 'has no phone number');
  });

  it('imports a Google CSV export the same way', async () => {
    await importFile('google-contacts.csv', ['Grace Hopper', 'Alan Turing'], 'Row 4');
  });

  it('finds a contact as you type and dials it in one click', async () => {
    const { page } = app;
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('hopp');
    await page.getByRole('article', { name: 'Ada Lovelace' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Call Grace Hopper, work +1 555 201 0003' }).click();
    await lastDialContains('15552010003');
    const card = page.getByRole('article', { name: /^Call with/ });
    await card.getByText('Connected', { exact: true }).waitFor();
    await endTheCall();
  });

  it('shows the call in history under the contact name and dials it back', async () => {
    const { page } = app;
    await show('History');
    const callBack = page.getByRole('button', { name: 'Call back Grace Hopper' }).first();
    await callBack.waitFor();
    const dialsBefore = (await app.control.stats()).dials.length;
    await callBack.click();
    const stats = await waitUntil(
      () => app.control.stats(),
      (s) => s.dials.length > dialsBefore,
    );
    expect(stats.dials.at(-1)?.destination).toContain('15552010003');
    await page
      .getByRole('article', { name: /^Call with/ })
      .getByText('Connected', { exact: true })
      .waitFor();
    await endTheCall();
  });

  it('adds a missed caller to the contacts from history', async () => {
    const { page } = app;
    const handle = await app.control.ring('5550199', '');
    await page.getByRole('region', { name: 'Incoming calls' }).waitFor();
    await app.control.remote(handle, 'hangup');
    await page.getByRole('region', { name: 'Incoming calls' }).waitFor({ state: 'detached' });
    await show('History');
    await page.getByRole('button', { name: 'Missed' }).click();
    await page.getByRole('button', { name: 'Add to contacts: 5550199' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    // A caller known only by number has no name yet: the field starts empty, ready for typing.
    const name = form.getByLabel('Name', { exact: true });
    expect(await name.inputValue()).toBe('');
    await expect.poll(() => name.evaluate((input) => input === document.activeElement)).toBe(true);
    await name.fill('Front desk');
    expect(await form.getByLabel('Number 1', { exact: true }).inputValue()).toBe('5550199');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('article', { name: 'Front desk' }).waitFor();
  });
});
