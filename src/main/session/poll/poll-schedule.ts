/**
 * When the poller reads: one round at a time, at a steady cadence measured from each round's
 * start (so a change waits at most one interval plus the round trip that reads it, and the
 * request rate is exactly one round per interval), after a wait the round asks for when it failed,
 * and at once when woken.
 */

/** What a round asks for next: the next round at this cadence, or after this wait. */
export type NextRound = { everyMs: number } | { afterMs: number };

/** The poller's timer; see the module comment. */
export class PollSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private inRound = false;
  private wakeRequested = false;

  constructor(private readonly round: () => Promise<NextRound>) {}

  /** Starts the first round at once. */
  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** Stops; a round in flight finishes but schedules nothing. */
  stop(): void {
    this.running = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Runs a round now (a new certificate was accepted, or the user asked). */
  wake(): void {
    // During a round the wish is kept, so the round's own (possibly long) wait cannot swallow it.
    if (this.inRound) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** Runs the next round after `delayMs` instead of when planned, unless a round is under way. */
  reschedule(delayMs: number): void {
    if (this.running && !this.inRound) this.schedule(delayMs);
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.inRound = true;
    const startedAt = Date.now();
    const next = await this.round();
    const delay =
      'everyMs' in next ? Math.max(0, next.everyMs - (Date.now() - startedAt)) : next.afterMs;
    this.inRound = false;
    this.schedule(this.wakeRequested ? 0 : delay);
    this.wakeRequested = false;
  }
}
