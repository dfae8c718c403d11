/**
 * Pure helpers over a fleet inventory that the window and the CLI both show: the firmware
 * versions per model, and the inventory as a CSV file a spreadsheet opens safely.
 */
import type { FleetInventoryRow } from './contract/fleet';

/** How many phones of one model run one firmware version. */
export interface FirmwareCount {
  model: string;
  firmware: string;
  phones: number;
}

/** What a phone that could not be read, or did not say, is counted under. */
export const UNKNOWN = 'unknown';

/**
 * Firmware versions per model, counted: models in alphabetical order, each model's versions
 * from most to fewest phones (so the odd one out stands out at the end). Phones that could not
 * be read count under "unknown".
 */
export function firmwareSummary(rows: readonly FleetInventoryRow[]): FirmwareCount[] {
  const counts = new Map<string, FirmwareCount>();
  for (const row of rows) {
    const model = row.model ?? UNKNOWN;
    const firmware = row.firmware ?? UNKNOWN;
    const key = `${model}\u0000${firmware}`;
    const count = counts.get(key);
    if (count === undefined) counts.set(key, { model, firmware, phones: 1 });
    else count.phones += 1;
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.model.localeCompare(b.model) ||
      b.phones - a.phones ||
      a.firmware.localeCompare(b.firmware, undefined, { numeric: true }),
  );
}

/**
 * One CSV cell: quoted when it holds a quote, separator or line break, and — as spreadsheet
 * software runs a cell starting with = + - @ (or a tab or carriage return) as a formula — such a
 * cell is prefixed with an apostrophe, so a phone's answer can never run in the admin's sheet.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const INVENTORY_COLUMNS = [
  'Name',
  'Group',
  'Address',
  'Model',
  'Firmware',
  'MAC address',
  'Uptime (seconds)',
  'Lines',
  'Problem',
] as const;

/** "1: 1011 Registered; 2: 1012 Unregistered". */
export function linesText(row: FleetInventoryRow): string {
  return row.lines
    .map((line) => `${line.line}: ${line.address || '(no address)'} ${line.registration}`.trim())
    .join('; ');
}

/** The inventory as CSV text (header first, CRLF line ends as RFC 4180 has them). */
export function inventoryCsv(rows: readonly FleetInventoryRow[]): string {
  const lines = rows.map((row) =>
    [
      row.name,
      row.group,
      row.url,
      row.model,
      row.firmware,
      row.macAddress,
      row.uptimeSeconds,
      linesText(row),
      row.problem,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[INVENTORY_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
