import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, expectAccessible } from './support/accessibility-audit';
import { startE2eApp, type E2eApp } from './support/e2e-app';

// The views about one phone (remote screen, every admin section and its confirmations) audited
// by axe-core in the light and the dark theme, and the audit itself shown failing on mistakes.
let app: E2eApp;

beforeAll(async () => {
  // Later firmware: the remote screen offers its hardware keys too.
  app = await startE2eApp({ simulator: { laterFirmware: true } });
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
});
afterAll(async () => app?.close());

function phoneId(): string {
  if (!app.phone) throw new Error('the e2e app added no phone');
  return app.phone.id;
}

async function show(view: 'Remote screen' | 'Admin' | 'Fleet') {
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: view, exact: true })
    .click();
}

async function openTab(name: string) {
  await app.page.getByRole('tab', { name }).click();
}

/** Has the far end answer a call dialled from the core; resolves with its handle. */
async function connectedCall(destination: string): Promise<string> {
  const dialled = await app.core.handlers['calls.dial']({ phoneId: phoneId(), destination });
  const handle = dialled.handle ?? (await app.control.state()).calls[0]?.CallHandle ?? '';
  await app.control.remote(handle, 'answer');
  return handle;
}

describe('accessibility audit of the phone views', () => {
  it('Remote screen: idle and with a call ringing in', async () => {
    const { page } = app;
    await show('Remote screen');
    const canvas = page.getByTestId('phone-screen');
    await canvas.locator('.phone-element[data-text="New Call"]').waitFor();
    await page.getByRole('group', { name: 'Phone keys' }).waitFor();
    await expectAccessible(page, 'Remote screen, idle');

    const ringing = await app.control.ring('5550123', 'Katherine Johnson');
    await page.getByRole('region', { name: 'Incoming calls' }).waitFor();
    await canvas.locator('.phone-element[data-text="Answer"]').waitFor();
    await expectAccessible(page, 'Remote screen, a call ringing in');
    await app.control.remote(ringing, 'hangup');
    await page.getByRole('region', { name: 'Incoming calls' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Turn on screen capture' }).click();
    const picture = page.getByTestId('phone-picture');
    await picture.getByRole('button', { name: 'Soft key: New Call' }).waitFor();
    await expectAccessible(page, 'Remote screen, the real picture');
  });

  it('Admin console: device, lines, live media charts', async () => {
    const { page } = app;
    await show('Admin');
    await page.getByRole('region', { name: 'Network', exact: true }).waitFor();
    await expectAccessible(page, 'Admin, Device');

    await openTab('Lines');
    await page.getByRole('table', { name: 'Lines' }).waitFor();
    await expectAccessible(page, 'Admin, Lines');

    await openTab('Log');
    // The remote screen's capture, turned on and put back, is what the phone's log holds.
    await page.getByText(/Put the screen capture settings back/).waitFor();
    await expectAccessible(page, 'Admin, Log');

    await openTab('Media');
    const handle = await connectedCall('4081');
    await page.getByRole('img', { name: /^Jitter: [\d.]+ ms, .* over [2-9] samples/ }).waitFor();
    await expectAccessible(page, 'Admin, Media during a call');
    await app.core.handlers['calls.end']({ phoneId: phoneId(), handle });
    await page.getByText(/No call is in progress/).waitFor();
  });

  it('Admin console: configuration with changes to review', async () => {
    const { page } = app;
    await openTab('Configuration');
    await page.getByLabel(/Parameter names/).fill('log.level.change.restapi\nno.such.parameter\n!');
    await page.getByRole('button', { name: 'Read values' }).click();
    const value = page.getByLabel('Value of log.level.change.restapi');
    await value.waitFor();
    await value.fill((await value.inputValue()) === '5' ? '3' : '5');
    await page.getByRole('button', { name: 'Review 1 change' }).click();
    await page.getByRole('group', { name: 'Changes to send' }).waitFor();
    await expectAccessible(page, 'Admin, Configuration with a change to review');
    await page
      .getByRole('group', { name: 'Changes to send' })
      .getByRole('button', { name: 'Cancel' })
      .click();
  });

  it('Admin console: maintenance with a factory reset to confirm, and Skype for Business', async () => {
    const { page } = app;
    await openTab('Maintenance');
    await page.getByRole('button', { name: 'Factory reset…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Factory reset the phone?' });
    await confirm.getByLabel('Type FACTORY RESET to confirm').waitFor();
    await expectAccessible(page, 'Admin, Maintenance with a factory reset to confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    await openTab('Skype for Business');
    await page.getByRole('note').waitFor();
    await expectAccessible(page, 'Admin, Skype for Business not on this phone');
    await app.control.config({ params: { 'device.baseProfile': 'SkypeForBusiness' } });
    await openTab('Device');
    await openTab('Skype for Business');
    await page.getByRole('form', { name: 'Skype for Business sign-in' }).waitFor();
    await expectAccessible(page, 'Admin, Skype for Business sign-in');
  });

  it('Fleet: the inventory with its rows, and a settings change with its per-phone diff', async () => {
    const { page } = app;
    await show('Fleet');
    const table = page.getByRole('table', { name: /^Phones, sorted by/ });
    await table.getByRole('rowheader', { name: 'Desk phone' }).waitFor();
    await table.getByRole('checkbox', { name: 'Select Desk phone' }).check();
    await expectAccessible(page, 'Fleet, Inventory with a phone selected');

    await page.getByRole('tab', { name: 'Change settings' }).click();
    await page.getByLabel('Name of parameter 1').fill('voice.volume.persist.handset');
    await page.getByLabel('New value of parameter 1').fill('fleet-audit');
    await page.getByRole('button', { name: 'Preview the change on 1 phone' }).click();
    await page.getByRole('region', { name: 'What would change' }).getByRole('table').waitFor();
    await page.getByRole('button', { name: 'Apply to 1 phone…' }).click();
    await page.getByRole('alertdialog', { name: 'Change 1 phone?' }).waitFor();
    await expectAccessible(page, 'Fleet, a change previewed and to confirm');
    await page
      .getByRole('alertdialog', { name: 'Change 1 phone?' })
      .getByRole('button', { name: 'Cancel' })
      .click();
  });
});

describe('the audit itself', () => {
  it('fails on a button without a name, text too faint to read, and a name hiding the label', async () => {
    const { page } = app;
    await show('Admin');
    await openTab('Device');
    // Deliberate mistakes, made through the DOM (the page's policy forbids inline markup).
    await page.evaluate(() => {
      const mistakes = document.createElement('div');
      mistakes.id = 'deliberate-mistakes';
      const nameless = document.createElement('button');
      nameless.id = 'mistake-nameless';
      nameless.append(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
      const faint = document.createElement('p');
      faint.id = 'mistake-faint';
      faint.textContent = 'Grey on white, too faint to read';
      faint.style.color = '#b0b0b0';
      faint.style.background = '#ffffff';
      const mislabelled = document.createElement('button');
      mislabelled.id = 'mistake-mislabelled';
      mislabelled.textContent = 'Save changes';
      mislabelled.setAttribute('aria-label', 'Submit');
      mistakes.append(nameless, faint, mislabelled);
      document.querySelector('main')?.append(mistakes);
    });
    try {
      const report = await auditPage(page, 'Admin, with deliberate mistakes');
      const found = report.blocking.flatMap((finding) =>
        finding.elements.map((element) => `${finding.rule} ${element.target}`),
      );
      expect(found).toEqual(
        expect.arrayContaining([
          'button-name #mistake-nameless',
          'color-contrast #mistake-faint',
          'label-content-name-mismatch #mistake-mislabelled',
        ]),
      );
      await expect(expectAccessible(page, 'Admin, with deliberate mistakes')).rejects.toThrow(
        /button-name/,
      );
    } finally {
      await page.evaluate(() => document.getElementById('deliberate-mistakes')?.remove());
    }
    // Without them, the same page passes again.
    expect((await auditPage(page, 'Admin, mistakes removed')).blocking).toEqual([]);
  });
});
