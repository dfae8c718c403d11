/**
 * Tolerant readers for the scalar values VVX firmware sends: numbers and flags arrive as strings
 * on real phones and as numbers or booleans in the reference, so every reader accepts all three.
 */
import { z } from 'zod';

/** Any JSON object. */
export const record = z.record(z.string(), z.unknown());

/** Accepts a list, a lone object (some firmware) or nothing, so item errors keep their words. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      value === undefined || value === null ? [] : Array.isArray(value) ? value : [value],
    z.array(item),
  );
}

/** Any scalar as text ("7", 7 and true all read as text). */
export const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** Text that may be absent or null on some firmware; absent reads as "". */
export const optionalText = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === null ? '' : String(value)));

/** A non-negative integer sent as number or numeric string. */
export const count = z.union([z.number(), z.string()]).transform((value, context) => {
  const parsed = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isFinite(parsed) || parsed < 0) {
    context.addIssue({ code: 'custom', message: `expected a number, got "${String(value)}"` });
    return z.NEVER;
  }
  return Math.floor(parsed);
});

/** A flag sent as "0"/"1", "True"/"False", 0/1 or a boolean; absent reads as false. */
export const flag = z
  .union([z.boolean(), z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    if (typeof value === 'string')
      return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
    return false;
  });

/**
 * Flattens any JSON value into "A.B.0.C" → text pairs, for the key/value groups the admin console
 * shows. Keys are trimmed because the reference prints `"ModelNumber "` with a trailing space.
 */
export function flatten(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (item: unknown, path: string) => {
    if (item === null || item === undefined) {
      if (path !== '') out[path] = '';
    } else if (Array.isArray(item)) {
      item.forEach((element, index) =>
        visit(element, path === '' ? String(index) : `${path}.${index}`),
      );
    } else if (typeof item === 'object') {
      for (const [key, element] of Object.entries(item)) {
        const name = key.trim();
        visit(element, path === '' ? name : `${path}.${name}`);
      }
    } else {
      out[path === '' ? 'value' : path] = String(item);
    }
  };
  visit(value, prefix);
  return out;
}

/** A key as firmware families spell it apart: case, spaces and underscores ignored. */
function keyForm(key: string): string {
  return key.replace(/[\s_]/g, '').toLowerCase();
}

/**
 * Reads the first present key among spellings (`Value`/`value`, `DurationSeconds`/
 * `DurationInSeconds`), whatever its case or spacing: the reference prints `"ModelNumber "`,
 * 6.4 firmware sends `"Media Direction"`, and families differ in capitals (`Missed`/`missed`).
 */
export function pick(record: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) {
    if (record[key] !== undefined) return record[key];
  }
  const wanted = new Set(keys.map(keyForm));
  for (const [candidate, value] of Object.entries(record)) {
    if (value !== undefined && wanted.has(keyForm(candidate))) return value;
  }
  return undefined;
}

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A call handle in the one spelling Deskpilot keeps: `0x` and lower-case hex without leading
 * zeros. Firmware prints the same handle as `0x3740b48`, `3740b48` or `03740b48`.
 */
export function normaliseHandle(handle: string): string {
  const hex = handle
    .trim()
    .toLowerCase()
    .replace(/^0x/, '')
    .replace(/^0+(?=.)/, '');
  return `0x${hex}`;
}

/** A MAC address as one spelling: twelve upper-case hex digits (real phones send lower case). */
export function normaliseMacAddress(mac: string): string {
  const hex = mac.trim().replace(/[-:.\s]/g, '');
  return /^[0-9a-f]{12}$/i.test(hex) ? hex.toUpperCase() : mac.trim();
}
