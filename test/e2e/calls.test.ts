import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp();
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

const calls = () =>
  app.page
    .getByRole('list')
    .filter({ has: app.page.getByRole('article', { name: /^Call with/ }) })
    .getByRole('article');

async function dial(number: string): Promise<Locator> {
  const field = app.page.getByRole('textbox', { name: 'Number to dial' });
  await field.fill(number);
  await field.press('Enter');
  const card = app.page.getByRole('article', { name: /^Call with/ }).first();
  await card.waitFor();
  return card;
}

async function simCallHandle(): Promise<string> {
  const state = await waitUntil(
    () => app.control.state(),
    (s) => s.calls.length > 0,
  );
  const handle = state.calls[0]?.CallHandle;
  if (!handle) throw new Error('the simulated phone has no call');
  return handle;
}

/** The simulated phone's calls once it has none left (bounded wait), for the final check. */
async function simCallsLeft(): Promise<unknown[]> {
  return (
    await waitUntil(
      () => app.control.state(),
      (state) => state.calls.length === 0,
    )
  ).calls;
}

async function noCallsLeft(): Promise<void> {
  await app.page.getByText('No calls right now.').waitFor();
  expect(await calls().count()).toBe(0);
}

describe('live calls against the simulator', () => {
  it('dials, shows ringback in words, then connected when the far end answers', async () => {
    const card = await dial('4081');
    await card.getByText('Ringing', { exact: true }).waitFor();
    expect(await card.getByRole('button').allTextContents()).toEqual(['End call']);
    await app.control.remote(await simCallHandle(), 'answer');
    await card.getByText('Connected', { exact: true }).waitFor();
    expect(
      await card
        .getByRole('group', { name: /^Actions/ })
        .getByRole('button')
        .allTextContents(),
    ).toEqual(['Hold', 'Mute', 'Transfer', 'Keypad', 'End call']);
  });

  it('holds and resumes', async () => {
    const card = app.page.getByRole('article', { name: /^Call with/ });
    await card.getByRole('button', { name: 'Hold' }).click();
    await card.getByText('On hold', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Resume' }).click();
    await card.getByText('Connected', { exact: true }).waitFor();
  });

  it("shows the phone's refusal in words and leaves the call as it was", async () => {
    const card = app.page.getByRole('article', { name: /^Call with/ });
    await app.control.faults({ fail5000: { count: 1, paths: ['/api/v1/callctrl/holdCall'] } });
    await card.getByRole('button', { name: 'Hold' }).click();
    const alert = app.page.getByRole('alert').filter({ hasText: 'Hold failed:' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Hold failed: .+/);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    expect(await card.getByText('Connected', { exact: true }).isVisible()).toBe(true);
  });

  it('mutes and unmutes, as the phone reports it', async () => {
    const card = app.page.getByRole('article', { name: /^Call with/ });
    await card.getByRole('button', { name: 'Mute' }).click();
    await card.getByText('Muted', { exact: true }).waitFor();
    expect((await app.control.state()).muted).toBe(true);
    await card.getByRole('button', { name: 'Unmute' }).click();
    await card.getByRole('button', { name: 'Mute' }).waitFor();
    expect((await app.control.state()).muted).toBe(false);
  });

  it('sends DTMF tones from the in-call keypad', async () => {
    const card = app.page.getByRole('article', { name: /^Call with/ });
    await card.getByRole('button', { name: 'Keypad' }).click();
    const keypad = card.getByRole('group', { name: /^Tones for the call/ });
    for (const key of ['1', '2 ABC', '#'])
      await keypad.getByRole('button', { name: key, exact: true }).click();
    const state = await waitUntil(
      () => app.control.state(),
      (s) => s.calls[0]?.Dtmf === '12#',
    );
    expect(state.calls[0]?.Dtmf).toBe('12#');
  });

  it('transfers the call blind, and it leaves the list', async () => {
    const card = app.page.getByRole('article', { name: /^Call with/ });
    await card.getByRole('button', { name: 'Transfer' }).click();
    await card.getByRole('textbox', { name: 'Transfer to' }).fill('2002');
    await card.getByRole('button', { name: 'Transfer now' }).click();
    await app.page.getByText('Call transferred to 2002.').waitFor();
    await noCallsLeft();
  });

  it('ends a call', async () => {
    const card = await dial('1001');
    await card.getByText('Connected', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'End call' }).click();
    await noCallsLeft();
    expect(await simCallsLeft()).toEqual([]);
  });

  it('shows an incoming call in a banner and answers it', async () => {
    await app.control.ring('5550100', 'Grace Hopper');
    const banner = app.page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('Grace Hopper').waitFor();
    await banner.getByRole('button', { name: 'Answer' }).click();
    const card = app.page.getByRole('article', { name: 'Call with Grace Hopper' });
    await card.getByText('Connected', { exact: true }).waitFor();
    await banner.waitFor({ state: 'detached' });
    await card.getByRole('button', { name: 'End call' }).click();
    await noCallsLeft();
  });

  it('rejects another incoming call', async () => {
    await app.control.ring('5550111', 'Alan Turing');
    const banner = app.page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('Alan Turing').waitFor();
    await banner.getByRole('button', { name: 'Reject' }).click();
    await banner.waitFor({ state: 'detached' });
    await noCallsLeft();
    expect(await simCallsLeft()).toEqual([]);
  });

  it('drops a call from the list when the far end hangs up', async () => {
    const card = await dial('1001');
    await card.getByText('Connected', { exact: true }).waitFor();
    await app.control.remote(await simCallHandle(), 'hangup');
    await noCallsLeft();
  });

  it('asks before dialling a tel: link, then dials', async () => {
    const outcome = await app.core.requestDial('link', 'tel:+1-555-010-2000');
    expect(outcome).toEqual({ ok: true, value: 'confirm' });
    const dialog = app.page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /^Call / }).click();
    const card = app.page.getByRole('article', { name: /^Call with/ });
    await card.waitFor();
    const stats = await app.control.stats();
    expect(stats.dials.at(-1)?.destination).toContain('15550102000');
    await card.getByText('Connected', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'End call' }).click();
    await noCallsLeft();
  });
});
