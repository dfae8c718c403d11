import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { phoneControl } from '../../src/simulator';
import { expectAccessible } from './support/accessibility-audit';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

/** `m:ss`, as the window shows a duration under an hour. */
const shown = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

async function show(page: Page, view: 'Calls' | 'History' | 'Phones'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view }).click();
}

/** The calls view of `phone` (by its name in the phone picker). */
async function showPhone(page: Page, phone: string): Promise<void> {
  await show(page, 'Calls');
  await page.locator('.phone-picker select').selectOption({ label: phone });
}

const callCard = (page: Page): Locator => page.getByRole('article', { name: /^Call with/ });

/** The call card under one phone's name (the Calls view shows every phone's calls). */
const callCardOn = (page: Page, phone: string): Locator =>
  page
    .getByRole('region', { name: phone, exact: true })
    .getByRole('article', { name: /^Call with/ });

describe('two simulated phones calling each other through the app (vvx-6)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp({ simulator: { phones: 2, dialect: 'vvx-6', farEndAnswerMs: 600 } });
    await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('adds the second phone from the Phones view', async () => {
    const { page, sim } = app;
    const second = sim.phones[1];
    if (!second) throw new Error('no second phone');
    await show(page, 'Phones');
    await page.getByRole('button', { name: 'Add a phone' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Front desk');
    await page.getByLabel('Address').fill(new URL(second.url).host);
    await page.getByRole('radio', { name: 'HTTP', exact: true }).check();
    await page.getByLabel('User name').fill(second.username);
    await page.getByLabel('Password', { exact: true }).fill(second.adminPassword);
    await page.getByRole('button', { name: 'Add phone' }).click();
    await page.getByRole('article', { name: 'Front desk' }).waitFor();
  });

  it('rings the second phone when the first dials its extension, and both show the call', async () => {
    const { page } = app;
    await showPhone(page, 'Desk phone');
    // Phone 2's first line is extension 1021 (the simulator's numbering).
    await page.getByRole('textbox', { name: 'Number to dial' }).fill('1021');
    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    await callCard(page).getByText('Ringing', { exact: true }).waitFor();

    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText(/is calling from 1011 on Front desk/).waitFor();
    await banner.getByRole('button', { name: 'Answer' }).click();
    await banner.waitFor({ state: 'detached' });

    // Both phones' calls, each under its phone's name.
    const caller = callCardOn(page, 'Desk phone');
    const callee = callCardOn(page, 'Front desk');
    await caller.getByText('Connected', { exact: true }).waitFor();
    expect(await caller.getAttribute('aria-label')).toBe('Call with 1021');
    expect(await caller.locator('.call-meta').textContent()).toMatch(/^Outgoing/);
    await callee.getByText('Connected', { exact: true }).waitFor();
    expect(await callee.textContent()).toContain('1011');
    expect(await callee.locator('.call-meta').textContent()).toMatch(/^Incoming/);
  });

  it('shows a hold on one side as held by the other side on the other', async () => {
    const { page } = app;
    const callee = callCardOn(page, 'Front desk');
    await callee.getByRole('button', { name: 'Hold' }).click();
    await callee.getByText('On hold', { exact: true }).waitFor();
    await callCardOn(page, 'Desk phone')
      .getByText('Held by the other side', { exact: true })
      .waitFor();
    await callee.getByRole('button', { name: 'Resume' }).click();
    await callee.getByText('Connected', { exact: true }).waitFor();
  });

  it('clears the call on both phones when one side ends it', async () => {
    const { page, sim } = app;
    await callCardOn(page, 'Front desk').getByRole('button', { name: 'End call' }).click();
    await page.getByText('No calls right now.').waitFor();
    await page
      .getByRole('article', { name: 'Ended call with 1021' })
      .getByText('Ended by the other side')
      .waitFor();
    for (const phone of sim.phones) {
      const state = await waitUntil(
        () => phoneControl(phone, sim.controlToken).state(),
        (snapshot) => snapshot.calls.length === 0,
      );
      expect(state.calls).toEqual([]);
    }
  });
});

describe('History of a phone on UC Software 5.x (vvx-5)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp({ simulator: { dialect: 'vvx-5', farEndAnswerMs: 300 } });
    await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('shows each call with the real duration the phone logged in words', async () => {
    const { page, control } = app;
    await page.getByRole('textbox', { name: 'Number to dial' }).fill('5551234');
    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    await callCard(page).getByText('Connected', { exact: true }).waitFor();
    await waitUntil(
      () => control.state(),
      (state) => Number(state.calls[0]?.DurationSeconds ?? 0) >= 3,
    );
    await callCard(page).getByRole('button', { name: 'End call' }).click();
    await page.getByText('No calls right now.').waitFor();

    const state = await waitUntil(
      () => control.state(),
      (snapshot) => snapshot.logs.placed.length === 1,
    );
    const logged = state.logs.placed[0]?.durationSeconds ?? 0;
    expect(logged).toBeGreaterThanOrEqual(3);
    // What the phone itself answers: a capitalised list and the duration in words.
    const { simPhone } = app;
    const basic = Buffer.from(`${simPhone.username}:${simPhone.adminPassword}`).toString('base64');
    const answer = await fetch(`${simPhone.url}/api/v1/mgmt/callLogs`, {
      headers: { authorization: `Basic ${basic}` },
    });
    expect(await answer.json()).toMatchObject({
      data: { Placed: [{ RemotePartyNumber: '5551234', Duration: `${logged} secs` }] },
    });

    await show(page, 'History');
    const entry = page.getByRole('list', { name: 'Call history' }).getByRole('listitem').first();
    await entry.getByText('5551234', { exact: false }).first().waitFor();
    expect(await entry.textContent()).toMatch(/Placed · 5551234 · .* · line 1/);
    expect(await entry.textContent()).toContain(` · ${shown(logged)}`);
  });
});

describe('a Poly Edge E350 (edge): no call control', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp({ simulator: { dialect: 'edge' } });
    await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('says so in words when dialling, then where dialling would be, and still shows calls', async () => {
    const { page, control } = app;
    await page.getByRole('textbox', { name: 'Number to dial' }).fill('5551234');
    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    await page
      .getByText(
        'Dialling failed: This phone does not offer call control through its REST API: dial, answer, hold and end calls on the phone itself.',
        { exact: false },
      )
      .waitFor();
    const note = page.locator('#no-call-control');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^This phone does not offer call control/);
    expect(await page.getByRole('button', { name: 'Dial', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByText(/REST API is (disabled|turned off)/).count()).toBe(0);

    await control.ring('5550100', 'Grace Hopper');
    const banner = page.getByRole('region', { name: 'Incoming calls' });
    await banner.getByText('Answer it on the phone itself.').waitFor();
    expect(await banner.getByRole('button').count()).toBe(0);
    const card = page.getByRole('article', { name: 'Call with Grace Hopper' });
    await card.getByText('Ringing', { exact: true }).waitFor();
    expect(await card.getByRole('button').count()).toBe(0);
    expect((await control.stats()).dials).toEqual([]);
    await expectAccessible(page, 'Calls, a phone without call control, a call ringing in');
  });
});
