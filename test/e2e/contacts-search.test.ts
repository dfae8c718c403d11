import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

const CONTACTS = [
  { name: 'Zoë Lefèvre', company: 'Café Müller', number: '+33 1 23 45 67 89' },
  { name: 'Chloe Martin', company: 'Acme', number: 'sip:chloe@pbx.example.com' },
  { name: 'Søren Łukasz', company: '', number: '+44 20 7946 0958' },
  { name: 'Grace Hopper', company: 'Navy', number: '+1 (555) 010-2000' },
];

/** The names the list shows after typing `query` into the search box. */
async function search(query: string): Promise<string[]> {
  const { page } = app;
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(query);
  const list = page.getByRole('list', { name: 'Contacts' });
  const empty = page.getByText(/^No contact matches/);
  await list.or(empty).first().waitFor();
  if (await empty.isVisible()) return [];
  return (await list
    .getByRole('article')
    .evaluateAll((articles) =>
      articles.map((article) => article.getAttribute('aria-label') ?? ''),
    )) as string[];
}

beforeAll(async () => {
  app = await startE2eApp({ addPhone: false, demo: true });
  for (const contact of CONTACTS) {
    await app.core.handlers['contacts.add']({
      name: contact.name,
      company: contact.company,
      favourite: false,
      numbers: [{ label: 'work', number: contact.number }],
    });
  }
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Contacts', exact: true })
    .click();
  await app.page.getByRole('article', { name: 'Grace Hopper' }).waitFor();
});
afterAll(async () => app?.close());

describe('contact search', () => {
  it('ignores accents, in names and companies', async () => {
    expect(await search('zoe')).toEqual(['Zoë Lefèvre']);
    expect(await search('lefevre')).toEqual(['Zoë Lefèvre']);
    expect(await search('cafe muller')).toEqual(['Zoë Lefèvre']);
    expect(await search('soren lukasz')).toEqual(['Søren Łukasz']);
  });

  it('finds SIP addresses', async () => {
    expect(await search('sip:chloe')).toEqual(['Chloe Martin']);
    expect(await search('pbx.example')).toEqual(['Chloe Martin']);
  });

  it('finds numbers however they are written', async () => {
    expect(await search('5550102000')).toEqual(['Grace Hopper']);
    expect(await search('555-010-2000')).toEqual(['Grace Hopper']);
    expect(await search('020 7946 0958')).toEqual(['Søren Łukasz']);
    expect(await search('+44 (0)20 7946 0958')).toEqual(['Søren Łukasz']);
    expect(await search('01 23 45 67 89')).toEqual(['Zoë Lefèvre']);
    expect(await search('nobody')).toEqual([]);
  });
});
