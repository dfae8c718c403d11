/** Small statistics and table helpers for the benchmark's printed figures. */

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

/** Renders rows as an aligned plain-text table. */
export function renderTable(rows: Row[]): string {
  const header: Row = {
    measurement: 'measurement',
    figure: 'measured',
    target: 'target',
    verdict: 'result',
  };
  const all = [header, ...rows];
  const keys = ['measurement', 'figure', 'target', 'verdict'] as const;
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: Row) => keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** "meets" or "MISSES" for a figure against a target. */
export function verdict(ok: boolean): string {
  return ok ? 'meets' : 'MISSES';
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
  const header: PairRow = {
    measurement: 'measurement',
    poll: 'poll only',
    push: 'push',
    target: 'target (push)',
    verdict: 'result',
  };
  const keys = ['measurement', 'poll', 'push', 'target', 'verdict'] as const;
  const all = [header, ...rows];
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: PairRow) => keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
