/**
 * Pure helpers of the configuration editor: reading a pasted list of parameter names, and the
 * exact set of values a save sends (the diff preview shows this same set).
 */
import type { ConfigValue } from '../../../shared/contract/config';

/** A name the phone accepts: letters, digits, dots, dashes, underscores and brackets. */
const NAME = /^[A-Za-z0-9_.\-[\]]{1,256}$/;

/** Whether the text can be a configuration parameter's name. */
export function isConfigName(text: string): boolean {
  return NAME.test(text);
}

export interface ParsedNames {
  names: string[];
  /** Pieces that cannot be parameter names, quoted back to the user. */
  rejected: string[];
}

/**
 * Names from text typed one per line or pasted as a list (commas, spaces, semicolons, or
 * "name = value" lines from a configuration file, whose values are ignored). Duplicates are
 * dropped; order is kept.
 */
export function parseConfigNames(text: string): ParsedNames {
  const names: string[] = [];
  const rejected: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const withoutValue = line.replace(/[=:].*$/, '');
    for (const piece of withoutValue.split(/[\s,;"']+/)) {
      if (piece === '') continue;
      if (!isConfigName(piece)) rejected.push(piece);
      else if (!names.includes(piece)) names.push(piece);
    }
  }
  return { names, rejected };
}

export interface ConfigRow {
  name: string;
  /** What the phone reported; null when it does not know the parameter. */
  current: ConfigValue | null;
  /** The value in the editor. */
  draft: string;
}

export interface ConfigChange {
  name: string;
  from: string;
  to: string;
}

/** Rows whose draft differs from the phone's value. */
export function changesOf(rows: readonly ConfigRow[]): ConfigChange[] {
  return rows
    .filter((row) => row.current !== null && row.draft !== row.current.value)
    .map((row) => ({ name: row.name, from: row.current?.value ?? '', to: row.draft }));
}

/**
 * What a save sends: the changed values, plus `device.set` = 1 and `<name>.set` = 1 for each
 * `device.*` parameter, without which the phone ignores device settings (see the API notes).
 */
export function valuesToSend(changes: readonly ConfigChange[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { name, to } of changes) {
    values[name] = to;
    if (name.startsWith('device.') && !name.endsWith('.set')) {
      values['device.set'] = '1';
      values[`${name}.set`] = '1';
    }
  }
  return values;
}
