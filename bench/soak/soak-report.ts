/** What a soak found, printed for people, and whether it passed. */
import { METRICS, renderSeries, type Metric, type Sample } from './samples';
import type { ClientsReport } from './soak-protocol';

export interface SoakResult {
  minutes: number;
  sampleSeconds: number;
  warmUpSeconds: number;
  /** Samples of the warm-up, not counted in the growth. */
  warmUp: Sample[];
  /** Samples after the warm-up, whose growth is judged. */
  samples: Sample[];
  /** Samples with nothing going on, before the traffic and faults began and after they ended. */
  atRest: { before: Sample; after: Sample };
  /** Percent from the first quarter's mean to the last quarter's, per metric. */
  growth: Record<string, number>;
  requests: ClientsReport;
  faults: {
    armed: Record<string, number>;
    rings: number;
    ringsRefused: number;
    errors: string[];
  };
  cli: {
    lines: Record<string, number>;
    code: number | null;
    exitedEarly: boolean;
    stderr: string;
    rssMB: number[];
  };
  /** Unexpected internal failures the core logged (never argument values). */
  failures: string[];
}

const LABELS: Record<Metric, string> = {
  rssMB: 'RSS',
  heapMB: 'heap after GC',
  fds: 'file descriptors',
  timers: 'timers',
};

function signed(value: number): string {
  return Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(1)} %` : 'n/a';
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length === 0 ? 'none' : entries.map(([kind, n]) => `${kind} ${n}`).join(', ');
}

/** Whether every request ended exactly once: answered once, or ended by its socket closing. */
function endedExactlyOnce(requests: ClientsReport): boolean {
  const errors = Object.values(requests.answeredError).reduce((sum, n) => sum + n, 0);
  return (
    requests.duplicates === 0 &&
    requests.hung === 0 &&
    requests.answeredOk + errors + requests.endedByClose === requests.sent
  );
}

/** Prints the report to stdout; returns whether the soak passed. */
export function printReport(result: SoakResult, maxGrowthPercent: number): boolean {
  const { requests, cli, faults } = result;
  const errors = Object.values(requests.answeredError).reduce((sum, n) => sum + n, 0);
  const once = endedExactlyOnce(requests);
  const growthOk = METRICS.every(
    (metric) => (result.growth[metric] ?? Infinity) <= maxGrowthPercent,
  );
  const cliOk = !cli.exitedEarly && cli.code === 0;
  const firstRss = cli.rssMB[0] ?? Number.NaN;
  const lastRss = cli.rssMB.at(-1) ?? Number.NaN;
  const lines = [
    `Deskpilot soak: ${result.minutes} min, 2 simulated HTTPS phones with faults re-armed on a cycle, 3 browser windows coming and going, a CLI watch; a sample every ${result.sampleSeconds} s`,
    '',
    `Warm-up, the first ${result.warmUpSeconds} s of traffic (not counted in the growth):`,
    renderSeries(result.warmUp),
    '',
    'Series (this process: the browser host and the core):',
    renderSeries(result.samples),
    '',
    `Growth from the first quarter to the last (means; bound ${maxGrowthPercent} %):`,
    ...METRICS.map(
      (metric) => `  ${LABELS[metric].padEnd(17)} ${signed(result.growth[metric] ?? Number.NaN)}`,
    ),
    '',
    'At rest (no window, no fault), before the traffic began and after it ended:',
    renderSeries([result.atRest.before, result.atRest.after]),
    '',
    `Requests: ${requests.sent} sent by ${requests.sessions} windows; ${requests.answeredOk} answered ok; ${errors} answered with an error (${counts(requests.answeredError)}); ${requests.endedByClose} ended by their window closing; ${requests.duplicates} answered twice; ${requests.hung} never answered.`,
    `Every request ended exactly once: ${once ? 'yes' : 'NO'}`,
    `Faults armed: ${counts(faults.armed)}; incoming calls ${faults.rings} (${faults.ringsRefused} turned away by the phone)${faults.errors.length > 0 ? `; control errors: ${faults.errors.slice(0, 3).join(' | ')}` : ''}`,
    `CLI watch: ${counts(cli.lines)} lines; ${cli.exitedEarly ? `EXITED EARLY (${cli.code}): ${cli.stderr.trim()}` : `stopped by Ctrl-C with exit status ${cli.code}`}; its RSS ${firstRss.toFixed(1)} MB at the start, ${lastRss.toFixed(1)} MB at the end`,
    `Internal failures logged: ${result.failures.length === 0 ? 'none' : result.failures.join(' | ')}`,
    '',
    `Result: ${growthOk ? 'growth within bound' : 'GROWTH OVER BOUND'}, ${once ? 'every request ended once' : 'REQUESTS LOST OR DOUBLED'}, ${cliOk ? 'CLI watch ran throughout' : 'CLI WATCH FAILED'}, ${result.failures.length === 0 ? 'no internal failure' : 'INTERNAL FAILURES'}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return growthOk && once && cliOk && result.failures.length === 0;
}
