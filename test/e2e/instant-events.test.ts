/**
 * Instant call events end to end: turned on in the Phones view of the real UI through the
 * browser host, the simulated phone pushes to the core's receiver and a ring shows its caller;
 * with the phone's pushes dropped, the UI says they are not arriving and calls still show
 * through polling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility-audit';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

const section = () => app.page.getByRole('region', { name: 'Instant call events' });
const banner = () => app.page.getByRole('region', { name: 'Incoming calls' });

describe('instant call events in the browser', () => {
  it('shows what will change, turns on, and a ring shows its caller in the banner', async () => {
    await app.page.getByRole('button', { name: 'Phones' }).click();
    await section().getByRole('button', { name: 'Turn on instant call events…' }).click();
    const plan = section().getByRole('table', {
      name: 'Deskpilot will change these settings on Desk phone',
    });
    await plan.waitFor();
    expect(await plan.textContent()).toContain('apps.telNotification.URL');
    await expectAccessible(app.page, 'Phones, the instant call events plan');
    await section().getByRole('button', { name: 'Make these changes' }).click();
    await section()
      .getByText(/Waiting for the first event/)
      .waitFor();

    await app.control.ring('5550100', 'Ada Lovelace');
    await banner().getByText('Ada Lovelace').waitFor();
    await section()
      .getByText(/^Working: the phone tells Deskpilot about calls at once/)
      .waitFor();
  });

  it('says events are not arriving when the phone’s pushes are dropped, and calls still show', async () => {
    await app.control.faults({ pushDrop: { count: 1_000_000 } });
    await app.control.ring('5550101', 'Grace Hopper');
    // The slowed poll finds the ring no event announced.
    await banner().getByText('Grace Hopper').waitFor({ timeout: 30_000 });
    const notice = app.page.getByRole('region', { name: 'Phone status' });
    await notice
      .getByText('Instant call events from Desk phone are not arriving.')
      .waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('firewall on this computer');
    await section()
      .getByText(/^Not arriving/)
      .waitFor();
    // Polling is back to its usual pace: a third ring shows without any event.
    await app.control.ring('5550102', 'Alan Turing');
    await banner().getByText('Alan Turing').waitFor();
  });
});
