import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simControl } from './support/sim-control';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({ simulator: { phones: 2 } });
  const second = app.sim.phones[1];
  if (!second) throw new Error('the simulator started one phone');
  const added = await app.core.handlers['phones.add']({
    name: 'Reception',
    url: second.url,
    username: second.username,
    password: second.adminPassword,
  });
  await app.core.handlers['phones.update']({
    phoneId: added.id,
    pollIntervalIdleMs: 1000,
    pollIntervalActiveMs: 250,
  });
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

describe('calls on every phone', () => {
  it('shows a call answered on the phone that is not selected, under its name', async () => {
    const second = app.sim.phones[1];
    if (!second) throw new Error('no second phone');
    await simControl(second, app.sim.controlToken).ring('5550177', 'Katherine Johnson');
    const banner = app.page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('on Reception').waitFor();
    await banner.getByRole('button', { name: 'Answer' }).click();
    const group = app.page.getByRole('region', { name: 'Reception', exact: true });
    const card = group.getByRole('article', { name: 'Call with Katherine Johnson' });
    await card.getByText('Connected', { exact: true }).waitFor();
    expect(await app.page.getByText('No calls right now.').count()).toBe(0);
    await card.getByRole('button', { name: 'End call' }).click();
    await app.page.getByText('No calls right now.').waitFor();
  });

  it('calls back from History on the phone the call came to, not the selected one', async () => {
    const second = app.sim.phones[1];
    if (!second) throw new Error('no second phone');
    const reception = simControl(second, app.sim.controlToken);
    const dialsBefore = (await reception.stats()).dials.length;
    await app.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'History', exact: true })
      .click();
    await app.page.getByRole('button', { name: 'Call back Katherine Johnson' }).first().click();
    const group = app.page.getByRole('region', { name: 'Reception', exact: true });
    const card = group.getByRole('article', { name: /^Call with/ });
    await card.waitFor();
    const dials = (await reception.stats()).dials;
    expect(dials).toHaveLength(dialsBefore + 1);
    expect(dials.at(-1)?.destination).toContain('5550177');
    await card.getByRole('button', { name: 'End call' }).click();
    await app.page.getByText('No calls right now.').waitFor();
  });

  it('counts a missed call on History, which lists every phone by day, searchable and clearable', async () => {
    const { page } = app;
    const first = app.control;
    const handle = await first.ring('5550188', 'Dorothy Vaughan');
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('Dorothy Vaughan').waitFor();
    await first.remote(handle, 'hangup');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const historyButton = nav.getByRole('button', { name: 'History', exact: true });
    await page
      .locator('#missed-calls', { hasText: '1 missed call' })
      .waitFor({ state: 'attached' });
    expect(await historyButton.getAttribute('aria-describedby')).toBe('missed-calls');
    await historyButton.click();
    const today = page.getByRole('region', { name: 'Today' });
    await today.getByText('Dorothy Vaughan').waitFor();
    await today.getByText('Katherine Johnson').waitFor();
    // Both phones' calls in one list, each with its phone named.
    await today
      .getByRole('listitem')
      .filter({ hasText: 'Katherine Johnson' })
      .getByText(/Reception/)
      .waitFor();
    await today
      .getByRole('listitem')
      .filter({ hasText: 'Dorothy Vaughan' })
      .getByText(/Desk phone/)
      .waitFor();
    expect(await page.locator('#missed-calls').count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search history' }).fill('dorothy');
    await today.getByText('Katherine Johnson').waitFor({ state: 'detached' });
    await today.getByText('Dorothy Vaughan').waitFor();
    await page.getByRole('searchbox', { name: 'Search history' }).fill('');
    await page.getByRole('button', { name: 'Clear history' }).click();
    await page.getByText('No calls in this list.').waitFor();
  });
});
