import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { waitUntil } from './support/wait';

let app: E2eApp;

beforeAll(async () => {
  // The simulator's usual pace: a refused call shows on the phone for a second, as on real ones.
  app = await startE2eApp({ simulator: { farEndAnswerMs: 1500 } });
  await app.page.getByRole('textbox', { name: 'Number to dial' }).waitFor();
});
afterAll(async () => app?.close());

const liveCall = (name: string): Locator =>
  app.page.getByRole('article', { name: `Call with ${name}`, exact: true });
const endedCall = (name: string): Locator =>
  app.page.getByRole('article', { name: `Ended call with ${name}`, exact: true });

async function dial(number: string): Promise<void> {
  const field = app.page.getByRole('textbox', { name: 'Number to dial' });
  await field.fill(number);
  await field.press('Enter');
}

async function simCalls(count: number) {
  return (
    await waitUntil(
      () => app.control.state(),
      (state) => state.calls.length === count,
    )
  ).calls;
}

describe('calls that end by themselves, and ending a held call', () => {
  it.each([
    ['4861', 'Busy'],
    ['6031', 'Declined'],
    ['4041', 'Number not found'],
  ])('says why a call to %s failed, on its card and in History', async (number, reason) => {
    await dial(number);
    const card = endedCall(number);
    await card.getByText(reason, { exact: true }).waitFor();
    await app.page
      .getByRole('status')
      .filter({ hasText: `Call with ${number} ended: ${reason}.` })
      .waitFor();
    await card.getByRole('button', { name: 'Dismiss' }).click();
    await card.waitFor({ state: 'detached' });
    await app.page.getByRole('button', { name: 'History', exact: true }).click();
    const entry = app.page
      .getByRole('list', { name: 'Call history' })
      .getByRole('listitem')
      .filter({ hasText: number })
      .first();
    await entry.getByText(reason).waitFor();
    await app.page.getByRole('button', { name: 'Calls', exact: true }).click();
  });

  it('says the other side ended a connected call', async () => {
    await dial('2001');
    await liveCall('2001').getByText('Connected', { exact: true }).waitFor();
    await endedCall('2001').getByText('Ended by the other side', { exact: true }).waitFor();
    await app.page.getByText('No calls right now.').waitFor();
  });

  it('ends a held call in one press and leaves the other call talking', async () => {
    await dial('1001');
    await liveCall('1001').getByText('Connected', { exact: true }).waitFor();
    await dial('1002');
    await liveCall('1002').getByText('Connected', { exact: true }).waitFor();
    const held = liveCall('1001');
    await held.getByText('On hold', { exact: true }).waitFor();
    await held.getByRole('button', { name: 'End call' }).click();
    await held.waitFor({ state: 'detached' });
    expect(await app.page.getByText('Ending the call failed', { exact: false }).count()).toBe(0);
    const [left] = await simCalls(1);
    expect(left).toMatchObject({ RemotePartyNumber: '1002', CallState: 'Connected' });
    await liveCall('1002').getByText('Connected', { exact: true }).waitFor();
    await liveCall('1002').getByRole('button', { name: 'End call' }).click();
    await simCalls(0);
  });

  it('shows at once that the phone stopped answering during a call: the clock stops, the buttons wait', async () => {
    await dial('1003');
    const card = liveCall('1003');
    await card.getByText('Connected', { exact: true }).waitFor();
    await app.control.faults({ unreachableMs: 60_000 });
    await card.getByText(/The phone is not answering/).waitFor();
    const hold = card.getByRole('button', { name: 'Hold' });
    expect(await hold.isDisabled()).toBe(true);
    const duration = card.locator('.call-duration');
    const before = await duration.textContent();
    await app.page.waitForTimeout(2100);
    expect(await duration.textContent()).toBe(before);
    await app.control.faults({ unreachableMs: 0 });
    await card.getByText(/The phone is not answering/).waitFor({ state: 'detached' });
    expect(await hold.isEnabled()).toBe(true);
    await card.getByRole('button', { name: 'End call' }).click();
    await simCalls(0);
  });
});
