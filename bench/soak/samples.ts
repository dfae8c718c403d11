/**
 * What the soak measures of its own process every few seconds, and how it reads the series:
 * resident memory, heap after a full garbage collection, open file descriptors and timers.
 */
import { readdirSync } from 'node:fs';

export interface Sample {
  /** Seconds since the soak started. */
  atS: number;
  rssMB: number;
  heapMB: number;
  fds: number;
  timers: number;
}

export const METRICS = ['rssMB', 'heapMB', 'fds', 'timers'] as const;
export type Metric = (typeof METRICS)[number];

/** `global.gc` from `node --expose-gc`, or null when the process was started without it. */
function collector(): (() => void) | null {
  const { gc } = globalThis as { gc?: () => void };
  return typeof gc === 'function' ? gc : null;
}

/** Whether the heap can be measured after a collection (node --expose-gc). */
export function canCollect(): boolean {
  return collector() !== null;
}

/** Open file descriptors of this process (Linux), or NaN where /proc is missing. */
function openFds(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return Number.NaN;
  }
}

/** Takes one sample, collecting garbage twice first so the heap shows what is kept. */
export function takeSample(startedAt: number): Sample {
  const gc = collector();
  gc?.();
  gc?.();
  const memory = process.memoryUsage();
  return {
    atS: Math.round((Date.now() - startedAt) / 1000),
    rssMB: memory.rss / 1024 / 1024,
    heapMB: memory.heapUsed / 1024 / 1024,
    fds: openFds(),
    timers: process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length,
  };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Growth of a metric between the first and the last quarter of the series (their means), in
 * percent of the first; NaN with fewer than four samples.
 */
export function growthPercent(samples: readonly Sample[], metric: Metric): number {
  const quarter = Math.floor(samples.length / 4);
  if (quarter === 0) return Number.NaN;
  const first = mean(samples.slice(0, quarter).map((sample) => sample[metric]));
  const last = mean(samples.slice(-quarter).map((sample) => sample[metric]));
  return first === 0 ? (last === 0 ? 0 : Number.POSITIVE_INFINITY) : ((last - first) / first) * 100;
}

/** The series as an aligned table, one sample a line. */
export function renderSeries(samples: readonly Sample[]): string {
  const header = '    t (s)   RSS (MB)   heap after GC (MB)   fds   timers';
  const lines = samples.map(
    (sample) =>
      `${String(sample.atS).padStart(9)}${sample.rssMB.toFixed(1).padStart(11)}${sample.heapMB
        .toFixed(2)
        .padStart(21)}${String(sample.fds).padStart(6)}${String(sample.timers).padStart(9)}`,
  );
  return [header, ...lines].join('\n');
}
