/**
 * Reads a CSV file into a header and rows, the way a spreadsheet user sees them: comma-,
 * semicolon-, tab- or pipe-separated, with or without a BOM, each row numbered as its line in a
 * spreadsheet (header = 1). Rows that cannot be matched to their columns (an unclosed quote, more
 * values than the header names) are set aside with the reason in words, never guessed at.
 */
import Papa from 'papaparse';

/** One readable row: its spreadsheet line and its values, one per header column at most. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  /** Readable rows that hold at least one value (blank rows are left out). */
  rows: CsvRow[];
  /** Rows that could not be read, each with its line and the reason. */
  broken: { line: number; reason: string }[];
}

/** Why a row cannot be read safely, or null: an unclosed quote, or more values than columns. */
function rowProblem(row: string[], columns: number, unclosedQuote: boolean): string | null {
  if (unclosedQuote) return 'the row has an unclosed quote and could not be read';
  if (row.length <= columns) return null;
  // Even an empty extra value may be a comma that moved the others: reading the row anyway
  // could put its values under the wrong columns.
  return `the row has ${row.length} values but the header names ${columns} columns, so its values cannot be matched to their columns (a comma inside a value that is not in quotes?)`;
}

/** Splits CSV text into its header and rows (the caller bounds the text's size first). */
export function readCsvTable(content: string): CsvTable {
  // Empty lines are kept while parsing, so each row's number is its line in a spreadsheet.
  const parsed = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const [headers = [], ...rows] = parsed.data;
  const unclosed = new Set(
    parsed.errors
      .filter((error) => error.type === 'Quotes' && error.row !== undefined)
      .map((error) => error.row),
  );
  const table: CsvTable = { headers, rows: [], broken: [] };
  rows.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((value) => value.trim() === '')) return;
    const problem = rowProblem(cells, headers.length, unclosed.has(index + 1));
    if (problem === null) table.rows.push({ line, cells });
    else table.broken.push({ line, reason: problem });
  });
  return table;
}

/** A header as compared: trimmed, lower-case, inner spaces as one. */
export function normalisedHeader(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, ' ');
}
