/**
 * Fleet jobs: each operation on many phones runs under the id its caller chose, reports a
 * 'fleet-progress' event when it starts, after each phone and when it ends, and can be cancelled
 * by that id. A cancelled job finishes the phones in hand, starts no other, and answers with what
 * it did.
 */
import type { FleetOperation, FleetProgress } from '../../../shared/contract/fleet';
import { DeskpilotError } from '../../ground/deskpilot-error';

/** How many phones a job works on at once (each through its own serial queue). */
export const FLEET_CONCURRENCY = 8;

/** One running job: its progress, its cancellation, and its cancellable waits. */
export class FleetJob {
  private done = 0;
  private readonly controller = new AbortController();

  constructor(
    readonly jobId: string,
    readonly operation: FleetOperation,
    private readonly total: number,
    private readonly emit: (progress: FleetProgress) => void,
  ) {}

  /** Whether the job was asked to stop. */
  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  cancel(): void {
    this.controller.abort();
  }

  /** Says what is being done now, without counting a phone as done. */
  report(current: string): void {
    this.send(current, false);
  }

  /** Counts one more phone (or row) as done and says so. */
  step(current: string): void {
    this.done += 1;
    this.send(current, false);
  }

  /** Announces the end: `ended` true, nothing current. */
  end(): void {
    this.send(null, true);
  }

  /** Waits `ms`, or less if the job is cancelled meanwhile. */
  wait(ms: number): Promise<void> {
    const { signal } = this.controller;
    if (signal.aborted || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private send(current: string | null, ended: boolean): void {
    this.emit({
      jobId: this.jobId,
      operation: this.operation,
      done: this.done,
      total: this.total,
      current,
      ended,
    });
  }
}

/** The running jobs, one per id. */
export class FleetJobs {
  private readonly running = new Map<string, FleetJob>();

  constructor(private readonly emit: (progress: FleetProgress) => void) {}

  /**
   * Runs `work` as job `jobId` over `total` phones: a start event first, an end event whatever
   * happens. A second job under the id of a running one is refused.
   */
  async run<T>(
    jobId: string,
    operation: FleetOperation,
    total: number,
    work: (job: FleetJob) => Promise<T>,
  ): Promise<T> {
    if (this.running.has(jobId)) {
      throw new DeskpilotError(
        'invalid-argument',
        `A fleet job with the id "${jobId}" is still running: wait for it to end, or cancel it.`,
      );
    }
    const job = new FleetJob(jobId, operation, total, this.emit);
    this.running.set(jobId, job);
    try {
      job.report('Starting');
      return await work(job);
    } finally {
      this.running.delete(jobId);
      job.end();
    }
  }

  /** Stops job `jobId` after the phones in hand; nothing if no such job runs. */
  cancel(jobId: string): void {
    this.running.get(jobId)?.cancel();
  }

  /** Stops every running job (the core is closing). */
  cancelAll(): void {
    for (const job of this.running.values()) job.cancel();
  }
}

/**
 * Calls `work` for each item, at most `limit` at a time, in order; once the job is cancelled (or
 * `stop()` says so) no further item is started. Answers which items were started.
 */
export async function eachBounded<T>(
  items: readonly T[],
  limit: number,
  job: FleetJob,
  work: (item: T, index: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<boolean[]> {
  const started = items.map(() => false);
  // One iterator shared by every worker: each takes the next item in turn.
  const queue = items.entries();
  async function worker(): Promise<void> {
    for (const [index, item] of queue) {
      if (job.cancelled || stop()) return;
      started[index] = true;
      await work(item, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return started;
}
