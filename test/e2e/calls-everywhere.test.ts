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
});
