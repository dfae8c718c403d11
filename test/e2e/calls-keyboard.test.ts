/**
 * The calls screen from the keyboard, as a daily user drives it: digits typed anywhere start
 * dialling, during a call they go to the phone as tones (shown on the card), Alt+M mutes, and
 * the number field suggests numbers already called.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

describe('the calls screen from the keyboard', () => {
  it('dials what is typed anywhere, sends keys as tones in a call and mutes on Alt+M', async () => {
    const { page } = app;
    // Nothing focused: the keys land on the page, not in a field.
    await page.getByRole('heading', { name: 'Calls', exact: true }).click();
    await page.keyboard.type('5550123');
    const field = page.getByRole('textbox', { name: 'Number to dial' });
    expect(await field.inputValue()).toBe('5550123');
    await field.press('Enter');
    const card = page.getByRole('article', { name: /^Call with/ });
    await card.getByText('Connected', { exact: true }).waitFor();

    await page.getByRole('heading', { name: 'Calls', exact: true }).click();
    await page.keyboard.type('12#');
    await card.getByRole('status', { name: 'Tones sent' }).getByText('12#').waitFor();
    const state = await waitUntil(
      () => app.control.state(),
      (now) => now.calls[0]?.Dtmf === '12#',
    );
    expect(state.calls[0]?.Dtmf).toBe('12#');
    expect(await field.inputValue()).toBe('');

    await page.keyboard.press('Alt+KeyM');
    await card.getByText('Muted', { exact: true }).waitFor();
    expect((await app.control.state()).muted).toBe(true);
    await page.keyboard.press('Alt+KeyM');
    await card.getByText('Muted', { exact: true }).waitFor({ state: 'detached' });

    await card.getByRole('button', { name: 'End call' }).click();
    await page.getByText('No calls right now.').waitFor();
  });

  it('suggests a number called before as it is typed, and dials the one picked', async () => {
    const { page } = app;
    const field = page.getByRole('textbox', { name: 'Number to dial' });
    await field.fill('555012');
    const suggestions = page.getByRole('list', { name: 'Suggestions to dial' });
    // The call just made, read from the phone's call list.
    await suggestions.getByRole('button').first().click();
    expect(await field.inputValue()).toBe('5550123');
  });
});
