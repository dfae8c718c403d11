import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eApp, type E2eApp } from './support/e2e-app';
import { saveScreenshot } from './support/screenshots';
import { waitUntil } from './support/wait';

let app: E2eApp;

const picture = () => app.page.getByTestId('phone-picture');
const pictureSource = async () => picture().locator('img').getAttribute('src');

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Remote screen' }).click();
});
afterAll(async () => {
  await app?.close();
});

describe('remote screen: the phone’s real picture', () => {
  it('explains that capture is off and offers to turn it on, naming the settings', async () => {
    await app.page.getByText(/screen capture is off/).waitFor();
    await app.page
      .getByText('Reconstruction from the phone’s description, not its picture')
      .waitFor();
    const offer = app.page.getByRole('note', { name: 'Screen picture' });
    expect(await offer.textContent()).toContain('up.screenCapture.enabled');
    expect((await app.control.state()).screenCapture.served).toBe(false);
  });

  it('shows the real picture once turned on, with the screen’s text reachable over it', async () => {
    await app.page.getByRole('button', { name: 'Turn on screen capture' }).click();
    await picture().waitFor();
    expect(await pictureSource()).toMatch(/^data:image\/png;base64,/);
    expect(await app.page.getByText(/Reconstruction/).count()).toBe(0);
    expect((await app.control.state()).screenCapture).toMatchObject({
      enabled: true,
      setting: true,
    });
    // The uixml's softkeys are buttons over the picture, named as a screen reader reads them.
    await picture().getByRole('button', { name: 'Soft key: New Call' }).waitFor();
    expect(await picture().getByText('Ready').count()).toBe(1);
    await app.page.mouse.move(0, 0);
    await saveScreenshot(app.page, 'screen-vvx601-picture');
  });

  it('taps a softkey in the picture: the phone’s screen changes and the picture follows', async () => {
    const before = await pictureSource();
    const newCall = picture().getByRole('button', { name: 'Soft key: New Call' });
    await newCall.scrollIntoViewIfNeeded();
    const box = await newCall.boundingBox();
    if (!box) throw new Error('New Call is not over the picture');
    await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await picture()
      .getByText(/^Dial \(line 1\)/)
      .waitFor();
    expect(await pictureSource()).not.toBe(before);
    // Back to idle from the keyboard: Tab reaches the Cancel key, Enter taps it.
    const cancel = picture().getByRole('button', { name: 'Soft key: Cancel' });
    await cancel.focus();
    await app.page.keyboard.press('Enter');
    await picture().getByRole('button', { name: 'Soft key: New Call' }).waitFor();
  });

  it('puts the phone’s capture settings back when the remote screen closes', async () => {
    await app.page.getByRole('button', { name: 'Calls', exact: true }).click();
    const after = await waitUntil(
      () => app.control.state(),
      (state) => !state.screenCapture.enabled,
    );
    expect(after.screenCapture).toEqual({ enabled: false, setting: false, served: false });
  });
});
