/**
 * Splits configuration reads and writes into what one request to the phone may carry: at most 20
 * names, and for writes a body under the phone's 20 KB. A `device.*` write takes effect only
 * with `device.set` in the same request, so that switch is repeated in every batch that carries a
 * device parameter.
 */
const LIMIT = 20;

/**
 * Bytes of values one request may carry: the phone refuses bodies over 20 KB (HTTP 413), and the
 * envelope and separators take a little of it.
 */
export const MAX_BATCH_BYTES = 18_000;

/** Names in batches of at most 20, in order, without duplicates. */
export function nameBatches(names: string[]): string[][] {
  const unique = [...new Set(names)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += LIMIT) {
    batches.push(unique.slice(start, start + LIMIT));
  }
  return batches;
}

/** The bytes one `"name":"value",` takes in the request's JSON body. */
export function entryBytes(name: string, value: string): number {
  return Buffer.byteLength(JSON.stringify(name)) + Buffer.byteLength(JSON.stringify(value)) + 2;
}

/**
 * Values in order, in batches of at most 20 entries and MAX_BATCH_BYTES, `device.set` joining
 * each batch of device values. A single value larger than a batch gets a batch of its own (the
 * caller refuses it first).
 */
export function valueBatches(values: Record<string, string>): Record<string, string>[] {
  const { ['device.set']: deviceSet, ...rest } = values;
  const switchBytes = deviceSet === undefined ? 0 : entryBytes('device.set', deviceSet);
  const batches: Record<string, string>[] = [];
  let batch: Record<string, string> = {};
  let count = 0;
  let bytes = 0;
  const close = (): void => {
    if (count === 0) return;
    if (deviceSet !== undefined && Object.keys(batch).some((name) => name.startsWith('device.'))) {
      batch['device.set'] = deviceSet;
    }
    batches.push(batch);
    batch = {};
    count = 0;
    bytes = 0;
  };
  for (const [name, value] of Object.entries(rest)) {
    const size = entryBytes(name, value);
    if (
      count === LIMIT - (deviceSet === undefined ? 0 : 1) ||
      bytes + size + switchBytes > MAX_BATCH_BYTES
    ) {
      close();
    }
    batch[name] = value;
    count += 1;
    bytes += size;
  }
  close();
  if (batches.length === 0 && deviceSet !== undefined) batches.push({ 'device.set': deviceSet });
  return batches;
}
