/**
 * Reads contact CSV exports (Outlook, Google Contacts old and new layouts, and simple
 * "Name,Phone" sheets, comma- or semicolon-separated, with or without a BOM) into
 * ImportedRecords. Columns are recognised by their header, so column order never matters.
 */
import { normalisedHeader, readCsvTable } from '../ground/csv-table';
import { DeskpilotError } from '../ground/deskpilot-error';
import type { ImportedFile, ImportedRecord } from './imported-record';

type NamePart = 'full' | 'prefix' | 'given' | 'middle' | 'family' | 'suffix';

interface Columns {
  name: Partial<Record<NamePart, number>>;
  company: number | undefined;
  /** Each phone column and where its label comes from: a fixed word or a sibling label column. */
  phones: { index: number; label: string; labelColumn: number | undefined }[];
}

const NAME_HEADERS: Record<string, NamePart> = {
  name: 'full',
  'full name': 'full',
  'display name': 'full',
  title: 'prefix',
  'name prefix': 'prefix',
  'first name': 'given',
  'given name': 'given',
  'middle name': 'middle',
  'additional name': 'middle',
  'last name': 'family',
  'family name': 'family',
  surname: 'family',
  suffix: 'suffix',
  'name suffix': 'suffix',
};
const COMPANY_HEADERS = new Set([
  'company',
  'organization',
  'organisation',
  'organization name',
  'organization 1 - name',
  'company name',
]);
/** Phone columns of Outlook-style layouts, recognised by a word in the header. */
const PHONE_HEADER = /phone|mobile|fax|pager|callback|telephone|\btel\b|cell/;
const LABEL_WORDS: [RegExp, string][] = [
  [/mobile|cell/, 'mobile'],
  [/fax/, 'fax'],
  [/business|work|company|office/, 'work'],
  [/home/, 'home'],
  [/pager/, 'pager'],
  [/car/, 'car'],
];

function labelFromHeader(header: string): string {
  return LABEL_WORDS.find(([pattern]) => pattern.test(header))?.[1] ?? 'phone';
}

function classifyColumns(headers: string[]): Columns {
  const normalised = headers.map(normalisedHeader);
  const columns: Columns = { name: {}, company: undefined, phones: [] };
  normalised.forEach((header, index) => {
    // Google: "Phone 1 - Value" with "Phone 1 - Label" (new) or "Phone 1 - Type" (old) beside it.
    const google = /^phone (\d+) - value$/.exec(header);
    const namePart = NAME_HEADERS[header];
    if (google) {
      const labelIndex = normalised.findIndex(
        (other) => other === `phone ${google[1]} - label` || other === `phone ${google[1]} - type`,
      );
      columns.phones.push({
        index,
        label: 'phone',
        labelColumn: labelIndex < 0 ? undefined : labelIndex,
      });
    } else if (namePart !== undefined) {
      columns.name[namePart] ??= index;
    } else if (COMPANY_HEADERS.has(header)) {
      columns.company ??= index;
    } else if (PHONE_HEADER.test(header) && !/label|type|yomi|- /.test(header)) {
      columns.phones.push({ index, label: labelFromHeader(header), labelColumn: undefined });
    }
  });
  return columns;
}

function cell(row: string[], index: number | undefined): string {
  return index === undefined ? '' : (row[index] ?? '').trim();
}

function readRow(row: string[], columns: Columns, record: number): ImportedRecord {
  const part = (name: NamePart) => cell(row, columns.name[name]);
  const composed = [part('prefix'), part('given'), part('middle'), part('family'), part('suffix')]
    .filter((piece) => piece !== '')
    .join(' ');
  const company = cell(row, columns.company);
  const numbers = columns.phones.flatMap(({ index, label, labelColumn }) => {
    // Google puts a "* " before the primary label and joins several numbers with " ::: ".
    const givenLabel = cell(row, labelColumn).replace(/^\*\s*/, '');
    return cell(row, index)
      .split(':::')
      .map((number) => ({
        label: givenLabel === '' ? label : givenLabel.toLowerCase(),
        number: number.trim(),
      }))
      .filter((number) => number.number !== '');
  });
  return { record, name: part('full') || composed || company, company, numbers };
}

/** Reads a CSV export; throws invalid-argument when no name or phone column is recognisable. */
export function readCsv(content: string): ImportedFile {
  const { headers, rows, broken } = readCsvTable(content);
  const columns = classifyColumns(headers);
  const hasName = Object.keys(columns.name).length > 0 || columns.company !== undefined;
  if (!hasName || columns.phones.length === 0) {
    const found = headers.slice(0, 8).join(', ');
    throw new DeskpilotError(
      'invalid-argument',
      `This CSV file has no recognisable ${hasName ? 'phone' : 'name'} column (its first columns are: ${found}). Export from Outlook or Google Contacts, or use the columns "Name" and "Phone".`,
    );
  }
  return {
    records: rows.map(({ line, cells }) => readRow(cells, columns, line)),
    skipped: broken.map(({ line, reason }) => ({ record: line, reason })),
  };
}
