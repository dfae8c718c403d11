// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app';
import { OperatorView } from '../../src/renderer/features/operator/operator-view';
import type { PhoneSnapshot } from '../../src/shared/domain';
import { renderWithStores } from './support/render-app';
import { createTestCore, makeCall, makeSnapshot, startupAnswers } from './support/test-core';

afterEach(cleanup);

/** A phone `id` named `name` in `group`, with `overrides` (calls, status) on top. */
function phone(
  id: string,
  name: string,
  group: string | null,
  overrides: Partial<PhoneSnapshot> = {},
): PhoneSnapshot {
  const base = makeSnapshot();
  return {
    ...base,
    info: { ...base.info, id, name, group },
    status: { ...base.status, phoneId: id },
    ...overrides,
  };
}

const ringingCall = (handle: string, remoteName: string, durationSeconds = 3) =>
  makeCall({ handle, state: 'Offering', direction: 'Incoming', remoteName, durationSeconds });

function floor(): PhoneSnapshot[] {
  const unreachable = makeSnapshot().status;
  return [
    phone('r1', 'Reception 1', 'Reception', { calls: [ringingCall('0xa1', 'Ada Lovelace')] }),
    phone('r2', 'Reception 2', 'Reception', { calls: [makeCall({ handle: '0xa2' })] }),
    phone('s1', 'Sales 1', 'Sales'),
    phone('s2', 'Sales 2', 'Sales', {
      status: { ...unreachable, phoneId: 's2', health: 'unreachable', message: 'Not answering' },
    }),
    phone('x1', 'Lobby', null),
  ];
}

/** Opens the operator view over `phones` with Alt+8; returns the core and the stores. */
async function openOperator(phones: PhoneSnapshot[], answers = {}) {
  const core = createTestCore({ ...startupAnswers(phones), ...answers });
  const rendered = renderWithStores(core, <App />);
  await screen.findByRole('navigation', { name: 'Main' });
  fireEvent.keyDown(window, { key: '8', code: 'Digit8', altKey: true });
  await screen.findByRole('heading', { name: 'Operator', level: 1 });
  return { core, ...rendered };
}

const count = () => screen.getByTestId('operator-count').textContent;
const tile = (id: string) => {
  const found = document.querySelector<HTMLElement>(`[data-phone-id="${id}"]`);
  if (!found) throw new Error(`no tile for ${id}`);
  return found;
};
const tileIds = () =>
  [...document.querySelectorAll<HTMLElement>('[data-phone-id]')].map(
    (item) => item.dataset.phoneId,
  );

