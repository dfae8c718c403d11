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

  it('holds the first call and answers the second in one press, then swaps between them', async () => {
    const { page } = app;
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('call waiting').waitFor();
    await banner.getByRole('button', { name: 'Hold & answer' }).click();
    const ada = page.getByRole('article', { name: 'Call with Ada Lovelace' });
    const grace = page.getByRole('article', { name: 'Call with Grace Hopper' });
    await grace.getByText('Connected', { exact: true }).waitFor();
    await ada.getByText('On hold', { exact: true }).waitFor();
    await ada.getByRole('button', { name: 'Swap' }).click();
    await ada.getByText('Connected', { exact: true }).waitFor();
    await grace.getByText('On hold', { exact: true }).waitFor();
    await grace.getByRole('button', { name: 'Swap' }).waitFor();
  });

  it('ends the talking call and answers a third caller in one press', async () => {
    const { page } = app;
    const grace = page.getByRole('article', { name: 'Call with Grace Hopper' });
    await grace.getByRole('button', { name: 'End call' }).click();
    await grace.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Simulate a second caller' }).click();
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('Alan Turing').waitFor();
    await banner.getByRole('button', { name: 'End & answer' }).click();
    await page
      .getByRole('article', { name: 'Call with Alan Turing' })
      .getByText('Connected', { exact: true })
      .waitFor();
    await page
      .getByRole('article', { name: 'Call with Ada Lovelace' })
      .waitFor({ state: 'detached' });
  });
});
