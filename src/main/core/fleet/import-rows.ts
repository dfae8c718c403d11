/**
 * Reads a fleet import file into candidate phones and judges each row before any phone is
 * contacted: a name and an address, both unique in the file and among the phones already
 * configured, a valid group, and a password. Columns are found by their header, in any case and
 * order; a bare host ("192.168.1.20") means https://192.168.1.20.
 */
import type { z } from 'zod';

import { MAX_FLEET_PHONES } from '../../../shared/fleet-limits';
import type { PhoneInfo } from '../../../shared/domain';
import { phoneGroup, phoneName, phoneUrl } from '../../../shared/value-rules';
import { normalisedHeader, readCsvTable } from '../../ground/csv-table';
import { DeskpilotError } from '../../ground/deskpilot-error';

/** The phone's login when neither the file nor the caller names one: the VVX admin account. */
export const DEFAULT_FLEET_USERNAME = 'Polycom';

type Column = 'name' | 'address' | 'group' | 'username' | 'password';

const HEADERS: Record<string, Column> = {
  name: 'name',
  'phone name': 'name',
  address: 'address',
  url: 'address',
  host: 'address',
  'ip address': 'address',
  group: 'group',
  username: 'username',
  'user name': 'username',
  user: 'username',
  password: 'password',
};

/** One row of the file as it will be tried: `reason` says why it is skipped, else null. */
export interface ImportCandidate {
  line: number;
  name: string;
  url: string;
  group: string | null;
  username: string;
  /** Kept in the core: never in a preview, a report, an event or a log. */
  password: string;
  reason: string | null;
}

/** What the caller gives for every row: a shared credential and group. */
export interface ImportDefaults {
  username?: string | undefined;
  password?: string | undefined;
  group?: string | undefined;
}

/** The message of the rule's first complaint about `value`, or null when it follows the rule. */
function complaint(rule: z.ZodType, value: string): string | null {
  const result = rule.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'it is not valid');
}

/** A bare host or host:port becomes an https:// address; anything with a scheme stays. */
export function phoneAddress(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

/** The origin two addresses share when they reach the same phone, or the text when unreadable. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function columnsOf(headers: string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  headers.forEach((header, index) => {
    const column = HEADERS[normalisedHeader(header)];
    if (column !== undefined) columns[column] ??= index;
  });
  return columns;
}

/**
 * Every row of the file with its verdict before any phone is contacted. Refuses (invalid-argument)
 * a file without a name or address column, or with more rows than a fleet operation handles.
 */
export function readImportRows(
  csv: string,
  defaults: ImportDefaults,
  existing: readonly PhoneInfo[],
): ImportCandidate[] {
  const { headers, rows, broken } = readCsvTable(csv);
  const columns = columnsOf(headers);
  if (columns.name === undefined || columns.address === undefined) {
    const missing = columns.name === undefined ? 'name' : 'address (or url)';
    throw new DeskpilotError(
      'invalid-argument',
      `The import file has no ${missing} column (its first columns are: ${headers.slice(0, 8).join(', ') || 'none'}). Use a header row naming name, address and optionally group, username and password.`,
    );
  }
  if (rows.length + broken.length > MAX_FLEET_PHONES) {
    throw new DeskpilotError(
      'invalid-argument',
      `The import file has ${rows.length + broken.length} rows; an import takes at most ${MAX_FLEET_PHONES}.`,
    );
  }
  const names = new Set(existing.map((phone) => phone.name.toLowerCase()));
  const origins = new Map(existing.map((phone) => [originOf(phone.url), phone.name] as const));
  const fileNames = new Map<string, number>();
  const fileOrigins = new Map<string, number>();
  const candidates = rows.map(({ line, cells }): ImportCandidate => {
    const cell = (column: Column) => {
      const index = columns[column];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const candidate: ImportCandidate = {
      line,
      name: cell('name'),
      url: phoneAddress(cell('address')),
      group: cell('group') || defaults.group || null,
      username: cell('username') || defaults.username || DEFAULT_FLEET_USERNAME,
      // A password column's value wins; an empty cell falls back to the shared password.
      password: cell('password') || defaults.password || '',
      reason: null,
    };
    candidate.reason = judge(candidate, { names, origins, fileNames, fileOrigins });
    return candidate;
  });
  const unreadable = broken.map(({ line, reason }): ImportCandidate => ({
    line,
    name: '',
    url: '',
    group: null,
    username: '',
    password: '',
    reason: `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}.`,
  }));
  return [...candidates, ...unreadable].sort((a, b) => a.line - b.line);
}

interface Seen {
  names: ReadonlySet<string>;
  origins: ReadonlyMap<string, string>;
  fileNames: Map<string, number>;
  fileOrigins: Map<string, number>;
}

/** Why a row cannot be added, or null; a valid row's name and address are remembered. */
function judge(row: ImportCandidate, seen: Seen): string | null {
  if (row.name === '') return 'No name.';
  const nameProblem = complaint(phoneName, row.name);
  if (nameProblem !== null) return `The name is not valid: ${nameProblem}.`;
  if (row.url === '') return 'No address.';
  const urlProblem = complaint(phoneUrl, row.url);
  if (urlProblem !== null)
    return `The address "${row.url.slice(0, 100)}" is not valid: ${urlProblem}.`;
  if (row.group !== null) {
    const groupProblem = complaint(phoneGroup, row.group);
    if (groupProblem !== null) return `The group is not valid: ${groupProblem}.`;
  }
  if (row.password === '') {
    return 'No password: give a password column or one shared password for the file.';
  }
  const name = row.name.toLowerCase();
  if (seen.names.has(name)) return `A phone called "${row.name}" already exists.`;
  const sameName = seen.fileNames.get(name);
  if (sameName !== undefined) return `The name "${row.name}" is already on line ${sameName}.`;
  const origin = originOf(row.url);
  const existingAtAddress = seen.origins.get(origin);
  if (existingAtAddress !== undefined) {
    return `The phone "${existingAtAddress}" already has the address ${origin}.`;
  }
  const sameAddress = seen.fileOrigins.get(origin);
  if (sameAddress !== undefined) return `The address ${origin} is already on line ${sameAddress}.`;
  seen.fileNames.set(name, row.line);
  seen.fileOrigins.set(origin, row.line);
  return null;
}

/** How many rows passed their checks, to be tried on their phones. */
export function rowsToTry(rows: readonly ImportCandidate[]): number {
  return rows.filter((row) => row.reason === null).length;
}
