import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({ simulator: { rebootMs: 1000 } });
  // The first paint can take long on a loaded machine; later waits use the page default.
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Admin', exact: true }).click();
  await app.page.getByRole('tab', { name: 'Maintenance' }).click();
});
afterAll(async () => app?.close());

describe('factory reset from the admin console', () => {
  it('needs the typed phrase, then shows the phone going away and coming back with its API off', async () => {
    await app.page.getByRole('button', { name: 'Factory reset…' }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Factory reset the phone?' });
    expect(await dialog.textContent()).toContain('turn the REST API off');
    const confirm = dialog.getByRole('button', { name: 'Factory reset', exact: true });
    await dialog.getByLabel(/Type FACTORY RESET/).fill('factory reset');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type FACTORY RESET/).fill('FACTORY RESET');
    await confirm.click();

    const progress = app.page.getByRole('status', { name: 'Maintenance progress' });
    await progress.getByText(/The phone is away/).waitFor({ timeout: 15_000 });
    await progress.getByText(/answers again but needs attention/).waitFor({ timeout: 20_000 });
    const state = await waitUntil(
      () => app.control.state(),
      (s) => !s.restApiEnabled,
    );
    expect(state.restApiEnabled).toBe(false);
  });
});
