/** Small statistics, table and timing helpers the benchmark's measurements share. */

/** The q-quantile (0..1) of `values`, nearest-rank. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The arithmetic mean of `values`. */
export function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Milliseconds since `start` (a performance.now() reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/** A number with `digits` decimals. */
export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export interface Row {
  measurement: string;
  figure: string;
  target: string;
  verdict: string;
}

/** Renders `rows` under `header` as an aligned plain-text table, columns in the order of `keys`. */
function renderColumns<K extends string>(
  keys: readonly K[],
  header: Record<K, string>,
  rows: Record<K, string>[],
): string {
  const all = [header, ...rows];
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: Record<K, string>) =>
    keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Renders rows as an aligned plain-text table. */
export function renderTable(rows: Row[]): string {
  return renderColumns(
    ['measurement', 'figure', 'target', 'verdict'],
    { measurement: 'measurement', figure: 'measured', target: 'target', verdict: 'result' },
    rows,
  );
}

/** "meets" or "MISSES" for a figure against a target. */
export function verdict(ok: boolean): string {
  return ok ? 'meets' : 'MISSES';
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` on at most `limit` items at once. */
export async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++];
        if (item !== undefined) await work(item);
      }
    }),
  );
}

/** One measurement taken both ways: polling alone, and with the phone's pushed events. */
export interface PairRow {
  measurement: string;
  poll: string;
  push: string;
  /** The target the push column is held to. */
  target: string;
  verdict: string;
}

/** Renders side-by-side rows as an aligned plain-text table. */
export function renderPairTable(rows: PairRow[]): string {
  return renderColumns(
    ['measurement', 'poll', 'push', 'target', 'verdict'],
    {
      measurement: 'measurement',
      poll: 'poll only',
      push: 'push',
      target: 'target (push)',
      verdict: 'result',
    },
    rows,
  );
}

/** One figure beside the baseline it is compared with, measured in the same run. */
export interface RatioRow {
  measurement: string;
  figure: string;
  baseline: string;
  /** figure ÷ baseline, of the numbers named in the measurement. */
  ratio: string;
}

/** Renders figure-against-baseline rows as an aligned plain-text table. */
export function renderRatioTable(rows: RatioRow[]): string {
  return renderColumns(
    ['measurement', 'figure', 'baseline', 'ratio'],
    { measurement: 'measurement', figure: 'measured', baseline: 'baseline', ratio: 'ratio' },
    rows,
  );
}

/** `figure ÷ baseline` as "x1.23" ("n/a" when either is not a number or the baseline is 0). */
export function ratio(figure: number, baseline: number): string {
  const value = figure / baseline;
  return Number.isFinite(value) ? `x${value.toFixed(2)}` : 'n/a';
}