describe('the operator view', () => {
  it('shows each phone with its state, lines and call, naming the caller of a ringing one', async () => {
    await openOperator(floor());
    expect(count()).toBe('Showing 5 of 5 phones');
    expect(tile('r1').dataset.state).toBe('ringing');
    expect(tile('r2').dataset.state).toBe('in-call');
    expect(tile('s1').dataset.state).toBe('idle');
    expect(tile('s2').dataset.state).toBe('offline');
    expect(tile('r1').getAttribute('aria-label')).toBe('Reception 1, Ringing, from Ada Lovelace');
    expect(tile('r2').getAttribute('aria-label')).toBe('Reception 2, Connected, with Ada Lovelace');
    expect(within(tile('s1')).getByText('1/2 lines')).toBeTruthy();
    expect(within(tile('s2')).getByText('Not answering')).toBeTruthy();
    expect(within(tile('r1')).getByRole('button', { name: 'Answer' })).toBeTruthy();
    expect(within(tile('r2')).getByRole('button', { name: 'Hold' })).toBeTruthy();
  });

  it('filters by name, state and group, and says so when nothing matches', async () => {
    const user = userEvent.setup();
    const { stores } = await openOperator(floor());
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'sales');
    expect(count()).toBe('Showing 2 of 5 phones');
    expect(tileIds()).toEqual(['s1', 's2']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Offline');
    expect(tileIds()).toEqual(['s2']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Ringing');
    expect(count()).toBe('Showing 0 of 5 phones');
    expect(screen.getByText('No phone matches the search and filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show all phones' }));
    expect(count()).toBe('Showing 5 of 5 phones');

    const group = screen.getByRole('combobox', { name: 'Group' });
    expect(
      within(group)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All groups', 'Reception', 'Sales', 'No group']);
    await user.selectOptions(group, 'Reception');
    expect(tileIds()).toEqual(['r1', 'r2']);
    await user.selectOptions(group, 'No group');
    expect(tileIds()).toEqual(['x1']);
    // The choice is the window's: it is still there after another view.
    expect(stores.ui.getState().operatorGroup).toEqual({ kind: 'none' });
  });

  it('says there are no phones in words', async () => {
    renderWithStores(createTestCore(startupAnswers([])), <OperatorView />);
    expect(
      await screen.findByText(
        'No phones yet. Add them under Phones, and each one gets a tile here.',
      ),
    ).toBeTruthy();
    expect(count()).toBe('Showing 0 of 0 phones');
  });

  it('answers, holds and ends from the tiles, showing a refusal on its own tile only', async () => {
    const user = userEvent.setup();
    const { core } = await openOperator(floor(), {
      'calls.answer': () => null,
      'calls.hold': () => ({ code: 'phone-refused', message: 'The phone is busy' }),
    });
    await user.click(within(tile('r1')).getByRole('button', { name: 'Answer' }));
    expect(core.callsTo('calls.answer')).toEqual([{ phoneId: 'r1', handle: '0xa1' }]);
    await user.click(within(tile('r2')).getByRole('button', { name: 'Hold' }));
    expect(core.callsTo('calls.hold')).toEqual([{ phoneId: 'r2', handle: '0xa2' }]);
    expect((await within(tile('r2')).findByRole('alert')).textContent).toBe(
      'Hold failed: The phone is busy',
    );
    expect(within(tile('r1')).queryByRole('alert')).toBeNull();
  });

  it('offers no Answer where the phone allows no call control', async () => {
    const base = makeSnapshot().status;
    await openOperator([
      phone('r1', 'Reception 1', null, {
        calls: [ringingCall('0xa1', 'Ada')],
        status: { ...base, phoneId: 'r1', missing: ['call-control'] },
      }),
    ]);
    expect(tile('r1').dataset.state).toBe('ringing');
    expect(within(tile('r1')).queryByRole('button', { name: 'Answer' })).toBeNull();
  });

  it('puts a phone in a group from its tile', async () => {
    const user = userEvent.setup();
    const { core } = await openOperator(floor(), {
      'phones.update': ({ phoneId, group }: { phoneId: string; group?: string | null }) => ({
        ...makeSnapshot().info,
        id: phoneId,
        name: 'Lobby',
        group: group ?? null,
      }),
    });
    await user.click(within(tile('x1')).getByRole('button', { name: 'More for Lobby' }));
    const panel = screen.getByRole('dialog', { name: 'Lobby: calls and group' });
    await user.type(within(panel).getByRole('combobox', { name: 'Group' }), 'Sales');
    await user.click(within(panel).getByRole('button', { name: 'Save group' }));
    expect(core.callsTo('phones.update')).toEqual([{ phoneId: 'x1', group: 'Sales' }]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'Sales');
    expect(tileIds()).toEqual(['s1', 's2', 'x1']);
  });

  it('moves between tiles with the arrow keys and answers the focused one with Enter', async () => {
    const user = userEvent.setup();
    const { core } = await openOperator(floor(), { 'calls.answer': () => null });
    tile('r2').focus();
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tile('r1'));
    // Only the current tile is in the Tab order.
    expect(tile('r1').tabIndex).toBe(0);
    expect(tile('r2').tabIndex).toBe(-1);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(tile('x1'));
    await user.keyboard('{Home}{Enter}');
    expect(core.callsTo('calls.answer')).toEqual([{ phoneId: 'r1', handle: '0xa1' }]);
  });

  it('focuses the search with "/", clears it with Escape, and answers the longest-waiting caller with Alt+A', async () => {
    const user = userEvent.setup();
    const phones = [
      phone('a', 'Front', null, { calls: [ringingCall('0x1', 'Newer', 2)] }),
      phone('b', 'Back', null, { calls: [ringingCall('0x2', 'Older', 30)] }),
    ];
    const { core } = await openOperator(phones, { 'calls.answer': () => null });
    tile('a').focus();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search' });
    expect(document.activeElement).toBe(search);
    await user.keyboard('Fr');
    expect(count()).toBe('Showing 1 of 2 phones');
    await user.keyboard('{Escape}');
    expect(count()).toBe('Showing 2 of 2 phones');
    fireEvent.keyDown(window, { key: 'a', code: 'KeyA', altKey: true });
    expect(core.callsTo('calls.answer')).toEqual([{ phoneId: 'b', handle: '0x2' }]);
  });

  it('draws only the tiles in sight of a thousand phones', async () => {
    const many = Array.from({ length: 1000 }, (_, index) =>
      phone(`p${index}`, `Desk ${index}`, index % 2 === 0 ? 'Even' : 'Odd'),
    );
    await openOperator(many);
    expect(count()).toBe('Showing 1000 of 1000 phones');
    const drawn = tileIds().length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(100);
    // End reaches the last phone: the grid scrolls it into being.
    tile('p0').focus();
    fireEvent.keyDown(tile('p0'), { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(tile('p999')));
  });
});

describe('groups in the phone form', () => {
  it('offers the groups in use and saves the one typed, or none when emptied', async () => {
    const user = userEvent.setup();
    const core = createTestCore({
      ...startupAnswers(floor()),
      'phones.update': () => makeSnapshot().info,
    });
    renderWithStores(core, <App />);
    await user.click(
      within(await screen.findByRole('navigation', { name: 'Main' })).getByRole('button', {
        name: 'Phones',
      }),
    );
    await user.click(screen.getAllByRole('button', { name: 'Edit' })[0] as HTMLElement);
    const group = screen.getByRole('combobox', { name: 'Group' });
    expect((group as HTMLInputElement).value).toBe('Reception');
    const offered = document.getElementById(group.getAttribute('list') ?? '');
    expect([...(offered?.querySelectorAll('option') ?? [])].map((option) => option.value)).toEqual([
      'Reception',
      'Sales',
    ]);
    await user.clear(group);
    await user.click(screen.getByRole('button', { name: 'Save phone' }));
    await waitFor(() =>
      expect(core.callsTo('phones.update')).toEqual([expect.objectContaining({ group: null })]),
    );
  });
});
