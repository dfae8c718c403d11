import { afterAll, beforeAll, describe, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({ addPhone: false, demo: true });
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

describe('demo mode', () => {
  it('lets the demo phone ring, and ring again while a call is up (call waiting)', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Simulate an incoming call' }).click();
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('Ada Lovelace').waitFor();
    await banner.getByRole('button', { name: 'Answer' }).click();
    await page
      .getByRole('article', { name: 'Call with Ada Lovelace' })
      .getByText('Connected', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Simulate a second caller' }).click();
    await banner.getByText('Grace Hopper').waitFor();
  });
});
