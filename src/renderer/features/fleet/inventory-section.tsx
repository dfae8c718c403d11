import { useDeferredValue, useMemo, useState } from 'react';
import { groupNames } from '../../lib/phone-groups';
import type { FleetInventoryRow } from '../../../shared/contract/fleet';
import { firmwareSummary, inventoryCsv } from '../../../shared/fleet-inventory';
import { count } from '../../lib/count';
import { saveTextFile } from '../../lib/save-text-file';
import { useAppStore, useStores } from '../../stores/stores-context';
import { InventoryTable } from './inventory-rows';
import { ANY_GROUP, filterRows, NO_GROUP, sortRows, type InventorySort } from './inventory-table';
import { JobProgress } from './job-progress';

/** The group filter as an option's value: any text may be a group's name, so names are prefixed. */
function optionOf(group: string | null): string {
  if (group === ANY_GROUP) return 'any';
  return group === NO_GROUP ? 'none' : `group:${group}`;
}

function groupOf(option: string): string | null {
  if (option === 'any') return ANY_GROUP;
  return option === 'none' ? NO_GROUP : option.slice('group:'.length);
}

/** The file name of an export: the day it was made, so several exports sort by date. */
function exportFileName(now: Date): string {
  return `deskpilot-inventory-${now.toISOString().slice(0, 10)}.csv`;
}

/** The summary's counts by model, each model's versions in the summary's order. */
function byModel(rows: readonly FleetInventoryRow[]) {
  const models = new Map<string, { firmware: string; phones: number }[]>();
  for (const { model, firmware, phones } of firmwareSummary(rows)) {
    models.set(model, [...(models.get(model) ?? []), { firmware, phones }]);
  }
  return [...models].map(([model, versions]) => ({ model, versions }));
}

function FirmwareSummary({ rows }: { rows: readonly FleetInventoryRow[] }) {
  const summary = byModel(rows);
  return (
    <table className="admin-table fleet-summary">
      <caption>Firmware by model</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Firmware versions</th>
        </tr>
      </thead>
      <tbody>
        {summary.map(({ model, versions }) => (
          <tr key={model}>
            <th scope="row">{model}</th>
            <td>
              {versions
                .map(({ firmware, phones }) => `${firmware} (${count(phones, 'phone')})`)
                .join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Every phone's model, firmware, MAC address, address, group, lines and uptime, or why it could
 * not be read: sorted by any column, filtered by text and group, chosen for a change or a
 * restart, and exported to CSV as filtered.
 */
export function InventorySection() {
  const stores = useStores();
  const inventory = useAppStore('fleet', (state) => state.inventory);
  const error = useAppStore('fleet', (state) => state.errors.inventory);
  const reading = useAppStore('fleet', (state) => state.jobs.inventory !== null);
  const selected = useAppStore('fleet', (state) => state.selected);
  const [text, setText] = useState('');
  const [group, setGroup] = useState<string | null>(ANY_GROUP);
  const [sort, setSort] = useState<InventorySort>({ column: 'name', direction: 'ascending' });
  // Typing stays smooth with thousands of rows: the table follows the text a moment later.
  const deferredText = useDeferredValue(text);
  const rows = useMemo(() => inventory?.rows ?? [], [inventory]);
  const shown = useMemo(
    () => sortRows(filterRows(rows, deferredText, group), sort),
    [rows, deferredText, group, sort],
  );
  const groups = useMemo(() => groupNames(rows), [rows]);
  const store = stores.fleet.getState();

  const exportShown = () =>
    saveTextFile(
      exportFileName(new Date()),
      // The byte-order mark makes Excel read the file as UTF-8, so accented names survive.
      `\uFEFF${inventoryCsv(shown)}`,
      'text/csv;charset=utf-8',
    );

  return (
    <div className="admin-section">
      <div className="admin-actions">
        <button type="button" disabled={reading} onClick={() => void store.loadInventory()}>
          {reading ? 'Reading the phones…' : 'Read the inventory again'}
        </button>
        <button type="button" disabled={shown.length === 0} onClick={exportShown}>
          Export {count(shown.length, 'phone')} to CSV
        </button>
      </div>
      <JobProgress task="inventory" />
      {error && (
        <p className="report report-problem" role="alert">
          The inventory could not be read: {error}
        </p>
      )}
      {inventory?.cancelled && (
        <p className="report report-warning" role="status">
          Reading was cancelled: the table holds the {count(rows.length, 'phone')} read before.
        </p>
      )}
      {inventory !== null && rows.length === 0 && (
        <p className="empty">No phones yet. Add them in Phones, or import a CSV file.</p>
      )}
      {rows.length > 0 && (
        <>
          <FirmwareSummary rows={rows} />
          <div className="search-bar" role="search" aria-label="Filter the inventory">
            <label>
              Filter phones
              <input
                type="search"
                value={text}
                placeholder="Name, model, firmware, MAC, address, line…"
                onChange={(event) => setText(event.target.value)}
              />
            </label>
            <label>
              Group
              <select
                value={optionOf(group)}
                onChange={(event) => setGroup(groupOf(event.target.value))}
              >
                <option value={optionOf(ANY_GROUP)}>Every group</option>
                {groups.map((name) => (
                  <option key={name} value={optionOf(name)}>
                    {name}
                  </option>
                ))}
                <option value={optionOf(NO_GROUP)}>No group</option>
              </select>
            </label>
          </div>
          <div className="fleet-selection">
            <p role="status">
              {count(shown.length, 'phone')} shown of {rows.length}, {selected.length} selected.
            </p>
            {selected.length > 0 && (
              <button type="button" className="quiet" onClick={() => store.setSelected([])}>
                Clear selection
              </button>
            )}
          </div>
          {shown.length === 0 ? (
            <p className="empty">No phone matches this filter.</p>
          ) : (
            <InventoryTable
              rows={shown}
              sort={sort}
              onSort={setSort}
              selected={selected}
              onSelect={store.setSelected}
              resetKey={`${deferredText}|${group}|${sort.column}|${sort.direction}`}
            />
          )}
        </>
      )}
    </div>
  );
}
