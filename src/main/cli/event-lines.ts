/** A stream that may say it is full (`write` returns false) and when it has room again. */
export interface LineSink {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** How many event lines wait for a slow reader before newer ones are dropped. */
export const EVENT_LINES_HELD = 10_000;

/**
 * Writes JSON lines for `watch` to a reader that may be slower than the phones: while the stream
 * is full, lines wait in a queue of at most `limit`; beyond it they are dropped and counted, and
 * once the reader catches up `onCaughtUp(dropped)` runs, so the command can say how many were
 * lost and print fresh snapshots in their place. Memory stays bounded however slow the reader.
 */
export class EventLines {
  private readonly waiting: string[] = [];
  private full = false;
  private dropped = 0;

  constructor(
    private readonly sink: LineSink,
    private readonly onCaughtUp: (dropped: number) => void,
    private readonly limit = EVENT_LINES_HELD,
  ) {}

  /** Queues one value as a JSON line. */
  push(value: unknown): void {
    const line = `${JSON.stringify(value)}\n`;
    if (!this.full) {
      this.write(line);
    } else if (this.waiting.length < this.limit) {
      this.waiting.push(line);
    } else {
      this.dropped += 1;
    }
  }

  private write(line: string): void {
    // Streams that cannot say they are full (a test's string sink) are never waited for.
    if (this.sink.write(line) === false && this.sink.once) {
      this.full = true;
      this.sink.once('drain', () => this.drain());
    }
  }

  private drain(): void {
    this.full = false;
    let next = 0;
    while (next < this.waiting.length && !this.full) this.write(this.waiting[next++] ?? '');
    this.waiting.splice(0, next);
    if (this.full || this.dropped === 0) return;
    const dropped = this.dropped;
    this.dropped = 0;
    this.onCaughtUp(dropped);
  }
}
