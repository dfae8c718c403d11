/**
 * Writing CSV that spreadsheets open as the user expects (RFC 4180): cells with a comma, quote
 * or line break are quoted, quotes doubled, lines end in CRLF. A cell that a spreadsheet would
 * run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, so a phone's name or a value read from a phone can never run code on the machine
 * of whoever opens the export (CSV injection).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as CSV text, neutralised and quoted where needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  // A number is data the writer produced, never a formula: "-3" stays a negative number.
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole table (header row first) as CSV text, each line ending in CRLF. */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
