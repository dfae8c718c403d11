import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function preview(name: string) {
  const { page } = app;
  await page.getByLabel('Contacts file to import (vCard or CSV)').setInputFiles(fixture(name));
  const region = page.getByRole('region', { name: `Import from ${name}` });
  await region.waitFor();
  return region;
}

beforeAll(async () => {
  app = await startE2eApp({ addPhone: false, demo: true });
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Contacts', exact: true })
    .click();
});
afterAll(async () => app?.close());

describe('the import report is exact and says why in words', () => {
  it('counts a CSV exactly, never imports a row whose values moved, and imports what it previewed', async () => {
    const region = await preview('messy.csv');
    expect(await region.getByText(/^CSV file:/).textContent()).toBe(
      'CSV file: 3 contacts ready to import, 2 rows skipped, 1 row imported in part.',
    );
    expect(await region.getByRole('list', { name: 'Skipped records' }).textContent()).toMatch(
      /^Row 4: the row has 5 values but the header names 4 columns.*Row 5: "Linus Torvalds" has no phone number$/,
    );
    expect(await region.getByRole('list', { name: 'Imported in part' }).textContent()).toMatch(
      /^Row 2: "Ada Lovelace" is imported without the number "call me"/,
    );
    const names = await region.locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual(['Ada Lovelace', 'Grace Hopper', 'Ken Thompson']);

    await region.getByRole('button', { name: 'Import 3 contacts' }).click();
    await region.waitFor({ state: 'detached' });
    const list = await app.core.handlers['contacts.list']({});
    expect(list.map((contact) => contact.name).sort()).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Ken Thompson',
    ]);
    expect(list.find((contact) => contact.name === 'Ken Thompson')?.company).toBe('Bell Labs');
  });

  it('says a truncated vCard is cut off, in words, and imports the cards before it', async () => {
    const region = await preview('cut-off.vcf');
    expect(await region.getByText(/^vCard file:/).textContent()).toBe(
      'vCard file: 1 contact ready to import, 1 card skipped.',
    );
    const skipped = await region.getByRole('list', { name: 'Skipped records' }).textContent();
    expect(skipped).toMatch(/^Card 2: the card is cut off: it has no END:VCARD line/);
    expect(skipped).not.toMatch(/ical|component/i);
    await region.getByRole('button', { name: 'Cancel' }).click();
  });
});
