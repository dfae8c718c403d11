import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

let app: E2eApp;

function phoneId(): string {
  if (!app.phone) throw new Error('the e2e app added no phone');
  return app.phone.id;
}

beforeAll(async () => {
  app = await startE2eApp({ simulator: { rebootMs: 1500 } });
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Admin', exact: true }).click();
  await app.page.getByRole('tab', { name: 'Maintenance' }).click();
});
afterAll(async () => app?.close());

describe('risky admin actions say what they do to the phone and to Deskpilot', () => {
  it('Restart names the held call it will end, then says it was ended', async () => {
    const dialled = await app.core.handlers['calls.dial']({
      phoneId: phoneId(),
      destination: '5550142',
    });
    const handle = dialled.handle ?? (await app.control.state()).calls[0]?.CallHandle ?? '';
    await app.control.remote(handle, 'answer');
    await app.core.handlers['calls.hold']({ phoneId: phoneId(), handle });
    await waitUntil(
      () => app.control.state(),
      (state) => state.calls.some((call) => call.CallState === 'Hold'),
    );

    await app.page.getByRole('button', { name: 'Restart phone…' }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Restart the phone?' });
    await dialog.getByText(/5550142 \(on hold\)/).waitFor();
    const warning = await dialog.textContent();
    expect(warning).toContain('It ends the 1 call on this phone at once, held calls included');
    expect(warning).toContain('Deskpilot keeps its access');
    await dialog.getByRole('button', { name: 'Restart', exact: true }).click();

    const progress = app.page.getByRole('status', { name: 'Maintenance progress' });
    await progress.getByText(/The phone is away/).waitFor({ timeout: 15_000 });
    // Why and for how long is said once (the banner), not again in the progress and health lines.
    expect(await app.page.getByText(/usually takes/).count()).toBe(1);
    await progress.getByText(/restarted and is back online/).waitFor({ timeout: 30_000 });
    expect(await progress.textContent()).toContain('The 1 call in progress was ended.');
    expect((await app.control.state()).calls).toEqual([]);
  });

  it('Reset of the device configuration warns of the lock-out, then names it instead of a wrong password', async () => {
    await app.page.getByLabel('What to reset').selectOption('device');
    await app.page.getByRole('button', { name: 'Reset configuration…' }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Reset the device configuration?' });
    const warning = await dialog.textContent();
    expect(warning).toContain("The phone's admin password goes back to the factory one (456)");
    expect(warning).toContain('Deskpilot');
    expect(warning).toContain('is locked out');
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();

    const progress = app.page.getByRole('status', { name: 'Maintenance progress' });
    await progress.getByText(/Deskpilot can no longer sign in/).waitFor();
    const health = app.page.getByRole('region', { name: 'Phone status' });
    await health.getByText(/The configuration reset put the phone's admin password back/).waitFor();
    expect(await health.textContent()).not.toContain('refused the user name or password');
  });

  it('Reset of the local configuration says Deskpilot keeps its access', async () => {
    await app.page.getByLabel('What to reset').selectOption('local');
    await app.page.getByRole('button', { name: 'Reset configuration…' }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Reset the local configuration?' });
    expect(await dialog.textContent()).toContain('Deskpilot keeps its access');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
