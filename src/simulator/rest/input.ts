/**
 * Reading the `data` member of a request. Phones and public clients send numbers as strings
 * ("Line": "1") and sometimes as numbers; both are taken.
 */
export type Fields = Record<string, unknown>;

/** The `data` object, or null when it is missing or not an object. */
export function asFields(data: unknown): Fields | null {
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Fields)
    : null;
}

/** A text field: strings as given, finite numbers as text; undefined when absent or unusable. */
export function text(fields: Fields | null, name: string): string | undefined {
  const value = fields?.[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A whole number field within bounds; null when present but invalid, undefined when absent. */
export function wholeNumber(
  fields: Fields | null,
  name: string,
  min: number,
  max: number,
): number | null | undefined {
  const raw = text(fields, name);
  if (raw === undefined) return fields?.[name] === undefined ? undefined : null;
  if (!/^\s*-?\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}
