import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

const card = () => app.page.getByRole('article', { name: /^Call with/ });

describe('keyboard', () => {
  it('dials, holds, resumes and ends a call with shortcuts alone', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.keyboard.press('Alt+D');
    const field = page.getByRole('textbox', { name: 'Number to dial' });
    await field.waitFor();
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('1001');
    await page.keyboard.press('Enter');
    await card().getByText('Connected', { exact: true }).waitFor();
    await page.keyboard.press('Alt+H');
    await card().getByText('On hold', { exact: true }).waitFor();
    await page.keyboard.press('Alt+H');
    await card().getByText('Connected', { exact: true }).waitFor();
    await page.keyboard.press('Alt+E');
    await page.getByText('No calls right now.').waitFor();
  });

  it('answers a ringing call with Alt+A', async () => {
    const { page } = app;
    await app.control.ring('5550123', 'Katherine Johnson');
    await page.getByRole('region', { name: 'Incoming calls' }).waitFor();
    await page.keyboard.press('Alt+A');
    await page
      .getByRole('article', { name: 'Call with Katherine Johnson' })
      .getByText('Connected', { exact: true })
      .waitFor();
    await page.keyboard.press('Alt+E');
    await page.getByText('No calls right now.').waitFor();
  });
});
