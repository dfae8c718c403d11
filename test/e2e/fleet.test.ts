import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { simValue } from '../support/sim-config';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { saveScreenshot } from './support/screenshots';

// The Fleet view against twelve simulated phones: eleven imported from a CSV file pasted into
// the window, one settings change previewed and applied to ten of them, and every phone's own
// configuration read back to show exactly those ten changed.
let app: E2eApp;

const PARAMETER = 'voice.volume.persist.handset';

/** The name each simulated phone gets: the first is added by the e2e app, the rest imported. */
function nameOf(index: number): string {
  return index === 0 ? 'Desk phone' : `Desk ${String(index + 1).padStart(2, '0')}`;
}

beforeAll(async () => {
  app = await startE2eApp({ simulator: { phones: 12 } });
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Fleet', exact: true }).click();
});
afterAll(async () => app?.close());

describe('fleet view against twelve simulated phones', () => {
  it('imports eleven phones from pasted CSV, with a preview first', async () => {
    const { page, sim } = app;
    await page.getByRole('tab', { name: 'Import' }).click();
    const csv = [
      'name,address,group',
      ...sim.phones
        .slice(1)
        .map(
          (phone, index) =>
            `${nameOf(index + 1)},${phone.url},${index < 5 ? 'Sales' : 'Reception'}`,
        ),
    ].join('\n');
    await page.getByLabel(/Phones as CSV/).fill(csv);
    await page.getByLabel('User name', { exact: true }).fill(app.simPhone.username);
    await page.getByLabel('Password', { exact: true }).fill(app.simPhone.adminPassword);
    await page.getByRole('button', { name: 'Preview the import' }).click();
    const preview = page.getByRole('region', { name: 'Import preview' });
    await preview.getByText('11 rows: 11 to add, 0 to skip.').waitFor();
    expect(await preview.getByRole('row', { name: /Desk 07/ }).textContent()).toContain('Admin');

    await preview.getByRole('button', { name: 'Import 11 phones' }).click();
    const report = page.getByRole('region', { name: 'The import is done' });
    await report.waitFor();
    expect(await report.getByRole('list', { name: 'Added' }).getByRole('listitem').count()).toBe(
      11,
    );
  });

  it('previews a change on ten selected phones, applies it, and the phones hold it', async () => {
    const { page, sim } = app;
    const before = await Promise.all(sim.phones.map((phone) => simValue(phone, PARAMETER)));
    const next = before[0] === '0' ? '1' : '0';

    await page.getByRole('tab', { name: 'Inventory' }).click();
    const table = page.getByRole('table', { name: /^Phones, sorted by/ });
    await table.getByRole('rowheader', { name: 'Desk 12' }).waitFor();
    await table.getByRole('checkbox', { name: 'Select all 12 phones shown' }).check();
    await table.getByRole('checkbox', { name: 'Select Desk 11' }).uncheck();
    await table.getByRole('checkbox', { name: 'Select Desk 12' }).uncheck();
    await saveScreenshot(page, 'fleet-inventory-light');

    await page.getByRole('tab', { name: 'Change settings' }).click();
    await page.getByRole('radio', { name: 'The 10 phones selected in Inventory' }).check();
    await page.getByLabel('Name of parameter 1').fill(PARAMETER);
    await page.getByLabel('New value of parameter 1').fill(next);
    await page.getByRole('button', { name: 'Preview the change on 10 phones' }).click();

    const plan = page.getByRole('region', { name: 'What would change' });
    await plan.getByText('10 phones: 10 would change, 0 already set, 0 cannot be read.').waitFor();
    const row = plan.getByRole('row', { name: /Desk 05/ });
    expect(await row.textContent()).toMatch(
      new RegExp(`Desk 05${PARAMETER.replaceAll('.', '\\.')}${before[4]} \\(\\w+\\)${next}$`),
    );
    expect(await simValue(sim.phones[4] ?? app.simPhone, PARAMETER)).toBe(before[4]);
    await saveScreenshot(page, 'fleet-change-preview-light');

    await page.getByRole('button', { name: 'Apply to 10 phones…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Change 10 phones?' });
    expect(await confirm.textContent()).toContain('Deskpilot changes Desk 02 first');
    await confirm.getByRole('button', { name: 'Change 10 phones' }).click();

    const report = page.getByRole('region', { name: 'The change is done' });
    await report.waitFor({ timeout: 60_000 });
    expect(await report.textContent()).toContain(
      '10 phones changed, 0 unchanged, 0 not attempted.',
    );

    // Read back in the window: a new preview finds the ten phones already set.
    await page.getByRole('button', { name: 'Preview the change on 10 phones' }).click();
    await plan.getByText('10 phones: 0 would change, 10 already set, 0 cannot be read.').waitFor();
    await page.getByText('Nothing to apply: no phone that could be read would change.').waitFor();

    const after = await Promise.all(sim.phones.map((phone) => simValue(phone, PARAMETER)));
    expect(after).toEqual(sim.phones.map((_, index) => (index < 10 ? next : before[index])));
  });
});
