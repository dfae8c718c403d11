import { afterEach, describe, expect, it } from 'vitest';

import { saveScreenshot } from './support/screenshots';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function openScreen(model: string, laterFirmware: boolean, colorScheme: 'light' | 'dark') {
  app = await startE2eApp({ simulator: { model, laterFirmware }, colorScheme });
  // The first paint can take long on a loaded machine; later waits use the page default.
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Remote screen' }).click();
  const canvas = app.page.getByTestId('phone-screen');
  await canvas.locator('.phone-element[data-text="New Call"]').waitFor();
  return { page: app.page, canvas };
}

describe('remote screen per model (README screenshots)', () => {
  it('draws a 320×240 model without touch, offering no keys a 5.8 phone lacks', async () => {
    const { page, canvas } = await openScreen('VVX410', false, 'light');
    expect(await canvas.getAttribute('data-width')).toBe('320');
    expect(await canvas.getAttribute('data-height')).toBe('240');
    await page.getByText(/no touch screen/).waitFor();
    const screenText = page.getByRole('list', { name: 'Screen text' });
    expect(await screenText.getByRole('button').count()).toBe(0);
    const box = await canvas.boundingBox();
    expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(320 / 240, 1);
    expect(await page.getByRole('group', { name: 'Phone keys' }).count()).toBe(0);
    await saveScreenshot(page, 'screen-vvx410-320x240');
  });

  it('draws a 480×272 model and drives it with hardware keys on later firmware', async () => {
    const { page, canvas } = await openScreen('VVX450', true, 'dark');
    expect(await canvas.getAttribute('data-width')).toBe('480');
    expect(await canvas.getAttribute('data-height')).toBe('272');
    await saveScreenshot(page, 'screen-vvx450-480x272-dark');

    await page.getByRole('button', { name: '5', exact: true }).click();
    await page.getByRole('button', { name: '0', exact: true }).click();
    await canvas.locator('.phone-element[data-text="50"]').waitFor();
    await canvas.getByText(/^Dial \(line 1\)/).waitFor();
    await saveScreenshot(page, 'screen-vvx450-480x272-dialing');
  });
});
