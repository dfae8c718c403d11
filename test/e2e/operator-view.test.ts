/**
 * The operator view with fifty phones in two groups, as a receptionist uses it: every phone on
 * one screen, a ring lighting its tile, Answer on the tile connecting the call on the phone
 * itself, and the group filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simControl } from './support/sim-control';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { saveScreenshot } from './support/screenshots';
import { waitUntil } from './support/wait';

const PHONES = 50;
const groupOf = (index: number) => (index < PHONES / 2 ? 'Reception' : 'Sales');

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp({
    simulator: { phones: PHONES },
    fleet: {
      name: (index) => `${groupOf(index)} ${String((index % (PHONES / 2)) + 1).padStart(2, '0')}`,
      group: groupOf,
    },
  });
  await app.page.getByRole('navigation', { name: 'Main' }).waitFor();
  await app.page.keyboard.press('Alt+Digit8');
  await app.page.getByRole('heading', { name: 'Operator', level: 1 }).waitFor();
}, 60_000);
afterAll(async () => app?.close());

describe('the operator view', { timeout: 60_000 }, () => {
  it('shows all fifty phones in a 1280×800 window without scrolling', async () => {
    const { page } = app;
    await expect
      .poll(() => page.getByTestId('operator-count').textContent())
      .toBe('Showing 50 of 50 phones');
    const tiles = page.locator('[data-phone-id]');
    expect(await tiles.count()).toBe(PHONES);
    // Every phone has connected: no tile still says it is connecting.
    await expect.poll(() => page.locator('[data-state="connecting"]').count()).toBe(0);
    const layout = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('[data-phone-id]')].map((tile) =>
        tile.getBoundingClientRect(),
      );
      const scroller = document.querySelector('.operator-scroller');
      return {
        inside: boxes.every(
          (box) => box.top >= 0 && box.left >= 0 && box.bottom <= 800 && box.right <= 1280,
        ),
        pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
        gridScrolls: scroller !== null && scroller.scrollHeight > scroller.clientHeight,
      };
    });
    expect(layout).toEqual({ inside: true, pageScrolls: false, gridScrolls: false });
  });

  it('lights the tile of a ringing phone, and Answer there connects the call on the phone', async () => {
    const { page } = app;
    const ringing = app.sim.phones[31];
    if (!ringing) throw new Error('no 32nd phone');
    const control = simControl(ringing, app.sim.controlToken);
    await control.ring('5550177', 'Grace Hopper');
    const tile = page.locator('[data-state="ringing"]');
    await tile.waitFor();
    expect(await tile.count()).toBe(1);
    expect(await tile.getAttribute('aria-label')).toBe('Sales 07, Ringing, from Grace Hopper');
    const answer = tile.getByRole('button', { name: 'Answer' });
    expect(await answer.isVisible()).toBe(true);
    await saveScreenshot(page, 'operator-light');

    const phoneId = await tile.getAttribute('data-phone-id');
    await answer.click();
    const state = await waitUntil(
      () => control.state(),
      (now) => now.calls[0]?.CallState === 'Connected',
    );
    expect(state.calls).toHaveLength(1);
    const answered = page.locator(`[data-phone-id="${phoneId}"]`);
    await expect.poll(() => answered.getAttribute('data-state')).toBe('in-call');
    await answered.getByRole('button', { name: 'End call' }).click();
    await waitUntil(
      () => control.state(),
      (now) => now.calls.length === 0,
    );
  });

  it('shows one group when it is chosen, and remembers the choice across views', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Sales' });
    await expect
      .poll(() => page.getByTestId('operator-count').textContent())
      .toBe('Showing 25 of 50 phones');
    expect(await page.locator('[data-phone-id]').count()).toBe(25);
    await page.keyboard.press('Alt+Digit1');
    await page.keyboard.press('Alt+Digit8');
    await expect
      .poll(() => page.getByTestId('operator-count').textContent())
      .toBe('Showing 25 of 50 phones');
  });
});
