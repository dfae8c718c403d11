/**
 * The inventory table's rules, apart from its markup: its columns, how each sorts, and the
 * filter (the firmware summary and the CSV export are shared with the CLI: shared/fleet-inventory).
 */
import type { FleetInventoryRow } from '../../../shared/contract/fleet';
import { describeUptime } from '../../lib/call-duration';

export type InventoryColumn =
  'name' | 'model' | 'firmware' | 'mac' | 'url' | 'group' | 'lines' | 'uptime' | 'problem';

export const INVENTORY_COLUMNS: readonly { id: InventoryColumn; title: string }[] = [
  { id: 'name', title: 'Phone' },
  { id: 'model', title: 'Model' },
  { id: 'firmware', title: 'Firmware' },
  { id: 'mac', title: 'MAC address' },
  { id: 'url', title: 'Address' },
  { id: 'group', title: 'Group' },
  { id: 'lines', title: 'Lines' },
  { id: 'uptime', title: 'Uptime' },
  { id: 'problem', title: 'Problem' },
];

export interface InventorySort {
  column: InventoryColumn;
  direction: 'ascending' | 'descending';
}

/** The group filter's value for phones in no group (a group name is never empty). */
export const NO_GROUP = '';
/** The group filter's value for every phone. */
export const ANY_GROUP = null;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function registeredCount(row: FleetInventoryRow): number {
  return row.lines.filter((line) => line.registration === 'Registered').length;
}

/** What a column sorts by; null (not read from the phone) sorts last either way. */
function sortValue(row: FleetInventoryRow, column: InventoryColumn): string | number | null {
  switch (column) {
    case 'name':
      return row.name;
    case 'model':
      return row.model;
    case 'firmware':
      return row.firmware;
    case 'mac':
      return row.macAddress;
    case 'url':
      return row.url;
    case 'group':
      return row.group;
    case 'lines':
      // Registered lines first, then the number of lines.
      return row.lines.length === 0 ? null : registeredCount(row) * 1000 + row.lines.length;
    case 'uptime':
      return row.uptimeSeconds;
    case 'problem':
      return row.problem;
  }
}

function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : collator.compare(String(a), String(b));
}

/** The rows in the column's order (firmware versions compare number by number), names breaking ties. */
export function sortRows(
  rows: readonly FleetInventoryRow[],
  { column, direction }: InventorySort,
): FleetInventoryRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, column);
    const right = sortValue(b, column);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else {
      const order = compareValues(left, right);
      if (order !== 0) return sign * order;
    }
    return collator.compare(a.name, b.name);
  });
}

/** Whether a row holds the typed text anywhere a person would look for it. */
function matchesText(row: FleetInventoryRow, needle: string): boolean {
  const fields = [
    row.name,
    row.model,
    row.firmware,
    row.macAddress,
    row.url,
    row.group,
    row.problem,
    ...row.lines.map((line) => line.address),
  ];
  return fields.some((field) => field !== null && field.toLowerCase().includes(needle));
}

/** The rows that match the typed text and the chosen group (ANY_GROUP, NO_GROUP or a name). */
export function filterRows(
  rows: readonly FleetInventoryRow[],
  text: string,
  group: string | null,
): FleetInventoryRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (group === ANY_GROUP || (row.group ?? NO_GROUP) === group) &&
      (needle === '' || matchesText(row, needle)),
  );
}

export function uptimeInWords(row: FleetInventoryRow): string {
  return row.uptimeSeconds === null ? '' : describeUptime(row.uptimeSeconds);
}
