// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/app';
import { FleetView } from '../../src/renderer/features/fleet/fleet-view';
import type { FleetInventoryRow } from '../../src/shared/contract/fleet';
import { renderWithStores } from './support/render-app';
import {
  createTestCore,
  makeInventoryRow,
  makeSnapshot,
  startupAnswers,
  type TestCore,
} from './support/test-core';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ROWS: FleetInventoryRow[] = [
  makeInventoryRow({ phoneId: 'a', name: 'Alpha', firmware: '5.9.1', group: 'Sales' }),
  makeInventoryRow({
    phoneId: 'b',
    name: 'Bravo',
    firmware: '5.10.0',
    group: 'Reception',
    uptimeSeconds: 2 * 86_400 + 3 * 3600,
  }),
  makeInventoryRow({
    phoneId: 'c',
    name: 'Charlie',
    model: 'VVX411',
    firmware: '5.8.0',
    group: 'Sales',
    lines: [{ line: 1, address: '1003@pbx', registration: 'Unregistered' }],
  }),
  makeInventoryRow({
    phoneId: 'd',
    name: 'Delta',
    model: null,
    firmware: null,
    macAddress: null,
    lines: [],
    uptimeSeconds: null,
    problem: 'The phone does not answer: it may be off or unplugged.',
  }),
];

function fleetCore(rows: FleetInventoryRow[] = ROWS): TestCore {
  return createTestCore({
    ...startupAnswers([makeSnapshot()]),
    'fleet.inventory': () => ({ rows, cancelled: false }),
  });
}

async function openInventory(core: TestCore) {
  const rendered = renderWithStores(core, <FleetView />);
  const table = await screen.findByRole('table', { name: /^Phones, sorted by/ });
  return { ...rendered, table };
}

/** The phone names in the table's order. */
function names(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('fleet inventory', () => {
  it('opens on Alt+9 from anywhere, loaded when first shown', async () => {
    const core = fleetCore();
    renderWithStores(core, <App />);
    await screen.findByRole('textbox', { name: 'Number to dial' });
    expect(core.callsTo('fleet.inventory')).toEqual([]);
    fireEvent.keyDown(window, { key: '9', code: 'Digit9', altKey: true });
    expect(await screen.findByRole('heading', { name: 'Fleet', level: 1 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fleet' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('table', { name: /^Phones, sorted by/ })).toBeTruthy();
  });

  it('lists every phone with its details, a problem on its own row, and firmware per model', async () => {
    const { table } = await openInventory(fleetCore());
    expect(names(table)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    const bravo = within(table).getByRole('row', { name: /Bravo/ });
    expect(bravo.textContent).toContain('2 days, 3 hours');
    expect(bravo.textContent).toContain('1: 1001@pbx (Registered)');
    const delta = within(table).getByRole('row', { name: /Delta/ });
    expect(delta.textContent).toContain('The phone does not answer');
    expect(within(table).getByRole('row', { name: /Alpha/ }).textContent).not.toContain(
      'does not answer',
    );
    const summary = screen.getByRole('table', { name: 'Firmware by model' });
    expect(within(summary).getByRole('row', { name: /VVX601/ }).textContent).toContain(
      '5.10.0 (1 phone)',
    );
    expect(within(summary).getByRole('row', { name: /VVX411/ }).textContent).toContain(
      '5.8.0 (1 phone)',
    );
  });

  it('sorts by a column header, firmware versions number by number, and says so with aria-sort', async () => {
    const user = userEvent.setup();
    const { table } = await openInventory(fleetCore());
    const header = within(table).getByRole('columnheader', { name: 'Firmware' });
    expect(header.getAttribute('aria-sort')).toBeNull();
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    // 5.10.0 after 5.9.1, and a phone that could not be read last.
    expect(names(table)).toEqual(['Charlie', 'Alpha', 'Bravo', 'Delta']);
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(names(table)).toEqual(['Bravo', 'Alpha', 'Charlie', 'Delta']);
    expect(
      within(table).getByRole('columnheader', { name: 'Phone' }).getAttribute('aria-sort'),
    ).toBeNull();
  });

  it('filters by text and by group', async () => {
    const user = userEvent.setup();
    const { table } = await openInventory(fleetCore());
    await user.type(screen.getByRole('searchbox', { name: 'Filter phones' }), 'vvx411');
    await waitFor(() => expect(names(table)).toEqual(['Charlie']));
    await user.clear(screen.getByRole('searchbox', { name: 'Filter phones' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'Sales');
    await waitFor(() => expect(names(table)).toEqual(['Alpha', 'Charlie']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'No group');
    await waitFor(() => expect(names(table)).toEqual(['Delta']));
    expect(screen.getByText(/1 phone shown of 4/)).toBeTruthy();
  });

  it('selects rows one by one and every row the filter shows, keeping those it hides', async () => {
    const user = userEvent.setup();
    const { table, stores } = await openInventory(fleetCore());
    await user.click(within(table).getByRole('checkbox', { name: 'Select Bravo' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'Sales');
    await user.click(within(table).getByRole('checkbox', { name: 'Select all 2 phones shown' }));
    expect([...stores.fleet.getState().selected].sort()).toEqual(['a', 'b', 'c']);
    expect(screen.getByText(/3 selected/)).toBeTruthy();
    // Unticking "all" lets go of the shown rows only.
    await user.click(within(table).getByRole('checkbox', { name: 'Select all 2 phones shown' }));
    expect(stores.fleet.getState().selected).toEqual(['b']);
  });

  it('exports the filtered rows, in their order, to a CSV file', async () => {
    const user = userEvent.setup();
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return 'blob:inventory';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { table } = await openInventory(fleetCore());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'Sales');
    // Sorted by name already: one click turns it round.
    await user.click(
      within(within(table).getByRole('columnheader', { name: 'Phone' })).getByRole('button'),
    );
    await user.click(screen.getByRole('button', { name: 'Export 2 phones to CSV' }));

    expect(clicks).toHaveBeenCalledTimes(1);
    const link = clicks.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(/^deskpilot-inventory-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await files[0]?.text();
    const lines = (text ?? '').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toContain('Name');
    expect(lines.slice(1, 3).map((line) => line.split(',')[0])).toEqual(['Charlie', 'Alpha']);
    expect(lines).toHaveLength(4); // header, two rows, and the final line end
  });

  it('shows a thousand phones a hundred at a time, and filters across every page', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 1000 }, (_, index) =>
      makeInventoryRow({
        phoneId: `p${index}`,
        name: `Desk ${String(index + 1).padStart(4, '0')}`,
      }),
    );
    const { table } = await openInventory(fleetCore(many));
    expect(within(table).getAllByRole('rowheader')).toHaveLength(100);
    const pages = screen.getByRole('navigation', { name: 'Inventory pages' });
    expect(pages.textContent).toContain('Rows 1–100 of 1000');
    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(names(table)[0]).toBe('Desk 0101');
    await user.type(screen.getByRole('searchbox', { name: 'Filter phones' }), 'Desk 0999');
    await waitFor(() => expect(names(table)).toEqual(['Desk 0999']));
  });

  it('says in place why the inventory could not be read', async () => {
    const core = createTestCore({
      ...startupAnswers([makeSnapshot()]),
      'fleet.inventory': () => ({ code: 'internal', message: 'The core is closing.' }),
    });
    renderWithStores(core, <FleetView />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The inventory could not be read: The core is closing.',
    );
  });
});
