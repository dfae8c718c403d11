/**
 * Splits configuration reads and writes into the phone's limit of 20 names per request. A
 * `device.*` write takes effect only with `device.set` in the same request, so that switch is
 * repeated in every batch that carries a device parameter.
 */
const LIMIT = 20;

/** Names in batches of at most 20, in order, without duplicates. */
export function nameBatches(names: string[]): string[][] {
  const unique = [...new Set(names)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += LIMIT) {
    batches.push(unique.slice(start, start + LIMIT));
  }
  return batches;
}

/** Values in batches of at most 20 entries, `device.set` joining each batch of device values. */
export function valueBatches(values: Record<string, string>): Record<string, string>[] {
  const { ['device.set']: deviceSet, ...rest } = values;
  const entries = Object.entries(rest);
  const size = deviceSet === undefined ? LIMIT : LIMIT - 1;
  const batches: Record<string, string>[] = [];
  for (let start = 0; start < entries.length; start += size) {
    const batch = Object.fromEntries(entries.slice(start, start + size));
    if (deviceSet !== undefined && Object.keys(batch).some((name) => name.startsWith('device.'))) {
      batch['device.set'] = deviceSet;
    }
    batches.push(batch);
  }
  if (batches.length === 0 && deviceSet !== undefined) batches.push({ 'device.set': deviceSet });
  return batches;
}
